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
from .locations import LocationService
from .invitations import InvitationService
from .meeting_mode import MeetingModeService
from .meetings import MeetingService
from .parents_screen import ParentsScreenService
from .planning import PlanningService
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
    planning: PlanningService
    invitations: InvitationService
    meeting_mode: MeetingModeService
    parents_screen: ParentsScreenService

    def close(self) -> None:
        self.store.close()


def build_services(store: Store) -> Services:
    children = ChildService(store)
    locations = LocationService(store)
    consent = ConsentService(store, children)
    planning = PlanningService(store, locations, children, consent)
    services = Services(
        store=store,
        profile=ProfileService(store),
        audit=AuditService(store),
        locations=locations,
        children=children,
        consent=consent,
        meetings=MeetingService(store),
        agreements=AgreementService(store),
        planning=planning,
        invitations=InvitationService(store, locations, children),
        meeting_mode=MeetingModeService(store, children, planning),
        parents_screen=ParentsScreenService(store, children),
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
