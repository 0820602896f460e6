"""Locations and their knooppunt partners (the location coordinator's directory)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import LocationType, PartnerKind


@dataclass(frozen=True)
class Location:
    """Locatie met haar knooppunt: samenstelling, frequentie en werkafspraken."""

    id: int | None
    name: str
    type: LocationType
    address: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    frequency_weeks: int = 6
    composition: str = ""
    working_agreements: str = ""
    retention_months: int = 24
    archived_on: date | None = None


@dataclass(frozen=True)
class OrganisationType:
    """Soort organisatie (JGZ, SMW, wijkteam, leerplicht, ...): per gemeente in te stellen."""

    id: int | None
    code: str
    name: str


@dataclass(frozen=True)
class Organisation:
    id: int | None
    name: str
    type_id: int
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class ContactPerson:
    """Contactpersoon bij een organisatie."""

    id: int | None
    name: str
    organisation_id: int | None
    function: str = ""
    phone: str = ""
    email: str = ""
    availability: str = ""
    note: str = ""
    left_on: date | None = None
    mobile: str = ""  # beside the work number (``phone``), e.g. from Outlook's Mobile Phone


@dataclass(frozen=True)
class Mandate:
    """Mandaat: wat deze persoon namens de organisatie mag besluiten, en hoe lang."""

    category: str = ""
    description: str = ""
    valid_from: date | None = None
    valid_until: date | None = None

    def is_valid_on(self, day: date) -> bool:
        if not (self.category or self.description):
            return False
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)

    def problem_on(self, day: date) -> str | None:
        """Dutch explanation of why the mandate is not valid on ``day``, or None."""
        if not (self.category or self.description):
            return "Geen mandaat vastgelegd"
        if self.valid_from and day < self.valid_from:
            return f"Mandaat geldt pas vanaf {self.valid_from:%d-%m-%Y}"
        if self.valid_until and day > self.valid_until:
            return f"Mandaat verlopen op {self.valid_until:%d-%m-%Y}"
        return None


@dataclass(frozen=True)
class LocationPartner:
    """Kernpartner van een locatie: een rol aan tafel, met vaste contactpersoon en vervanger."""

    id: int | None
    location_id: int
    role: str
    kind: PartnerKind
    organisation_id: int | None = None
    contact_id: int | None = None
    substitute_id: int | None = None
    mandate_category: str = ""
    mandate_description: str = ""
    mandate_valid_from: date | None = None
    mandate_valid_until: date | None = None
    position: int = 0

    @property
    def mandate(self) -> Mandate:
        return Mandate(
            self.mandate_category,
            self.mandate_description,
            self.mandate_valid_from,
            self.mandate_valid_until,
        )

    @property
    def is_filled(self) -> bool:
        return self.organisation_id is not None and self.contact_id is not None


# The roles a new location starts with (knooppuntenaanpak): school and parents are implicit.
STRUCTURAL_ROLES: tuple[tuple[str, str], ...] = (
    ("Jeugdgezondheidszorg (JGZ)", "JGZ"),
    ("Gemeentelijke toegang / schoolmaatschappelijk werk", "SMW"),
    ("Voorschoolse voorziening", "VVE"),
)
INCIDENTAL_ROLES: tuple[tuple[str, str], ...] = (
    ("Leerplicht", "LP"),
    ("Samenwerkingsverband passend onderwijs", "SWV"),
    ("Zorgaanbieder (jeugdhulp, GGZ, ...)", "ZORG"),
)
DEFAULT_ORGANISATION_TYPES: tuple[tuple[str, str], ...] = (
    ("JGZ", "Jeugdgezondheidszorg (JGZ/GGD)"),
    ("SMW", "Schoolmaatschappelijk werk"),
    ("WIJK", "Gemeentelijke toegang / wijkteam"),
    ("VVE", "Voorschoolse voorziening"),
    ("LP", "Leerplicht"),
    ("SWV", "Samenwerkingsverband passend onderwijs"),
    ("ZORG", "Zorgaanbieder"),
    ("SCHOOL", "School / kinderopvang"),
)
