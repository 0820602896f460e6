"""What an import carries: partners of one location with their people, no children's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.directory import Location
from ..domain.enums import PartnerKind


@dataclass(frozen=True)
class PersonEntry:
    """A contact person as read from a file or typed in a dialog (not yet in the database)."""

    name: str
    function: str = ""
    phone: str = ""
    email: str = ""
    availability: str = ""
    note: str = ""
    mobile: str = ""  # Outlook's Mobile Phone: kept beside the work number, never instead of it


@dataclass(frozen=True)
class PartnerEntry:
    """One role at a location's table: organisation, fixed contact, substitute and mandate.

    ``role`` may be empty (an Outlook contact): then only the organisation and person are added.
    """

    role: str
    organisation: str
    kind: PartnerKind | None = None
    organisation_type: str = ""
    organisation_phone: str = ""
    organisation_email: str = ""
    organisation_address: str = ""
    contact: PersonEntry | None = None
    substitute: PersonEntry | None = None
    mandate_category: str = ""
    mandate_description: str = ""
    mandate_valid_from: date | None = None
    mandate_valid_until: date | None = None
    row: int = 0  # where it came from, for the report


@dataclass(frozen=True)
class DirectoryData:
    """The directory of one location as found in a file."""

    partners: tuple[PartnerEntry, ...]
    location: Location | None = None  # only a directory file carries the location itself
    authoritative: bool = False  # True: roles missing from the file are removed
    source: str = ""
