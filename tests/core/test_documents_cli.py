"""``knooppunt-cli overleggen`` and ``verslag``: the same documents, headless.

Some tests use the English names of earlier versions (``minutes --meeting``): scripts keep working."""

from __future__ import annotations

from knooppunt.cli import main

from .documents_helpers import pdf_text, squash


def test_overleggen_lists_meetings_with_discussion_and_child_ids(demo_db, capsys):
    capsys.readouterr()
    assert main(["overleggen", "--db", str(demo_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    held = next(i for i, line in enumerate(lines) if "Gehouden" in line)
    assert lines[held].startswith("overleg 1: ") and "Kindcentrum De Vlinderboom" in lines[held]
    slots = lines[held + 1:held + 3]
    assert [s.split(": ")[1].split(" (")[0][6:] for s in slots] == ["Zoë Janssen", "Anaïs Bakker"]
    assert all(s.startswith("    bespreking ") and "(kind " in s for s in slots)
    # The former ``meetings`` is the same command.
    assert main(["meetings", "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out.splitlines() == lines


def test_minutes_writes_letter_minutes_and_meeting_report(demo_db, tmp_path, capsys):
    letter, internal, report = tmp_path / "brief.pdf", tmp_path / "intern.pdf", tmp_path / "overleg.pdf"
    assert main(["verslag", "--db", str(demo_db), "--overleg", "1", "--kind", "1", "--brief", "--handtekening",
                 "--pdf", str(letter)]) == 0
    assert main(["verslag", "--db", str(demo_db), "--overleg", "1", "--kind", "1", "--intern",
                 "--pdf", str(internal)]) == 0
    assert main(["verslag", "--db", str(demo_db), "--overleg", "1", "--pdf", str(report)]) == 0
    assert "Afspraken over Zoë" in pdf_text(letter.read_bytes()) and "Voor gezien" in pdf_text(letter.read_bytes())
    assert squash("INTERN – Partner: Vader werkt in ploegendienst") in squash(pdf_text(internal.read_bytes()))
    assert "Anaïs Bakker" in pdf_text(report.read_bytes())
    assert "opgeslagen in" in capsys.readouterr().out


def test_minutes_finalise_then_reprint_is_identical(demo_db, tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter", "--finalise",
                 "--out", str(first)]) == 0
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter",
                 "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert "CONCEPT" not in pdf_text(first.read_bytes())


def test_minutes_for_a_child_not_in_the_meeting_is_a_clear_error(demo_db, tmp_path, capsys):
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "6", "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "niet besproken in overleg 1" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_minutes_letter_in_another_language_and_one_letter_per_parent_living_apart(demo_db, tmp_path, capsys):
    out = tmp_path / "brief-en.pdf"
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter", "--taal", "en",
                 "--out", str(out)]) == 0
    assert "Agreements about Zoë" in pdf_text(out.read_bytes())
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter", "--language", "ar",
                 "--out", str(out)]) == 0
    from knooppunt.composition import open_services

    services = open_services(demo_db, "een lange wachtwoordzin")
    try:
        with services.store.unit_of_work() as uow:
            uow._db.execute("UPDATE guardian SET lives_apart = 1 WHERE name = 'Mark Janssen'")
            uow.audit("testdata", "guardian", None)
    finally:
        services.close()
    capsys.readouterr()
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--letter", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 brieven in één PDF" in said and "Sandra Janssen; Mark Janssen" in said
    text = squash(pdf_text(out.read_bytes()))
    assert squash("Beste Sandra Janssen,") in text and squash("Beste Mark Janssen,") in text


def test_minutes_language_only_for_a_letter_print(demo_db, tmp_path, capsys):
    assert main(["minutes", "--db", str(demo_db), "--meeting", "1", "--child", "1", "--taal", "en",
                 "--out", str(tmp_path / "x.pdf")]) != 0
    assert "--taal is voor een proefdruk van de afsprakenbrief" in capsys.readouterr().err
