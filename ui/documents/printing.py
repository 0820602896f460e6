"""Printing a PDF through Qt's print system (the system print dialog, CUPS on Linux)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ..modal import run_modal
from .pdf_pages import page_count, page_images

MAX_PRINT_DPI = 300


def choose_printer(parent: QWidget | None, title: str, pages: int) -> QPrinter | None:
    """The system print dialog; None when cancelled. Tests patch this one function."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFromTo(1, pages)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Afdrukken")
    dialog.setMinMax(1, pages)
    accepted = run_modal(dialog) == QPrintDialog.DialogCode.Accepted
    return printer if accepted else None


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every (chosen) page on ``printer``, each scaled to fit its page; returns pages printed."""
    total = page_count(pdf)
    first, last = printer.fromPage() or 1, printer.toPage() or total
    printer.setFullPage(True)  # the PDF has its own margins: print it at its real size
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("De printer kon niet worden geopend.")
    printed = 0
    try:
        for number, image in enumerate(page_images(pdf, dpi), start=1):
            if number < first or number > last:
                continue
            if printed:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed
