"""The Afspraken overview over all children of a location: filtered and sorted in SQL.

Built for large databases: the screen asks for the ordered ids once and then only for the rows
it shows (by id, in batches), so 100,000 agreements never become 100,000 Python objects at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ...csv_safe import SafeWriter
from ...domain.enums import AgreementStatus, OwnerKind
from ...domain.outcomes import Agreement
from ...exports import ExportFailed, ExportFile, reason
from ...storage import Store
from ...storage.folding import search_text
from ...storage.mapping import from_row

DUE_SOON_DAYS = 14
OPEN_SQL = "a.status IN ('open', 'loopt_door')"

# Which agreements: the buckets of the overview (value, Dutch label).
BUCKETS = (
    ("open", "Open"),
    ("binnenkort", f"Binnenkort (binnen {DUE_SOON_DAYS} dagen)"),
    ("over_datum", "Over de datum"),
    ("afgerond", "Afgerond"),
    ("alle", "Alle afspraken"),
)
SORT_KEYS: dict[str, str] = {
    # {nc[...]}: the column compared without regard to case (the store's dialect says how).
    "kind": "{nc[c.last_name]} {dir}, {nc[c.first_name]} {dir}",
    "wie": "{nc[a.owner_name]} {dir}",
    "soort": "a.owner_kind {dir}",
    "wat": "{nc[a.description]} {dir}",
    "uiterlijk": "a.due_date IS NULL, a.due_date {dir}",
    "evaluatie": "a.evaluation_date IS NULL, a.evaluation_date {dir}",
    "status": "a.status {dir}",
}


def _count_if(condition: str) -> str:
    """How many rows of the group meet ``condition`` (0 for none; standard SQL, no sum of booleans)."""
    return f"coalesce(sum(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)"


class _Nocase:
    """``{nc[column]}`` in a sort key: the store's case-insensitive form of the column."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, column: str) -> str:
        return self._store.sql.nocase(column)


@dataclass(frozen=True)
class AgreementFilter:
    location_id: int | None = None
    bucket: str = "open"
    owner_kind: OwnerKind | str | None = None
    child_id: int | None = None
    search: str = ""
    sort: str = "uiterlijk"
    descending: bool = False


@dataclass(frozen=True)
class AgreementView:
    agreement: Agreement
    child_name: str
    location_name: str
    today: date | None = None

    @property
    def is_open(self) -> bool:
        return self.agreement.status in (AgreementStatus.OPEN, AgreementStatus.CONTINUES)

    @property
    def state(self) -> str:
        """‘Over de datum’, ‘Binnenkort’, ‘Open’ or the outcome's label."""
        a = self.agreement
        if not self.is_open:
            return a.status.label
        if a.due_date and self.today:
            if a.due_date < self.today:
                return "Over de datum"
            if a.due_date <= self.today + timedelta(days=DUE_SOON_DAYS):
                return "Binnenkort"
        return a.status.label

    @property
    def overdue(self) -> bool:
        return self.state == "Over de datum"


@dataclass(frozen=True)
class OwnerSummary:
    owner_kind: OwnerKind
    owner_name: str
    open: int
    overdue: int


_SELECT = (
    "SELECT a.*, c.first_name || ' ' || c.last_name AS child_name, l.name AS location_name "
    "FROM agreement a JOIN child c ON c.id = a.child_id JOIN location l ON l.id = c.location_id "
)
CSV_HEADER = ("Kind", "Locatie", "Soort eigenaar", "Wie", "Wat", "Uiterlijk", "Evaluatie", "Status", "Stand",
              "Uitkomst")


