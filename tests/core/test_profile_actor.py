"""Who the audit log names: the profile's name, followed at once after a rename (also by the CLI),
and not changed by a rename that was rolled back."""

from __future__ import annotations

import pytest

from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.domain.directory import Location
from knooppunt.domain.enums import LocationType, Role
from knooppunt.errors import KnooppuntError
from tests.conftest import PASSPHRASE, TEST_KDF_ITER


def _last_actor(services) -> str:
    return services.audit.recent(1)[0].actor


def _location(services, name: str) -> None:
    services.locations.create_location(Location(None, name, LocationType.PO))


def test_the_audit_rows_name_the_profile_and_follow_a_rename(services):
    _location(services, "De Eik")
    assert _last_actor(services) == "Test Gebruiker"  # no profile yet: the fallback

    services.profile.save("Annelies de Vries", Role.IB)
    assert _last_actor(services) == "Annelies de Vries"  # the rename itself is logged under the new name
    _location(services, "De Linde")
    assert (_last_actor(services), services.actor) == ("Annelies de Vries", "Annelies de Vries")

    services.profile.save("Annelies Bakker", Role.IB)
    _location(services, "De Beuk")
    assert _last_actor(services) == "Annelies Bakker"


def test_a_rename_that_is_rolled_back_leaves_the_actor_as_it_was(services, monkeypatch):
    services.profile.save("Annelies de Vries", Role.IB)

    def refused(*_args, **_kwargs):
        raise KnooppuntError("De schijf is vol.")

    # The audit row of the rename fails: the whole unit of work, name included, is rolled back.
    monkeypatch.setattr(type(services.store), "append_audit", refused)
    with pytest.raises(KnooppuntError):
        services.profile.save("Iemand Anders", Role.IB)
    monkeypatch.undo()

    assert services.actor == services.profile.user_name == "Annelies de Vries"
    _location(services, "De Eik")
    assert _last_actor(services) == "Annelies de Vries"


def test_the_cli_names_the_profile_after_a_rename(tmp_path, monkeypatch, capsys):
    path = tmp_path / "knooppunt.db"
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda p, phrase, **kw: open_services(p, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    open_services(path, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER).close()

    def backup_actor() -> str:
        assert main(["back-up", "--db", str(path), "--naar", str(tmp_path / "back-ups")]) == 0
        with open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as services:
            return _last_actor(services)

    assert backup_actor() == "knooppunt-cli"  # no profile yet
    with open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as services:
        services.profile.save("Annelies de Vries", Role.IB)
    assert backup_actor() == "Annelies de Vries"
    with open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as services:
        services.profile.save("Annelies Bakker", Role.COORDINATOR)
    assert backup_actor() == "Annelies Bakker"
    capsys.readouterr()
