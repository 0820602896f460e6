"""The directory file (adresboekbestand): one location's knooppunt for another laptop.

JSON with the location's details (no children's data, ever) and its roles with organisation,
contact person, substitute and mandate. Importing it shows new/changed/removed first and then
applies everything or nothing; roles missing from the file are removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from .. import file_values
from ..domain.directory import ContactPerson, Location
from ..domain.enums import LocationType, PartnerKind
from ..domain.limits import LINE_MAX, NAME_MAX, NOTE_MAX, TEXT_MAX
from .csv_io import MAX_BYTES
from .entries import DirectoryData, PartnerEntry, PersonEntry
from .report import ImportRefused, RowProblem
from .rows import PartnerRow
from .validation import normalise_email, normalise_phone, parse_date

FORMAT = "knooppunt-adresboek"
VERSION = 1
SUFFIX = ".knooppunt-adresboek.json"
_LOCATION_FIELDS = ("name", "type", "address", "postcode", "city", "phone", "frequency_weeks", "composition",
                    "working_agreements")
_PERSON_FIELDS = ("name", "function", "phone", "mobile", "email", "availability", "note")
T = TypeVar("T")


def looks_like_directory_file(data: bytes) -> bool:
    head = data[:400].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and FORMAT.encode() in data[:400]


def dump(location: Location, views: Iterable[PartnerRow], type_names: dict[int, str], *, made_by: str, made_at: datetime) -> bytes:
    """The file's bytes for a location and its partners (``PartnerView``s)."""
    partners = []
    for view in views:
        p = view.partner
        partners.append({
            "role": p.role, "kind": p.kind.value,
            "organisation": view.organisation.name if view.organisation else "",
            "organisation_type": type_names.get(view.organisation.type_id, "") if view.organisation else "",
            **{f"organisation_{key}": getattr(view.organisation, key) if view.organisation else ""
               for key in ("phone", "email", "address")},
            "contact": _person(view.contact), "substitute": _person(view.substitute),
            "mandate_category": p.mandate_category, "mandate_description": p.mandate_description,
            "mandate_valid_from": p.mandate_valid_from.isoformat() if p.mandate_valid_from else None,
            "mandate_valid_until": p.mandate_valid_until.isoformat() if p.mandate_valid_until else None,
        })
    document = {
        "format": FORMAT, "version": VERSION, "made_at": made_at.isoformat(timespec="seconds"), "made_by": made_by,
        "location": {key: str(getattr(location, key)) if key == "type" else getattr(location, key)
                     for key in _LOCATION_FIELDS},
        "partners": partners,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _person(person: ContactPerson | None) -> dict[str, str] | None:
    return {key: getattr(person, key) for key in _PERSON_FIELDS} if person else None


def parse(data: bytes, *, source: str = "") -> DirectoryData:
    if len(data) > MAX_BYTES:
        raise ImportRefused.file("Het adresboekbestand is te groot.")
    try:
        document = file_values.loads(data.decode("utf-8-sig"))
    except ValueError:  # also UnicodeDecodeError, JSONDecodeError, too deep
        raise ImportRefused.file("Dit is geen leesbaar adresboekbestand (beschadigd of geen JSON).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused.file("Dit is geen Knooppunt-adresboekbestand.")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != VERSION:
        shown = version if isinstance(version, int) and not isinstance(version, bool) else "onbekend"
        raise ImportRefused.file(f"Dit adresboekbestand heeft versie {shown}; deze versie "
                                 "van Knooppunt leest versie 1. Werk Knooppunt bij.")
    location = _location(document.get("location"))
    raw = document.get("partners")
    if not isinstance(raw, list):
        raise ImportRefused.file("De lijst met kernpartners ontbreekt.")
    problems: list[RowProblem] = []
    entries: list[PartnerEntry] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(raw, start=1):
        entry = _entry(number, item, problems)
        if entry is None:
            continue
        if entry.role.casefold() in seen:
            problems.append(RowProblem(number, "Rol", f"dubbel: staat ook al bij kernpartner {seen[entry.role.casefold()]}.",
                                       "Kernpartner"))
        seen.setdefault(entry.role.casefold(), number)
        entries.append(entry)
    if problems:
        raise ImportRefused(problems)
    return DirectoryData(tuple(entries), location=location, authoritative=True, source=source)


_LOCATION_LABELS = {"address": ("Adres", LINE_MAX), "postcode": ("Postcode", NAME_MAX), "city": ("Plaats", NAME_MAX),
                    "phone": ("Telefoon", NAME_MAX), "composition": ("Samenstelling", TEXT_MAX),
                    "working_agreements": ("Werkafspraken", NOTE_MAX)}


def _location(raw: Any) -> Location:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise ImportRefused.file("De locatie ontbreekt in het adresboekbestand.")
    problems: list[RowProblem] = []

    def checked(check: Callable[[], T], default: T) -> T:
        try:
            return check()
        except ValueError as exc:
            problems.append(RowProblem(0, "Locatie", str(exc)))
            return default

    try:
        kind = LocationType(str(raw.get("type")))
    except ValueError:
        kind = LocationType.PO
        problems.append(RowProblem(0, "Soort locatie", "klopt niet: kinderopvang, voorschool, PO, SO, VO of MBO."))
    frequency = checked(lambda: file_values.whole_number(raw.get("frequency_weeks", 6), "De frequentie (weken)",
                                                         1, 52), 6)
    name = checked(lambda: file_values.text(raw["name"], "De naam", limit=NAME_MAX, required=True), "")
    texts: dict[str, str] = {}
    for key, (label, limit) in _LOCATION_LABELS.items():
        try:
            texts[key] = file_values.text(raw.get(key), label, limit=limit)
        except ValueError as exc:
            problems.append(RowProblem(0, "Locatie", str(exc)))
    if problems:
        raise ImportRefused(problems)
    return Location(None, name, kind, frequency_weeks=frequency, address=texts["address"],
                    postcode=texts["postcode"], city=texts["city"], phone=texts["phone"],
                    composition=texts["composition"], working_agreements=texts["working_agreements"])


def _entry(number: int, item: Any, problems: list[RowProblem]) -> PartnerEntry | None:
    def problem(field: str, message: str) -> None:
        problems.append(RowProblem(number, field, message, "Kernpartner"))

    def text(key: str, label: str, limit: int, source: Any = None) -> str:
        try:
            return file_values.text((item if source is None else source).get(key), label, limit=limit)
        except ValueError as exc:
            problem(label, str(exc))
            return ""

    if not isinstance(item, dict) or not isinstance(item.get("role"), str) or not item["role"].strip():
        problem("Rol", "ontbreekt.")
        return None
    role = text("role", "Rol", NAME_MAX)
    try:
        kind = PartnerKind(str(item.get("kind")))
    except ValueError:
        problem("Soort", "moet ‘structureel’ of ‘incidenteel’ zijn.")
        kind = PartnerKind.INCIDENTAL
    people: dict[str, PersonEntry | None] = {}
    for key, label in (("contact", "Vaste contactpersoon"), ("substitute", "Vervanger")):
        raw = item.get(key)
        if raw is None:
            people[key] = None
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            problem(label, "naam ontbreekt.")
            people[key] = None
            continue
        values = {f: text(f, f"{label}, {_PERSON_LABELS[f][0]}", _PERSON_LABELS[f][1], raw) for f in _PERSON_FIELDS}
        for field, check, field_label in (("phone", normalise_phone, "telefoon"), ("mobile", normalise_phone, "mobiel"),
                                          ("email", normalise_email, "e-mail")):
            try:
                values[field] = check(values[field])
            except ValueError as exc:
                problem(f"{label}, {field_label}", str(exc))
        people[key] = PersonEntry(**values)
    organisation = text("organisation", "Organisatie", NAME_MAX)
    details = {f"organisation_{key}": text(f"organisation_{key}", label, limit)
               for key, label, limit in (("phone", "Telefoon organisatie", NAME_MAX),
                                         ("email", "E-mail organisatie", NAME_MAX),
                                         ("address", "Adres organisatie", LINE_MAX))}
    for key, check, label in (("organisation_phone", normalise_phone, "Telefoon organisatie"),
                              ("organisation_email", normalise_email, "E-mail organisatie")):
        try:
            details[key] = check(details[key])
        except ValueError as exc:
            problem(label, str(exc))
    if (people["contact"] or people["substitute"]) and not organisation:
        problem("Organisatie", "ontbreekt.")
    dates: dict[str, date | None] = {}
    for key, label in (("mandate_valid_from", "Mandaat geldig vanaf"), ("mandate_valid_until", "Mandaat geldig tot")):
        try:
            dates[key] = parse_date(file_values.text(item.get(key), label, limit=NAME_MAX))
        except ValueError as exc:
            problem(label, str(exc))
            dates[key] = None
    return PartnerEntry(
        role=role, organisation=organisation, kind=kind,
        organisation_type=text("organisation_type", "Soort organisatie", NAME_MAX), contact=people["contact"],
        substitute=people["substitute"], organisation_phone=details["organisation_phone"],
        organisation_email=details["organisation_email"], organisation_address=details["organisation_address"],
        mandate_category=text("mandate_category", "Mandaat categorie", NAME_MAX),
        mandate_description=text("mandate_description", "Mandaat", TEXT_MAX), row=number,
        mandate_valid_from=dates["mandate_valid_from"], mandate_valid_until=dates["mandate_valid_until"])


_PERSON_LABELS = {"name": ("naam", NAME_MAX), "function": ("functie", NAME_MAX), "phone": ("telefoon", NAME_MAX),
                  "mobile": ("mobiel", NAME_MAX),
                  "email": ("e-mail", NAME_MAX), "availability": ("beschikbaarheid", LINE_MAX),
                  "note": ("notitie", TEXT_MAX)}
