"""Column names: ours (Dutch), and what Outlook's contact export (English or Dutch) calls them."""

from __future__ import annotations

import re
import unicodedata

# Our own CSV export, in this order (Dutch Excel: semicolon, UTF-8 with BOM).
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("role", "Rol"),
    ("kind", "Soort"),
    ("organisation", "Organisatie"),
    ("organisation_type", "Soort organisatie"),
    ("organisation_phone", "Telefoon organisatie"),
    ("organisation_email", "E-mail organisatie"),
    ("organisation_address", "Adres organisatie"),
    ("name", "Vaste contactpersoon"),
    ("function", "Functie"),
    ("phone", "Telefoon"),
    ("mobile", "Mobiel"),
    ("email", "E-mail"),
    ("availability", "Beschikbaarheid"),
    ("note", "Notitie"),
    ("substitute", "Vervanger"),
    ("substitute_function", "Functie vervanger"),
    ("substitute_phone", "Telefoon vervanger"),
    ("substitute_mobile", "Mobiel vervanger"),
    ("substitute_email", "E-mail vervanger"),
    ("substitute_availability", "Beschikbaarheid vervanger"),
    ("substitute_note", "Notitie vervanger"),
    ("mandate_category", "Mandaat categorie"),
    ("mandate_description", "Mandaat"),
    ("mandate_valid_from", "Mandaat geldig vanaf"),
    ("mandate_valid_until", "Mandaat geldig tot"),
)
LABELS = dict(EXPORT_COLUMNS)
LABELS.update(first_name="Voornaam", middle_name="Tussenvoegsel", last_name="Achternaam")

# Per field the headers that may carry it, in priority order: the first non-empty cell wins.
# Outlook writes all ~90 of its columns; several of them fill the same field (Business Phone,
# Primary Phone, Business Phone 2 ...). Home and other private numbers are not read: a partner
# directory holds work contacts only.
_ALIASES: dict[str, tuple[str, ...]] = {
    "role": ("rol", "rolaantafel", "role", "kernpartner"),
    "kind": ("soort", "soortpartner", "structureelincidenteel", "structureelofincidenteel", "kind"),
    "organisation": ("organisatie", "bedrijf", "company", "organization", "organisation"),
    "organisation_type": ("soortorganisatie", "organisatietype", "typeorganisatie"),
    "organisation_phone": ("telefoonorganisatie", "companymainphone", "hoofdtelefoonbedrijf"),
    "organisation_email": ("emailorganisatie",),
    "organisation_address": ("adresorganisatie", "werkadres"),
    "organisation_street": ("businessstreet", "werkadresstraat", "straatwerk"),
    "organisation_postcode": ("businesspostalcode", "werkadrespostcode"),
    "organisation_city": ("businesscity", "werkadresplaats"),
    "name": ("vastecontactpersoon", "contactpersoon", "naam", "name", "fullname", "volledigenaam"),
    "first_name": ("voornaam", "firstname", "givenname"),
    "middle_name": ("tussenvoegsel", "middlename", "middelstenaam", "tweedevoornaam"),
    "last_name": ("achternaam", "lastname", "surname", "familienaam"),
    "function": ("functie", "jobtitle", "function", "title_job"),
    "phone": ("telefoon", "telefoonnummer", "phone", "businessphone", "telefoonopwerk", "telefoonwerk",
              "primaryphone", "hoofdtelefoon", "businessphone2", "telefoonopwerk2"),
    "mobile": ("mobiel", "mobieletelefoon", "mobilephone", "mobiletelefoon", "mobiel06"),
    "email": ("email", "emailadres", "emailaddress", "mail", "e_mail", "email2address", "emailadres2",
              "email3address", "emailadres3"),
    "availability": ("beschikbaarheid", "werkdagen", "bereikbaar", "availability"),
    "note": ("notitie", "notities", "notes", "opmerking", "opmerkingen", "note"),
    "substitute": ("vervanger", "substitute", "vervangendecontactpersoon"),
    "substitute_function": ("functievervanger",),
    "substitute_phone": ("telefoonvervanger",),
    "substitute_mobile": ("mobielvervanger",),
    "substitute_email": ("emailvervanger",),
    "substitute_availability": ("beschikbaarheidvervanger",),
    "substitute_note": ("notitievervanger",),
    "mandate_category": ("mandaatcategorie", "categoriemandaat", "soortmandaat"),
    "mandate_description": ("mandaat", "mandaatomschrijving", "omschrijvingmandaat"),
    "mandate_valid_from": ("mandaatgeldigvanaf", "mandaatvanaf", "geldigvanaf"),
    "mandate_valid_until": ("mandaatgeldigtot", "mandaattot", "mandaatgeldigtotenmet", "geldigtot"),
}
_LOOKUP = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_RANK = {alias: rank for aliases in _ALIASES.values() for rank, alias in enumerate(aliases)}


def normalise_header(text: str) -> str:
    """'E-mail Address' → 'emailaddress', 'Categorieën' → 'categorieen'."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def field_for(header: str) -> str | None:
    return _LOOKUP.get(normalise_header(header))


def duplicated_headers(header: list[str]) -> list[str]:
    """Headers that occur more than once *as written* and that we would read (ambiguous)."""
    seen: dict[str, int] = {}
    for cell in header:
        key = normalise_header(cell)
        if key in _LOOKUP:
            seen[key] = seen.get(key, 0) + 1
    return [cell.strip() for cell in dict.fromkeys(header) if seen.get(normalise_header(cell), 0) > 1]


def pick_values(header: list[str], record: list[str]) -> dict[str, str]:
    """Per field the first non-empty cell in the field's priority order (``_ALIASES``).

    Exchange-internal addresses (``/o=ExchangeLabs/...``, Outlook's E-mail Type ``EX``) are no
    e-mail address for anyone outside: the next address is taken.
    """
    best: dict[str, tuple[int, str]] = {}
    for cell_header, cell in zip(header, record, strict=False):
        key = normalise_header(cell_header)
        field = _LOOKUP.get(key)
        value = cell.strip()
        if field is None or not value:
            continue
        if field == "email" and value[:3].casefold() == "/o=":
            continue
        if field not in best or _RANK[key] < best[field][0]:
            best[field] = (_RANK[key], value)
    values = {field: value for field, (_rank, value) in best.items()}
    if not values.get("organisation_address"):
        city = " ".join(values.get(k, "") for k in ("organisation_postcode", "organisation_city")).strip()
        street = " ".join(values.get("organisation_street", "").split())  # Outlook keeps line breaks
        values["organisation_address"] = ", ".join(part for part in (street, city) if part)
    return values
