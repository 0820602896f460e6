"""Bewaartermijn: exactly the children past their term are listed (test clock), ``--uitvoeren``
erases them, a second run lists none; ``wissen`` erases one child after showing what goes."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from knooppunt.cli import main
from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER, FixedClock

NOW = datetime(2027, 3, 15, 10, 0)


def _generate(services, seed: int) -> dict[int, bool]:
    """Two locations with different terms; children with an open case, a closed case, meetings
    only, a meeting after closing, or nothing. Returns child id -> past its term on NOW."""
    rng = random.Random(seed)
    expected: dict[int, bool] = {}
    with services.store.unit_of_work() as uow:
        for loc_no, months in enumerate((24, 6)):
            loc = uow.insert("location", {"name": f"Locatie {loc_no}", "type": "PO", "retention_months": months})
            meetings: dict[date, int] = {}
            for n in range(25):
                child = uow.insert("child", {"location_id": loc, "first_name": f"Kind{loc_no}x{n}",
                                             "last_name": "Test", "date_of_birth": "2018-01-01"})
                scenario = rng.choice(["open", "closed", "meetings", "closed+meeting", "nothing"])
                dates = []
                if scenario in ("meetings", "closed+meeting", "open"):
                    for _ in range(rng.randint(1, 3)):
                        day = NOW.date() - timedelta(days=rng.randint(0, 1100))
                        if day not in meetings:
                            meetings[day] = uow.insert("meeting", {"location_id": loc, "date": day,
                                                                   "start_time": time(9)})
                        if day not in dates:
                            uow.insert("discussion", {"meeting_id": meetings[day], "child_id": child,
                                                      "slot_start": time(9)})
                        dates.append(day)
                if scenario in ("open", "closed", "closed+meeting"):
                    closed = NOW.date() - timedelta(days=rng.randint(0, 1100))
                    uow.insert("child_case", {"child_id": child, "signal_date": closed - timedelta(days=200),
                                              "signal_source": "school",
                                              "closed_on": None if scenario == "open" else closed})
                    if scenario != "open":
                        dates.append(closed)
                # The rule, stated independently: the latest of closing and last meeting + term.
                expected[child] = (scenario != "open" and bool(dates)
                                   and max(dates) + relativedelta(months=months) <= NOW.date())
        uow.audit("testdata", "child", None)
    return expected


def _listed(output: str) -> set[int]:
    return {int(line.split()[1].rstrip(":")) for line in output.splitlines() if line.startswith("kind ")}


def test_retention_lists_exactly_the_children_past_term_apply_erases_them_and_a_second_run_lists_none(
        tmp_path, monkeypatch, capsys):
    path = tmp_path / "gegenereerd.db"
    clock = FixedClock(NOW)
    services = open_services(path, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, clock=clock)
    expected = _generate(services, seed=16)
    services.close()
    due = {child for child, past in expected.items() if past}
    assert 5 < len(due) < len(expected) - 5  # the generated data has both kinds

    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda p, phrase, **kw: open_services(p, phrase, kdf_iter=TEST_KDF_ITER, clock=clock, **kw))
    assert main(["bewaartermijn", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert _listed(out) == due and "Wis ze met --uitvoeren" in out

    assert main(["retention", "--db", str(path), "--apply"]) == 0
    assert f"{len(due)} kind(eren) gewist." in capsys.readouterr().out

    assert main(["bewaartermijn", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "Geen kinderen voorbij de bewaartermijn."
    with open_services(path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock) as after:
        left = set(after.store.column("SELECT id FROM child"))
        assert left == set(expected) - due
        erased = after.store.query("SELECT record_id, detail FROM audit_log WHERE action = 'kind gewist'")
        assert {r["record_id"] for r in erased} == due
        assert all(r["detail"].startswith("bewaartermijn verstreken") for r in erased)


def test_a_term_ends_on_the_same_day_months_later(services, clock):
    with services.store.unit_of_work() as uow:
        loc = uow.insert("location", {"name": "L", "type": "PO", "retention_months": 6})
        child = uow.insert("child", {"location_id": loc, "first_name": "Lotte", "last_name": "Test",
                                     "date_of_birth": "2018-01-01"})
        uow.insert("child_case", {"child_id": child, "signal_date": "2025-01-01", "signal_source": "school",
                                  "closed_on": "2025-08-31"})
        uow.audit("testdata", "child", child)
    assert services.retention.due(date(2026, 2, 27)) == []
    [due] = services.retention.due(date(2026, 2, 28))  # 31 August + 6 months: end of February
    assert (due.child_name, due.basis, due.term_ended) == ("Lotte Test", "casus afgesloten", date(2026, 2, 28))


@pytest.mark.sqlite_only(reason="the CLI opens a database file (--db)")
def test_erase_cli_shows_what_goes_and_needs_yes(demo_services, db_path, monkeypatch, capsys):
    zoe = demo_services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")
    demo_services.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda p, phrase, **kw: open_services(p, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    assert main(["wissen", "--db", str(db_path), "--kind", str(zoe)]) == 0
    out = capsys.readouterr().out
    assert "Wissen: Zoë Janssen" in out and "2 ouder(s)/verzorger(s)" in out and "Niets gewist. Bevestig met --ja." in out
    assert main(["erase", "--db", str(db_path), "--child", str(zoe), "--yes"]) == 0
    assert f"Kind {zoe} is gewist." in capsys.readouterr().out
    assert main(["wissen", "--db", str(db_path), "--kind", str(zoe), "--ja"]) == 2
    assert "bestaat niet" in capsys.readouterr().err
