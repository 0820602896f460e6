"""The core's composition: one open store and the services built on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from typing import TYPE_CHECKING

from ..storage import Store, create_database, open_database
from .agreements import AgreementService
from .audit import AuditService
from .children import ChildService
from .consent import ConsentService
from .locations import LocationService
from .meetings import MeetingService
from .profile import ProfileService

if TYPE_CHECKING:
    from ..documents.service import DocumentService


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
    documents: DocumentService

    def close(self) -> None:
        self.store.close()


def build_services(store: Store) -> Services:
    # Imported here: the documents package uses services.changes, which imports this module.
    from ..documents.service import DocumentService

    children = ChildService(store)
    services = Services(
        store=store,
        profile=ProfileService(store),
        audit=AuditService(store),
        locations=LocationService(store),
        children=children,
        consent=ConsentService(store, children),
        meetings=MeetingService(store),
        agreements=AgreementService(store),
        documents=DocumentService(store),
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
