import csv
from datetime import timedelta

import pytest

from knooppunt.domain.enums import AgreementStatus, OwnerKind
from knooppunt.errors import RecordLocked, ValidationError
from knooppunt.services.demo import upcoming_meeting_date
from knooppunt.services.outcomes.agreements import AgreementFilter, AgreementInput

from ..conftest import TODAY
from .outcome_helpers import child_id, discussion_of, finalise, new_meeting_with


def test_agreement_without_owner_or_due_before_meeting_is_refused_at_the_field(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    meeting_date = s.records.context(discussion).meeting_date
    before = s.store.count("agreement"), s.store.count("audit_log")
    cases = [
        (AgreementInput(None, "Kim de Vries", "Belt de JGZ"), "owner_kind"),
        (AgreementInput(OwnerKind.PARENT, "  ", "Belt de JGZ"), "owner_name"),
        (AgreementInput(OwnerKind.PARENT, "Kim de Vries", ""), "description"),
        (AgreementInput(OwnerKind.PARENT, "Kim", "Belt", meeting_date - timedelta(days=1)), "due_date"),
        (AgreementInput(OwnerKind.PARENT, "Kim", "Belt", meeting_date, meeting_date - timedelta(days=1)),
         "evaluation_date"),
    ]
    for draft, field in cases:
        with pytest.raises(ValidationError) as info:
            s.agreements.create(discussion, draft)
        assert info.value.field == field, draft
    assert (s.store.count("agreement"), s.store.count("audit_log")) == before


def test_parents_and_the_child_own_agreements(demo_services):
    s = demo_services
    discussion = discussion_of(s, "Daan", held=False)
    meeting_date = s.records.context(discussion).meeting_date
    s.agreements.create(discussion, AgreementInput(OwnerKind.PARENT, "Kim de Vries", "Leest elke avond voor",
                                                   meeting_date, meeting_date + timedelta(days=42)))
    s.agreements.create(discussion, AgreementInput("kind", "Daan", "Kiest zelf een boek"))
    owners = {(a.owner_kind, a.owner_name) for a in s.agreements.for_discussion(discussion)}
    assert owners == {(OwnerKind.PARENT, "Kim de Vries"), (OwnerKind.CHILD, "Daan")}
    [entry] = [e for e in s.audit.recent() if e.action == "afspraak gemaakt" and e.detail == "eigenaar: kind"]
    assert not any("Daan" in e.detail or "Kim" in e.detail for e in s.audit.recent())  # no names: AVG erasure
    assert entry.table_name == "agreement"


def test_open_agreements_come_back_in_the_next_discussion_and_get_an_outcome(demo_services):
    s = demo_services
    next_discussion = discussion_of(s, "Anaïs", held=False)
    review = s.agreements.to_review(next_discussion)
    # Anaïs's held discussion left: confirmation of the provisional decision, home visit, rest place (open).
    assert {a.description for a in review} == {
        "Besluit laten bevestigen door de eigen organisatie",
        "Maakt een afspraak voor het eerste huisbezoek",
        "Zegt het tegen de juf als ze even naar de rustplek wil",
    }
    visit = next(a for a in review if "huisbezoek" in a.description)
    with pytest.raises(ValidationError) as info:
        s.agreements.record_outcome(visit.id, next_discussion, AgreementStatus.NOT_DONE, "")
    assert info.value.field == "outcome_note"
    with pytest.raises(ValidationError):
        s.agreements.record_outcome(visit.id, next_discussion, AgreementStatus.OPEN)

    s.agreements.record_outcome(visit.id, next_discussion, AgreementStatus.NOT_DONE, "Gezin was op vakantie")

    again = {a.id: a for a in s.agreements.to_review(next_discussion)}
    assert again[visit.id].status == AgreementStatus.NOT_DONE
    assert again[visit.id].outcome_note == "Gezin was op vakantie"
    assert again[visit.id].outcome_discussion_id == next_discussion
    assert s.audit.for_record("agreement", visit.id)[-1].action == "uitkomst afspraak"
    # Zoë's agreements never show up for Anaïs
    assert all(a.child_id == child_id(s, "Anaïs") for a in again.values())


def test_an_agreement_that_continues_comes_back_once_more(demo_services):
    s = demo_services
    second = discussion_of(s, "Anaïs", held=False)
    rest = next(a for a in s.agreements.to_review(second) if "rustplek" in a.description)
    s.agreements.record_outcome(rest.id, second, AgreementStatus.CONTINUES)
    finalise(s, second)
    with pytest.raises(RecordLocked):
        s.agreements.record_outcome(rest.id, second, AgreementStatus.DONE)
    [third] = new_meeting_with(s, TODAY + timedelta(days=70), "Anaïs")
    assert rest.id in {a.id for a in s.agreements.to_review(third)}
    s.agreements.record_outcome(rest.id, third, AgreementStatus.DONE)
    assert s.agreements.agreement(rest.id).status == AgreementStatus.DONE


def test_evaluation_dates_feed_the_planning(demo_services):
    s = demo_services
    location_id = s.locations.locations()[0].id
    due = s.agreements.evaluations_due(location_id=location_id)
    upcoming = upcoming_meeting_date(TODAY)
    assert [(d.child_name, d.evaluation_date, d.open_agreements, d.planned_on) for d in due] == [
        ("Anaïs Bakker", upcoming, 2, upcoming),  # already has a slot in the upcoming meeting
        ("Zoë Janssen", upcoming, 2, None),  # not yet planned: the planner should add her
    ]
    assert s.agreements.earliest_evaluation(location_id) == upcoming
    discussion = discussion_of(s, "Daan", held=False)
    s.agreements.create(discussion, AgreementInput(OwnerKind.SCHOOL, "juf Ans", "Observeert in de klas",
                                                   TODAY + timedelta(days=22), TODAY + timedelta(days=30)))
    s.agreements.create(discussion, AgreementInput(OwnerKind.SCHOOL, "juf Ans", "Bespreekt met ouders",
                                                   TODAY + timedelta(days=22), TODAY + timedelta(days=90)))
    daan = next(d for d in s.agreements.evaluations_due(location_id=location_id) if d.child_name == "Daan de Vries")
    assert daan.evaluation_date == TODAY + timedelta(days=30) and daan.open_agreements == 2


def test_a_finalised_discussion_s_evaluation_date_counts_until_the_child_is_discussed_again(demo_services):
    s = demo_services
    # Earlier than the demo's own evaluations (today, in the upcoming meeting): an overdue one.
    [noor] = new_meeting_with(s, TODAY - timedelta(days=14), "Noor")
    with s.store.unit_of_work() as uow:
        uow.update("discussion", noor, {"evaluation_date": TODAY - timedelta(days=4)})
        uow.audit("evaluatiedatum", "discussion", noor, "test")
    finalise(s, noor)
    first = s.agreements.evaluations_due()[0]
    assert (first.child_name, first.evaluation_date, first.open_agreements) == ("Noor El Amrani", TODAY - timedelta(days=4), 0)
    assert s.agreements.earliest_evaluation(s.locations.locations()[0].id) == TODAY - timedelta(days=4)
    new_meeting_with(s, TODAY + timedelta(days=8), "Noor")
    assert "Noor El Amrani" not in [d.child_name for d in s.agreements.evaluations_due()]


def test_overview_buckets_owner_summary_and_sorting(demo_services):
    s = demo_services
    location_id = s.locations.locations()[0].id
    overdue = s.agreements.views(s.agreements.overview_ids(AgreementFilter(location_id, "over_datum")))
    # The held meeting was four weeks ago: what fell due before today is late; Anaïs's is due today.
    assert {v.agreement.description for v in overdue} == {
        "Geeft Zoë na de pauze een actieve taak", "Houden twee weken een slaapdagboek bij",
        "Besluit laten bevestigen door de eigen organisatie", "Maakt een afspraak voor het eerste huisbezoek"}
    assert all(v.state == "Over de datum" for v in overdue)
    soon = s.agreements.views(s.agreements.overview_ids(AgreementFilter(location_id, "binnenkort")))
    assert {v.agreement.owner_name for v in soon} == {"Anaïs"}  # due within 14 days (today)
    parents = s.agreements.overview_ids(AgreementFilter(location_id, "alle", owner_kind=OwnerKind.PARENT))
    assert [v.agreement.owner_name for v in s.agreements.views(parents)] == ["Sandra en Mark Janssen"]
    by_child = s.agreements.views(s.agreements.overview_ids(AgreementFilter(location_id, "alle", sort="kind")))
    assert [v.child_name for v in by_child][:1] == ["Anaïs Bakker"]
    desc = s.agreements.views(s.agreements.overview_ids(AgreementFilter(location_id, "alle", sort="kind",
                                                                       descending=True)))
    assert desc[0].child_name == "Zoë Janssen"
    searched = s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="slaap"))
    assert len(searched) == 1
    summary = {o.owner_name: o for o in s.agreements.by_owner(AgreementFilter(location_id))}
    assert "meester Rik (groep 5)" not in summary  # his only agreement is done
    assert summary["juf Mirjam (groep 3)"].overdue == 1


def test_csv_export_is_semicolon_utf8_with_bom_and_logged(demo_services, tmp_path):
    s = demo_services
    location_id = s.locations.locations()[0].id
    path = tmp_path / "afspraken.csv"
    count = s.agreements.export_csv(AgreementFilter(location_id, "alle", sort="kind"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["Kind", "Locatie", "Soort eigenaar", "Wie", "Wat"]
    assert len(rows) == count + 1 == s.store.count("agreement") + 1
    assert rows[1][0] == "Anaïs Bakker"
    assert any(r[4] == "Geeft Zoë na de pauze een actieve taak" and r[8] == "Over de datum" for r in rows)
    assert s.audit.recent(1)[0].action == "afspraken geëxporteerd"
