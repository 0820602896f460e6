"""knooppunt-cli: a bad output path or a wrong command gives one Dutch line and a documented exit code."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from knooppunt.cli import build_parser, main
from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

from ..children_helpers import give_consent

pytestmark = pytest.mark.sqlite_only(reason="the CLI opens a database file (--db)")

MISSING = "/nonexist-knooppunt"


@pytest.fixture
def db(demo_services, db_path, monkeypatch):
    s = demo_services
    zoe = next(v.child for v in s.children.children() if v.child.first_name == "Zoë")
    for guardian in s.children.guardians(zoe.id):
        give_consent(s, zoe.id, guardian.id, transfer=True, on=date(2026, 11, 20))
    upcoming = next(v for v in s.meetings.meetings() if v.meeting.status == "gepland")
    discussion = s.meetings.discussions(upcoming.meeting.id)[0]
    s.planning.ensure_prepared(discussion.id)
    held = next(v for v in s.meetings.meetings() if v.meeting.status != "gepland")
    s.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda path, phrase, **kw: open_services(path, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    return {"path": str(db_path), "zoe": zoe.id, "slot": discussion.id, "held": held.meeting.id}


def reopen(db):
    return open_services(db["path"], PASSPHRASE, kdf_iter=TEST_KDF_ITER)


def assert_dutch_refusal(capsys, code):
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "Error" not in err
    assert "kon niet worden opgeslagen: de map bestaat niet; er is niets veranderd" in err
    return err


def test_minutes_finalise_to_missing_folder_finalises_nothing(db, capsys):
    s = reopen(db)
    before = s.store.count("document"), s.store.count("audit_log")
    s.close()
    code = main(["minutes", "--db", db["path"], "--meeting", str(db["held"]), "--child", str(db["zoe"]),
                 "--letter", "--finalise", "--out", f"{MISSING}/brief.pdf"])
    assert_dutch_refusal(capsys, code)
    s = reopen(db)
    assert (s.store.count("document"), s.store.count("audit_log")) == before
    s.close()


def test_minutes_to_missing_folder(db, capsys):
    code = main(["minutes", "--db", db["path"], "--meeting", str(db["held"]), "--out", f"{MISSING}/x.pdf"])
    assert_dutch_refusal(capsys, code)


def test_afspraken_csv_to_missing_folder(db, capsys):
    assert_dutch_refusal(capsys, main(["afspraken", "--db", db["path"], "--csv", f"{MISSING}/a.csv"]))


def test_uitnodiging_ics_to_missing_folder_and_audited_when_written(db, capsys, tmp_path):
    assert_dutch_refusal(capsys, main(["uitnodiging", "--db", db["path"], "--bespreking", str(db["slot"]),
                                       "--ics", f"{MISSING}/x.ics"]))
    ics, text = tmp_path / "slot.ics", tmp_path / "slot.txt"
    assert main(["uitnodiging", "--db", db["path"], "--bespreking", str(db["slot"]), "--ics", str(ics),
                 "--tekst", str(text)]) == 0
    assert text.read_text(encoding="utf-8").startswith("Uitnodiging knooppuntoverleg")
    s = reopen(db)
    actions = [e.action for e in s.audit.recent(2)]
    s.close()
    assert set(actions) == {"agenda-uitnodiging opgeslagen", "uitnodiging opgeslagen"}


def test_transfer_export_to_missing_folder(db, capsys):
    assert_dutch_refusal(capsys, main(["transfer", "export", "--db", db["path"], "--child", str(db["zoe"]),
                                       f"{MISSING}/zoe.json"]))


def test_partners_export_to_missing_folder(db, capsys):
    assert_dutch_refusal(capsys, main(["partners", "export", "--db", db["path"], "--location",
                                       "Kindcentrum De Vlinderboom", "--format", "csv", f"{MISSING}/p.csv"]))


def test_any_os_error_is_one_dutch_line_exit_2(db, capsys, monkeypatch):
    def broken(args):
        raise PermissionError(13, "Permission denied", "/ergens/bestand")

    monkeypatch.setattr("knooppunt.cli.meeting_commands._meetings", broken)
    code = main(["overleggen", "--db", db["path"]])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "Fout: het bestand /ergens/bestand kon niet worden gelezen of geschreven: u mag in die map niet schrijven.\n"


def test_usage_error_is_dutch_and_exits_64(capsys):
    with pytest.raises(SystemExit) as info:
        main(["minutes", "--meeting", "x"])
    assert info.value.code == 64
    err = capsys.readouterr().err
    assert "Onjuiste opdracht:" in err and "Zie knooppunt-cli --help." in err
    assert "error:" not in err and "usage:" not in err


def test_unknown_command_as_a_program_exits_64_without_traceback():
    result = subprocess.run([sys.executable, "-m", "knooppunt.cli", "bestaatniet"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 64
    assert "Onjuiste opdracht: argument OPDRACHT: ongeldige keuze" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_documents_exit_codes():
    text = build_parser().format_help()
    assert "Afsluitcodes:" in text
    for line in ("0   gelukt", "1   ‘controleren’ vond problemen", "2   geweigerd of verwachte fout", "64  onjuiste opdracht"):
        assert line in text


def test_check_on_missing_file_is_dutch_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    assert main(["check", "--db", str(tmp_path / "weg.db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Het databasebestand") and "bestaat niet" in err and "Traceback" not in err


def test_minutes_announces_later_addenda_and_makes_the_aanvulling(db, capsys, tmp_path):
    args = ["minutes", "--db", db["path"], "--meeting", str(db["held"]), "--child", str(db["zoe"])]
    assert main([*args, "--finalise", "--out", str(tmp_path / "a.pdf")]) == 0
    s = open_services(db["path"], PASSPHRASE, kdf_iter=TEST_KDF_ITER, actor="Annelies")
    discussion = s.store.scalar("SELECT id FROM discussion WHERE meeting_id = ? AND child_id = ?",
                                [db["held"], db["zoe"]])
    later = datetime.now() + timedelta(days=2)  # the CLI itself runs on the real clock
    s.store.clock = lambda: later
    s.records.add_addendum(discussion, "bespreking", None, "Logopedie start in januari.", "Moeder belde")
    s.close()
    capsys.readouterr()
    assert main([*args, "--out", str(tmp_path / "b.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Let op: na het vaststellen zijn 1 aanvulling(en) gemaakt" in out and "--aanvulling" in out
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert main([*args, "--aanvulling", "--out", str(tmp_path / "c.pdf")]) == 0
    assert "(aanvulling) opgeslagen in" in capsys.readouterr().out
