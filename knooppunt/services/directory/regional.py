"""Subscribing to the regional directory: settings, and an update shown first, applied whole.

The network part (``knooppunt.regional.client.fetch``) touches no database, so the screen can run
it off the GUI thread; planning and applying happen here, on the database's own thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...directory.entries import DirectoryData, PartnerEntry
from ...errors import KnooppuntError, ValidationError
from ...storage import Store
from ...storage.store import UnitOfWork
from ..changes import Change, Entity
from .partners import DirectoryService
from .writes import CHANGED, KEPT, NEW, REMOVED, DirectoryChange

if TYPE_CHECKING:
    from ...regional.publication import Publication

# The networking, crypto and conversion modules are imported on first use: not at start-up.
DEFAULT_TIMEOUT = 10.0  # seconds per request (knooppunt.regional.client)
URL_KEY, KEY_KEY = "regional_directory_url", "regional_directory_public_key"
LAST_HASH_KEY, LAST_UPDATE_KEY = "regional_directory_last_hash", "regional_directory_last_update"


@dataclass(frozen=True)
class Subscription:
    url: str
    public_key: str
    last_update: str  # ISO time of the last applied update, or ""
    last_hash: str

    @property
    def configured(self) -> bool:
        return bool(self.url and self.public_key)

    @property
    def fingerprint(self) -> str:
        from ...regional import signing

        return signing.fingerprint(self.public_key) if self.public_key else ""


@dataclass(frozen=True)
class RegionalPlan:
    """A verified publication and what applying it would change on this laptop."""

    url: str
    publisher: str
    published_at: str
    content_hash: str
    items: tuple[DirectoryData, ...]
    changes: tuple[DirectoryChange, ...]
    people: tuple[PartnerEntry, ...] = ()  # colleagues at no table

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def summary(self) -> str:
        if not self.changes:
            return "Geen verschillen: het adresboek is al gelijk aan het regionale adresboek"
        kept = f", {self.count(KEPT)} blijft staan (komt voor in besprekingen)" if self.count(KEPT) else ""
        return f"{self.count(NEW)} nieuw, {self.count(CHANGED)} gewijzigd, {self.count(REMOVED)} verwijderd{kept}"

    @property
    def heading(self) -> str:
        day, _, time = self.published_at.partition("T")
        when = "-".join(reversed(day.split("-"))) + (f" om {time[:5]}" if time else "")
        return (f"<b>Regionaal adresboek</b> van {self.publisher or 'de coördinator'}, gepubliceerd {when} "
                f"→ {len(self.items)} locaties<br>{self.summary}")


class RegionalService:
    def __init__(self, store: Store, directory: DirectoryService) -> None:
        self._store = store
        self._directory = directory

    # Settings --------------------------------------------------------------------------------
    def subscription(self) -> Subscription:
        s = self._store.setting
        return Subscription(s(URL_KEY), s(KEY_KEY), s(LAST_UPDATE_KEY), s(LAST_HASH_KEY))

    def save_subscription(self, url: str, public_key: str) -> Change:
        """Server address and the coordinator's public key; checked, never contacted here."""
        from ...regional import signing
        from ...regional.client import database_url

        url, public_key = url.strip(), "".join(public_key.split())
        if url or public_key:
            try:
                database_url(url)
            except KnooppuntError as exc:
                raise ValidationError("url", exc.message) from None
            try:
                signing.parse_public_key(public_key)
            except KnooppuntError as exc:
                raise ValidationError("public_key", exc.message) from None
        with self._store.unit_of_work() as uow:
            self._set(uow, {URL_KEY: url, KEY_KEY: public_key})
            detail = f"{url}, vingerafdruk {signing.fingerprint(public_key)}" if url else "uitgezet"
            uow.audit("regionaal adresboek ingesteld", "setting", None, detail)
        return Change.updated(Entity.REGIONAL_SUBSCRIPTION)

    # Updating --------------------------------------------------------------------------------
    def fetch(self, *, url: str | None = None, timeout: float = DEFAULT_TIMEOUT,
              cafile: str | None = None) -> Publication:
        """Connect to the configured server (or ``url``): the only place the program goes online."""
        from ...regional.client import fetch

        server = url or self.subscription().url
        if not server:
            raise KnooppuntError("Er is geen adresboekserver ingesteld (Locaties & partners → Regionaal adresboek).")
        return fetch(server, timeout=timeout, cafile=cafile)

    def plan(self, publication: Publication, *, url: str = "", public_key: str | None = None) -> RegionalPlan:
        """Verify the publication with the coordinator's key, then compute what would change."""
        from ...regional.conversion import colleagues, directory_data
        from ...regional.verify import verify

        key = public_key or self.subscription().public_key
        if not key:
            raise KnooppuntError("Vul eerst de publieke sleutel van de coördinator in; zonder die sleutel wordt "
                                 "niets overgenomen.")
        digest = verify(publication, key)
        items = tuple(directory_data(publication))
        people = tuple(colleagues(publication))
        changes = self._directory.plan_many(items, people)
        return RegionalPlan(url or self.subscription().url, publication.publisher, publication.published_at,
                            digest, items, changes, people)

    def apply(self, plan: RegionalPlan) -> Change:
        """Everything in one transaction with one audit entry, or nothing."""
        with self._store.unit_of_work() as uow:
            _changes, ids = self._directory.apply_many(uow, plan.items, plan.people)
            self._set(uow, {LAST_HASH_KEY: plan.content_hash,
                            LAST_UPDATE_KEY: self._store.now().isoformat(timespec="seconds")})
            uow.audit("regionaal adresboek bijgewerkt", "location", None,
                      f"{plan.url}, gepubliceerd {plan.published_at} door {plan.publisher}: {plan.summary}"[:500])
        return Change.updated(Entity.PARTNER, *sorted(ids))

    @staticmethod
    def _set(uow: UnitOfWork, values: dict[str, str]) -> None:
        for key, value in values.items():
            uow.execute("INSERT INTO setting(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])
