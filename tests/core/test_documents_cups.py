"""Printing a letter through CUPS to the virtual PDF printer (cups-pdf): the printed file appears.

Skips cleanly without CUPS. To run: ``sudo packaging/print_letter_cups.sh`` (or ``pytest -m cups``
once CUPS runs with a cups-pdf printer)."""

from __future__ import annotations

import subprocess

import pytest

from knooppunt.documents import DocumentKind, DocumentTarget

from .cups_helpers import pdf_printer, wait_for_new_pdf
from .documents_helpers import document_service, pdf_text, squash


@pytest.mark.cups
def test_letter_printed_with_lp_appears_as_a_pdf(demo_services, tmp_path):
    printer, folder = pdf_printer()
    docs = document_service(demo_services, tmp_path)
    letter = docs.document(DocumentTarget(DocumentKind.LETTER, discussion_id=1))
    source = tmp_path / letter.file_name
    source.write_bytes(letter.pdf)
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    subprocess.run(["lp", "-d", printer, "-t", "knooppunt-test-lp", str(source)], check=True, capture_output=True)
    printed = wait_for_new_pdf(folder, before)
    try:
        # Ghostscript (inside cups-pdf) keeps the text, though not every accent's Unicode mapping.
        text = squash(pdf_text(printed.read_bytes()))
        assert squash("Beste Sandra Janssen en Mark Janssen") in text
        assert squash("Houden twee weken een slaapdagboek bij") in text
    finally:
        printed.unlink()
