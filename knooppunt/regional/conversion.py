"""From published rows to one directory file per location, read by the directory-file parser.

Going through ``directory_file.parse`` keeps one set of rules (phone, e-mail, dates, duplicate
roles) for a file brought on a stick and for the regional update.
"""

from __future__ import annotations

import json
from typing import Any

from ..directory import directory_file
from ..directory.entries import DirectoryData, PartnerEntry, PersonEntry
from ..directory.report import ImportRefused, RowProblem
from ..directory.validation import normalise_email, normalise_phone
from .publication import Publication, PublicationRefused

_PERSON = ("name", "function", "phone", "email", "availability", "note")


# Rows that are not what Knooppunt publishes (a table that is no list of rows, a missing column,
# a number where a name belongs) even under a valid signature: one Dutch refusal, nothing changed.
_MALFORMED = (KeyError, TypeError, AttributeError, ValueError)
_NOT_READABLE = ("Het regionale adresboek heeft niet de vorm die Knooppunt publiceert en is niet te lezen. "
                 "Vraag de coördinator het opnieuw te publiceren. Er is niets veranderd.")


def directory_data(publication: Publication, *, source: str = "regionaal adresboek") -> list[DirectoryData]:
    """One directory file per published location, read by the directory-file parser."""
    try:
        return _directory_data(publication, source)
    except _MALFORMED:
        raise PublicationRefused(_NOT_READABLE) from None


def _directory_data(publication: Publication, source: str) -> list[DirectoryData]:
    tables = publication.tables
    types = {t["id"]: t["name"] for t in tables["organisation_type"]}
    organisations = {o["id"]: o for o in tables["organisation"]}
    people = {p["id"]: p for p in tables["contact_person"]}
    partners: dict[Any, list[dict[str, Any]]] = {}
    for partner in sorted(tables["location_partner"], key=lambda p: (p["position"] or 0, p["id"])):
        partners.setdefault(partner["location_id"], []).append(partner)
    items = []
    for location in sorted(tables["location"], key=lambda r: str(r["name"]).casefold()):
        document = {
            "format": directory_file.FORMAT, "version": directory_file.VERSION,
            "location": {k: v for k, v in location.items() if k != "id"},
            "partners": [_partner(p, organisations, people, types) for p in partners.get(location["id"], [])],
        }
        try:
            items.append(directory_file.parse(json.dumps(document, ensure_ascii=False).encode("utf-8"),
                                              source=f"{source}: {location['name']}"))
        except ImportRefused as exc:
            raise PublicationRefused(f"Locatie ‘{location['name']}’ in het regionale adresboek: "
                                     f"{_lines(exc)} Er is niets veranderd.") from None
    return items


def _partner(partner: dict[str, Any], organisations: dict[Any, dict[str, Any]], people: dict[Any, dict[str, Any]],
             types: dict[Any, str]) -> dict[str, Any]:
    organisation = organisations.get(partner["organisation_id"]) or {}

    def person(person_id: Any) -> dict[str, Any] | None:
        found = people.get(person_id)
        return {k: found.get(k) or "" for k in _PERSON} if found and organisation else None

    return {
        "role": partner["role"], "kind": partner["kind"],
        "organisation": organisation.get("name", ""),
        "organisation_type": types.get(organisation.get("type_id"), ""),
        **{f"organisation_{k}": organisation.get(k) or "" for k in ("phone", "email", "address")},
        "contact": person(partner["contact_id"]), "substitute": person(partner["substitute_id"]),
        **{k: partner[k] for k in ("mandate_category", "mandate_description", "mandate_valid_from",
                                   "mandate_valid_until")},
    }


def colleagues(publication: Publication) -> list[PartnerEntry]:
    """People of the published organisations who sit at no table: added to the directory (no role)."""
    try:
        return _colleagues(publication)
    except _MALFORMED:
        raise PublicationRefused(_NOT_READABLE) from None


def _colleagues(publication: Publication) -> list[PartnerEntry]:
    tables = publication.tables
    seated = {i for p in tables["location_partner"] for i in (p["contact_id"], p["substitute_id"])}
    organisations = {o["id"]: o for o in tables["organisation"]}
    types = {t["id"]: t["name"] for t in tables["organisation_type"]}
    entries, problems = [], []
    for number, person in enumerate(sorted(tables["contact_person"], key=lambda p: p["id"]), start=1):
        organisation = organisations.get(person["organisation_id"])
        if person["id"] in seated or organisation is None or not str(person["name"] or "").strip():
            continue
        values = {k: str(person.get(k) or "").strip() for k in _PERSON}
        for key, check in (("phone", normalise_phone), ("email", normalise_email)):
            try:
                values[key] = check(values[key])
            except ValueError as exc:
                problems.append(RowProblem(number, f"{values['name']}, {key}", str(exc), "Contactpersoon"))
        entries.append(PartnerEntry("", str(organisation["name"]), organisation_type=types.get(
            organisation["type_id"], ""), contact=PersonEntry(**values)))
    if problems:
        raise PublicationRefused(f"Contactpersonen in het regionale adresboek: {_lines(ImportRefused(problems))} "
                                 "Er is niets veranderd.")
    return entries


def _lines(refused: ImportRefused) -> str:
    shown = "; ".join(str(p) for p in refused.problems[:10])
    more = len(refused.problems) - 10
    return shown + (f"; en nog {more}." if more > 0 else ".")
