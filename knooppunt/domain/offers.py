"""Het aanbod rond een locatie (sociale kaart): interventies op de drie niveaus van de
preventiepiramide, om naar te verwijzen vanuit een besluit of afspraak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PreventionLevel(StrEnum):
    """Niveau in de preventiepiramide: voor iedereen, voor een risicogroep, of na indicatie."""

    UNIVERSAL = "universeel"
    SELECTIVE = "selectief"
    INDICATED = "geindiceerd"

    @property
    def label(self) -> str:
        return {"universeel": "Universeel", "selectief": "Selectief", "geindiceerd": "Geïndiceerd"}[self.value]

    @classmethod
    def parse(cls, text: str) -> PreventionLevel | None:
        """'Geïndiceerd', 'geindiceerd', 'G', 'indicated' … → the level (None: not a level)."""
        folded = text.strip().casefold().replace("ï", "i")
        for level in cls:
            if folded in {level.value, level.value[0], level.name.casefold()}:
                return level
        return None


@dataclass(frozen=True)
class Offer:
    """Aanbod of interventie rond de locatie, met de organisatie uit het adresboek."""

    id: int | None
    location_id: int
    name: str
    organisation_id: int | None
    level: PreventionLevel
    target_group: str = ""
    age_from: int | None = None
    age_to: int | None = None
    how_to_refer: str = ""
    contact: str = ""
    archived_on: date | None = None

    @property
    def ages(self) -> str:
        if self.age_from is None and self.age_to is None:
            return ""
        if self.age_to is None:
            return f"vanaf {self.age_from} jaar"
        if self.age_from is None:
            return f"tot en met {self.age_to} jaar"
        return f"{self.age_from}–{self.age_to} jaar"


@dataclass(frozen=True)
class OfferView:
    """An offer with its organisation's name (for lists, the picker and the CSV)."""

    offer: Offer
    organisation: str

    @property
    def title(self) -> str:
        return f"{self.offer.name} — {self.organisation}" if self.organisation else self.offer.name
