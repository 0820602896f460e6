"""``knooppunt-cli`` speaks Dutch; the English names of earlier versions still work, unshown."""

from __future__ import annotations

import pytest

from knooppunt.cli import main

from .documents_helpers import pdf_text

ENGLISH_COMMANDS = ("init", "check", "locations", "meetings", "minutes", "transfer", "children")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    return capsys.readouterr().out


def test_help_shows_the_dutch_commands_and_options_only(capsys):
    text = _help(capsys)
    for dutch in ("nieuw", "controleren", "locaties", "partners", "kinderen", "overleggen", "verslag",
                  "uitnodiging", "afspraken", "overdracht"):
        assert f"\n    {dutch} " in text or f"\n    {dutch}\n" in text, dutch
    listed = {line.split()[0] for line in text.splitlines() if line.startswith("    ") and line.split()}
    assert not listed & set(ENGLISH_COMMANDS)
    assert "(meetings)" not in text and "(minutes)" not in text

    verslag = _help(capsys, "verslag")
    for option in ("--bespreking NR", "--overleg ID", "--kind ID", "--brief", "--intern", "--vaststellen",
                   "--pdf BESTAND"):
        assert option in verslag, option
    for english in ("--meeting", "--child", "--letter", "--internal", "--finalise", "--out", "--discussion"):
        assert english not in verslag, english
    assert "--location" not in _help(capsys, "partners", "inlezen")


def test_kinderen_lists_id_name_location_and_case_phase(demo_db, capsys):
    capsys.readouterr()
    assert main(["kinderen", "--db", str(demo_db), "--locatie", "Kindcentrum De Vlinderboom"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "naam", "locatie", "fase"]
    zoe = next(line for line in lines if "Zoë Janssen" in line)
    assert zoe.split()[0] == "1" and "Kindcentrum De Vlinderboom" in zoe
    assert zoe.split()[-1] in {"Start", "Uitvoering", "Afgesloten", "casus"}
    assert lines[-1].endswith("kinderen")


def test_kinderen_search_ignores_accents(demo_db, capsys):
    capsys.readouterr()
    assert main(["kinderen", "--db", str(demo_db), "--zoek", "anais"]) == 0
    out = capsys.readouterr().out
    assert "Anaïs Bakker" in out and "Zoë" not in out


def test_kinderen_with_an_unknown_location_exits_2(demo_db, capsys):
    assert main(["kinderen", "--db", str(demo_db), "--locatie", "Bestaat niet"]) == 2
    assert "geen locatie met de naam ‘Bestaat niet’" in capsys.readouterr().err


def test_verslag_by_discussion_id_is_the_same_letter_as_by_meeting_and_child(demo_db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["overleggen", "--db", str(demo_db)]) == 0
    zoe_slot = next(line for line in capsys.readouterr().out.splitlines() if "Zoë Janssen" in line)
    discussion = zoe_slot.split("bespreking ")[1].split(":")[0]
    by_discussion, by_child = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["verslag", "--db", str(demo_db), "--bespreking", discussion, "--brief", "--pdf",
                 str(by_discussion)]) == 0
    # The English names of earlier scripts still work.
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter", "--out",
                 str(by_child)]) == 0
    assert "Afspraken over Zoë" in pdf_text(by_discussion.read_bytes())
    assert pdf_text(by_discussion.read_bytes()) == pdf_text(by_child.read_bytes())


def test_verslag_with_an_unknown_discussion_exits_2_and_writes_nothing(demo_db, tmp_path, capsys):
    target = tmp_path / "x.pdf"
    assert main(["verslag", "--db", str(demo_db), "--bespreking", "9999", "--pdf", str(target)]) == 2
    assert "geen bespreking 9999" in capsys.readouterr().err
    assert not target.exists()


def test_verslag_needs_a_meeting_or_a_discussion_in_dutch(capsys):
    with pytest.raises(SystemExit) as info:
        main(["verslag", "--db", "x.db", "--pdf", "x.pdf"])
    assert info.value.code == 64
    err = capsys.readouterr().err
    assert "één van deze argumenten --bespreking --overleg is verplicht" in err
    assert "--meeting" not in err and "--discussion" not in err


def test_english_aliases_of_the_directory_commands_still_work(demo_db, tmp_path, capsys):
    out = tmp_path / "partners.csv"
    assert main(["partners", "export", "--db", str(demo_db), "--location", "Kindcentrum De Vlinderboom",
                 "--format", "csv", str(out)]) == 0
    assert main(["partners", "inlezen", "--db", str(demo_db), "--locatie", "Kindcentrum De Vlinderboom",
                 "--proefrit", str(out)]) == 0
    assert "Proefrit, niets veranderd" in capsys.readouterr().out
    assert main(["locaties", "toevoegen", "--db", str(demo_db), "--soort", "PO", "--frequentie", "8",
                 "OBS De Regenboog"]) == 0
    assert main(["locations", "--db", str(demo_db), "--all"]) == 0
    assert "OBS De Regenboog\tPO\telke 8 weken" in capsys.readouterr().out


def test_an_unknown_command_lists_the_dutch_commands_only(capsys):
    with pytest.raises(SystemExit) as info:
        main(["bestaatniet"])
    assert info.value.code == 64
    err = capsys.readouterr().err
    assert "'overleggen'" in err and "'verslag'" in err and "'kinderen'" in err
    assert not any(f"'{name}'" in err for name in ENGLISH_COMMANDS)
