"""Every monitoring indicator on a hand-made database where the answer is known by counting
(see tests/core/monitoring_helpers.py for the story)."""

from __future__ import annotations

from datetime import date

import pytest

from knooppunt.errors import ValidationError
from knooppunt.monitoring.periods import parse_school_year, periods, school_year_of

from .monitoring_helpers import build_linde


@pytest.fixture
def linde(services):
    ids = build_linde(services)
    return services.monitoring.monitor(ids["linde"], "2026-2027"), ids, services


def values(monitor, *keys):
    return [monitor.figure(key).value for key in keys]


def names(figure):
    return sorted(entry.child_name for entry in figure.entries)


def test_children_discussed_new_and_repeat_and_meetings_held_against_planned(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "kinderen.totaal", "kinderen.nieuw", "kinderen.herhaald",
                  "kinderen.besprekingen") == [3, 2, 1, 4]
    assert names(monitor.figure("kinderen.nieuw")) == ["Anna Linde", "Daan Linde"]
    assert names(monitor.figure("kinderen.herhaald")) == ["Bram Linde"]  # discussed in May, before the year
    assert values(monitor, "kinderen.overleggen_gepland", "kinderen.overleggen_gehouden",
                  "kinderen.overleggen_geannuleerd", "kinderen.overleggen_niet_afgerond") == [5, 2, 1, 1]


def test_parents_at_the_table_share_and_reasons_for_absence(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "ouders.besprekingen", "ouders.aanwezig", "ouders.afwezig",
                  "ouders.afwezig_met_reden", "ouders.afwezig_zonder_reden") == [4, 2, 2, 1, 1]
    assert monitor.figure("ouders.aandeel").value == 50
    assert monitor.figure("ouders.aandeel").text == "50%"
    reasons = {e.child_name: e.detail for e in monitor.figure("ouders.afwezig").entries}
    assert reasons == {"Bram Linde": "werkt", "Daan Linde": "geen reden genoteerd"}


def test_decisions_on_the_spot_against_provisional_and_time_to_confirmation(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "besluiten.totaal", "besluiten.direct", "besluiten.later_bevestigd",
                  "besluiten.voorlopig") == [4, 1, 2, 1]
    assert monitor.figure("besluiten.aandeel_direct").value == 25
    waited = monitor.figure("besluiten.bevestigingstijd")
    assert (waited.value, waited.base, waited.text) == (15, 2, "15 dagen")  # 10 and 20 days


def test_agreements_on_time_late_open_per_owner_kind(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "afspraken.totaal", "afspraken.op_tijd", "afspraken.te_laat", "afspraken.open",
                  "afspraken.niet_gedaan") == [6, 1, 2, 2, 1]
    assert values(monitor, "afspraken.partner.op_tijd", "afspraken.ouder.te_laat", "afspraken.school.te_laat",
                  "afspraken.kind.open", "afspraken.partner.open", "afspraken.school.niet_gedaan") == [1] * 6
    assert values(monitor, "afspraken.ouder.open", "afspraken.kind.te_laat", "afspraken.partner.te_laat") == [0] * 3
    chart = monitor.indicator("afspraken").chart
    assert chart is not None and chart.stacked and chart.categories == ("Partner", "School", "Ouders", "Kind")


def test_lead_times_from_signal_to_first_meeting_and_to_closure(linde):
    monitor, _ids, _services = linde
    start, close = monitor.figure("doorlooptijd.start"), monitor.figure("doorlooptijd.afsluiting")
    assert (start.value, start.base) == (20, 2)  # Anna 14 and Daan 26 days; Eva not yet discussed
    assert (close.value, close.base) == (83, 2)  # Daan 24 and Bram 142 days
    assert "signaaldatum" in monitor.indicator("doorlooptijd").note  # no aanmelding date yet


def test_referrals_per_prevention_level_and_organisation(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "verwijzingen.aanbod", "verwijzingen.niveau.universeel", "verwijzingen.niveau.selectief",
                  "verwijzingen.niveau.geindiceerd") == [2, 0, 1, 1]
    assert values(monitor, "verwijzingen.aanbod_org.JGZ Zuid", "verwijzingen.aanbod_org.Wijkteam Oost") == [1, 1]
    assert values(monitor, "verwijzingen.besluit_org.JGZ Zuid", "verwijzingen.besluit_org.Wijkteam Oost") == [2, 2]
    assert monitor.indicator("verwijzingen").note == ""


def test_closing_reasons_and_no_data_yet_for_the_parents_judgement(linde):
    monitor, _ids, _services = linde
    assert values(monitor, "afsluiting.totaal", "afsluiting.opgelost", "afsluiting.overgedragen") == [2, 1, 1]
    judgement = monitor.figure("afsluiting.oordeel_ouders")
    assert judgement.value is None and judgement.text == "nog geen gegevens"


def test_a_period_counts_only_its_own_months(linde):
    _monitor, ids, services = linde
    winter = services.monitoring.monitor(ids["linde"], "2026-2027", "p2")  # December–March
    assert values(winter, "kinderen.overleggen_gepland", "kinderen.overleggen_gehouden", "kinderen.totaal",
                  "afspraken.totaal") == [1, 0, 0, 0]
    assert winter.figure("ouders.aandeel").text == "nog geen gegevens"
    previous = services.monitoring.monitor(ids["linde"], "2025-2026")
    assert values(previous, "kinderen.totaal", "besluiten.totaal", "afspraken.totaal") == [1, 1, 1]


def test_another_location_is_never_counted(linde):
    _monitor, ids, services = linde
    eik = services.monitoring.monitor(ids["eik"], "2026-2027")
    assert values(eik, "kinderen.totaal", "ouders.aanwezig", "besluiten.totaal", "afsluiting.opgelost") == [1, 1, 1, 1]
    assert names(eik.figure("kinderen.totaal")) == ["Fien Eik"]


def test_school_years_and_their_periods():
    assert parse_school_year("2026/27") == parse_school_year("2026-2027") == 2026
    with pytest.raises(ValidationError, match="geen schooljaar"):
        parse_school_year("2026-2028")
    year, p1, p2, p3 = periods("2026-2027")
    assert (year.start, year.end) == (date(2026, 8, 1), date(2027, 7, 31))
    assert (p1.end, p2.start, p2.end, p3.start) == (date(2026, 11, 30), date(2026, 12, 1), date(2027, 3, 31),
                                                   date(2027, 4, 1))
    assert school_year_of(date(2027, 7, 31)) == "2026-2027" and school_year_of(date(2027, 8, 1)) == "2027-2028"


def test_school_years_offered_are_those_with_meetings_and_the_current_one(linde):
    _monitor, ids, services = linde
    assert services.monitoring.school_years(ids["linde"]) == ["2026-2027", "2025-2026"]
