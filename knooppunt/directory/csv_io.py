"""CSV import and export of a location's partners.

Export: semicolon, UTF-8 with BOM, CRLF — what Dutch Excel opens with the columns intact.
Import: comma, semicolon or tab (the ``csv`` module's Sniffer and dialects), UTF-8 (with or
without BOM), UTF-16 with BOM or Windows-1252, our own columns or Outlook's contact export.
A file is read completely and checked before anything is changed; any bad row refuses it all.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import csv_safe
from ..domain.enums import PartnerKind
from .columns import EXPORT_COLUMNS, LABELS, duplicated_headers, field_for, pick_values
from .entries import DirectoryData, PartnerEntry, PersonEntry
from .report import ImportRefused, RowProblem
from .rows import PartnerRow
from .validation import format_date, normalise_email, normalise_phone, parse_date

MAX_BYTES = 5 * 1024 * 1024  # a location's directory is a few kB; 2,000 contacts are ~0.5 MB
MAX_ROWS = 5_000
MAX_PROBLEMS = 200
_DELIMITERS = ";,\t"
_PHONE_COLUMNS = frozenset({"organisation_phone", "phone", "substitute_phone"})


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading when it is empty, missing or too large."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ImportRefused.file(f"Het bestand ‘{path.name}’ bestaat niet of is niet te openen.") from None
    if size == 0:
        raise ImportRefused.file(f"Het bestand ‘{path.name}’ is leeg.")
    if size > MAX_BYTES:
        raise ImportRefused.file(
            f"Het bestand ‘{path.name}’ is te groot ({size / 1024 / 1024:.1f} MB). Een adresboek is "
            f"hoogstens {MAX_BYTES // 1024 // 1024} MB; kies het juiste bestand of splits het op."
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportRefused.file(f"Het bestand ‘{path.name}’ kon niet gelezen worden ({exc.strerror}).") from None


def read_csv(path: Path) -> DirectoryData:
    return parse_csv(read_file_bytes(path), source=path.name)


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252; broken bytes refuse the file."""
    if len(data) > MAX_BYTES:
        raise ImportRefused.file(f"Het bestand is te groot; hoogstens {MAX_BYTES // 1024 // 1024} MB.")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_strict(data[len(bom):], codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_strict(data, "cp1252")


def _decode_strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused([RowProblem(line, "", "onleesbare tekens: het bestand is beschadigd of heeft een "
                                        "onbekende tekenset. Sla het op als ‘CSV UTF-8’ en probeer opnieuw.")]) from None


def parse_csv(data: bytes, *, source: str = "") -> DirectoryData:
    text = decode(data).replace("\x00", "")
    if not text.strip():
        raise ImportRefused.file("Het bestand is leeg: er staan geen kolommen of regels in.")
    rows = read_records(text)
    header, body = rows[0], rows[1:]
    fields = [field_for(h) for h in header]
    _check_header(header, fields)
    entries, problems = [], []
    seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(body, start=2):
        if not any(cell.strip() for cell in record):
            continue
        values = _values(header, record)
        entry, row_problems = _entry(number, values)
        if entry is not None and not row_problems:
            key = ("rol", entry.role.casefold()) if entry.role else ("persoon", _person_key(entry))
            if key in seen:
                what = "Rol" if entry.role else LABELS["name"]
                row_problems.append(RowProblem(number, what, f"dubbel: staat ook al in regel {seen[key]}."))
            else:
                seen[key] = number
        problems.extend(row_problems)
        if len(problems) >= MAX_PROBLEMS:
            problems.append(RowProblem(number, "", "te veel problemen; de rest van het bestand is niet bekeken."))
            break
        if entry is not None:
            entries.append(entry)
    if problems:
        raise ImportRefused(problems)
    if not entries:
        raise ImportRefused.file("Er staan geen partners of contactpersonen in het bestand, alleen kopregels.")
    return DirectoryData(tuple(entries), source=source)


def read_records(text: str, recognise: Callable[[str], str | None] = field_for) -> list[list[str]]:
    """The CSV's rows, read with the delimiter under which ``recognise`` knows most header cells."""
    sample = text[:8192]
    delimiters = list(_DELIMITERS)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
        delimiters.insert(0, sniffed)
    except csv.Error:
        pass
    # Excel's quoting ("" inside quotes) with the Sniffer's delimiter first. The Sniffer can be fooled
    # by commas or quotes inside text, so the delimiter that recognises the most columns wins.
    dialects = [type("Dialect", (csv.excel,), {"delimiter": d}) for d in dict.fromkeys(delimiters)]
    best = max(dialects, key=lambda d: _recognised(sample, d, recognise))
    rows: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), best, strict=False):
            rows.append(record)
            if len(rows) > MAX_ROWS + 1:
                raise ImportRefused.file(f"Het bestand heeft meer dan {MAX_ROWS:,} regels; dat is geen "
                                         "adresboek van één locatie.".replace(",", "."))
    except csv.Error as exc:
        raise ImportRefused([RowProblem(len(rows) + 1, "", f"deze regel is geen geldige CSV ({exc}).")]) from None
    if not rows:
        raise ImportRefused.file("Het bestand is leeg.")
    return rows


