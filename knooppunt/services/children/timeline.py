"""Assemble a child's timeline: signal, consents, meetings with decisions and agreements, phases."""

from __future__ import annotations

import json
from datetime import date

from ...domain.enums import (
    AgreementStatus,
    CasePhase,
    ConsentMethod,
    DecisionStatus,
    DiscussionStatus,
    OwnerKind,
    Position,
)
from ...domain.timeline import EntryKind, TimelineEntry, in_order
from ...storage import Store
from ..outcomes.cases import CaseService, EventKind
from .children import ChildService


class TimelineService:
    def __init__(self, store: Store, children: ChildService, cases: CaseService) -> None:
        self._store = store
        self._children = children
        self._cases = cases

    def timeline(self, child_id: int, *, include_imported: bool = True) -> list[TimelineEntry]:
        """Everything about the child's case in date order (imported history from earlier locations too)."""
        entries = [*self._case_entries(child_id), *self._consent_entries(child_id), *self._meeting_entries(child_id)]
        if include_imported:
            entries += self.imported(child_id)
        return in_order(entries)

    def imported(self, child_id: int) -> list[TimelineEntry]:
        rows = self._store.query(
            "SELECT source_location, exported_at, imported_at, payload FROM transfer_history WHERE child_id = ? "
            "ORDER BY id",
            [child_id],
        )
        entries = []
        for row in rows:
            origin = row["source_location"]
            payload = json.loads(row["payload"])
            entries += [TimelineEntry.from_dict(e, origin) for e in payload.get("timeline", ())]
            entries.append(TimelineEntry(date.fromisoformat(row["imported_at"][:10]), EntryKind.TRANSFER,
                                         f"Overdrachtsdossier ontvangen van {origin}",
                                         f"Gemaakt op {date.fromisoformat(row['exported_at'][:10]):%d-%m-%Y}."))
        return entries

    # Parts ---------------------------------------------------------------------------------
    def _case_entries(self, child_id: int) -> list[TimelineEntry]:
        entries = []
        for case in self._cases.cases(child_id):
            by = f" ({case.signal_by})" if case.signal_by else ""
            text = "\n".join(line for line in (
                f"Hulpvraag: {case.hulpvraag}" if case.hulpvraag else "",
                f"Wat gaat goed: {case.strengths}" if case.strengths else "",
                f"Zorgen: {case.concerns}" if case.concerns else "",
                f"Regie: {case.regie_holder}" if case.regie_holder else "",
            ) if line)
            entries.append(TimelineEntry(case.signal_date, EntryKind.SIGNAL, f"Signaal van {case.signal_source}{by}",
                                         text, CasePhase(case.phase).label))
            assert case.id is not None
            for event in self._cases.events(case.id):
                if event.kind == EventKind.OPENED:
                    continue
                entries.append(TimelineEntry(event.on_date, EntryKind.PHASE, _event_title(event.kind), event.note))
        return entries

    def _consent_entries(self, child_id: int) -> list[TimelineEntry]:
        guardians = {g.id: g for g in self._children.guardians(child_id)}
        names = {r["id"]: r["name"] for r in self._store.query("SELECT id, name FROM organisation")}
        entries = []
        for consent in self._children.consents(child_id):
            guardian = guardians.get(consent.guardian_id)
            who = f"{guardian.name} ({guardian.relation})" if guardian else "het kind zelf"
            scope = [s for s, on in (("bespreking in het knooppunt", consent.for_discussion),
                                     ("overdracht naar de volgende locatie", consent.for_transfer)) if on]
            orgs = ", ".join(names.get(i, "?") for i in consent.organisation_ids) or "alleen school"
            lines = [f"Voor: {' en '.join(scope)}", f"Partners: {orgs}", f"{ConsentMethod(consent.method).label}"
                     + (f" – {consent.note}" if consent.note else "")]
            status = f"ingetrokken op {consent.withdrawn_on:%d-%m-%Y}" if consent.withdrawn_on else "geldig"
            entries.append(TimelineEntry(consent.given_on, EntryKind.CONSENT, f"Toestemming van {who}",
                                         "\n".join(lines), status))
            if consent.withdrawn_on:
                entries.append(TimelineEntry(consent.withdrawn_on, EntryKind.WITHDRAWAL,
                                             f"Toestemming ingetrokken door {who}", consent.withdrawal_note))
        return entries

    def _meeting_entries(self, child_id: int) -> list[TimelineEntry]:
        discussions = self._store.query(
            "SELECT d.id, d.status, d.evaluation_date, m.date, l.name AS location FROM discussion d "
            "JOIN meeting m ON m.id = d.meeting_id JOIN location l ON l.id = m.location_id "
            "WHERE d.child_id = ? ORDER BY m.date, d.id",
            [child_id],
        )
        entries = []
        for d in discussions:
            day = date.fromisoformat(d["date"])
            details = [*self._decisions(d["id"], day), *self._agreements(d["id"], day)]
            text = f"Knooppunt van {d['location']}" + (
                f"\nEvaluatie op {date.fromisoformat(d['evaluation_date']):%d-%m-%Y}" if d["evaluation_date"] else "")
            entries.append(TimelineEntry(day, EntryKind.MEETING, "Bespreking in het knooppunt", text,
                                         DiscussionStatus(d["status"]).label, tuple(details)))
        return entries

    def _decisions(self, discussion_id: int, day: date) -> list[TimelineEntry]:
        rows = self._store.query("SELECT * FROM decision WHERE discussion_id = ? ORDER BY id", [discussion_id])
        out = []
        for r in rows:
            parents = Position(r["parents_position"]).label
            out.append(TimelineEntry(
                day, EntryKind.DECISION, r["text"],
                f"{r['decided_by']} ({r['organisation']}) · ouders: {parents}"
                + (f" – “{r['parents_words']}”" if r["parents_words"] else ""),
                DecisionStatus(r["status"]).label.split(" – ")[0]))
        return out

    def _agreements(self, discussion_id: int, day: date) -> list[TimelineEntry]:
        rows = self._store.query("SELECT * FROM agreement WHERE discussion_id = ? ORDER BY id", [discussion_id])
        out = []
        for r in rows:
            due = f" · uiterlijk {date.fromisoformat(r['due_date']):%d-%m-%Y}" if r["due_date"] else ""
            out.append(TimelineEntry(
                day, EntryKind.AGREEMENT, r["description"],
                f"{r['owner_name']} ({OwnerKind(r['owner_kind']).label.lower()}){due}"
                + (f" · {r['outcome_note']}" if r["outcome_note"] else ""),
                AgreementStatus(r["status"]).label))
        return out


def _event_title(kind: str) -> str:
    return {
        EventKind.PHASE: "Casus naar uitvoering",  # the one phase step: start → uitvoering
        EventKind.CLOSED: "Casus afgesloten",
        EventKind.REOPENED: "Casus heropend",
        EventKind.REGIE: "Regie gewijzigd",
        "doel": "Doel geëvalueerd",
        "veiligheid": "Veiligheid besproken",
    }.get(kind, kind)

