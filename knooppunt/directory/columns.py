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
    ("email", "E-mail"),
    ("availability", "Beschikbaarheid"),
    ("note", "Notitie"),
    ("substitute", "Vervanger"),
    ("substitute_function", "Functie vervanger"),
    ("substitute_phone", "Telefoon vervanger"),
    ("substitute_email", "E-mail vervanger"),
    ("substitute_availability", "Beschikbaarheid vervanger"),
    ("substitute_note", "Notitie vervanger"),
    ("mandate_category", "Mandaat categorie"),
    ("mandate_description", "Mandaat"),
    ("mandate_valid_from", "Mandaat geldig vanaf"),
    ("mandate_valid_until", "Mandaat geldig tot"),
)
LABELS = dict(EXPORT_COLUMNS)
LABELS.update(first_name="Voornaam", middle_name="Tussenvoegsel", last_name="Achternaam", mobile="Mobiel")

_ALIASES: dict[str, tuple[str, ...]] = {
    "role": ("rol", "rolaantafel", "role", "kernpartner"),
    "kind": ("soort", "soortpartner", "structureelincidenteel", "structureelofincidenteel", "kind"),
    "organisation": ("organisatie", "bedrijf", "company", "organization", "organisation"),
    "organisation_type": ("soortorganisatie", "organisatietype", "typeorganisatie"),
    "organisation_phone": ("telefoonorganisatie", "companymainphone", "hoofdtelefoonbedrijf"),
    "organisation_email": ("emailorganisatie",),
    "organisation_address": ("adresorganisatie", "businessstreet", "straatwerk", "werkadres"),
    "name": ("vastecontactpersoon", "contactpersoon", "naam", "name", "fullname", "volledigenaam"),
    "first_name": ("voornaam", "firstname", "givenname"),
    "middle_name": ("tussenvoegsel", "middlename", "middelstenaam", "tweedevoornaam"),
    "last_name": ("achternaam", "lastname", "surname", "familienaam"),
    "function": ("functie", "jobtitle", "function", "title_job"),
    "phone": ("telefoon", "telefoonnummer", "businessphone", "telefoonopwerk", "telefoonwerk", "phone",
              "primaryphone", "hoofdtelefoon"),
    "mobile": ("mobiel", "mobieletelefoon", "mobilephone", "mobiletelefoon", "mobiel06"),
    "email": ("email", "emailadres", "emailaddress", "mail", "e_mail"),
    "availability": ("beschikbaarheid", "werkdagen", "bereikbaar", "availability"),
    "note": ("notitie", "notities", "notes", "opmerking", "opmerkingen", "note"),
    "substitute": ("vervanger", "substitute", "vervangendecontactpersoon"),
    "substitute_function": ("functievervanger",),
    "substitute_phone": ("telefoonvervanger",),
    "substitute_email": ("emailvervanger",),
    "substitute_availability": ("beschikbaarheidvervanger",),
    "substitute_note": ("notitievervanger",),
    "mandate_category": ("mandaatcategorie", "categoriemandaat", "soortmandaat"),
    "mandate_description": ("mandaat", "mandaatomschrijving", "omschrijvingmandaat"),
    "mandate_valid_from": ("mandaatgeldigvanaf", "mandaatvanaf", "geldigvanaf"),
    "mandate_valid_until": ("mandaatgeldigtot", "mandaattot", "mandaatgeldigtotenmet", "geldigtot"),
}
_LOOKUP = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}


def normalise_header(text: str) -> str:
    """'E-mail Address' → 'emailaddress', 'Categorieën' → 'categorieen'."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def field_for(header: str) -> str | None:
    return _LOOKUP.get(normalise_header(header))
