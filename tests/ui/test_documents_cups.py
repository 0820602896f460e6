"""The app's own print path (QPrinter on a CUPS printer, as after the print dialog) to cups-pdf."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter

from knooppunt.documents import DocumentKind, DocumentTarget
from ui.documents.printing import print_pdf

from ..core.cups_helpers import pdf_printer, wait_for_new_pdf
from ..core.documents_helpers import document_service, pdf_text


@pytest.mark.cups
def test_letter_printed_by_the_app_appears_on_the_pdf_printer(qapp, demo_services, tmp_path):
    printer_name, folder = pdf_printer()
    letter = document_service(demo_services, tmp_path).document(DocumentTarget(DocumentKind.LETTER, discussion_id=1))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    if printer.printerName() != printer_name:
        pytest.skip(f"Qt ziet printer {printer_name} niet (geen CUPS-ondersteuning in deze Qt)")
    printer.setDocName("knooppunt-test-qt")
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    assert print_pdf(letter.pdf, printer) == len(pdf_text(letter.pdf).split("Pagina ")) - 1
    printed = wait_for_new_pdf(folder, before)
    try:
        assert printed.stat().st_size > 10_000  # pages arrive as images: no text to read back
    finally:
        printed.unlink()
