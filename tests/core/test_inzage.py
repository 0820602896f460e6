"""Inzage (AVG art. 15): the PDF and JSON hold every shared note, decision and agreement of the
child (checked against the database), the internal notes unless withheld with a reason, and
nothing about any other child."""

from __future__ import annotations

import json

import pytest

from knooppunt.documents.inzage import InzageService
from knooppunt.documents.render import TemplateRenderer
from knooppunt.errors import ValidationError
from knooppunt.exports import ExportFailed

from .documents_helpers import pdf_text, squash

WITHHOLD_REASON = "Gaat over de gezondheid van een ander gezinslid (AVG art. 15 lid 4)."


@pytest.fixture
def inzage(demo_services, tmp_path):
    return InzageService(demo_services.store, TemplateRenderer(override_root=tmp_path / "sjablonen"))


def _child(services, first_name):
    return services.store.scalar("SELECT id FROM child WHERE first_name = ?", [first_name])


def _texts(services, child_id):
    """From the database: what the export must contain about this child."""
    own = "JOIN agenda_item i ON i.id = n.agenda_item_id JOIN discussion d ON d.id = i.discussion_id"
    return {
        "shared": services.store.column(f"SELECT n.text FROM note n {own} WHERE d.child_id = ? "
                                        "AND n.visibility = 'gedeeld' AND trim(n.text) != ''", [child_id]),
        "internal": services.store.column(f"SELECT n.text FROM note n {own} WHERE d.child_id = ? "
                                          "AND n.visibility = 'intern'", [child_id]),
        "decisions": services.store.column("SELECT b.text FROM decision b JOIN discussion d ON d.id = b.discussion_id "
                                           "WHERE d.child_id = ?", [child_id]),
        "agreements": services.store.column("SELECT description FROM agreement WHERE child_id = ?", [child_id]),
    }


def test_inzage_holds_every_shared_note_decision_agreement_and_internal_note(demo_services, inzage, tmp_path):
    zoe = _child(demo_services, "Zoë")
    expected = _texts(demo_services, zoe)
    assert all(expected.values()), expected
    files = inzage.export(zoe, tmp_path)
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("knooppunt-inzage", 1)
    notes = [n["text"] for d in data["discussions"] for i in d["agenda"] for n in i["notes"]]
    decisions = [b["text"] for d in data["discussions"] for b in d["decisions"]]
    assert set(expected["shared"]) | set(expected["internal"]) <= set(notes)
    assert set(expected["decisions"]) <= set(decisions)
    assert set(expected["agreements"]) <= {a["description"] for a in data["agreements"]}
    assert {g["email"] for g in data["guardians"]} == {"sandra.janssen@example.nl", "mark.janssen@example.nl"}
    text = squash(pdf_text(files.pdf.read_bytes()))
    for value in [t for texts in expected.values() for t in texts]:
        assert squash(value) in text, value
    assert squash("Alles is verstrekt") in text
    assert data["withheld"] == []


def test_a_withheld_passage_is_left_out_and_listed_with_its_reason_and_the_export_is_audited(
        demo_services, inzage, tmp_path):
    zoe = _child(demo_services, "Zoë")
    [note] = inzage.internal_notes(zoe)
    files = inzage.export(zoe, tmp_path, {note.note_id: WITHHOLD_REASON})
    raw = files.json.read_text(encoding="utf-8")
    text = squash(pdf_text(files.pdf.read_bytes()))
    assert note.text not in raw and squash(note.text) not in text
    [withheld] = json.loads(raw)["withheld"]
    assert (withheld["note_id"], withheld["reason"], withheld["agenda_item"]) == (
        note.note_id, WITHHOLD_REASON, note.agenda_item)
    assert squash(WITHHOLD_REASON) in text and squash("niet verstrekt") in text.lower()
    entry = demo_services.audit.recent(1)[0]
    assert (entry.action, entry.table_name, entry.record_id) == ("inzage gemaakt", "child", zoe)
    assert entry.detail.endswith("1 passage(s) niet verstrekt")
    assert demo_services.store.query("SELECT note_id, reason FROM inzage_withholding") == [
        {"note_id": note.note_id, "reason": WITHHOLD_REASON}]
    assert "Zoë" not in entry.detail and WITHHOLD_REASON not in entry.detail


