"""Migration 0040: erased children's share of the Monitoring indicators (issue 16 with issue 19).

``monitoring_erased`` holds numbers only, keyed the way Monitoring counts: location, school year,
period, the figure's key and label (the program's own words, or an organisation's name) and either a
count (``days`` = -1) or how many erased cases took ``days`` days (for the medians). No names, no ids
of the erased records, no free text. ``monitoring_tally`` (0008) stays as it is.
"""

from __future__ import annotations

from sqlite_utils import Database

from .schema import MIGRATIONS, _run


@MIGRATIONS(name="0040_monitoring_erased")
def _monitoring_erased(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE monitoring_erased (
    location_id INTEGER NOT NULL,
    school_year TEXT NOT NULL,
    period TEXT NOT NULL,
    figure TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    days INTEGER NOT NULL DEFAULT -1,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (location_id, school_year, period, figure, days)
)
""",
    )
