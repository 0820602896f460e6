"""Vandaag: what is due, computed from the werkafspraken — invitations to send, letters not yet
sent, agreements due this week or overdue, consents and mandates that expire within a month,
aanmeldingen waiting longer than the location's norm.

One SQL query per kind over all locations (each location's own numbers joined from
``location_cycle``), at most ``LIMIT`` rows each, so it stays fast on a large file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...storage import Store

INVITATION, LETTER, AGREEMENT, CONSENT, MANDATE, INTAKE = (
    "uitnodiging", "brief", "afspraak", "toestemming", "mandaat", "aanmelding")
KIND_LABELS = {INVITATION: "Uitnodigingen versturen", LETTER: "Afsprakenbrieven nog niet verstuurd",
               AGREEMENT: "Afspraken deze week of over datum", CONSENT: "Toestemming verloopt of is verlopen",
               MANDATE: "Mandaat verloopt of is verlopen", INTAKE: "Aanmeldingen wachten te lang"}
LIMIT = 200  # per kind: Vandaag is a to-do list, not an overview of everything
DAYS_PER_MONTH = 30.44
# The location's settings, or the defaults of domain.cycle.LocationCycle when none are saved.
_SETTINGS = ("LEFT JOIN location_cycle lc ON lc.location_id = {loc}")
_DAYS_BEFORE, _LETTER_DAYS = "coalesce(lc.agenda_days_before, 7)", "coalesce(lc.letter_working_days, 2)"
_NORM, _MONTHS = "coalesce(lc.intake_norm_days, 14)", "coalesce(lc.consent_months, 12)"


@dataclass(frozen=True)
class TodayItem:
    kind: str
    due: date
    text: str
    table: str
    record_id: int

    def overdue(self, today: date) -> bool:
        return self.due < today


def add_working_days(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


class TodayService:
    def __init__(self, store: Store, settings: object | None = None) -> None:
        self._store = store

    def items(self, location_id: int | None = None) -> list[TodayItem]:
        today = self._store.now().date()
        out: list[TodayItem] = []
        for part in (self._invitations, self._letters, self._agreements, self._consents, self._mandates,
                     self._intakes):
            out += part(today, location_id)
        return sorted(out, key=lambda i: (i.due, i.kind))

    def _rows(self, sql: str, params: list[Any], location_column: str, location_id: int | None) -> list[dict[str, Any]]:
        where = f" AND {location_column} = ?" if location_id is not None else ""
        extra = [location_id] if location_id is not None else []
        return self._store.query(sql.format(where=where), [*params, *extra, LIMIT])

    def _invitations(self, today: date, location_id: int | None) -> list[TodayItem]:
        sql = self._store.sql
        rows = self._rows(
            f"SELECT m.id, m.date, {_DAYS_BEFORE} AS before, count(*) AS n FROM meeting m "
            f"JOIN discussion d ON d.meeting_id = m.id {_SETTINGS.format(loc='m.location_id')} "
            f"WHERE m.status = 'gepland' AND m.date >= ? AND m.date <= {sql.add_days('?', f'{_DAYS_BEFORE} + 14')} "
            "AND d.status = 'gepland' AND NOT EXISTS (SELECT 1 FROM audit_log a "
            "WHERE a.table_name = 'discussion' AND a.record_id = d.id AND a.action LIKE '%uitnodiging%'){where} "
            "GROUP BY m.id, m.date, lc.agenda_days_before ORDER BY m.date LIMIT ?", [today, today], "m.location_id",
            location_id)
        out = []
        for r in rows:
            day = date.fromisoformat(r["date"])
            out.append(TodayItem(INVITATION, day - timedelta(days=r["before"]),
                                 f"Overleg van {day:%d-%m-%Y}: {r['n']} uitnodiging(en) nog niet verstuurd "
                                 f"(agenda {r['before']} dagen vooraf)", "meeting", r["id"]))
        return out

    def _letters(self, today: date, location_id: int | None) -> list[TodayItem]:
        rows = self._rows(
            f"SELECT d.id, m.date, {_LETTER_DAYS} AS days, c.first_name || ' ' || c.last_name AS name "
            "FROM meeting m JOIN discussion d ON d.meeting_id = m.id JOIN child c ON c.id = d.child_id "
            f"{_SETTINGS.format(loc='m.location_id')} WHERE m.date >= ? AND m.date <= ? AND d.status = 'vastgesteld' "
            "AND NOT EXISTS (SELECT 1 FROM document x WHERE x.discussion_id = d.id AND x.kind = 'afsprakenbrief')"
            "{where} ORDER BY m.date LIMIT ?", [today - timedelta(days=90), today], "m.location_id", location_id)
        return [TodayItem(LETTER, add_working_days(date.fromisoformat(r["date"]), r["days"]),
                          f"Afsprakenbrief voor de ouders van {r['name']} "
                          f"(overleg {date.fromisoformat(r['date']):%d-%m-%Y})", "discussion", r["id"]) for r in rows]

    def _agreements(self, today: date, location_id: int | None) -> list[TodayItem]:
        week_end = today + timedelta(days=6 - today.weekday())
        rows = self._rows(
            "SELECT a.id, a.due_date, a.owner_name, a.description, c.first_name FROM agreement a "
            "JOIN child c ON c.id = a.child_id WHERE a.status = 'open' AND a.due_date BETWEEN ? AND ?{where} "
            "ORDER BY a.due_date LIMIT ?", [today - timedelta(days=90), week_end], "c.location_id", location_id)
        return [TodayItem(AGREEMENT, date.fromisoformat(r["due_date"]),
                          f"{r['owner_name']}: {r['description']} ({r['first_name']})", "agreement", r["id"])
                for r in rows]

    def _consents(self, today: date, location_id: int | None) -> list[TodayItem]:
        sql = self._store.sql
        # Consent is asked per period (the location's consent_months); from a month before it runs
        # out until a month after, the chair renews it with the parents. The gate does not expire it.
        # Narrow the index range to the periods the locations actually use (12 months unless set).
        shortest, longest = self._store.query(
            "SELECT min(coalesce(lc.consent_months, 12)) AS lo, max(coalesce(lc.consent_months, 12)) AS hi "
            "FROM location l LEFT JOIN location_cycle lc ON lc.location_id = l.id")[0].values()
        low = today - timedelta(days=round((longest or 12) * DAYS_PER_MONTH) + 30)
        high = today - timedelta(days=round((shortest or 12) * DAYS_PER_MONTH) - 30)
        rows = self._rows(
            f"SELECT k.id, k.given_on, round({_MONTHS} * {DAYS_PER_MONTH}) AS days, "
            "c.first_name || ' ' || c.last_name AS name, coalesce(g.name, 'het kind') AS giver FROM consent k "
            f"JOIN child c ON c.id = k.child_id LEFT JOIN guardian g ON g.id = k.guardian_id "
            f"{_SETTINGS.format(loc='c.location_id')} WHERE k.given_on BETWEEN ? AND ? AND k.withdrawn_on IS NULL "
            f"AND k.for_discussion = 1 AND c.archived_on IS NULL AND {sql.days_between('?', 'k.given_on')} "
            f"BETWEEN round({_MONTHS} * {DAYS_PER_MONTH}) - 30 AND round({_MONTHS} * {DAYS_PER_MONTH}) + 30"
            "{where} ORDER BY k.given_on LIMIT ?", [low, high, today], "c.location_id", location_id)
        return [TodayItem(CONSENT, date.fromisoformat(r["given_on"]) + timedelta(days=int(r["days"])),
                          f"Toestemming van {r['giver']} voor {r['name']} vernieuwen", "consent", r["id"])
                for r in rows]

    def _mandates(self, today: date, location_id: int | None) -> list[TodayItem]:
        rows = self._rows(
            "SELECT p.id, p.role, p.mandate_valid_until, l.name AS location, coalesce(cp.name, '') AS contact "
            "FROM location_partner p JOIN location l ON l.id = p.location_id "
            "LEFT JOIN contact_person cp ON cp.id = p.contact_id WHERE l.archived_on IS NULL "
            "AND p.mandate_valid_until BETWEEN ? AND ?{where} ORDER BY p.mandate_valid_until LIMIT ?",
            [today - timedelta(days=30), today + timedelta(days=30)], "p.location_id", location_id)
        out = []
        for r in rows:
            until = date.fromisoformat(r["mandate_valid_until"])
            verb = "verlopen op" if until < today else "verloopt op"
            out.append(TodayItem(MANDATE, until, f"Mandaat {r['role']} ({r['contact'] or 'geen contactpersoon'}, "
                                 f"{r['location']}) {verb} {until:%d-%m-%Y}", "location_partner", r["id"]))
        return out

    def _intakes(self, today: date, location_id: int | None) -> list[TodayItem]:
        sql = self._store.sql
        rows = self._rows(
            f"SELECT cc.id, coalesce(ci.registered_on, cc.signal_date) AS since, {_NORM} AS norm, "
            "c.first_name || ' ' || c.last_name AS name FROM child_case cc JOIN child c ON c.id = cc.child_id "
            f"LEFT JOIN case_intake ci ON ci.case_id = cc.id {_SETTINGS.format(loc='c.location_id')} "
            "WHERE cc.phase = 'start' AND c.archived_on IS NULL AND "
            f"{sql.days_between('?', 'coalesce(ci.registered_on, cc.signal_date)')} > {_NORM} AND NOT EXISTS (SELECT 1 "
            "FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = c.id AND d.status != "
            "'afgemeld' AND m.status != 'geannuleerd' AND m.date >= cc.signal_date){where} ORDER BY since LIMIT ?",
            [today], "c.location_id", location_id)
        out = []
        for r in rows:
            since = date.fromisoformat(r["since"])
            out.append(TodayItem(INTAKE, since + timedelta(days=r["norm"]),
                                 f"{r['name']} wacht sinds {since:%d-%m-%Y} ({(today - since).days} dagen; "
                                 f"norm {r['norm']})", "child_case", r["id"]))
        return out
