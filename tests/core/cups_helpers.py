"""Finding a CUPS virtual PDF printer (cups-pdf) and what it printed; tests skip when there is none.

Set one up with ``sudo packaging/print_letter_cups.sh`` (installs cups + printer-driver-cups-pdf,
starts cupsd, adds the printer ``KnooppuntPDF``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest


def pdf_printer() -> tuple[str, Path]:
    """(printer name, folder where its PDFs appear), or skip the test."""
    if shutil.which("lpstat") is None:
        pytest.skip("CUPS is niet geïnstalleerd (geen lpstat); zie packaging/print_letter_cups.sh")
    status = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    if "is running" not in status.stdout:
        pytest.skip("De CUPS-server draait niet; zie packaging/print_letter_cups.sh")
    printers = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"device for (\S+): cups-pdf:/", printers)
    if not match:
        pytest.skip("Geen virtuele PDF-printer (cups-pdf) ingesteld; zie packaging/print_letter_cups.sh")
    return match.group(1), _output_folder()


def _output_folder() -> Path:
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", os.path.expanduser("~")))


def wait_for_new_pdf(folder: Path, before: set[Path], timeout: float = 60) -> Path:
    """Poll the printer's output folder (an outside process writes it) until a new PDF is complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = [p for p in folder.glob("*.pdf") if p not in before] if folder.exists() else []
        if new and new[0].stat().st_size > 0 and new[0].read_bytes().rstrip().endswith(b"%%EOF"):
            return new[0]
        time.sleep(0.25)
    raise AssertionError(f"Er verscheen geen afdruk in {folder} binnen {timeout} s")
