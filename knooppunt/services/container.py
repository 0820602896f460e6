"""The services of one open store, as one object (built by knooppunt/composition.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..storage import Store
from .children.children import ChildService
from .children.consent import ConsentService
from .children.timeline import TimelineService
from .children.transfer import TransferService
from .cycle import CycleServices
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
    from .team.checkout import CheckoutService


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
    # Set by ``composition.open_services``, which knows the file and the passphrase in force.
    backups: BackupService | None = None
    # Set by ``composition.open_team_services`` on the organisation's server: checking meetings out
    # to this laptop and in again, as ``server_user``.
    checkout: CheckoutService | None = None
    server_user: str = ""

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
        return self.store.verify_passphrase(passphrase)
