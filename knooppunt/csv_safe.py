"""The one CSV writer for every CSV Knooppunt writes: semicolon, CRLF, no cell a spreadsheet runs.

CSV injection (OWASP): Excel, LibreOffice and Google Sheets evaluate a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula, and some strip a leading tab or carriage return first.
Such a cell gets an apostrophe in front (``'=HYPERLINK(…)``): the spreadsheet shows the text,
apostrophe included, and runs nothing. Our own CSV import removes that one apostrophe again.

Phone numbers are written so that they start with a digit: Dutch ones as ``06 12345678``,
foreign ones with the international dialling prefix, ``00 32 470 12 34 56`` instead of
``+32 470 12 34 56`` (``phonenumbers`` formats it as dialled from the Netherlands). Excel shows
them as text, exactly like that, and they can be dialled and imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

# OWASP's triggers, and their full-width forms (some spreadsheets fold those to ASCII).
FORMULA_TRIGGERS = frozenset("=+-@\t\r" "\uff1d\uff0b\uff0d\uff20")
DELIMITER = ";"
LINE_END = "\r\n"


def is_formula(text: str) -> bool:
    """True when a spreadsheet could evaluate ``text`` (after apostrophes a reader strips)."""
    return text.lstrip("'")[:1] in FORMULA_TRIGGERS


def safe_cell(value: object) -> str:
    """The cell as text that no spreadsheet evaluates; harmless text is returned unchanged.

    An apostrophe is added when the text (leading apostrophes aside) starts with a trigger, so
    ``'=1`` becomes ``''=1`` and an import that removes one apostrophe gets the original back.
    """
    text = "" if value is None else str(value)
    return "'" + text if is_formula(text) else text


def phone_cell(text: str, region: str = "NL") -> str:
    """A phone number that Excel shows as dialable text: ``+32 470 …`` → ``00 32 470 …``."""
    text = (text or "").strip()
    if text[:1] in ("+", "\uff0b"):
        import phonenumbers

        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return safe_cell(text)
        if phonenumbers.is_possible_number(number):
            text = phonenumbers.format_out_of_country_calling_number(number, region)
    return safe_cell(text)


class SafeWriter:
    """``csv.writer`` (semicolon, CRLF, Excel quoting) that passes every cell through :func:`safe_cell`."""

    def __init__(self, file: IO[str]) -> None:
        self._writer = csv.writer(file, delimiter=DELIMITER, lineterminator=LINE_END)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO(newline="")
    SafeWriter(buffer).writerows(rows)
    return buffer.getvalue()


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """UTF-8 with BOM (what Dutch Excel opens with the accents intact)."""
    return b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8")


def read_cells(data: bytes | str) -> list[list[str]]:
    """Parse what :func:`csv_bytes` wrote (for tests and checks)."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER))


