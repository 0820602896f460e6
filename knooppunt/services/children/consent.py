"""Consent (toestemming): the gate before a child is placed on a meeting, recording and withdrawal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ...domain.children import Consent
from ...domain.consent_rules import MissingConsent, missing_consents
from ...domain.enums import ConsentGiver, ConsentMethod, DiscussionStatus
from ...domain.limits import LINE_MAX, check_fields
from ...errors import ConsentMissing, KnooppuntError, ValidationError
from ...storage import Store, UnitOfWork
from ..changes import Change, Entity
from ..outcomes.records import RUNNING_KEY
from .children import ChildService


@dataclass(frozen=True)
class RemovedDiscussion:
    """A future discussion that was cancelled (afgemeld) because consent was withdrawn."""

    discussion_id: int
    meeting_id: int
    meeting_date: date


@dataclass(frozen=True)
class Withdrawal:
    """What withdrawing a consent changed; ``message`` is for the chair (voorzitter)."""

    change: Change
    removed: tuple[RemovedDiscussion, ...]
    message: str

    @property
    def changes(self) -> tuple[Change, ...]:
        extra = (Change.updated(Entity.DISCUSSION, *(r.discussion_id for r in self.removed)),) if self.removed else ()
        return (self.change, *extra)


class ConsentService:
    def __init__(self, store: Store, children: ChildService) -> None:
        self._store = store
        self._children = children

    # The gate ------------------------------------------------------------------------------
    def missing(
        self, child_id: int, day: date, organisation_ids: Iterable[int] = (), *, for_transfer: bool = False
    ) -> list[MissingConsent]:
        return missing_consents(
            self._children.child(child_id),
            self._children.guardians(child_id),
            self._children.consents(child_id),
            day,
            organisation_ids,
            self.organisation_names(),
            for_transfer=for_transfer,
        )

    def require(self, child_id: int, day: date, organisation_ids: Iterable[int] = ()) -> None:
        """Raise ``ConsentMissing`` naming every missing person and scope."""
        organisation_ids = tuple(organisation_ids)
        missing = self.missing(child_id, day, organisation_ids)
        if missing:
            child = self._children.child(child_id)
            raise ConsentMissing(child.full_name, [m.description for m in missing], child_id=child_id,
                                 day=day, organisation_ids=organisation_ids)

    def organisation_names(self) -> dict[int, str]:
        return {r["id"]: r["name"] for r in self._store.query("SELECT id, name FROM organisation")}

    # Writes --------------------------------------------------------------------------------
    def record(self, consent: Consent) -> tuple[Consent, Change]:
        """Record a consent with its scope (bespreking, overdracht, which partner organisations)."""
        consent = self._checked(consent)
        with self._store.unit_of_work() as uow:
            consent_id = uow.insert("consent", replace(consent, id=None, withdrawn_on=None, withdrawal_note=""))
            for organisation_id in consent.organisation_ids:
                uow.insert("consent_organisation", {"consent_id": consent_id, "organisation_id": organisation_id})
            uow.audit("toestemming vastgelegd", "consent", consent_id, self._describe(consent))
        return replace(consent, id=consent_id), Change.created(Entity.CONSENT, consent_id)

    def withdraw(self, consent_id: int, on: date, note: str = "") -> Withdrawal:
        """Withdraw (intrekken): the record stays; planned and running discussions from ``on`` without valid
        consent are cancelled (afgemeld), and a running one is no longer the chair's current discussion."""
        consent = next((c for c in self._all_consents(consent_id) if c.id == consent_id), None)
        if consent is None:
            raise KnooppuntError("Deze toestemming bestaat niet (meer).")
        if consent.withdrawn_on is not None:
            raise ValidationError("withdrawn_on", f"Deze toestemming is al ingetrokken op {consent.withdrawn_on:%d-%m-%Y}.")
        if on < consent.given_on:
            raise ValidationError("withdrawn_on", "De intrekking kan niet vóór de datum van de toestemming liggen.")
        if on > self._store.now().date():
            raise ValidationError("withdrawn_on", "Een intrekking legt u vast als ze gebeurd is, niet vooruit.")
        with self._store.unit_of_work() as uow:
            uow.update("consent", consent_id, {"withdrawn_on": on, "withdrawal_note": note.strip()})
            uow.audit("toestemming ingetrokken", "consent", consent_id, self._describe(consent))
            removed = self._cancel_future_discussions(uow, consent.child_id, on)
        child = self._children.child(consent.child_id)
        if removed:
            days = ", ".join(f"{r.meeting_date:%d-%m-%Y}" for r in removed)
            message = (f"De toestemming voor {child.full_name} is ingetrokken. {child.first_name} is afgemeld "
                       f"voor het overleg van {days}. Laat de deelnemers weten dat de bespreking niet doorgaat.")
        else:
            message = (f"De toestemming voor {child.full_name} is ingetrokken. Er stond geen bespreking gepland "
                       "die hierdoor vervalt.")
        return Withdrawal(Change.updated(Entity.CONSENT, consent_id), removed, message)

    # Helpers -------------------------------------------------------------------------------
    def _all_consents(self, consent_id: int) -> list[Consent]:
        child_id = self._store.scalar("SELECT child_id FROM consent WHERE id = ?", [consent_id])
        return [] if child_id is None else self._children.consents(child_id)

    def _cancel_future_discussions(self, uow: UnitOfWork, child_id: int, on: date) -> tuple[RemovedDiscussion, ...]:
        rows = self._store.query(
            "SELECT d.id, d.meeting_id, m.date FROM discussion d JOIN meeting m ON m.id = d.meeting_id "
            "WHERE d.child_id = ? AND d.status IN (?, ?) AND m.date >= ? ORDER BY m.date",
            [child_id, DiscussionStatus.PLANNED, DiscussionStatus.IN_PROGRESS, on],
        )
        removed = []
        for row in rows:
            day = date.fromisoformat(row["date"])
            if self.missing(child_id, day, self.invited_organisations(row["id"])):
                uow.update("discussion", row["id"], {"status": DiscussionStatus.REMOVED})
                uow.execute("DELETE FROM setting WHERE key = ? AND value = ?",
                            [self._store.setting_key(RUNNING_KEY), str(row["id"])])
                uow.audit("bespreking afgemeld (toestemming ingetrokken)", "discussion", row["id"], "")
                removed.append(RemovedDiscussion(row["id"], row["meeting_id"], day))
        return tuple(removed)

    def invited_organisations(self, discussion_id: int) -> list[int]:
        """Partner organisations invited to a discussion (their consent scope must cover them)."""
        rows = self._store.query(
            "SELECT DISTINCT lp.organisation_id FROM participant p "
            "JOIN location_partner lp ON lp.id = p.location_partner_id "
            "WHERE p.discussion_id = ? AND lp.organisation_id IS NOT NULL",
            [discussion_id],
        )
        return [r["organisation_id"] for r in rows]

    def _checked(self, consent: Consent) -> Consent:
        check_fields(consent, {"note": (LINE_MAX, "De toelichting"), "withdrawal_note": (LINE_MAX, "De toelichting")})
        child = self._children.child(consent.child_id)
        today = self._store.now().date()
        giver = ConsentGiver(consent.giver)
        if giver == ConsentGiver.GUARDIAN:
            assert child.id is not None
            ids = {g.id for g in self._children.guardians(child.id)}
            if consent.guardian_id not in ids:
                raise ValidationError("giver", f"Kies welke ouder/verzorger van {child.first_name} toestemming geeft.")
        else:
            consent = replace(consent, guardian_id=None)
        if consent.given_on > today:
            raise ValidationError("given_on", "De datum van de toestemming ligt in de toekomst.")
        if consent.given_on < child.date_of_birth:
            raise ValidationError("given_on", "De datum van de toestemming ligt vóór de geboortedatum van het kind.")
        if not (consent.for_discussion or consent.for_transfer):
            raise ValidationError("for_discussion", "Kies waarvoor toestemming is gegeven: bespreking en/of overdracht.")
        method = ConsentMethod(consent.method)
        note = consent.note.strip()
        if method == ConsentMethod.ORAL and not note:
            raise ValidationError("note", "Noteer bij mondelinge toestemming aan wie en in welk gesprek ze is gegeven.")
        known = set(self.organisation_names())
        organisations = tuple(sorted(set(consent.organisation_ids)))
        if not set(organisations) <= known:
            raise ValidationError("organisation_ids", "Een gekozen organisatie bestaat niet (meer).")
        return replace(consent, giver=giver, method=method, note=note, organisation_ids=organisations)

    def _describe(self, consent: Consent) -> str:
        who = self._children.guardian(consent.guardian_id).relation if consent.guardian_id else "kind zelf"
        scope = [s for s, on in (("bespreking", consent.for_discussion), ("overdracht", consent.for_transfer)) if on]
        return f"{who}; {', '.join(scope)}; {len(consent.organisation_ids)} organisatie(s)"
