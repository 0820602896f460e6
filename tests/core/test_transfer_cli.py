"""``knooppunt-cli transfer export/import`` between two databases."""

from datetime import date

from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.domain.enums import LocationType

from ..children_helpers import give_consent, make_location
from ..conftest import PASSPHRASE


def test_cli_export_refused_then_export_and_import(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    source, target, file = tmp_path / "po.db", tmp_path / "vo.db", tmp_path / "noor.json"
    assert main(["demo", "--db", str(source)]) == 0
    services = open_services(source, PASSPHRASE)
    noor = next(v.child for v in services.children.children() if v.child.first_name == "Noor")
    services.close()

    assert main(["transfer", "export", "--db", str(source), "--child", str(noor.id), str(file)]) == 2
    assert "geen toestemming voor overdracht" in capsys.readouterr().err
    assert not file.exists()

    services = open_services(source, PASSPHRASE)
    for guardian in services.children.guardians(noor.id):
        give_consent(services, noor.id, guardian.id, transfer=True, on=date.today())
    give_consent(services, noor.id, None, transfer=True, on=date.today())
    services.close()
    assert main(["transfer", "export", "--db", str(source), "--child", str(noor.id), str(file)]) == 0

    services = open_services(target, PASSPHRASE, create=True)
    make_location(services, "Sintermeertencollege", LocationType.VO)
    services.close()
    assert main(["transfer", "import", "--db", str(target), "--location", "sintermeertencollege", str(file)]) == 0
    assert "Noor El Amrani ingelezen bij Sintermeertencollege" in capsys.readouterr().out
    services = open_services(target, PASSPHRASE)
    child = services.children.children()[0].child
    assert any(e.origin == "Kindcentrum De Vlinderboom" for e in services.timeline.timeline(child.id))
    services.close()