class AgreementOverview:
    """Reads for the overview; mixed into AgreementService."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def today(self) -> date:
        return self._store.now().date()

    def overview(self, *, location_id: int | None = None, open_only: bool = False) -> list[AgreementView]:
        """All (or all open) agreements as views; for small lists and documents."""
        bucket = "open" if open_only else "alle"
        ids = self.overview_ids(AgreementFilter(location_id=location_id, bucket=bucket))
        return self.views(ids)

    def _where(self, f: AgreementFilter) -> tuple[str, list[Any]]:
        where = ["1 = 1"]
        params: list[object] = []
        today = self.today()
        if f.location_id is not None:
            where.append("c.location_id = ?")
            params.append(f.location_id)
        if f.child_id is not None:
            where.append("a.child_id = ?")
            params.append(f.child_id)
        if f.owner_kind:
            where.append("a.owner_kind = ?")
            params.append(str(f.owner_kind))
        if f.bucket == "open":
            where.append(OPEN_SQL)
        elif f.bucket == "binnenkort":
            where.append(f"{OPEN_SQL} AND a.due_date BETWEEN ? AND ?")
            params += [today.isoformat(), (today + timedelta(days=DUE_SOON_DAYS)).isoformat()]
        elif f.bucket == "over_datum":
            where.append(f"{OPEN_SQL} AND a.due_date < ?")
            params.append(today.isoformat())
        elif f.bucket == "afgerond":
            where.append(f"NOT {OPEN_SQL}")
        if search_text(f.search):
            # Accent-folded, through the search indexes: ‘yilmaz’ finds Yılmaz as owner or as child.
            texts, text_params = self._store.sql.search_index("agreement_search", ("description", "owner"), f.search)
            names, name_params = self._store.sql.search_index("child_search", ("name",), f.search)
            where.append(f"(a.id IN ({texts}) OR a.child_id IN ({names}))")
            params += text_params + name_params
        return " AND ".join(where), params

    def overview_ids(self, f: AgreementFilter) -> list[int]:
        """The ids of the matching agreements, in the chosen order (sorting happens in SQL)."""
        where, params = self._where(f)
        order = SORT_KEYS.get(f.sort, SORT_KEYS["uiterlijk"]).format(
            dir="DESC" if f.descending else "ASC", nc=_Nocase(self._store))
        sql = (
            "SELECT a.id FROM agreement a JOIN child c ON c.id = a.child_id "
            f"WHERE {where} ORDER BY {order}, a.id"
        )
        return self._store.column(sql, params)

    def views(self, ids: Sequence[int]) -> list[AgreementView]:
        """The rows for these ids, in the same order."""
        found: dict[int, AgreementView] = {}
        today = self.today()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self._store.query(_SELECT + f"WHERE a.id IN ({marks})", chunk):
                found[r["id"]] = AgreementView(from_row(Agreement, r), r["child_name"], r["location_name"], today)
        return [found[i] for i in ids if i in found]

    def bucket_counts(self, f: AgreementFilter) -> dict[str, int]:
        """How many agreements fall in each bucket, for the same location/owner/search (one query)."""
        where, params = self._where(AgreementFilter(f.location_id, "alle", f.owner_kind, f.child_id, f.search))
        today = self.today()
        row = self._store.query(
            f"SELECT count(*) AS alle, {_count_if(OPEN_SQL)} AS open, "
            f"{_count_if(f'{OPEN_SQL} AND a.due_date BETWEEN ? AND ?')} AS binnenkort, "
            f"{_count_if(f'{OPEN_SQL} AND a.due_date < ?')} AS over_datum "
            f"FROM agreement a JOIN child c ON c.id = a.child_id WHERE {where}",
            [today.isoformat(), (today + timedelta(days=DUE_SOON_DAYS)).isoformat(), today.isoformat(), *params],
        )[0]
        return {**row, "afgerond": row["alle"] - row["open"]}

    def by_owner(self, f: AgreementFilter) -> list[OwnerSummary]:
        """Per owner: how many open, and how many of those over the date."""
        where, params = self._where(AgreementFilter(f.location_id, "open", f.owner_kind, f.child_id, f.search))
        rows = self._store.query(
            f"SELECT a.owner_kind, a.owner_name, count(*) AS open, {_count_if('a.due_date < ?')} AS overdue "
            # SQLite's planner sometimes prefers a non-covering index here; this one answers it alone.
            f"FROM agreement a{self._store.sql.indexed_by('agreement_child_cover')} JOIN child c ON c.id = a.child_id "
            f"WHERE {where} GROUP BY a.owner_kind, a.owner_name ORDER BY overdue DESC, open DESC, a.owner_name",
            [self.today().isoformat(), *params],
        )
        return [OwnerSummary(OwnerKind(r["owner_kind"]), r["owner_name"], r["open"], r["overdue"] or 0) for r in rows]

    def export_csv(self, f: AgreementFilter, path: Path) -> int:
        """Write the filtered overview as CSV (semicolon, UTF-8 with BOM so Excel reads it)."""
        export = CsvExport(self, f, path)
        while not export.step():
            pass
        return export.total

    def finish_export(self, file: ExportFile, count: int) -> None:
        """Put a written CSV in place with its audit entry (all or nothing)."""
        file.commit(self._store, action="afspraken geëxporteerd", table="agreement", record_id=None,
                    detail=f"{count} afspraken naar {file.path.name}")


class CsvExport:
    """A CSV export in steps, so a screen can show progress and stay responsive.

    The rows go to a temporary file next to ``path``; only the last step puts it in place (with
    the audit entry). Cancelling or a failure removes the temporary file and leaves ``path`` alone.
    """

    def __init__(self, overview: AgreementOverview, f: AgreementFilter, path: Path, batch: int = 2000) -> None:
        self._overview = overview
        self._ids = overview.overview_ids(f)
        self._batch = batch
        self._done = 0
        self.path = Path(path)
        self.total = len(self._ids)
        self._file = ExportFile(self.path, encoding="utf-8-sig", newline="")
        self._writer = SafeWriter(self._file.file)
        self._guarded(lambda: self._writer.writerow(CSV_HEADER))

    @property
    def done(self) -> int:
        return self._done

    def step(self) -> bool:
        """Write the next batch; True when finished (the file is then in place and the export logged)."""
        chunk = self._ids[self._done:self._done + self._batch]
        self._guarded(lambda: self._writer.writerows(_csv_row(v) for v in self._overview.views(chunk)))
        self._done += len(chunk)
        if self._done >= self.total:
            self._overview.finish_export(self._file, self.total)
            return True
        return False

    def cancel(self) -> None:
        """Stop: the temporary file is removed; an existing file at ``path`` stays as it was."""
        self._file.discard()

    def _guarded(self, write: Callable[[], object]) -> None:
        try:
            write()
        except OSError as exc:
            self._file.discard()
            raise ExportFailed(self.path, reason(exc)) from exc
        except BaseException:
            self._file.discard()
            raise


def _csv_row(v: AgreementView) -> tuple[str, ...]:
    a = v.agreement
    return (
        v.child_name, v.location_name, a.owner_kind.label, a.owner_name, a.description, _d(a.due_date),
        _d(a.evaluation_date), a.status.label, v.state, a.outcome_note,
    )


def _d(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else ""

