"""Monitoring per location: the SQL that reads what was recorded in a period, the indicators
computed from it, and the exports (yearly report PDF, board figures without names).

Only reads here, apart from the audit entry of an export: monitoring asks no extra typing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import NotFound
from ...exports import write_export
from ...storage import Store

# The monitoring package is imported when Monitoring is first used, not at start-up.
if TYPE_CHECKING:
    from ...monitoring.model import Monitor
    from ...monitoring.periods import Period
    from ...monitoring.records import Facts, OfferUse

# A discussion that took place: not removed from the agenda, in a held meeting (or itself finalised
# or under way while the meeting is not yet marked held).
_HELD = "{d}.status != 'afgemeld' AND ({m}.status = 'gehouden' OR {d}.status IN ('bezig', 'vastgesteld'))"
HELD = _HELD.format(d="d", m="m")
_NAME = "c.first_name || ' ' || c.last_name"
_IN_PERIOD = f"m.location_id = ? AND m.date BETWEEN ? AND ? AND {HELD}"

DISCUSSIONS_SQL = f"""
SELECT d.id, d.child_id, {_NAME} AS child_name, m.date AS day,
  (SELECT min(m2.date) FROM discussion d2 JOIN meeting m2 ON m2.id = d2.meeting_id
   WHERE d2.child_id = d.child_id AND {_HELD.format(d="d2", m="m2")}) AS first_day,
  EXISTS (SELECT 1 FROM participant p WHERE p.discussion_id = d.id AND p.kind = 'ouder'
          AND p.attendance IN ('aanwezig', 'later')) AS parents_present,
  coalesce(nullif(d.parents_absent_reason, ''),
           (SELECT {{joined_reasons}} FROM participant p WHERE p.discussion_id = d.id
            AND p.kind = 'ouder' AND p.absence_reason != ''), '') AS absent_reason
FROM discussion d JOIN meeting m ON m.id = d.meeting_id JOIN child c ON c.id = d.child_id
WHERE {_IN_PERIOD}
"""
MEETINGS_SQL = """
SELECT m.id, m.date AS day, m.status,
  (SELECT count(*) FROM discussion d WHERE d.meeting_id = m.id AND d.status != 'afgemeld') AS discussions
FROM meeting m WHERE m.location_id = ? AND m.date BETWEEN ? AND ?
"""
_OFFER_COLUMNS = "f.level AS offer_level, f.name AS offer_name, coalesce(fo.name, '') AS offer_organisation"
_OFFER_JOIN = "LEFT JOIN offer f ON f.id = {t}.offer_id LEFT JOIN organisation fo ON fo.id = f.organisation_id"
DECISIONS_SQL = f"""
SELECT x.id, {_NAME} AS child_name, m.date AS day, x.status, x.confirmed_on, x.organisation, x.text,
  {_OFFER_COLUMNS}
FROM decision x JOIN discussion d ON d.id = x.discussion_id JOIN meeting m ON m.id = d.meeting_id
JOIN child c ON c.id = d.child_id {_OFFER_JOIN.format(t="x")}
WHERE {_IN_PERIOD}
"""
AGREEMENTS_SQL = f"""
SELECT a.id, {_NAME} AS child_name, m.date AS day, a.owner_kind, a.due_date, a.evaluation_date, a.status,
  om.date AS outcome_day, a.description, {_OFFER_COLUMNS}
FROM agreement a JOIN discussion d ON d.id = a.discussion_id JOIN meeting m ON m.id = d.meeting_id
JOIN child c ON c.id = a.child_id
LEFT JOIN discussion od ON od.id = a.outcome_discussion_id LEFT JOIN meeting om ON om.id = od.meeting_id
{_OFFER_JOIN.format(t="a")}
WHERE {_IN_PERIOD}
"""
CASES_SQL = f"""
SELECT k.id, {_NAME} AS child_name, k.signal_date, k.closed_on, k.closing_reason,
  (SELECT min(m.date) FROM discussion d JOIN meeting m ON m.id = d.meeting_id
   WHERE d.child_id = k.child_id AND m.date >= k.signal_date AND {HELD}) AS first_meeting
