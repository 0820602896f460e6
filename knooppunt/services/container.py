"""The core's composition: one open store and the services built on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import Store, create_database, open_database
from ..storage.database import verify_passphrase
from .children.children import ChildService
from .children.consent import ConsentService
from .children.timeline import TimelineService
from .children.transfer import TransferService
from .cycle import CycleServices, build_cycle
from .directory.locations import LocationService
from .directory.offers import OfferService
from .directory.partners import DirectoryService
from .directory.regional import RegionalService
from .directory.regional_publish import RegionalPublisher
from .meetings.invitations import InvitationService
from .meetings.meeting_mode import MeetingModeService
from .meetings.meetings import MeetingService
from .meetings.parent_input import ParentInputService
from .meetings.parents_screen import ParentsScreenService
from .meetings.planning import PlanningService
from .monitoring.monitoring import MonitoringService
from .monitoring.tally import MonitoringTally
from .outcomes.agreements import AgreementService
from .outcomes.cases import CaseService
from .outcomes.decisions import DecisionService
from .outcomes.plan_section import plan_section
from .outcomes.records import RecordService
from .privacy.audit import AuditService
from .privacy.erasure import ErasureService
from .privacy.requests import RequestService
from .privacy.retention import RetentionService
from .profile import ProfileService

if TYPE_CHECKING:
    from ..backup.service import BackupService
    from ..documents.inzage import InzageService
    from ..documents.register import RegisterService
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
    decisions: DecisionService
    records: RecordService
    cases: CaseService
    timeline: TimelineService
    transfer: TransferService
    planning: PlanningService
    invitations: InvitationService
    meeting_mode: MeetingModeService
    parents_screen: ParentsScreenService
    parent_input: ParentInputService
    documents: DocumentService
    directory: DirectoryService
    monitoring_tally: MonitoringTally
    erasure: ErasureService
    retention: RetentionService
    inzage: InzageService
    requests: RequestService
    register: RegisterService
    regional: RegionalService
    regional_publisher: RegionalPublisher
    offers: OfferService
    monitoring: MonitoringService
    cycle: CycleServices  # issue 18: aanmelding, partners per child, plan, closing, school year, Vandaag
    # Set by ``open_services``, which knows the file and the passphrase in force.
    backups: BackupService | None = None

    def close(self) -> None:
        self.store.close()

    # The clock and the user the services work with, for the ui, which never reaches into the store.
    def now(self) -> datetime:
        return self.store.now()

    @property
    def actor(self) -> str:
        return self.store.actor

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def verify_passphrase(self, passphrase: str) -> bool:
        """For unlocking a locked screen: does this passphrase open the database?"""
        return verify_passphrase(self.store.db, passphrase)


def build_services(store: Store) -> Services:
    # Imported here: the documents package uses services.changes, which imports this module.
    from ..documents.inzage import InzageService
    from ..documents.register import RegisterService
    from ..documents.service import DocumentService

    children = ChildService(store)
    documents = DocumentService(store, plan_of=partial(plan_section, store))
    locations = LocationService(store)
    consent = ConsentService(store, children)
    cases = CaseService(store)
    timeline = TimelineService(store, children, cases)
    agreements = AgreementService(store)
    cycle = build_cycle(store, locations, children, consent, cases, documents.renderer)
    planning = PlanningService(store, locations, children, consent, agreements,
                               scope=cycle.partner_scope, intake=cycle.intake)
    monitoring_tally = MonitoringTally(store)
    erasure = ErasureService(store, monitoring_tally)
    directory = DirectoryService(store, locations)
    services = Services(
        store=store,
        profile=ProfileService(store),
        audit=AuditService(store),
        locations=locations,
        children=children,
        consent=consent,
        meetings=MeetingService(store),
        agreements=agreements,
        decisions=DecisionService(store, locations, consent),
        records=RecordService(store),
        cases=cases,
        timeline=timeline,
        transfer=TransferService(store, children, consent, cases, timeline),
        planning=planning,
        invitations=InvitationService(store, locations, children),
        meeting_mode=MeetingModeService(store, children, planning),
        parents_screen=ParentsScreenService(store, children),
        parent_input=ParentInputService(store),
        documents=documents,
        directory=directory,
        regional=RegionalService(store, directory),
        regional_publisher=RegionalPublisher(store),
        monitoring_tally=monitoring_tally,
        erasure=erasure,
        retention=RetentionService(store, erasure),
        inzage=InzageService(store, documents.renderer),
        requests=RequestService(store),
        register=RegisterService(store, documents.renderer),
        offers=OfferService(store),
        monitoring=MonitoringService(store),
        cycle=cycle,
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
    from ..backup.service import BackupService

    opener = create_database if create else open_database
    db = opener(path, passphrase, kdf_iter=kdf_iter)
    store = Store(db, clock=clock)
    store.fold_audit_bursts()  # bursts of autosaves left by a program that was killed
    services = build_services(store)
    return replace(services, backups=BackupService(store, Path(path), passphrase, kdf_iter))
