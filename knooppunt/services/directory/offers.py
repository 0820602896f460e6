"""Sociale kaart: the offers around a location, their CSV exchange, and the picker's search.

An offer names its organisation from the directory; a decision or agreement that uses an
offer keeps its id, so monitoring counts referrals per organisation and prevention level.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...domain.offers import Offer, OfferView, PreventionLevel
from ...errors import NotFound, ValidationError
from ...exports import write_export
from ...storage import Store
from ...storage.mapping import from_row
from ...text import fold
from ..changes import Change, Entity

if TYPE_CHECKING:  # the CSV code is imported when a file is read or written
    from ...offers.csv_io import OfferEntry

_SELECT = ("SELECT f.*, coalesce(o.name, '') AS organisation_name FROM offer f "
           "LEFT JOIN organisation o ON o.id = f.organisation_id ")


@dataclass(frozen=True)
class OfferInput:
    """What the chair (or coordinator) fills in for an offer."""

    name: str
    organisation_id: int | None
    level: PreventionLevel | str | None
    target_group: str = ""
    age_from: int | None = None
    age_to: int | None = None
    how_to_refer: str = ""
    contact: str = ""


class OfferService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # Reads ---------------------------------------------------------------------------------
    def offers(self, location_id: int, *, include_archived: bool = False) -> list[OfferView]:
        where = "" if include_archived else "AND f.archived_on IS NULL "
        rows = self._store.query(_SELECT + f"WHERE f.location_id = ? {where}ORDER BY {self._store.sql.nocase('f.name')}",
                                 [location_id])
        return [_view(row) for row in rows]

    def offer(self, offer_id: int) -> OfferView:
        rows = self._store.query(_SELECT + "WHERE f.id = ?", [offer_id])
        if not rows:
            raise NotFound("Dit aanbod bestaat niet (meer).")
        return _view(rows[0])

    def search(self, location_id: int, text: str) -> list[OfferView]:
        """Offers whose name, organisation or target group contain every typed word (accents folded)."""
        words = fold(text).split()
        return [v for v in self.offers(location_id)
                if all(w in fold(f"{v.offer.name} {v.organisation} {v.offer.target_group}") for w in words)]

    # Writes --------------------------------------------------------------------------------
    def save(self, location_id: int, draft: OfferInput, offer_id: int | None = None) -> tuple[int, Change]:
        offer = _validated(location_id, draft)
        with self._store.unit_of_work() as uow:
            if offer_id is None:
                offer_id = uow.insert("offer", offer)
                uow.audit("aanbod toegevoegd", "offer", offer_id, offer.name)
                return offer_id, Change.created(Entity.OFFER, offer_id)
            values = {k: v for k, v in vars(offer).items() if k not in ("id", "location_id", "archived_on")}
            uow.update("offer", offer_id, values)
            uow.audit("aanbod gewijzigd", "offer", offer_id, offer.name)
        return offer_id, Change.updated(Entity.OFFER, offer_id)

    def archive(self, offer_id: int, *, restore: bool = False) -> Change:
        """Take an offer off the picker; decisions that used it keep it (and stay counted)."""
        day = None if restore else self._store.now().date()
        with self._store.unit_of_work() as uow:
            uow.update("offer", offer_id, {"archived_on": day})
            uow.audit("aanbod teruggezet" if restore else "aanbod gearchiveerd", "offer", offer_id)
        return Change.updated(Entity.OFFER, offer_id)

    def read_csv(self, path: Path) -> list[OfferEntry]:
        from ...offers import csv_io

        names = [row["name"] for row in self._store.query("SELECT name FROM organisation")]
        return csv_io.read_csv(Path(path), names)

    def import_entries(self, location_id: int, entries: list[OfferEntry], *, source: str = "") -> Change:
        """Add the file's offers; an offer with the same name is brought up to date. One transaction."""
        organisations = {row["name"].casefold(): row["id"] for row in
                         self._store.query("SELECT id, name FROM organisation")}
        existing = {row["name"].casefold(): row["id"] for row in
                    self._store.query("SELECT id, name FROM offer WHERE location_id = ?", [location_id])}
        ids: list[int] = []
        with self._store.unit_of_work() as uow:
            for e in entries:
                offer = Offer(None, location_id, e.name, organisations.get(e.organisation.casefold()), e.level,
                              e.target_group, e.age_from, e.age_to, e.how_to_refer, e.contact)
                offer_id = existing.get(e.name.casefold())
                if offer_id is None:
                    ids.append(uow.insert("offer", offer))
                else:
                    values = {k: v for k, v in vars(offer).items() if k not in ("id", "location_id")}
                    uow.update("offer", offer_id, values)
                    ids.append(offer_id)
            uow.audit("sociale kaart ingelezen", "location", location_id, f"{len(entries)} aanbod uit {source}".strip())
        return Change.updated(Entity.OFFER, *ids)

    def import_csv(self, location_id: int, path: Path) -> Change:
        return self.import_entries(location_id, self.read_csv(path), source=Path(path).name)

    def export_csv(self, location_id: int, path: Path) -> int:
        from ...offers import csv_io

        views = self.offers(location_id)
        write_export(self._store, Path(path), csv_io.export_bytes(views), action="sociale kaart geëxporteerd (csv)",
                     table="location", record_id=location_id, detail=Path(path).name)
        return len(views)


def _view(row: dict[str, Any]) -> OfferView:
    name = row.pop("organisation_name")
    return OfferView(from_row(Offer, row), name)


def _validated(location_id: int, draft: OfferInput) -> Offer:
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", "Geef het aanbod een naam.")
    level = PreventionLevel.parse(str(draft.level or ""))
    if level is None:
        raise ValidationError("level", "Kies het niveau: universeel, selectief of geïndiceerd.")
    for field in ("age_from", "age_to"):
        age = getattr(draft, field)
        if age is not None and not 0 <= age <= 30:
            raise ValidationError(field, "Een leeftijd is een heel getal van 0 tot 30.")
    if draft.age_from is not None and draft.age_to is not None and draft.age_to < draft.age_from:
        raise ValidationError("age_to", "De leeftijd tot en met is lager dan de leeftijd vanaf.")
    clean = replace(draft, target_group=draft.target_group.strip(), how_to_refer=draft.how_to_refer.strip(),
                    contact=draft.contact.strip())
    return Offer(None, location_id, name, clean.organisation_id, level, clean.target_group, clean.age_from,
                 clean.age_to, clean.how_to_refer, clean.contact)