def test_withholding_needs_a_reason_and_a_note_of_this_child(demo_services, inzage, tmp_path):
    zoe, anais = _child(demo_services, "Zoë"), _child(demo_services, "Anaïs")
    [note] = inzage.internal_notes(zoe)
    with pytest.raises(ValidationError, match="waarom"):
        inzage.export(zoe, tmp_path, {note.note_id: "  "})
    with pytest.raises(ValidationError, match="hoort niet bij dit kind"):
        inzage.export(anais, tmp_path, {note.note_id: WITHHOLD_REASON})
    assert list(tmp_path.glob("inzage-*")) == []


def test_an_unwritable_folder_writes_nothing_and_logs_nothing(demo_services, inzage, tmp_path):
    before = demo_services.store.count("audit_log")
    with pytest.raises(ExportFailed):
        inzage.export(_child(demo_services, "Zoë"), tmp_path / "bestaat-niet")
    assert demo_services.store.count("audit_log") == before
    assert list(tmp_path.rglob("*inzage*")) == []


def test_when_the_json_cannot_be_put_in_place_the_pdf_is_not_left_either(demo_services, inzage, tmp_path):
    zoe = _child(demo_services, "Zoë")
    out = tmp_path / "uit"
    (out / f"inzage-kind-{zoe}-2026-11-23.json").mkdir(parents=True)  # a folder in the way
    before = demo_services.store.count("audit_log")
    with pytest.raises(ExportFailed, match="map met die naam"):
        inzage.export(zoe, out)
    assert [p.name for p in out.iterdir()] == [f"inzage-kind-{zoe}-2026-11-23.json"]
    assert demo_services.store.count("audit_log") == before and demo_services.store.count("inzage_export") == 0


@pytest.mark.sqlite_only(reason="the CLI opens a database file (--db)")
def test_inzage_cli_lists_internal_notes_and_writes_pdf_and_json(demo_services, db_path, tmp_path, monkeypatch,
                                                                 capsys):
    from knooppunt.cli import main
    from knooppunt.composition import open_services
    from tests.conftest import PASSPHRASE, TEST_KDF_ITER

    zoe = _child(demo_services, "Zoë")
    demo_services.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda p, phrase, **kw: open_services(p, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    assert main(["inzage", "--db", str(db_path), "--kind", str(zoe), "--uit", str(tmp_path),
                 "--interne-notities"]) == 0
    listed = capsys.readouterr().out
    note_id = int(listed.split()[1].rstrip(":"))
    assert "ploegendienst" in listed
    assert main(["inzage", "--db", str(db_path), "--kind", str(zoe), "--uit", str(tmp_path),
                 "--niet-verstrekken", "zomaar"]) == 2
    assert "NOTITIE=REDEN" in capsys.readouterr().err
    assert main(["inzage", "--db", str(db_path), "--child", str(zoe), "--out", str(tmp_path),
                 "--niet-verstrekken", f"{note_id}={WITHHOLD_REASON}"]) == 0
    assert "1 passage(s) niet verstrekt" in capsys.readouterr().out
    [raw] = tmp_path.glob("inzage-*.json")
    assert "ploegendienst" not in raw.read_text(encoding="utf-8")
    assert len(list(tmp_path.glob("inzage-*.pdf"))) == 1


@pytest.mark.sqlite_only(reason="SQLite reuses a deleted row's id; the server's identity columns never do")
def test_the_audit_part_shows_prints_of_the_childs_documents_and_not_an_erased_childs_reused_ids(
        demo_services, inzage, docs):
    from datetime import date

    from knooppunt.documents import DocumentKind, DocumentTarget
    from knooppunt.domain.children import Child
    from knooppunt.services.privacy.erasure import ErasureReason

    zoe = _child(demo_services, "Zoë")
    meeting = demo_services.store.scalar("SELECT meeting_id FROM discussion WHERE child_id = ?", [zoe])
    report = docs.document(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting))
    docs.record_output(report, "afgedrukt", "Kantoor")
    actions = [e["action"] for e in inzage.data(zoe)["audit"]]
    assert "Verslag van het overleg afgedrukt" in actions

    # The highest child id is erased, then a new child may get the same id: it must not inherit the log.
    last = demo_services.store.scalar("SELECT max(id) FROM child")
    demo_services.audit.log_access("dossier geopend", "child", last)
    location = demo_services.store.scalar("SELECT location_id FROM child WHERE id = ?", [last])
    demo_services.erasure.erase(last, ErasureReason.REQUEST)
    new, _ = demo_services.children.create_child(Child(None, location, "Nieuw", "Kind", date(2019, 1, 1)))
    assert new.id == last  # SQLite gives the next child max(id) + 1: the erased child's id
    assert [e["action"] for e in inzage.data(new.id)["audit"]] == ["kind aangemaakt"]
