"""The regional directory against a real Datasette process over HTTPS (issue 20).

The coordinator publishes regio.db, Datasette serves it, a laptop pulls it through the JSON API,
verifies the signature, sees the preview and applies it whole.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta

import pytest

from knooppunt.directory.entries import PartnerEntry
from knooppunt.regional import signing
from knooppunt.regional.client import DirectoryServerUnreachable
from knooppunt.regional.publication import PublicationRefused
from knooppunt.storage.regional_file import published_tables
from tests.regional_server import DatasetteServer, silent_socket

DEMO = "Kindcentrum De Vlinderboom"
JGZ = "Jeugdgezondheidszorg (JGZ)"


@pytest.fixture
def serve(tmp_path):
    """``serve(db_file)`` starts Datasette on it; every server is stopped after the test."""
    servers: list[DatasetteServer] = []

    def start(db_file):
        for server in servers:
            server.stop()
        server = DatasetteServer.start(db_file, tmp_path / f"server{len(servers)}")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def _publish(services, path):
    if not services.regional_publisher.public_key():
        services.regional_publisher.make_key()
    return services.regional_publisher.publish(path)


def _directory(services, name=DEMO):
    location = services.locations.location_by_name(name)
    return {v.partner.role: (v.organisation.name if v.organisation else None, v.contact.name if v.contact else None,
                             v.contact.phone if v.contact else None, v.partner.mandate_category,
                             v.partner.mandate_valid_until)
            for v in services.locations.partners(location.id)}


def _audit_count(services):
    return services.store.count("audit_log")


def _change_mandate(services, role, until):
    location = services.locations.location_by_name(DEMO)
    view = next(v for v in services.locations.partners(location.id) if v.partner.role == role)
    p = view.partner
    services.locations.fill_partner(p.id, PartnerEntry(
        p.role, view.organisation.name, kind=p.kind, contact=_person(view.contact), substitute=_person(view.substitute),
        mandate_category=p.mandate_category, mandate_description=p.mandate_description,
        mandate_valid_from=p.mandate_valid_from, mandate_valid_until=until))


def _person(contact):
    from knooppunt.directory.entries import PersonEntry

    if contact is None:
        return None
    return PersonEntry(contact.name, contact.function, contact.phone, contact.email, contact.availability, contact.note)


def test_publish_pull_change_a_mandate_publish_pull(demo_services, services_factory, serve, tmp_path):
    coordinator, laptop = demo_services, services_factory()
    regio = tmp_path / "regio.db"
    jgz_org = coordinator.store.scalar("SELECT organisation_id FROM location_partner WHERE role = ?", [JGZ])
    with coordinator.store.unit_of_work() as uow:  # a colleague who sits at no table (a possible substitute)
        uow.insert("contact_person", {"name": "Noor Visser", "organisation_id": jgz_org, "phone": "0458501299"})
        uow.audit("test", "contact_person", None)
    public = coordinator.regional_publisher.make_key()[0]
    result = _publish(coordinator, regio)
    assert result.locations == 1 and result.fingerprint == signing.fingerprint(public)
    server = serve(regio)
    laptop.regional.save_subscription(server.url, public)
    assert laptop.regional.subscription().fingerprint == signing.fingerprint(public)

    plan = laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    seen = {(c.action, c.what, c.name) for c in plan.changes}
    assert ("nieuw", "Locatie", DEMO) in seen
    assert ("nieuw", "Rol", JGZ) in seen
    assert plan.count("gewijzigd") == plan.count("verwijderd") == 0
    assert ("nieuw", "Contactpersoon", "Noor Visser") in seen
    assert all(c.location == DEMO for c in plan.changes if c.name != "Noor Visser")
    assert laptop.locations.location_by_name(DEMO) is None  # the preview changed nothing
    laptop.regional.apply(plan)
    assert _directory(laptop) == _directory(coordinator)
    noor = next(c for c in laptop.locations.contacts() if c.name == "Noor Visser")
    assert noor.phone == "045 850 1299" and laptop.locations.contact(noor.id).organisation_id is not None
    assert laptop.regional.subscription().last_hash == result.content_hash

    # Monday: the JGZ mandate is extended; the coordinator publishes again and IT restarts the server.
    _change_mandate(coordinator, JGZ, date(2027, 12, 31))
    second = _publish(coordinator, regio)
    assert second.content_hash != result.content_hash
    server = serve(regio)
    laptop.regional.save_subscription(server.url, public)
    plan = laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    assert [(c.action, c.what, c.name, c.detail) for c in plan.changes] == [
        ("gewijzigd", "Rol", JGZ, "mandaat geldig tot 31-07-2027 → 31-12-2027")]
    assert plan.summary == "0 nieuw, 1 gewijzigd, 0 verwijderd"
    laptop.regional.apply(plan)
    assert _directory(laptop)[JGZ][4] == date(2027, 12, 31)
    assert _directory(laptop) == _directory(coordinator)
    again = laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    assert again.changes == () and again.summary.startswith("Geen verschillen")


def test_a_role_used_in_past_discussions_stays_when_the_region_drops_it(demo_services, services_factory, serve,
                                                                           tmp_path):
    laptop, coordinator = demo_services, services_factory()
    used_id = laptop.store.scalar("SELECT min(location_partner_id) FROM participant")
    used_role = laptop.store.scalar("SELECT role FROM location_partner WHERE id = ?", [used_id])
    # The coordinator's own copy of the location, brought over once with a directory file.
    exported = tmp_path / "demo.knooppunt-adresboek.json"
    laptop.directory.export(laptop.locations.location_by_name(DEMO).id, exported, "directory")
    data = coordinator.directory.read(exported)
    coordinator.directory.apply_import(coordinator.directory.plan_import(DEMO, data))
    location = coordinator.locations.location_by_name(DEMO)
    dropped = next(v.partner for v in coordinator.locations.partners(location.id) if v.partner.role == used_role)
    coordinator.locations.remove_role(dropped.id)
    regio = tmp_path / "regio.db"
    _publish(coordinator, regio)
    server = serve(regio)
    laptop.regional.save_subscription(server.url, coordinator.regional_publisher.public_key())

    plan = laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    assert [(c.action, c.name, c.detail) for c in plan.changes] == [
        ("blijft", used_role, "kan niet worden verwijderd: komt voor in besprekingen")]
    laptop.regional.apply(plan)
    assert used_role in _directory(laptop)
    assert laptop.store.count("participant", "location_partner_id = ?", [used_id]) > 0


def _tamper(regio, tmp_path):
    """The published file with one phone number changed and the old hash and signature kept."""
    tampered = tmp_path / "tampered" / "regio.db"
    tampered.parent.mkdir()
    tampered.write_bytes(regio.read_bytes())
    conn = sqlite3.connect(tampered)
    with conn:
        conn.execute("UPDATE contact_person SET phone = '06 99999999' WHERE id = (SELECT min(id) FROM contact_person)")
    conn.close()
    return tampered


def test_tampered_content_and_a_wrong_key_are_refused_and_nothing_changes(demo_services, services_factory, serve,
                                                                          tmp_path):
    coordinator, laptop = demo_services, services_factory()
    regio = tmp_path / "regio.db"
    _publish(coordinator, regio)
    public = coordinator.regional_publisher.public_key()
    server = serve(_tamper(regio, tmp_path))
    laptop.regional.save_subscription(server.url, public)
    before = _audit_count(laptop)
    with pytest.raises(PublicationRefused, match="klopt niet met de handtekening"):
        laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    assert laptop.locations.location_by_name(DEMO) is None

    server = serve(regio)
    stranger = signing.new_key_pair()[1]
    laptop.regional.save_subscription(server.url, stranger)
    with pytest.raises(PublicationRefused, match=f"vingerafdruk {signing.fingerprint(stranger)}"):
        laptop.regional.plan(laptop.regional.fetch(cafile=server.cafile))
    assert laptop.locations.location_by_name(DEMO) is None
    assert _audit_count(laptop) == before + 1  # only the changed setting


def test_an_unknown_certificate_is_refused(demo_services, services_factory, serve, tmp_path):
    regio = tmp_path / "regio.db"
    _publish(demo_services, regio)
    server = serve(regio)
    with pytest.raises(PublicationRefused, match="certificaat"):
        services_factory().regional.fetch(url=server.url)  # the system CAs do not know the test CA


def test_a_server_that_is_down_or_silent_gives_a_dutch_message_within_the_timeout(services):
    before = _audit_count(services)
    with silent_socket() as url:
        started = time.monotonic()
        with pytest.raises(DirectoryServerUnreachable, match="antwoordt niet binnen 1 seconden"):
            services.regional.fetch(url=url, timeout=1)
        assert time.monotonic() - started < 5
    with silent_socket() as url:
        down = url  # closed when the block ends: nobody listens there any more
    with pytest.raises(DirectoryServerUnreachable, match="Geen verbinding.*U werkt gewoon verder"):
        services.regional.fetch(url=down, timeout=1)
    assert _audit_count(services) == before


def test_only_https_addresses_and_real_keys_are_accepted(services):
    from knooppunt.errors import ValidationError

    key = signing.new_key_pair()[1]
    with pytest.raises(ValidationError, match="https://") as error:
        services.regional.save_subscription("http://adresboek.regio.nl", key)
    assert error.value.field == "url"
    with pytest.raises(ValidationError, match="publieke sleutel") as error:
        services.regional.save_subscription("https://adresboek.regio.nl", "abc")
    assert error.value.field == "public_key"
    assert not services.regional.subscription().configured


# The published file holds the directory and nothing about children ------------------------------

CHILD_DATA = [
    "SELECT first_name || ' ' || last_name FROM child", "SELECT name, phone, email FROM guardian",
    "SELECT text FROM note", "SELECT text, parents_words, child_words FROM decision",
    "SELECT description, outcome_note FROM agreement",
    "SELECT hulpvraag, strengths, concerns, signal_by FROM child_case",
    "SELECT name FROM participant WHERE kind IN ('ouder', 'kind')", "SELECT note FROM consent",
    "SELECT date, start_time FROM meeting", "SELECT text FROM addendum",
]


def test_the_demo_publication_has_no_child_parent_note_or_meeting_data(demo_services, tmp_path):
    regio = tmp_path / "regio.db"
    # The demo meets today; publish a day later, so the publication date is not the meeting's date.
    demo_services.store.clock.now += timedelta(days=1)
    _publish(demo_services, regio)
    assert published_tables(regio) == ["contact_person", "location", "location_partner", "meta", "organisation",
                                       "organisation_type"]
    conn = sqlite3.connect(regio)
    cells = [str(v) for table in published_tables(regio) for row in conn.execute(f"SELECT * FROM [{table}]")
             for v in row if v is not None]
    conn.close()
    published = "\n".join(cells).casefold()
    secrets = {str(v).casefold() for sql in CHILD_DATA for row in demo_services.store.query(sql)
               for v in row.values() if v not in (None, "") and len(str(v)) >= 4}
    assert len(secrets) > 40  # the demo really has children, parents, notes and meetings
    assert [s for s in secrets if s in published] == []
    assert "Zoë".casefold() not in published


def test_a_child_named_in_a_contact_note_refuses_the_publication(demo_services, tmp_path):
    s = demo_services
    first, last = s.store.query("SELECT first_name, last_name FROM child LIMIT 1")[0].values()
    contact = s.store.query("SELECT id FROM contact_person LIMIT 1")[0]["id"]
    with s.store.unit_of_work() as uow:
        uow.update("contact_person", contact, {"note": f"Belt over {first} {last} terug"})
        uow.audit("test", "contact_person", contact)
    s.regional_publisher.make_key()
    regio = tmp_path / "regio.db"
    with pytest.raises(Exception, match="Niet gepubliceerd: er staat iets over een kind") as error:
        s.regional_publisher.publish(regio)
    assert "veld notitie" in str(error.value) and first not in str(error.value)
    assert not regio.exists()


def test_keygen_keeps_the_private_key_in_the_encrypted_database(services):
    public, _change = services.regional_publisher.make_key()
    assert services.regional_publisher.public_key() == public
    stored = services.store.query("SELECT private_key FROM regional_signing_key")[0]["private_key"]
    assert signing.public_of(stored) == public
    with pytest.raises(Exception, match="--vervangen"):
        services.regional_publisher.make_key()
    newer, _ = services.regional_publisher.make_key(replace=True)
    assert newer != public and services.regional_publisher.public_key() == newer


def test_the_signature_covers_publisher_and_time(demo_services, tmp_path):
    from knooppunt.regional.publication import Publication
    from knooppunt.regional.verify import verify

    regio = tmp_path / "regio.db"
    _publish(demo_services, regio)
    conn = sqlite3.connect(regio)
    conn.row_factory = sqlite3.Row
    tables = {t: [dict(r) for r in conn.execute(f"SELECT * FROM [{t}]")]
              for t in ("location", "organisation_type", "organisation", "contact_person", "location_partner")}
    meta = {r["key"]: r["value"] for r in conn.execute("SELECT * FROM meta")}
    conn.close()
    public = demo_services.regional_publisher.public_key()
    assert verify(Publication(tables, meta), public) == meta["content_hash"]
    with pytest.raises(PublicationRefused):
        verify(Publication(tables, {**meta, "publisher": "Iemand Anders"}), public)
    shuffled = {t: list(reversed(rows)) for t, rows in tables.items()}
    assert verify(Publication(shuffled, meta), public) == meta["content_hash"]


def test_the_server_package_serves_read_only_without_sql(demo_services, serve, tmp_path):
    import json
    import ssl
    import urllib.error
    import urllib.request

    from tests.regional_server import PACKAGING, SERVER_SETTINGS

    for name in ("serve.sh", "knooppunt-adresboek.service"):
        text = (PACKAGING / name).read_text(encoding="utf-8")
        assert "--immutable" in text and "/regio.db" in text and "metadata.json" in text
        for setting, value in SERVER_SETTINGS:
            assert f"--setting {setting} {value}" in text, (name, setting)
    assert "datasette serve" in (PACKAGING / "README.md").read_text(encoding="utf-8")
    regio = tmp_path / "regio.db"
    _publish(demo_services, regio)
    server = serve(regio)
    context = ssl.create_default_context(cafile=server.cafile)
    with urllib.request.urlopen(f"{server.url}/regio/meta.json?_shape=array", context=context, timeout=10) as r:
        assert {row["key"] for row in json.load(r)} >= {"content_hash", "signature", "publisher", "published_at"}
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.url}/regio.json?sql=select+1", context=context, timeout=10)
    assert refused.value.code in (400, 403)
    refused.value.close()


def test_only_the_regional_client_can_open_a_connection():
    """The program connects only to update the regional directory: one module may import networking."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    networking = re.compile(r"^\s*(import|from)\s+(socket|ssl|http|urllib(?!\.parse\b)|requests|httpx|aiohttp)\b", re.M)
    importers = sorted(str(p.relative_to(root)) for folder in ("knooppunt", "ui") for p in (root / folder).rglob("*.py")
                       if networking.search(p.read_text(encoding="utf-8")))
    assert importers == ["knooppunt/regional/client.py"]


