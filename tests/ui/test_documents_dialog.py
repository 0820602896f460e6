"""The Verslag-en-brief dialog: preview rendered off the GUI thread, vaststellen, print, save as PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter

from knooppunt.documents import DocumentKind
from knooppunt.documents.render import TemplateRenderer
from ui import messages
from ui.documents import printing
from ui.documents.document_dialog import DocumentDialog
from ui.hub import SignalHub
from ui.pages.meetings_page import MeetingsPage


@pytest.fixture
def hub(qtbot):
    return SignalHub()


@pytest.fixture
def dialog(qtbot, demo_services, hub, tmp_path):
    demo_services.documents.renderer = TemplateRenderer(override_root=tmp_path / "sjablonen")
    meeting = demo_services.store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    dlg = DocumentDialog(services=demo_services, hub=hub, meeting_id=meeting)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.rendered is not None and dlg._task is None, timeout=20000)
    return dlg


def pdf_pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_opens_on_the_letter_of_the_first_child_as_concept(dialog):
    assert dialog.child_box.currentText() == "Zoë Janssen"
    assert dialog.kind_box.currentText() == DocumentKind.LETTER.label
    assert dialog.rendered.target.kind is DocumentKind.LETTER and not dialog.rendered.finalised
    assert dialog.pages_layout.count() == pdf_pages(dialog.rendered.pdf) >= 2
    assert "Concept" in dialog.status_label.text()
    assert dialog.progress.isHidden()


def test_choosing_another_document_renders_it_in_the_background(qtbot, dialog):
    dialog.child_box.setCurrentIndex(dialog.child_box.count() - 1)  # the whole meeting
    assert not dialog.progress.isHidden() and not dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert dialog.rendered.target.kind is DocumentKind.MEETING_REPORT
    assert dialog.print_button.isEnabled() and not dialog.signature_box.isEnabled()


def test_vaststellen_after_confirmation_locks_the_document(qtbot, dialog, demo_services, hub, monkeypatch):
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    with qtbot.waitSignal(hub.changed, timeout=20000) as changed:
        dialog.finalise_button.click()
    assert changed.args[0].entity == "document"
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert dialog.rendered.finalised
    assert "Vastgesteld" in dialog.status_label.text() and not dialog.finalise_button.isEnabled()
    assert demo_services.documents.stored(dialog.target()).pdf == dialog.rendered.pdf


def test_vaststellen_cancelled_changes_nothing(dialog, demo_services, monkeypatch):
    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)
    dialog.finalise_button.click()
    assert demo_services.documents.stored(dialog.target()) is None


def test_save_as_pdf_writes_the_document_and_logs_it(dialog, demo_services, tmp_path, monkeypatch):
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda parent, title, suggested, filter_: out)
    dialog.save_button.click()
    assert out.read_bytes() == dialog.rendered.pdf
    entry = demo_services.audit.recent(1)[0]
    assert entry.action == "Afsprakenbrief voor ouders opgeslagen als PDF" and str(out) not in entry.detail
    # The dialog says where the file went, and opens that folder on request.
    assert dialog.notice.currentMessage() == f"Opgeslagen: brief.pdf in {tmp_path}"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.notice.open_folder_button.click()
    assert opened == [str(tmp_path)]


def test_print_paints_every_page_on_the_chosen_printer_and_logs_it(dialog, demo_services, tmp_path, monkeypatch):
    out = tmp_path / "afgedrukt.pdf"

    def fake_dialog(parent, title, pages):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "choose_printer", fake_dialog)
    dialog.print_button.click()
    assert pdf_pages(out.read_bytes()) == pdf_pages(dialog.rendered.pdf)
    entry = demo_services.audit.recent(1)[0]
    assert entry.action == "Afsprakenbrief voor ouders afgedrukt" and entry.detail.endswith("naar een PDF-bestand")
    assert dialog.notice.currentMessage() == f"Afgedrukt naar het bestand afgedrukt.pdf in {tmp_path}"
    assert not dialog.notice.open_folder_button.isHidden()


def test_a_print_job_sent_to_a_printer_is_announced(dialog, monkeypatch):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    monkeypatch.setattr(printer, "printerName", lambda: "Kantoorprinter")
    monkeypatch.setattr(printing, "choose_printer", lambda parent, title, pages: printer)
    monkeypatch.setattr(printing, "print_pdf", lambda pdf, chosen: 2)
    dialog.print_button.click()
    assert dialog.notice.currentMessage() == "De afdrukopdracht (2 pagina's) is naar Kantoorprinter gestuurd."
    assert dialog.notice.open_folder_button.isHidden()


def test_meetings_page_opens_the_dialog_for_the_selected_meeting(qtbot, demo_services, hub, monkeypatch):
    page = MeetingsPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    opened = []
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: opened.append(self._meeting_id) or 0)
    informed = []
    monkeypatch.setattr(messages, "inform", lambda *a: informed.append(a))
    page.documents_button.click()
    assert informed and not opened  # nothing selected yet
    page.table.selectRow(0)
    page.documents_button.click()
    assert opened == [page.table.selected_record().meeting.id]


def test_end_to_end_from_the_main_window_to_a_finalised_printed_letter(
    qtbot, demo_services, hub, tmp_path, db_path, monkeypatch
):
    """Overleggen → held meeting → Verslag en brief… → vaststellen → opslaan als PDF."""
    from ui.main_window import MainWindow

    demo_services.documents.renderer = TemplateRenderer(override_root=tmp_path / "sjablonen")
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, demo=True)
    qtbot.addWidget(window)
    window.show_page(2)
    page = window.stack.currentWidget()
    assert isinstance(page, MeetingsPage)
    row = next(r for r in range(page.table.model().rowCount()) if page.table.record_at(r).meeting.status == "gehouden")
    page.table.selectRow(row)
    out = tmp_path / "brief-vastgesteld.pdf"
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    monkeypatch.setattr(messages, "choose_save_file", lambda *a: out)

    def drive(dialog):
        qtbot.waitUntil(lambda: dialog.rendered is not None and dialog._task is None, timeout=20000)
        dialog.finalise_button.click()
        qtbot.waitUntil(lambda: dialog.rendered.finalised and dialog._task is None, timeout=20000)
        dialog.save_button.click()
        dialog.done(0)
        return 0

    monkeypatch.setattr(DocumentDialog, "exec", drive)
    page.documents_button.click()
    text = " ".join(pypdf.PdfReader(str(out)).pages[0].extract_text().split())
    assert "Afspraken over Zoë" in text and "CONCEPT" not in text
    assert [e.action for e in demo_services.audit.recent(2)] == [
        "Afsprakenbrief voor ouders opgeslagen als PDF", "document vastgesteld"]


def test_meeting_report_choice_shows_the_internal_warning(qtbot, dialog):
    assert dialog.warning_label.isHidden()
    dialog.child_box.setCurrentIndex(dialog.child_box.count() - 1)  # the whole meeting
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert not dialog.warning_label.isHidden()
    assert "niet aan ouders of incidentele partners geven" in dialog.warning_label.text()
    dialog.child_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert dialog.warning_label.isHidden()


def test_addenda_after_vaststellen_are_announced_and_give_an_aanvulling(qtbot, dialog, demo_services, clock,
                                                                        monkeypatch):
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    dialog.finalise_button.click()
    qtbot.waitUntil(lambda: dialog._task is None and dialog.rendered.finalised, timeout=20000)
    assert dialog.supplement_button.isHidden()
    finalised = dialog.rendered.pdf
    clock.now = clock.now.replace(day=25)
    demo_services.records.add_addendum(dialog.target().discussion_id, "bespreking", None,
                                       "Moeder belde: de logopedie start in januari.", "Later doorgegeven")
    dialog.child_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    dialog.child_box.setCurrentIndex(0)  # back to the finalised letter
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert dialog.rendered.pdf == finalised
    assert "Na het vaststellen zijn 1 aanvulling(en) gemaakt" in dialog.status_label.text()
    assert not dialog.supplement_button.isHidden()
    dialog.supplement_button.click()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20000)
    assert dialog.rendered.supplement and "Aanvulling" in dialog.status_label.text()
    text = "".join(pdf_text_of(dialog.rendered.pdf).split())
    assert "Aanvullingophetvastgesteldeafsprakenbrief" in text and "logopediestartinjanuari" in text
    assert demo_services.documents.stored(dialog.target()).pdf == finalised


def pdf_text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_save_as_pdf_to_a_missing_folder_says_so_and_logs_nothing(dialog, demo_services, tmp_path, monkeypatch):
    before = demo_services.store.count("audit_log")
    shown = []
    monkeypatch.setattr(messages, "choose_save_file", lambda *a: tmp_path / "weg" / "brief.pdf")
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": shown.append(error.message))
    dialog.save_button.click()
    assert shown == [f"Het bestand {tmp_path / 'weg' / 'brief.pdf'} kon niet worden opgeslagen: de map bestaat niet; "
                     "er is niets veranderd."]
    assert demo_services.store.count("audit_log") == before


def test_progress_moves_at_once_while_a_document_is_made(qtbot, demo_services, hub):
    meeting = demo_services.store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    dlg = DocumentDialog(services=demo_services, hub=hub, meeting_id=meeting)
    qtbot.addWidget(dlg)
    # Before the first step is done the bar is a busy bar, not a bar stuck at 0 %.
    assert not dlg.progress.isHidden() and dlg.progress.maximum() == 0
    qtbot.waitUntil(lambda: dlg._task is None, timeout=20000)
    assert dlg.progress.isHidden()


def test_documents_are_warmed_after_start_in_steps(qtbot, demo_services, tmp_path):
    from ui.documents.warm_task import warm_up_documents

    renderer = TemplateRenderer(override_root=tmp_path / "sjablonen")
    finished = []
    warm_up_documents(renderer, done=lambda: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=20000)
    assert {kind.template for kind in DocumentKind} <= {t.name for t in renderer.environment(None).cache.values()}
