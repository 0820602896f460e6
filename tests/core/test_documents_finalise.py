"""Vaststellen: the exact PDF is stored with its hash; reprints are byte-identical; outputs are logged.
And a location's own template copy replaces the built-in one."""

from __future__ import annotations

import hashlib
import io

import pypdf
import pytest

from knooppunt.composition import open_services
from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.domain.enums import DiscussionStatus
from knooppunt.errors import KnooppuntError, RecordLocked
from knooppunt.paths import templates_dir

from ..conftest import PASSPHRASE, TEST_KDF_ITER
from .documents_helpers import add_discussion, document_service, pdf_text


@pytest.fixture
def zoe_letter(demo_services) -> DocumentTarget:
    discussion = demo_services.store.scalar(
        "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id "
        "WHERE c.first_name = 'Zoë' AND d.status = 'vastgesteld'"
    )
    return DocumentTarget(DocumentKind.LETTER, discussion_id=discussion)


@pytest.mark.sqlite_only(reason="reopens the database file")
def test_finalised_letter_reprints_byte_identical_even_after_data_changed(
    demo_services, docs, zoe_letter, db_path, clock, tmp_path
):
    finalised, change = docs.finalise(zoe_letter)
    assert change.entity == "document" and change.action == "created"
    assert finalised.finalised and finalised.sha256 == hashlib.sha256(finalised.pdf).hexdigest()
    assert "CONCEPT" not in pdf_text(finalised.pdf)
    assert f"Vastgesteld op 23 november 2026 door {demo_services.store.actor}" in " ".join(
        pdf_text(finalised.pdf).split())

    # Months later: the clock moved on, a name changed, a note was edited.
    clock.now = clock.now.replace(year=2027, month=5)
    with demo_services.store.unit_of_work() as uow:
        uow.execute("UPDATE child SET first_name = 'Zoey' WHERE first_name = 'Zoë'")
        uow.execute("UPDATE note SET text = 'veranderd'")
        uow.audit("test", "child", None)
    assert docs.document(zoe_letter).pdf == finalised.pdf
    reopened = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock)
    try:
        again = document_service(reopened, tmp_path).document(zoe_letter)
        assert again.pdf == finalised.pdf and again.sha256 == finalised.sha256
        assert again.finalised_by == demo_services.store.actor
        # A concept of the same letter would now read differently: the stored copy is what counts.
        assert "Zoey" not in pdf_text(again.pdf)
    finally:
        reopened.close()


def test_a_finalised_document_cannot_be_finalised_again(docs, zoe_letter):
    docs.finalise(zoe_letter)
    with pytest.raises(RecordLocked):
        docs.finalise(zoe_letter)


def test_a_discussion_still_open_cannot_be_finalised(demo_services, docs):
    discussion = add_discussion(demo_services, status=DiscussionStatus.IN_PROGRESS)
    target = DocumentTarget(DocumentKind.MINUTES, discussion_id=discussion)
    with pytest.raises(KnooppuntError, match="Stel eerst de bespreking vast"):
        docs.finalise(target)
    assert docs.stored(target) is None
    assert "CONCEPT" in pdf_text(docs.document(target).pdf)  # a concept can still be previewed


def test_meeting_report_and_internal_minutes_are_stored_separately(demo_services, docs, zoe_letter):
    meeting = demo_services.store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    report, _ = docs.finalise(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting))
    internal, _ = docs.finalise(DocumentTarget(DocumentKind.MINUTES_INTERNAL, discussion_id=zoe_letter.discussion_id))
    assert report.pdf != internal.pdf
    assert demo_services.store.count("document") == 2
    assert docs.stored(zoe_letter) is None


def test_finalising_printing_and_exporting_are_audit_logged(demo_services, docs, zoe_letter):
    finalised, change = docs.finalise(zoe_letter)
    docs.record_output(finalised, "afgedrukt", "printer Kantoor")
    docs.record_output(docs.document(DocumentTarget(DocumentKind.MINUTES, discussion_id=zoe_letter.discussion_id)),
                       "opgeslagen als PDF", "/tmp/verslag.pdf")
    entries = demo_services.audit.recent(3)
    actions = [e.action for e in entries]
    assert actions == ["Verslag opgeslagen als PDF", "Afsprakenbrief voor ouders afgedrukt", "document vastgesteld"]
    assert f"vastgesteld sha256={finalised.sha256} printer Kantoor" == entries[1].detail
    assert entries[0].detail.startswith("concept sha256=") and entries[0].actor == demo_services.store.actor
    assert entries[1].table_name == "discussion" and entries[1].record_id == zoe_letter.discussion_id


def test_a_location_can_use_its_own_template_and_logo(demo_services, docs, zoe_letter, tmp_path):
    location_id = demo_services.store.scalar("SELECT id FROM location")
    own = tmp_path / "sjablonen" / str(location_id)
    own.mkdir(parents=True)
    builtin = (templates_dir() / "afsprakenbrief.rml.j2").read_text(encoding="utf-8")
    (own / "afsprakenbrief.rml.j2").write_text(
        builtin.replace("Met vriendelijke groet,", "Hartelijke groet van het hele team,"), encoding="utf-8")
    assert docs.renderer.template_origin("afsprakenbrief.rml.j2", location_id) == own / "afsprakenbrief.rml.j2"
    assert docs.renderer.template_origin("afsprakenbrief.rml.j2", location_id + 1).parent == templates_dir()
    logo = own / "logo.png"
    _write_png(logo)
    pdf = docs.document(zoe_letter).pdf
    assert "Hartelijke groet van het hele team," in pdf_text(pdf)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert any(obj.get_object()["/Subtype"] == "/Image" for obj in page["/Resources"]["/XObject"].values())


def _write_png(path) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x1f\x3a\x5f" * 8 for _ in range(4))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 4, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_broken_own_template_gives_a_clear_message(demo_services, docs, zoe_letter, tmp_path):
    from knooppunt.documents.render import TemplateProblem

    own = tmp_path / "sjablonen"
    own.mkdir()
    (own / "afsprakenbrief.rml.j2").write_text('{% extends "_pagina.rml.j2" %}{% block inhoud %}<para>'
                                               '{{ doc.bestaat_niet }}</para>{% endblock %}', encoding="utf-8")
    with pytest.raises(TemplateProblem, match="afsprakenbrief.rml.j2"):
        docs.document(zoe_letter)
    (own / "afsprakenbrief.rml.j2").write_text('{% extends "_pagina.rml.j2" %}{% block inhoud %}<para>open'
                                               '{% endblock %}', encoding="utf-8")
    with pytest.raises(TemplateProblem, match="bevat een fout"):
        docs.document(zoe_letter)
