"""``adresboek sleutel``, ``adresboek publiceren`` and ``partners ophalen`` against a real Datasette."""

from __future__ import annotations

import re

import pytest

from knooppunt.cli import main
from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo
from tests.conftest import TODAY
from tests.regional_server import DatasetteServer, silent_socket

PASSPHRASE = "beheerder wachtwoordzin"
DEMO = "Kindcentrum De Vlinderboom"


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def server_for(tmp_path):
    started: list[DatasetteServer] = []

    def start(db_file):
        server = DatasetteServer.start(db_file, tmp_path / f"server{len(started)}")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def test_keygen_publish_and_pull_headless(tmp_path, env, capsys, server_for):
    coordinator, laptop = tmp_path / "coordinator.db", tmp_path / "laptop.db"
    services = open_services(coordinator, PASSPHRASE, create=True)
    build_demo(services, today=TODAY)
    services.close()
    assert main(["init", "--db", str(laptop)]) == 0

    assert main(["directory", "publish", "--db", str(coordinator), "--out", str(tmp_path / "regio.db")]) == 2
    assert "Maak eerst een sleutel" in capsys.readouterr().err
    assert main(["adresboek", "sleutel", "--db", str(coordinator)]) == 0
    out = capsys.readouterr().out
    key = re.search(r"Publieke sleutel: (\S+)", out).group(1)
    fingerprint = re.search(r"Vingerafdruk: +(.+)", out).group(1)
    assert main(["directory", "keygen", "--db", str(coordinator)]) == 0
    assert f"Publieke sleutel: {key}" in capsys.readouterr().out  # shown again, not replaced

    regio = tmp_path / "regio.db"
    assert main(["adresboek", "publiceren", "--db", str(coordinator), "--locatie", DEMO, "--uit", str(regio)]) == 0
    assert f"1 locaties, 9 contactpersonen), ondertekend met sleutel {fingerprint}" in capsys.readouterr().out
    assert main(["adresboek", "publiceren", "--db", str(coordinator), "--locatie", "Nergens", "--uit",
                 str(tmp_path / "x.db")]) == 2
    assert "Onbekende locatie: Nergens" in capsys.readouterr().err

    server = server_for(regio)
    pull = ["partners", "ophalen", "--db", str(laptop), "--url", server.url, "--sleutel", key,
            "--ca-bestand", server.cafile]
    assert main([*pull, "--proefrit"]) == 0
    out = capsys.readouterr().out
    assert f"{DEMO}: Locatie ‘{DEMO}’ nieuw" in out and "Proefrit, niets veranderd" in out
    assert main(["partners", "pull", *pull[2:]]) == 0
    assert "Regionaal adresboek bijgewerkt" in capsys.readouterr().out
    assert main(["locations", "--db", str(laptop)]) == 0
    assert capsys.readouterr().out.startswith(f"{DEMO}\tPO\telke 6 weken\t6/6 rollen ingevuld")

    assert main([*pull[:-2]]) == 2  # without the test CA the certificate is not trusted
    assert "certificaat" in capsys.readouterr().err


def test_pull_from_a_silent_server_says_so_in_dutch(tmp_path, env, capsys):
    laptop = tmp_path / "laptop.db"
    assert main(["init", "--db", str(laptop)]) == 0
    capsys.readouterr()
    assert main(["partners", "ophalen", "--db", str(laptop), "--url", "https://adresboek.regio.nl"]) == 2
    assert "--sleutel" in capsys.readouterr().err  # refused before any connection is made
    key = "A" * 43 + "="
    with silent_socket() as url:
        assert main(["partners", "ophalen", "--db", str(laptop), "--url", url, "--sleutel", key,
                     "--wachttijd", "1"]) == 2
    assert capsys.readouterr().err.startswith("Fout: De adresboekserver antwoordt niet binnen 1 seconden.")
