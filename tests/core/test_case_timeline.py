"""The case's phases with their events, and the child's timeline in date order."""

from datetime import date

import pytest

from knooppunt.domain.children import Case
from knooppunt.domain.enums import CasePhase, ClosingReason
from knooppunt.domain.timeline import EntryKind
from knooppunt.errors import KnooppuntError, ValidationError

from ..children_helpers import give_consent, make_family, make_location


@pytest.fixture
def child_id(services):
    location_id, _ = make_location(services)
    return make_family(services, location_id)[0]


def open_case(services, child_id, on=date(2026, 9, 1)):
    case, _ = services.cases.open_case(Case(None, child_id, on, "leerkracht", "We willen weten waarom Lotte zo stil is",
                                            signal_by="juf Mirjam", regie_holder="ouders"))
    return case.id


def test_case_goes_start_execution_closed_and_reopened_with_events(services, child_id):
    case_id = open_case(services, child_id)
    with pytest.raises(ValidationError):  # one running case per child
        open_case(services, child_id)
    services.cases.start_execution(case_id, date(2026, 9, 20))
    with pytest.raises(ValidationError) as info:
        services.cases.close_case(case_id, date(2026, 11, 1), ClosingReason.HANDED_OVER)
    assert info.value.field == "regie_holder"
    services.cases.close_case(case_id, date(2026, 11, 1), ClosingReason.HANDED_OVER, regie_holder="Jeugdhulp De Brug")
    case = services.cases.case(case_id)
    assert (case.phase, case.closed_on, case.regie_holder) == (CasePhase.CLOSED, date(2026, 11, 1), "Jeugdhulp De Brug")
    with pytest.raises(KnooppuntError):
        services.cases.close_case(case_id, date(2026, 11, 2), ClosingReason.SOLVED)
    services.cases.reopen_case(case_id, date(2026, 11, 20), "Hulp sloot niet aan")
    case = services.cases.case(case_id)
    assert (case.phase, case.closed_on, case.closing_reason) == (CasePhase.EXECUTION, None, None)
    assert [e.kind for e in services.cases.events(case_id)] == ["geopend", "fase", "afgesloten", "heropend"]


def test_case_dates_are_checked(services, child_id):
    with pytest.raises(ValidationError) as info:
        open_case(services, child_id, on=date(2026, 12, 1))
    assert info.value.field == "signal_date"
    case_id = open_case(services, child_id)
    with pytest.raises(ValidationError):
        services.cases.start_execution(case_id, date(2026, 8, 1))


def test_timeline_has_signal_consent_meeting_decisions_and_phases_in_order(demo_services):
    s = demo_services
    zoe = next(v.child for v in s.children.children() if v.child.first_name == "Zoë")
    case = s.cases.cases(zoe.id)[0]
    s.cases.close_case(case.id, date(2026, 11, 23), ClosingReason.SOLVED, "Zoë slaapt weer goed")
    entries = s.timeline.timeline(zoe.id)
    # Demo: consents 60 days ago, the signal a month before the meeting (about two weeks ago), where the
    # case went to 'uitvoering'; closed today.
    assert [e.kind for e in entries] == [EntryKind.CONSENT, EntryKind.CONSENT, EntryKind.SIGNAL, EntryKind.MEETING,
                                         EntryKind.PHASE, EntryKind.PHASE]
    assert entries[4].title == "Casus naar uitvoering"
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    assert entries[2].title == "Signaal van leerkracht (juf Mirjam)" and "slaapt slecht" in entries[2].text
    held = entries[3]
    assert held.status == "Vastgesteld"
    assert [d.kind for d in held.details] == ["besluit", "afspraak", "afspraak", "afspraak"]
    assert held.details[0].title == "Extra consult bij de jeugdverpleegkundige over slaap"
    assert {d.status for d in held.details[1:]} == {"Gedaan", "Open"}
    assert entries[-1].title == "Casus afgesloten" and "Opgelost" in entries[-1].text
    # Internal notes never show on the timeline.
    assert not any("ploegendienst" in (e.text + e.title) for e in entries)


def test_timeline_shows_a_withdrawn_consent_twice(services, child_id):
    consent_id = give_consent(services, child_id, services.children.guardians(child_id)[0].id)
    services.consent.withdraw(consent_id, date(2026, 11, 20), "Telefonisch")
    entries = services.timeline.timeline(child_id)
    assert [(e.kind, e.status) for e in entries] == [(EntryKind.CONSENT, "ingetrokken op 20-11-2026"),
                                                     (EntryKind.WITHDRAWAL, "")]