def _recognised(sample: str, dialect: type[csv.Dialect], recognise: Callable[[str], str | None]) -> int:
    try:
        header = next(csv.reader(io.StringIO(sample, newline=""), dialect, strict=False), [])
    except csv.Error:
        return -1
    return len({recognise(h) for h in header} - {None})


def _check_header(header: list[str], fields: list[str | None]) -> None:
    present = set(fields)
    missing = []
    if "organisation" not in present:
        missing.append(LABELS["organisation"])
    if not present & {"name", "first_name", "last_name", "role"}:
        missing.append(f"{LABELS['name']} (of Voornaam/Achternaam, of Rol)")
    if missing:
        found = ", ".join(f"‘{h.strip()[:30]}’" for h in header[:8] if h.strip()) or "geen"
        raise ImportRefused.file(
            f"Ontbrekende kolommen: {', '.join(missing)}. Gevonden kolommen: {found}. "
            "Controleer of de eerste regel de kolomnamen bevat en of het scheidingsteken een "
            "puntkomma, komma of tab is."
        )
    # Several columns may fill one field (Outlook: Business Phone, Primary Phone ...); only a column
    # that is literally there twice is ambiguous.
    doubles = duplicated_headers(header)
    if doubles:
        raise ImportRefused.file(f"Kolom(men) komen twee keer voor: {', '.join(f'‘{d[:30]}’' for d in doubles)}.")


def _values(header: list[str], record: list[str]) -> dict[str, str]:
    values = pick_values(header, record)
    for key, cell in values.items():
        values[key] = plain_cell(cell)
    return values


