"""The composition root: opens the store and builds the services on it.

The one place that decides the clock and who the actor is (``Store.actor``): the profile's
name, asked at each audited write, else a fallback for a database without a profile yet (the
program's "onbekend", the CLI's "knooppunt-cli"). A rename goes through ``ProfileService.save``
only; the store follows it at once, and a rolled-back rename is rolled back for the actor too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .backup.service import BackupService
from .documents.inzage import InzageService
from .documents.register import RegisterService
from .documents.service import DocumentService
from .domain.directory import Location
from .domain.enums import Role
from .errors import KnooppuntError
from .services.children.children import ChildService
from .services.children.consent import ConsentService
from .services.children.timeline import TimelineService
from .services.children.transfer import TransferService
from .services.container import Services
from .services.cycle import build_cycle
from .services.directory.locations import LocationService
from .services.directory.offers import OfferService
from .services.directory.partners import DirectoryService
from .services.directory.regional import RegionalService
from .services.directory.regional_publish import RegionalPublisher
from .services.meetings.invitations import InvitationService
from .services.meetings.meeting_mode import MeetingModeService
from .services.meetings.meetings import MeetingService
from .services.meetings.parent_input import ParentInputService
from .services.meetings.parents_screen import ParentsScreenService
from .services.meetings.planning import PlanningService
from .services.monitoring.monitoring import MonitoringService
from .services.monitoring.tally import MonitoringTally
from .services.outcomes.agreements import AgreementService
from .services.outcomes.cases import CaseService
from .services.outcomes.decisions import DecisionService
from .services.outcomes.plan_section import plan_section
from .services.outcomes.records import RecordService
from .services.privacy.audit import AuditService
from .services.privacy.erasure import ErasureService
from .services.privacy.requests import RequestService
from .services.privacy.retention import RetentionService
from .services.profile import ProfileService
from .services.setup import check_new_passphrase
from .storage import SqliteStore, Store, create_database, open_database

if TYPE_CHECKING:
    from .team_settings import TeamSettings

__all__ = ["Services", "build_services", "first_run", "open_server_services", "open_services",
           "open_team_services", "profile_actor"]

DEFAULT_ACTOR = "onbekend"


def profile_actor(store: Store, fallback: str = DEFAULT_ACTOR) -> Callable[[], str]:
    """Who writes: the profile's name (read in the store's own transaction), else ``fallback``."""
    return lambda: ProfileService(store).user_name or fallback


def build_services(store: Store) -> Services:
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
    return Services(
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


def open_services(
    path: Path,
    passphrase: str,
    *,
    create: bool = False,
    kdf_iter: int | None = None,
    clock: Callable[[], datetime] = datetime.now,
    actor: str = DEFAULT_ACTOR,
) -> Services:
    """Open (or create) the encrypted database at ``path`` and build the services on it.

    ``actor`` is who writes while the profile has no name yet."""
    opener = create_database if create else open_database
    db = opener(path, passphrase, kdf_iter=kdf_iter)
    store = SqliteStore(db, clock=clock)
    store.identify(profile_actor(store, actor))
    store.fold_audit_bursts()  # bursts of autosaves left by a program that was killed
    services = build_services(store)
    return replace(services, backups=BackupService(store, Path(path), passphrase, kdf_iter))


def open_server_services(conninfo: str, *, clock: Callable[[], datetime] = datetime.now,
                         actor: str = DEFAULT_ACTOR) -> Services:
    """The services on the organisation's PostgreSQL server (``conninfo``: a libpq connection
    string, TLS with the certificate checked: storage/postgres/connection.py). No file, so no
    backups of a file: the server's are the board's IT's (packaging/server/)."""
    # Imported here: a laptop working on its own file never loads the server's driver (start-up).
    from .storage.postgres.store import PostgresStore

    store = PostgresStore.connect(conninfo, clock=clock)
    store.identify(profile_actor(store, actor))
    store.fold_audit_bursts()
    return build_services(store)


def open_team_services(settings: TeamSettings, password: str, *,
                       clock: Callable[[], datetime] = datetime.now) -> Services:
    """The services on the server of ``settings`` (server.json) as its user; a Dutch refusal
    (team_connection.refusal) when the server cannot be reached or refuses. The user's login
    name writes the audit rows: the server's profile setting is the organisation's, not one user's."""
    from . import team_connection
    from .storage.postgres.store import PostgresStore

    conn = team_connection.connect(settings, password)
    store = PostgresStore(conn, clock=clock, conninfo=settings.address.conninfo(password))
    store.identify(lambda: settings.user)
    store.fold_audit_bursts()
    from .services.team.checkout import CheckoutService

    return replace(build_services(store), checkout=CheckoutService(settings.address, password, clock=clock),
                   server_user=settings.user)


def first_run(path: Path, *, passphrase: str, user_name: str, role: Role, location: Location | None,
              kdf_iter: int | None = None) -> Services:
    """Create the database; if the profile or location is refused, no file is left behind."""
    problem = check_new_passphrase(passphrase, passphrase)
    if problem:
        raise KnooppuntError(problem)
    services = open_services(path, passphrase, create=True, kdf_iter=kdf_iter)
    try:
        services.profile.save(user_name, role)
        if location is not None and location.name.strip():
            services.locations.create_location(location)
    except BaseException:
        services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return services