def test_start_up_does_not_load_the_network_or_signature_modules():
    import subprocess
    import sys
    from pathlib import Path

    from knooppunt.regional import client
    from knooppunt.services.directory import regional

    assert regional.DEFAULT_TIMEOUT == client.DEFAULT_TIMEOUT
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, knooppunt.services.container, ui.pages.locations_page; "
         "print(sorted(m for m in sys.modules if m.startswith(('cryptography', 'urllib.request', "
         "'knooppunt.regional.'))))"], capture_output=True, text=True, check=True, env={"QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[2])
    assert loaded.stdout.strip() == "[]"


def test_a_phone_number_every_laptop_would_refuse_is_refused_when_publishing(demo_services, tmp_path):
    s = demo_services
    contact = s.store.query("SELECT id, name FROM contact_person ORDER BY id LIMIT 1")[0]
    with s.store.unit_of_work() as uow:  # as an old database or a direct edit could hold it
        uow.update("contact_person", contact["id"], {"phone": "06 9836 7183"})
        uow.audit("test", "contact_person", contact["id"])
    s.regional_publisher.make_key()
    with pytest.raises(Exception, match="Niet gepubliceerd: Locatie ‘Kindcentrum De Vlinderboom’ in het "
                                        "regionale adresboek: .*06 9836 7183.* geen geldig telefoonnummer"):
        s.regional_publisher.publish(tmp_path / "regio.db")
    assert not (tmp_path / "regio.db").exists()
