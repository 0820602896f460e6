"""CSV import and export of a location's offers (sociale kaart).

The same conventions as the directory CSV (``knooppunt.directory.csv_io``): export with
semicolons, UTF-8 with BOM and CRLF, cells that Excel would run as a formula quoted; import of
comma, semicolon or tab files in UTF-8, UTF-16 or Windows-1252. A file is read and checked
completely first; one bad row refuses all of it, with a report per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..directory.columns import normalise_header
from ..directory.csv_io import csv_bytes, decode, plain_cell, read_file_bytes, read_records
from ..directory.report import ImportRefused, RowProblem
from ..domain.offers import OfferView, PreventionLevel

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Aanbod"),
    ("organisation", "Organisatie"),
    ("level", "Niveau"),
    ("target_group", "Doelgroep"),
    ("age_from", "Leeftijd vanaf"),
    ("age_to", "Leeftijd tot en met"),
    ("how_to_refer", "Hoe verwijzen"),
    ("contact", "Contact"),
)
LABELS = dict(COLUMNS)
_ALIASES = {
    "name": ("aanbod", "naam", "naamaanbod", "interventie", "name"),
    "organisation": ("organisatie", "aanbieder", "organisation", "organization"),
    "level": ("niveau", "preventieniveau", "level"),
    "target_group": ("doelgroep", "targetgroup"),
    "age_from": ("leeftijdvanaf", "leeftijdvan", "vanaf", "agefrom"),
    "age_to": ("leeftijdtotenmet", "leeftijdtot", "totenmet", "ageto"),
    "how_to_refer": ("hoeverwijzen", "verwijzen", "verwijzing", "aanmelden"),
    "contact": ("contact", "contactgegevens"),
}
_LOOKUP = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
MAX_TEXT = 500


def field_for(header: str) -> str | None:
    return _LOOKUP.get(normalise_header(header))


@dataclass(frozen=True)
class OfferEntry:
    """One checked row of an offers file; ``organisation`` is a name from the directory."""

    row: int
    name: str
    organisation: str
    level: PreventionLevel
    target_group: str = ""
    age_from: int | None = None
    age_to: int | None = None
    how_to_refer: str = ""
    contact: str = ""


def read_csv(path: Path, organisations: Iterable[str]) -> list[OfferEntry]:
    return parse_csv(read_file_bytes(path), organisations)


def parse_csv(data: bytes, organisations: Iterable[str]) -> list[OfferEntry]:
    """All rows, checked; ``organisations`` are the directory's names (an offer's must be one)."""
    text = decode(data).replace("\x00", "")
    if not text.strip():
        raise ImportRefused.file("Het bestand is leeg: er staan geen kolommen of regels in.")
    rows = read_records(text, field_for)
    fields = [field_for(h) for h in rows[0]]
    missing = [LABELS[k] for k in ("name", "level") if k not in fields]
    if missing:
        found = ", ".join(f"‘{h.strip()[:30]}’" for h in rows[0][:8] if h.strip()) or "geen"
        raise ImportRefused.file(f"Ontbrekende kolommen: {', '.join(missing)}. Gevonden kolommen: {found}.")
    known = {name.casefold(): name for name in organisations}
    entries: list[OfferEntry] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, record in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        values = {k: plain_cell(c) for k, c in zip(fields, record, strict=False) if k}
        entry, row_problems = _entry(number, values, known)
        if entry is not None:
            key = entry.name.casefold()
            if key in seen:
                row_problems.append(RowProblem(number, LABELS["name"], f"dubbel: staat ook al in regel {seen[key]}."))
            seen.setdefault(key, number)
            entries.append(entry)
        problems.extend(row_problems)
    if problems:
        raise ImportRefused(problems)
    if not entries:
        raise ImportRefused.file("Er staat geen aanbod in het bestand, alleen de kopregel.")
    return entries


def _entry(row: int, v: dict[str, str], known: dict[str, str]) -> tuple[OfferEntry | None, list[RowProblem]]:
    problems: list[RowProblem] = []
    name = v.get("name", "")
    if not name:
        problems.append(RowProblem(row, LABELS["name"], "ontbreekt."))
    level = PreventionLevel.parse(v.get("level", ""))
    if level is None:
        problems.append(RowProblem(row, LABELS["level"], f"‘{v.get('level', '')[:30]}’ is geen niveau; kies "
                                                         "universeel, selectief of geïndiceerd."))
    organisation = v.get("organisation", "")
    if organisation and organisation.casefold() not in known:
        problems.append(RowProblem(row, LABELS["organisation"], f"‘{organisation[:60]}’ staat niet in het adresboek; "
                                                                "voeg de organisatie eerst toe."))
    ages = [_age(row, v.get(key, ""), key, problems) for key in ("age_from", "age_to")]
    if ages[0] is not None and ages[1] is not None and ages[1] < ages[0]:
        problems.append(RowProblem(row, LABELS["age_to"], "is lager dan de leeftijd vanaf."))
    for key, value in v.items():
        if len(value) > MAX_TEXT:
            problems.append(RowProblem(row, LABELS[key], f"is te lang (hoogstens {MAX_TEXT} tekens)."))
    if problems or level is None:
        return None, problems
    return OfferEntry(row, name, known.get(organisation.casefold(), ""), level, v.get("target_group", ""),
                      ages[0], ages[1], v.get("how_to_refer", ""), v.get("contact", "")), problems


def _age(row: int, text: str, key: str, problems: list[RowProblem]) -> int | None:
    text = text.strip().removesuffix("jaar").strip()
    if not text:
        return None
    if not text.isdigit() or not 0 <= int(text) <= 30:
        problems.append(RowProblem(row, LABELS[key], f"‘{text[:20]}’ is geen leeftijd (een heel getal van 0 tot 30)."))
        return None
    return int(text)


def export_bytes(views: Iterable[OfferView]) -> bytes:
    rows = [[label for _key, label in COLUMNS]]
    for view in views:
        o = view.offer
        values = [o.name, view.organisation, o.level.label, o.target_group,
                  "" if o.age_from is None else str(o.age_from), "" if o.age_to is None else str(o.age_to),
                  o.how_to_refer, o.contact]
        rows.append([str(value) for value in values])  # csv_bytes keeps formulas from running
    return csv_bytes(rows)
