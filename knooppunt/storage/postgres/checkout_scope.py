"""Which rows a checked-out meeting takes along, the same on the server and in the laptop's file.

*Owned* (the lease holder's, written back at check-in): the meeting, its discussions and all under
them, and the files of the children it discusses (the child, guardians, consents, cases with their
plan, goals, intake and closing, agreements, requests, transfers). *Reference* (copied, read
offline, not written back): the children's earlier discussions with their meetings, decisions and
notes (their history), the location's directory and the organisation's shared directory.

Queries are standard SQL with ``?`` placeholders, run through a ``Rows`` reader of either backend.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from graphlib import TopologicalSorter
from typing import Any

from .schema import quote
from .shape import Table, sqlite_tables

Rows = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
NOT_COPIED = ("audit_log", "audit_burst", "monitoring_tally", "monitoring_erased", "regional_signing_key")
DISCUSSION_PARTS = ("agenda_item", "decision", "participant", "parent_input", "goal_evaluation", "addendum")
CHILD_PARTS = ("guardian", "consent", "child_case", "agreement", "avg_request", "correction", "inzage_export",
               "transfer_history", "child_partner_choice")
CASE_PARTS = ("case_closing", "case_event", "case_goal", "case_intake", "case_plan")
LOCATION_PARTS = ("location_cycle", "location_partner", "offer", "agenda_template_item")
SHARED = ("organisation_type", "organisation", "contact_person", "school_holiday", "setting")


@cache
def tables() -> dict[str, Table]:
    """The copied tables by name, parents before the rows that refer to them."""
    by_name = {t.name: t for t in sqlite_tables() if t.name not in NOT_COPIED}
    graph = {name: {fk.table for fk in t.foreign_keys if fk.table != name} for name, t in by_name.items()}
    return {name: by_name[name] for name in TopologicalSorter(graph).static_order()}


def identity(table: str) -> bool:
    return tables()[table].primary_key == ("id",)


def columns(table: str) -> list[str]:
    return [c.name for c in tables()[table].columns]


def within(column: str, ids: Iterable[int]) -> tuple[str, list[Any]]:
    values = sorted(set(ids))
    if not values:
        return "1 = 0", []
    return f"{quote(column)} IN ({', '.join('?' for _ in values)})", values


@dataclass(frozen=True)
class Scope:
    """The ids that decide which rows go along: found once per backend with ``find``."""

    meeting_id: int
    location_id: int
    children: frozenset[int]
    discussions: frozenset[int]  # the meeting's own
    history: frozenset[int]  # the children's discussions in other meetings
    meetings: frozenset[int]
    items: frozenset[int]
    cases: frozenset[int]
    goals: frozenset[int]
    consents: frozenset[int]
    exports: frozenset[int]
    partners: frozenset[int]

    @classmethod
    def find(cls, rows: Rows, meeting_id: int, children: Iterable[int] = ()) -> Scope:
        def ids(sql: str, where: tuple[str, list[Any]]) -> frozenset[int]:
            return frozenset(int(r[0]) for r in rows(f"{sql} WHERE {where[0]}", where[1]))

        location = rows("SELECT location_id FROM meeting WHERE id = ?", [meeting_id])
        own = ids("SELECT id FROM discussion", ("meeting_id = ?", [meeting_id]))
        kids = ids("SELECT child_id FROM discussion", ("meeting_id = ?", [meeting_id])) | set(children)
        history = ids("SELECT id FROM discussion", within("child_id", kids)) - own
        cases = ids("SELECT id FROM child_case", within("child_id", kids))
        return cls(
            meeting_id, int(location[0][0]) if location else 0, kids, own, history,
            ids("SELECT meeting_id FROM discussion", within("id", own | history)) | {meeting_id},
            ids("SELECT id FROM agenda_item", within("discussion_id", own | history)),
            cases, ids("SELECT id FROM case_goal", within("case_id", cases)),
            ids("SELECT id FROM consent", within("child_id", kids)),
            ids("SELECT id FROM inzage_export", within("child_id", kids)),
            ids("SELECT id FROM location_partner", ("location_id = ?", [int(location[0][0]) if location else 0])),
        )

    def owned(self, table: str) -> tuple[str, list[Any]] | None:
        """The WHERE clause of the lease holder's rows of ``table``; None: none of it is owned."""
        in_own = within("discussion_id", self.discussions)
        clauses: dict[str, tuple[str, list[Any]]] = {
            "meeting": ("id = ?", [self.meeting_id]), "discussion": ("meeting_id = ?", [self.meeting_id]),
            "note": (f"agenda_item_id IN (SELECT id FROM agenda_item WHERE {in_own[0]})", in_own[1]),
            "document": _either(("meeting_id = ?", [self.meeting_id]), within("discussion_id", self.discussions)),
            "child": within("id", self.children), "case_goal_agreement": within("goal_id", self.goals),
            "consent_organisation": within("consent_id", self.consents),
            "inzage_withholding": within("export_id", self.exports),
            **{t: within("discussion_id", self.discussions) for t in DISCUSSION_PARTS},
            **{t: within("child_id", self.children) for t in CHILD_PARTS},
            **{t: within("case_id", self.cases) for t in CASE_PARTS},
        }
        return clauses.get(table)

    def copied(self, table: str) -> tuple[str, list[Any]]:
        """The WHERE clause of every row of ``table`` that goes to the laptop."""
        every = self.discussions | self.history
        clauses: dict[str, tuple[str, list[Any]]] = {
            "meeting": within("id", self.meetings), "discussion": within("id", every),
            "note": within("agenda_item_id", self.items),
            "document": _either(("meeting_id = ?", [self.meeting_id]), within("discussion_id", every)),
            "location": ("id = ?", [self.location_id]),
            "location_partner_history": within("location_partner_id", self.partners),
            **{t: within("discussion_id", every) for t in DISCUSSION_PARTS},
            **{t: ("location_id = ?", [self.location_id]) for t in LOCATION_PARTS},
            **{t: ("1 = 1", []) for t in SHARED},
        }
        owned = self.owned(table)
        return clauses.get(table) or owned or ("1 = 0", [])


