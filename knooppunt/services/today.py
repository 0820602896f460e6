"""Vandaag: what is due, computed from the werkafspraken — invitations to send, letters not yet
sent, agreements due this week or overdue, consents and mandates that expire within a month,
aanmeldingen waiting longer than the location's norm. SQL only, so it stays fast on a large file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..storage import Store
from .cycle_settings import CycleSettingsService

INVITATION, LETTER, AGREEMENT, CONSENT, MANDATE, INTAKE = (
    "uitnodiging", "brief", "afspraak", "toestemming", "mandaat", "aanmelding")
KIND_LABELS = {INVITATION: "Uitnodigingen versturen", LETTER: "Afsprakenbrieven nog niet verstuurd",
               AGREEMENT: "Afspraken deze week of over datum", CONSENT: "Toestemming verloopt binnen een maand",
               MANDATE: "Mandaat verloopt binnen een maand", INTAKE: "Aanmeldingen wachten te lang"}
LIMIT = 200  # per kind: Vandaag is a to-do list, not an overview of everything


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
    def __init__(self, store: Store, settings: CycleSettingsService) -> None:
        self._store = store
        self._settings = settings

    def items(self, location_id: int | None = None) -> list[TodayItem]:
        today = self._store.now().date()
        settings = self._settings.all_settings()
        if location_id is not None:
            settings = {location_id: settings[location_id]}
        out: list[TodayItem] = []
        for lid, s in settings.items():
            out += self._invitations(lid, today, s.agenda_days_before)
            out += self._letters(lid, today, s.letter_working_days)
            out += self._intakes(lid, today, s.intake_norm_days)
            out += self._consents(lid, today, s.consent_months)
        out += self._agreements(today, location_id)
        out += self._mandates(today, location_id)
        return sorted(out, key=lambda i: (i.due, i.kind))

    def _invitations(self, lid: int, today: date, days_before: int) -> list[TodayItem]:
        rows = self._store.query(
            "SELECT m.id, m.date, count(*) AS n FROM meeting m JOIN discussion d ON d.meeting_id = m.id "
            "WHERE m.location_id = ? AND m.status = 'gepland' AND m.date >= ? AND m.date <= ? "
            "AND d.status = 'gepland' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.table_name = 'discussion' "
            "AND a.record_id = d.id AND a.action LIKE '%uitnodiging%') GROUP BY m.id ORDER BY m.date LIMIT ?",
            [lid, today, today + timedelta(days=days_before + 14), LIMIT])
        return [TodayItem(INVITATION, date.fromisoformat(r["date"]) - timedelta(days=days_before),
                          f"Overleg van {date.fromisoformat(r['date']):%d-%m-%Y}: {r['n']} uitnodiging(en) "
                          f"nog niet verstuurd (agenda {days_before} dagen vooraf)", "meeting", r["id"]) for r in rows]

    def _letters(self, lid: int, today: date, working_days: int) -> list[TodayItem]:
        rows = self._store.query(
            "SELECT d.id, m.date, c.first_name || ' ' || c.last_name AS name FROM discussion d "
            "JOIN meeting m ON m.id = d.meeting_id JOIN child c ON c.id = d.child_id "
            "WHERE m.location_id = ? AND d.status = 'vastgesteld' AND m.date >= ? AND NOT EXISTS (SELECT 1 FROM "
            "document x WHERE x.discussion_id = d.id AND x.kind = 'afsprakenbrief') ORDER BY m.date LIMIT ?",
            [lid, today - timedelta(days=90), LIMIT])
        return [TodayItem(LETTER, add_working_days(date.fromisoformat(r["date"]), working_days),
                          f"Afsprakenbrief voor de ouders van {r['name']} (overleg {date.fromisoformat(r['date']):%d-%m-%Y})",
                          "discussion", r["id"]) for r in rows]

    def _agreements(self, today: date, location_id: int | None) -> list[TodayItem]:
        week_end = today + timedelta(days=6 - today.weekday())
        where = " AND c.location_id = ?" if location_id is not None else ""
        rows = self._store.query(
            "SELECT a.id, a.due_date, a.owner_name, a.description, c.first_name FROM agreement a "
            "JOIN child c ON c.id = a.child_id WHERE a.status = 'open' AND a.due_date IS NOT NULL "
            f"AND a.due_date <= ? AND a.due_date >= ?{where} ORDER BY a.due_date LIMIT ?",
            [week_end, today - timedelta(days=90), *([location_id] if location_id is not None else []), LIMIT])
        return [TodayItem(AGREEMENT, date.fromisoformat(r["due_date"]),
                          f"{r['owner_name']}: {r['description']} ({r['first_name']})", "agreement", r["id"])
                for r in rows]

    def _consents(self, lid: int, today: date, months: int) -> list[TodayItem]:
        # Consent is asked per period (the location's consent_months); a month before it runs out
        # the chair renews it with the parents. The gate itself does not expire consent.
        days = round(months * 30.44)
        rows = self._store.query(
            "SELECT k.id, k.given_on, c.first_name || ' ' || c.last_name AS name, "
            "coalesce(g.name, 'het kind') AS giver FROM consent k JOIN child c ON c.id = k.child_id "
            "LEFT JOIN guardian g ON g.id = k.guardian_id WHERE c.location_id = ? AND k.withdrawn_on IS NULL "
            "AND k.for_discussion AND k.given_on BETWEEN ? AND ? AND c.archived_on IS NULL ORDER BY k.given_on LIMIT ?",
            [lid, today - timedelta(days=days + 30), today - timedelta(days=days - 30), LIMIT])
        return [TodayItem(CONSENT, date.fromisoformat(r["given_on"]) + timedelta(days=days),
                          f"Toestemming van {r['giver']} voor {r['name']} vernieuwen", "consent", r["id"]) for r in rows]

    def _mandates(self, today: date, location_id: int | None) -> list[TodayItem]:
        where = " AND p.location_id = ?" if location_id is not None else ""
        rows = self._store.query(
            "SELECT p.id, p.role, p.mandate_valid_until, l.name AS location, coalesce(cp.name, '') AS contact "
            "FROM location_partner p JOIN location l ON l.id = p.location_id "
            "LEFT JOIN contact_person cp ON cp.id = p.contact_id WHERE l.archived_on IS NULL "
            f"AND p.mandate_valid_until BETWEEN ? AND ?{where} ORDER BY p.mandate_valid_until LIMIT ?",
            [today - timedelta(days=30), today + timedelta(days=30),
             *([location_id] if location_id is not None else []), LIMIT])
        out = []
        for r in rows:
            until = date.fromisoformat(r["mandate_valid_until"])
            verb = "verlopen op" if until < today else "verloopt op"
            out.append(TodayItem(MANDATE, until, f"Mandaat {r['role']} ({r['contact'] or 'geen contactpersoon'}, "
                                 f"{r['location']}) {verb} {until:%d-%m-%Y}", "location_partner", r["id"]))
        return out

    def _intakes(self, lid: int, today: date, norm: int) -> list[TodayItem]:
        rows = self._store.query(
            "SELECT cc.id, coalesce(ci.registered_on, cc.signal_date) AS since, c.first_name || ' ' || c.last_name "
            "AS name FROM child_case cc JOIN child c ON c.id = cc.child_id LEFT JOIN case_intake ci ON "
            "ci.case_id = cc.id WHERE c.location_id = ? AND cc.phase = 'start' AND c.archived_on IS NULL "
            "AND coalesce(ci.registered_on, cc.signal_date) < ? AND NOT EXISTS (SELECT 1 FROM discussion d "
            "JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = c.id AND d.status != 'afgemeld' "
            "AND m.status != 'geannuleerd' AND m.date >= cc.signal_date) ORDER BY since LIMIT ?",
            [lid, today - timedelta(days=norm), LIMIT])
        return [TodayItem(INTAKE, date.fromisoformat(r["since"]) + timedelta(days=norm),
                          f"{r['name']} wacht sinds {date.fromisoformat(r['since']):%d-%m-%Y} "
                          f"({(today - date.fromisoformat(r['since'])).days} dagen; norm {norm})", "child_case", r["id"])
                for r in rows]
