"""Aanmelding: a child is brought in with the signal, the question and the parents; the list of
aanmeldingen shows who waits, how long and what is missing; planning takes children from there."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from knooppunt.domain.children import Case
from knooppunt.domain.meetings import Meeting
from knooppunt.errors import IntakeMissing, ValidationError
from tests.children_helpers import give_consent, make_family, make_location
from tests.conftest import TODAY


def _meeting(services, location_id):
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location_id, TODAY + timedelta(days=7), time(13, 0), "Teamkamer", "Annelies Vermeulen"))
    return meeting


def test_a_child_without_aanmelding_is_not_planned_until_it_is_aangemeld(services):
    location_id, orgs = make_location(services)
    child_id, (mother, father) = make_family(services, location_id)
    for guardian in (mother, father):
        give_consent(services, child_id, guardian, orgs.values())
    meeting = _meeting(services, location_id)
    with pytest.raises(IntakeMissing, match="Lotte Smit is nog niet aangemeld"):
        services.planning.add_child(meeting.id, child_id)
    assert services.store.count("discussion") == 0

    services.cycle.intake.register(Case(None, child_id, TODAY - timedelta(days=3), "leerkracht", "Hoe helpen we Lotte?",
                                        signal_by="juf Mirjam"), noticed="Lotte huilt vaak na de pauze.",
                                   parents_words="Thuis is ze ook verdrietig.", parents_spoken=True)
    discussion, _ = services.planning.add_child(meeting.id, child_id)
    assert discussion.id is not None


def test_the_list_says_how_long_a_child_waits_and_what_is_missing(services, clock):
    location_id, orgs = make_location(services)
    child_id, (mother, _father) = make_family(services, location_id)
    give_consent(services, child_id, mother, orgs.values())  # the father has gezag too: consent incomplete
    case, _ = services.cycle.intake.register(Case(None, child_id, TODAY - timedelta(days=20), "ouder", ""),
                                             noticed="Lotte wil 's ochtends niet naar school.")
    clock.now += timedelta(days=20)
    [row] = services.cycle.intake.waiting(location_id)
    assert row.child_name == "Lotte Smit" and row.days_waiting == 20 and row.planned_on is None
    assert row.missing == ("de vraag", "ouders nog niet gesproken", "toestemming")
    assert row.over_norm  # the default norm is 14 days

    services.cycle.intake.update(case.id, noticed="Lotte wil 's ochtends niet naar school.",
                                 parents_words="Ze is bang voor de gymles.", parents_spoken=True)
    [row] = services.cycle.intake.waiting(location_id)
    assert "ouders nog niet gesproken" not in row.missing
    assert services.cycle.intake.intake(case.id).parents_spoken_on == clock.now.date()


def test_an_aanmelding_needs_what_was_noticed(services):
    location_id, _orgs = make_location(services)
    child_id, _ = make_family(services, location_id)
    with pytest.raises(ValidationError, match="opgevallen"):
        services.cycle.intake.register(Case(None, child_id, date(2026, 11, 1), "leerkracht", "?"), noticed=" ")
    assert services.store.count("child_case") == 0