def _either(first: tuple[str, list[Any]], second: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    return f"({first[0]}) OR ({second[0]})", [*first[1], *second[1]]


def select(rows: Rows, table: str, where: tuple[str, list[Any]]) -> list[tuple[Any, ...]]:
    names = ", ".join(quote(c) for c in columns(table))
    return rows(f"SELECT {names} FROM {quote(table)} WHERE {where[0]}", where[1])


# Reference rows changed on the laptop are not written back; check-in names them (in Dutch).
REFERENCE_NAMES = {
    "meeting": "eerdere vergaderingen", "discussion": "eerdere besprekingen", "note": "notities van eerdere besprekingen",
    "decision": "besluiten van eerdere besprekingen", "location": "de locatie", "location_partner": "kernpartners",
    "location_partner_history": "kernpartners (geschiedenis)", "offer": "de sociale kaart",
    "organisation": "organisaties", "contact_person": "contactpersonen", "agenda_template_item": "de standaardagenda",
    "location_cycle": "de cyclusinstellingen", "school_holiday": "schoolvakanties",
}
LOCAL_BOOKKEEPING = ("setting",)


def reference_keys(rows: Rows, scope: Scope) -> dict[str, list[Any]]:
    """Per table (with a one-column key), the keys of the rows copied for reference only."""
    keys: dict[str, list[Any]] = {}
    for table, shape in tables().items():
        if len(shape.primary_key) != 1 or table in LOCAL_BOOKKEEPING:
            continue
        key = quote(shape.primary_key[0])
        copied = {r[0] for r in rows(f"SELECT {key} FROM {quote(table)} WHERE {scope.copied(table)[0]}",
                                     scope.copied(table)[1])}
        owned = scope.owned(table)
        if owned:
            copied -= {r[0] for r in rows(f"SELECT {key} FROM {quote(table)} WHERE {owned[0]}", owned[1])}
        if copied:
            keys[table] = sorted(copied)
    return keys


def reference_digest(rows: Rows, table: str, keys: list[Any]) -> str:
    """A digest of those rows as they are now (on the server at check-out, on the laptop at check-in)."""
    found = select(rows, table, within(tables()[table].primary_key[0], keys))
    text = repr(sorted((tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in found), key=repr))
    return hashlib.sha256(text.encode()).hexdigest()