def _entry(row: int, v: dict[str, str]) -> tuple[PartnerEntry | None, list[RowProblem]]:
    problems: list[RowProblem] = []

    def checked(key: str, check: Callable[[str], Any], label_key: str | None = None) -> Any:
        try:
            return check(v.get(key, ""))
        except ValueError as exc:
            problems.append(RowProblem(row, LABELS[label_key or key], str(exc)))
            return None

    name = v.get("name") or " ".join(p for p in (v.get("first_name"), v.get("middle_name"), v.get("last_name")) if p)
    role, organisation = v.get("role", ""), v.get("organisation", "")
    phone = checked("phone", normalise_phone)
    mobile = checked("mobile", normalise_phone)
    email = checked("email", normalise_email)
    organisation_phone = checked("organisation_phone", normalise_phone) or ""
    organisation_email = checked("organisation_email", normalise_email) or ""
    contact = PersonEntry(name, v.get("function", ""), phone or "", email or "", v.get("availability", ""),
                          v.get("note", ""), mobile or "") if name else None
    substitute = None
    if v.get("substitute"):
        substitute = PersonEntry(
            v["substitute"], v.get("substitute_function", ""), checked("substitute_phone", normalise_phone) or "",
            checked("substitute_email", normalise_email) or "", v.get("substitute_availability", ""),
            v.get("substitute_note", ""), checked("substitute_mobile", normalise_phone) or "")
    kind = None
    if v.get("kind"):
        kind = _kind(v["kind"])
        if kind is None:
            problems.append(RowProblem(row, LABELS["kind"], f"‘{v['kind'][:30]}’ is geen soort; kies "
                                                             "‘structureel’ of ‘incidenteel’."))
    valid_from = checked("mandate_valid_from", parse_date)
    valid_until = checked("mandate_valid_until", parse_date)
    if valid_from and valid_until and valid_until < valid_from:
        problems.append(RowProblem(row, LABELS["mandate_valid_until"], "ligt vóór de begindatum van het mandaat."))
    if not role and not name:
        problems.append(RowProblem(row, LABELS["name"], "ontbreekt: geef een contactpersoon of een rol."))
    if (contact or substitute) and not organisation:
        problems.append(RowProblem(row, LABELS["organisation"], "ontbreekt: een contactpersoon hoort bij een organisatie."))
    for key, value in (("role", role), ("organisation", organisation), ("name", name)):
        if len(value) > 200:
            problems.append(RowProblem(row, LABELS[key], "is te lang (hoogstens 200 tekens)."))
    entry = PartnerEntry(
        role=role, organisation=organisation, kind=kind, organisation_type=v.get("organisation_type", ""),
        organisation_phone=organisation_phone, organisation_email=organisation_email,
        organisation_address=v.get("organisation_address", ""),
        contact=contact, substitute=substitute,
        mandate_category=v.get("mandate_category", ""), mandate_description=v.get("mandate_description", ""),
        mandate_valid_from=valid_from, mandate_valid_until=valid_until, row=row,
    )
    return entry, problems


def _kind(text: str) -> PartnerKind | None:
    text = text.strip().casefold()
    for kind in PartnerKind:
        if text in {kind.value, kind.label.casefold(), kind.value[0]}:
            return kind
    return {"structural": PartnerKind.STRUCTURAL, "incidental": PartnerKind.INCIDENTAL}.get(text)


def _person_key(entry: PartnerEntry) -> str:
    name = entry.contact.name if entry.contact else ""
    return f"{name.casefold()}|{entry.organisation.casefold()}"


# Export ------------------------------------------------------------------------------------
def csv_rows(views: Iterable[PartnerRow], type_names: dict[int, str]) -> list[list[str]]:
    """Header and one row per role of the location (``PartnerView``s), unfilled roles included."""
    rows = [[label for _key, label in EXPORT_COLUMNS]]
    for view in views:
        p, c, s, o = view.partner, view.contact, view.substitute, view.organisation
        values = {
            "role": p.role, "kind": p.kind.value, "organisation": o.name if o else "",
            "organisation_type": type_names.get(o.type_id, "") if o else "",
            "organisation_phone": o.phone if o else "", "organisation_email": o.email if o else "",
            "organisation_address": o.address if o else "",
            "mandate_category": p.mandate_category, "mandate_description": p.mandate_description,
            "mandate_valid_from": format_date(p.mandate_valid_from),
            "mandate_valid_until": format_date(p.mandate_valid_until),
        }
        for prefix, person in (("", c), ("substitute_", s)):
            if person:
                values[f"{prefix}name" if not prefix else "substitute"] = person.name
                values.update({f"{prefix}function": person.function, f"{prefix}phone": person.phone,
                               f"{prefix}mobile": person.mobile,
                               f"{prefix}email": person.email, f"{prefix}availability": person.availability,
                               f"{prefix}note": person.note})
        rows.append([csv_safe.phone_cell(values.get(key, "")) if key in _PHONE_COLUMNS else values.get(key, "")
                     for key, _label in EXPORT_COLUMNS])
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    """Semicolon, UTF-8 with BOM, CRLF; no cell a spreadsheet would run (see ``knooppunt.csv_safe``)."""
    return csv_safe.csv_bytes(rows)


def plain_cell(cell: str) -> str:
    """A cell as read: trimmed, and the apostrophe our export put before a formula-like cell removed."""
    cell = cell.strip()
    return cell[1:] if cell[:1] == "'" and csv_safe.is_formula(cell) else cell
