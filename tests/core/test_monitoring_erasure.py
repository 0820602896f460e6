"""Erasing a child changes no Monitoring figure (issue 16 with issue 19): its share of every indicator
is kept without names in ``monitoring_erased``; only the lists behind the figures lose the child."""

from __future__ import annotations

from typing import Any

from knooppunt.composition import Services
from knooppunt.services.privacy.erasure import ErasureReason

from .monitoring_helpers import build_linde


def everything(services: Services) -> dict[str, Any]:
    """Every figure (value, base), note and chart of every location, school year and period,
    and the board file of every school year."""
    out: dict[str, Any] = {}
    years = services.monitoring.school_years()
    for location_id in services.store.column("SELECT id FROM location ORDER BY id"):
        for year in years:
            for period in services.monitoring.periods(year):
                monitor = services.monitoring.monitor(location_id, year, period.key)
                for indicator in monitor.indicators:
                    out[f"{location_id}/{year}/{period.key}/{indicator.key}"] = (
                        indicator.note, indicator.chart,
                        [(f.key, f.label, f.value, f.unit, f.base) for f in indicator.figures])
    for year in years:
        board = services.monitoring.board_figures(year)
        out[f"bestuur/{year}"] = {k: v for k, v in board.items() if k != "gemaakt_op"}
    return out


def _child(services: Services, first_name: str) -> int:
    return services.store.scalar("SELECT id FROM child WHERE first_name = ?", [first_name])


def test_erasing_children_changes_no_figure_on_the_hand_made_database(services):
    ids = build_linde(services)
    before = everything(services)
    anna = services.monitoring.monitor(ids["linde"], "2026-2027")
    assert anna.figure("verwijzingen.aanbod").value == 2 and anna.figure("besluiten.direct").value == 1
    assert "Anna Linde" in {e.child_name for e in anna.figure("besluiten.totaal").entries}

    # Anna: discussions with parents, decisions (one with an offer), agreements, an open case.
    services.erasure.erase(ids["children"]["Anna"], ErasureReason.REQUEST)
    assert everything(services) == before
    # Bram: discussed in two school years, a closed case (lead times), a late agreement.
    services.erasure.erase(ids["children"]["Bram"], ErasureReason.RETENTION)
    assert everything(services) == before
    assert services.monitoring.live_monitor(ids["linde"], "2026-2027").figure("besluiten.totaal").value == 1

    after = services.monitoring.monitor(ids["linde"], "2026-2027")
    assert after.figure("besluiten.totaal").value == 4  # 2 of them erased
    lists = {e.child_name for i in after.indicators for f in i.figures for e in f.entries}
    assert not lists & {"Anna Linde", "Bram Linde"}  # the lists behind the figures lose them


def test_erasing_every_child_keeps_all_figures_with_no_child_left(services):
    ids = build_linde(services)
    before = everything(services)
    services.erasure.erase_many(list(ids["children"].values()), ErasureReason.RETENTION)
    assert services.store.scalar("SELECT count(*) FROM child WHERE location_id = ?", [ids["linde"]]) == 0
    assert everything(services) == before


def test_erasing_a_demo_child_changes_no_figure_and_no_board_file(demo_services):
    store = demo_services.store
    # Zoë (discussions, notes, decisions, agreements) and every child for whom an offer was used.
    children = store.column(
        "SELECT id FROM child WHERE first_name = 'Zoë' UNION SELECT d.child_id FROM decision x "
        "JOIN discussion d ON d.id = x.discussion_id WHERE x.offer_id IS NOT NULL "
        "UNION SELECT child_id FROM agreement WHERE offer_id IS NOT NULL")
    assert len(children) >= 2
    before, live = everything(demo_services), _live(demo_services)
    for child in children:
        demo_services.erasure.erase(child, ErasureReason.REQUEST)
    assert _live(demo_services) != live  # the records did go ...
    assert everything(demo_services) == before  # ... and no figure changed


def _live(services: Services) -> list[Any]:
    year = services.monitoring.school_years()[0]
    return [(f.key, f.value) for location_id in services.store.column("SELECT id FROM location")
            for i in services.monitoring.live_monitor(location_id, year).indicators for f in i.figures]


def test_the_erased_share_holds_numbers_and_the_programs_own_words_only(services):
    ids = build_linde(services)
    texts = [str(v) for row in services.store.query(
        "SELECT c.first_name, c.last_name, c.date_of_birth FROM child c") for v in row.values()]
    for table, column in (("decision", "text"), ("agreement", "description"), ("agreement", "owner_name"),
                          ("discussion", "parents_absent_reason")):
        texts += [t for t in services.store.column(f'SELECT "{column}" FROM "{table}"') if t]
    services.erasure.erase_many(list(ids["children"].values()), ErasureReason.REQUEST)

    columns = services.store.columns("monitoring_erased")
    assert columns == ["location_id", "school_year", "period", "figure", "label", "days", "count"]
    rows = services.store.query("SELECT * FROM monitoring_erased")
    assert rows
    stored = " ".join(str(v) for row in rows for v in row.values())
    assert [t for t in texts if t in stored] == []
    organisations = ("JGZ Zuid", "Wijkteam Oost")
    program_labels = {f.label for i in services.monitoring.live_monitor(ids["linde"], "2026-2027").indicators
                      for f in i.figures}
    for row in rows:
        assert row["label"] in program_labels or row["label"].endswith(organisations), row
        assert isinstance(row["count"], int) and isinstance(row["days"], int)
