"""Closing with the parents, the school year without holidays, and Vandaag on the demo."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from knooppunt.domain.cycle import Closing, Judgement, LocationCycle, Region
from knooppunt.domain.enums import CasePhase, ClosingReason
from knooppunt.errors import ValidationError
from knooppunt.services.meetings import today as today_kinds
from knooppunt.services.meetings.school_year import shipped_holidays
from tests.conftest import TODAY


def _zoe_case(services) -> int:
    zoe = next(v.child for v in services.children.children() if v.child.first_name == "Zoë")
    return services.cases.current(zoe.id).id


def test_closing_keeps_the_parents_judgement_in_their_words(demo_services):
    case_id = _zoe_case(demo_services)
    closing = demo_services.cycle.closing
    with pytest.raises(ValidationError, match="weer vragen"):
        closing.close(case_id, TODAY, ClosingReason.SOLVED, Closing(case_id, Judgement.YES, " "))
    with pytest.raises(ValidationError, match="tussen 0 en 10"):
        closing.close(case_id, TODAY, ClosingReason.SOLVED,
                      Closing(case_id, Judgement.YES, "Bel juf", parents_after=11))
    assert demo_services.cases.case(case_id).phase == CasePhase.EXECUTION  # nothing half saved
    closing.close(case_id, TODAY, ClosingReason.SOLVED, Closing(
        case_id, Judgement.PARTLY, "Bel of mail de intern begeleider; we plannen dan snel een gesprek.",
        parents_words="Ze slaapt beter, maar de ochtenden blijven lastig.", child_words="Ik ben minder moe.",
        parents_before=4, parents_after=7, team_before=5, team_after=7))
    stored = closing.closing(case_id)
    assert stored.parents_judgement == Judgement.PARTLY and stored.parents_after == 7
    assert demo_services.cases.case(case_id).phase == CasePhase.CLOSED


def test_a_location_that_switches_the_scale_off_keeps_no_scores(demo_services):
    case_id = _zoe_case(demo_services)
    location_id = demo_services.locations.locations()[0].id
    demo_services.cycle.settings.save(LocationCycle(location_id, Region.SOUTH, scale_enabled=False))
    demo_services.cycle.closing.close(case_id, TODAY, ClosingReason.SOLVED, Closing(
        case_id, Judgement.YES, "Bel school", parents_before=3, parents_after=8))
    assert demo_services.cycle.closing.closing(case_id).parents_before is None


@pytest.mark.parametrize("region", list(Region))
def test_a_school_year_every_six_weeks_places_no_meeting_in_the_holidays(demo_services, region):
    location_id = demo_services.locations.locations()[0].id
    demo_services.cycle.settings.save(LocationCycle(location_id, region))
    dates = demo_services.cycle.school_year.plan(location_id, date(2026, 9, 1))
    holidays = [h for h in shipped_holidays() if h.region == region]
    assert len(dates) >= 6
    assert all(d.weekday() == 1 for d in dates)  # the Tuesday of 1 September, kept
    assert not [(d, h.name) for d in dates for h in holidays if h.covers(d)]
    assert all(timedelta(weeks=6) <= b - a <= timedelta(weeks=8) for a, b in zip(dates, dates[1:], strict=False))
    summer = min(h.first_day for h in holidays if h.name.startswith("Zomer") and h.first_day.year == 2027)
    assert dates[-1] < summer


def test_the_school_year_is_one_ics_file_and_becomes_meetings(demo_services, clock, tmp_path):
    import icalendar

    location_id = demo_services.locations.locations()[0].id
    clock.now = clock.now.replace(year=2026, month=8, day=20)
    year = demo_services.cycle.school_year
    dates = year.plan(location_id, date(2026, 9, 1))
    year.save_ics(location_id, dates, time(8, 30), "Teamkamer", tmp_path / "jaar.ics")
    events = icalendar.Calendar.from_ical((tmp_path / "jaar.ics").read_bytes()).walk("VEVENT")
    assert [e.decoded("dtstart").date() for e in events] == dates
    before = demo_services.store.count("meeting")
    year.create(location_id, dates, time(8, 30), "Teamkamer", "Annelies Vermeulen")
    assert demo_services.store.count("meeting") == before + len(dates)


def test_coordinator_dates_replace_the_shipped_ones_for_that_region(demo_services):
    year = demo_services.cycle.school_year
    year.save_holidays("zuid", [("Carnaval", date(2027, 2, 6), date(2027, 2, 14))])
    assert [h.name for h in year.holidays("zuid")] == ["Carnaval"]
    assert len(year.holidays("noord")) > 1


def test_vandaag_on_the_demo_lists_something_of_every_kind(demo_services):
    items = demo_services.cycle.today.items()
    kinds = {i.kind for i in items}
    assert kinds == set(today_kinds.KIND_LABELS), kinds
    texts = " ".join(i.text for i in items)
    assert "Łukasz Nowak wacht sinds" in texts and "Toestemming van het kind voor Noor El Amrani" in texts
    assert "Afsprakenbrief voor de ouders van Zoë Janssen" in texts
    # The demo's mandate ended four weeks ago: the list says so, not that it ends within a month.
    [mandate] = [i for i in items if i.kind == today_kinds.MANDATE]
    assert "verlopen op" in mandate.text and today_kinds.KIND_LABELS[mandate.kind] == "Mandaat verloopt of is verlopen"


def test_the_closing_letter_tells_the_parents_in_plain_dutch(demo_services, tmp_path):
    import pypdf

    anais = next(v.child for v in demo_services.children.children() if v.child.first_name == "Anaïs")
    case_id = demo_services.cases.current(anais.id).id
    letters = demo_services.cycle.closing_letter
    with pytest.raises(Exception, match="nog niet met de ouders afgesloten"):
        letters.pdf(case_id)
    demo_services.cycle.closing.close(case_id, TODAY, ClosingReason.SOLVED, Closing(
        case_id, Judgement.YES, "Bel meester Rik of de intern begeleider; dan plannen we snel een gesprek.",
        parents_words="Anaïs is thuis veel rustiger.", child_words="De rustplek helpt.",
        parents_before=3, parents_after=8))
    letters.save(case_id, tmp_path / "afsluitbrief.pdf")
    pages = pypdf.PdfReader(str(tmp_path / "afsluitbrief.pdf")).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "We sluiten de begeleiding van Anaïs af" in text
    assert "Beste Eline Bakker" in text and "U vindt dat uw vraag is opgelost." in text
    assert "eerst een 3 , nu een 8" in text or "eerst een 3, nu een 8" in text
    assert "Heeft u later weer vragen?" in text and "Bel meester Rik" in text
    assert demo_services.audit.recent(1)[0].action == "afsluitbrief opgeslagen"
