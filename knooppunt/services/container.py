"""The core's composition: one open store and the services built on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..storage import Store, create_database, open_database
from .agreements import AgreementService
from .audit import AuditService
from .children import ChildService
from .consent import ConsentService
from .directory import DirectoryService
from .locations import LocationService
from .meetings import MeetingService
from .profile import ProfileService


@dataclass(frozen=True)
class Services:
    store: Store
    profile: ProfileService
    audit: AuditService
    locations: LocationService
    children: ChildService
    consent: ConsentService
    meetings: MeetingService
    agreements: AgreementService
    directory: DirectoryService

    def close(self) -> None:
        self.store.close()


def build_services(store: Store) -> Services:
    children = ChildService(store)
    locations = LocationService(store)
    services = Services(
        store=store,
        profile=ProfileService(store),
        audit=AuditService(store),
        locations=locations,
        children=children,
        consent=ConsentService(store, children),
        meetings=MeetingService(store),
        agreements=AgreementService(store),
        directory=DirectoryService(store, locations),
    )
    if not store.actor:
        store.actor = services.profile.user_name or "onbekend"
    return services


def open_services(
    path: Path,
    passphrase: str,
    *,
    create: bool = False,
    kdf_iter: int | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> Services:
    """Open (or create) the encrypted database at ``path`` and build the services on it."""
    opener = create_database if create else open_database
    db = opener(path, passphrase, kdf_iter=kdf_iter)
    return build_services(Store(db, clock=clock))