FROM child_case k JOIN child c ON c.id = k.child_id
WHERE c.location_id = ? AND k.signal_date <= ?
"""


class MonitoringService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def today(self) -> date:
        return self._store.now().date()

    def school_years(self, location_id: int | None = None) -> list[str]:
        """School years with meetings (at this location), and the current one; newest first."""
        from ...monitoring.periods import school_year_of

        where, params = ("WHERE location_id = ?", [location_id]) if location_id is not None else ("", [])
        days = self._store.column(f"SELECT DISTINCT substr(date, 1, 7) FROM meeting {where}", params)
        years = {school_year_of(date.fromisoformat(f"{month}-01")) for month in days}
        years.add(school_year_of(self.today()))
        return sorted(years, reverse=True)

    def periods(self, school_year: str) -> list[Period]:
        from ...monitoring.periods import periods

        return periods(school_year)

    def monitor(self, location_id: int, school_year: str, period_key: str = "jaar") -> Monitor:
        """The indicators from the live records plus erased children's share (so an erasure
        changes no figure)."""
        from ...monitoring.erased import ErasedShare, with_erased

        live = self.live_monitor(location_id, school_year, period_key)
        rows = self._store.query(
            "SELECT figure, label, days, count FROM monitoring_erased WHERE location_id = ? AND school_year = ? "
            "AND period = ?", [location_id, live.period.school_year, live.period.key])
        return with_erased(live, [ErasedShare(r["figure"], r["label"], r["days"], r["count"]) for r in rows])

    def live_monitor(self, location_id: int, school_year: str, period_key: str = "jaar") -> Monitor:
        """The indicators from the records in the database only."""
        from ...monitoring.indicators import compute
        from ...monitoring.periods import period

        return compute(self.facts(location_id, period(school_year, period_key)))

    def facts(self, location_id: int, span: Period) -> Facts:
        from ...monitoring.records import AgreementFact, CaseFact, DecisionFact, DiscussionFact, Facts, MeetingFact

        name = self._store.scalar("SELECT name FROM location WHERE id = ?", [location_id])
        if name is None:
            raise NotFound("Deze locatie bestaat niet (meer).")
        args = [location_id, span.start, span.end]
        q = self._store.query
        discussions = DISCUSSIONS_SQL.format(joined_reasons=self._store.sql.joined("p.absence_reason", "; "))
        return Facts(
            location_id, name, span, self.today(),
            tuple(DiscussionFact(r["id"], r["child_id"], r["child_name"], _day(r["day"]), _day(r["first_day"]),
                                 bool(r["parents_present"]), r["absent_reason"]) for r in q(discussions, args)),
            tuple(MeetingFact(r["id"], _day(r["day"]), r["status"], r["discussions"]) for r in q(MEETINGS_SQL, args)),
            tuple(DecisionFact(r["id"], r["child_name"], _day(r["day"]), r["status"], _maybe(r["confirmed_on"]),
                               r["organisation"], r["text"], _offer(r)) for r in q(DECISIONS_SQL, args)),
            tuple(AgreementFact(r["id"], r["child_name"], _day(r["day"]), r["owner_kind"], _maybe(r["due_date"]),
                                _maybe(r["evaluation_date"]), r["status"], _maybe(r["outcome_day"]),
                                r["description"], _offer(r)) for r in q(AGREEMENTS_SQL, args)),
            tuple(CaseFact(r["id"], r["child_name"], _day(r["signal_date"]), _maybe(r["first_meeting"]),
                           _maybe(r["closed_on"]), r["closing_reason"])
                  for r in q(CASES_SQL, [location_id, span.end])),
        )

    # Exports -------------------------------------------------------------------------------
    def board_figures(self, school_year: str) -> dict[str, Any]:
        """The board's file: per location the same indicators, counts only, small counts as "<5"."""
        from ...monitoring.board import board_file

        locations = self._store.query("SELECT id FROM location WHERE archived_on IS NULL ORDER BY name")
        monitors = [self.monitor(row["id"], school_year) for row in locations]
        return board_file(school_year, monitors, made_at=self._store.now())

    def export_board(self, school_year: str, path: Path) -> int:
        from ...monitoring.board import dumps

        figures = self.board_figures(school_year)
        write_export(self._store, Path(path), dumps(figures).encode("utf-8"),
                     action="monitoringscijfers voor het bestuur geëxporteerd", table="location", record_id=None,
                     detail=f"{school_year}: {Path(path).name}")
        return len(figures["locaties"])

    def report_job(self, location_id: int, school_year: str) -> Callable[[], bytes]:
        """Everything the yearly report needs, read now; the returned function only renders the
        PDF (no database), so the window can run it on a worker thread."""
        from ...monitoring.report import report_pdf

        monitors = [self.monitor(location_id, school_year, p.key) for p in self.periods(school_year)]
        location = self._store.query("SELECT * FROM location WHERE id = ?", [location_id])[0]
        made_on, made_by = self.today(), self._store.actor
        return lambda: report_pdf(location, monitors, made_on=made_on, made_by=made_by)

    def report_pdf(self, location_id: int, school_year: str) -> bytes:
        return self.report_job(location_id, school_year)()

    def save_report(self, location_id: int, school_year: str, path: Path, pdf: bytes) -> None:
        write_export(self._store, Path(path), pdf, action="monitoringsrapport geëxporteerd", table="location",
                     record_id=location_id, detail=f"{school_year}: {Path(path).name}")

    def export_report(self, location_id: int, school_year: str, path: Path) -> None:
        self.save_report(location_id, school_year, path, self.report_pdf(location_id, school_year))


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _maybe(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _offer(row: dict[str, Any]) -> OfferUse | None:
    from ...monitoring.records import OfferUse

    if row["offer_level"] is None:
        return None
    return OfferUse(row["offer_level"], row["offer_organisation"], row["offer_name"])
