"""Consent rules on the boundaries: the age counts on the meeting date, not today."""

from datetime import date

from knooppunt.domain.children import Child, Consent, Guardian
from knooppunt.domain.consent_rules import missing_consents, required_givers
from knooppunt.domain.enums import ConsentGiver, ConsentMethod

JGZ, LEERPLICHT = 1, 2
NAMES = {JGZ: "JGZ Heuvelland", LEERPLICHT: "Bureau Leerplicht Parkstad"}
MOTHER = Guardian(10, 1, "Eva Smit", "moeder", True, address="Dorpsstraat 1")
FATHER = Guardian(11, 1, "Joost Smit", "vader", True, address="Kerkstraat 2")
STEPFATHER = Guardian(12, 1, "Bram Kok", "stiefvader", False)


def child(born: date) -> Child:
    return Child(1, 1, "Lotte", "Smit", born)


def consent(giver, guardian=None, orgs=(JGZ, LEERPLICHT), on=date(2026, 1, 5), withdrawn=None) -> Consent:
    return Consent(None, 1, giver, guardian.id if guardian else None, on, ConsentMethod.WRITTEN,
                   organisation_ids=tuple(orgs), withdrawn_on=withdrawn)


def who(born: date, day: date, guardians=(MOTHER, FATHER)) -> list[str]:
    return [g.name if g else "kind" for _giver, g in required_givers(child(born), guardians, day)]


def test_child_exactly_12_on_the_meeting_date_must_consent_too():
    assert who(date(2014, 12, 14), date(2026, 12, 14)) == ["Eva Smit", "Joost Smit", "kind"]


def test_the_day_before_the_12th_birthday_only_the_parents_consent():
    assert who(date(2014, 12, 14), date(2026, 12, 13)) == ["Eva Smit", "Joost Smit"]


def test_age_counts_on_the_meeting_date_not_today():
    # 11 today (23-11-2026), 12 at a meeting on 14-12-2026: the child's own consent is needed then.
    missing = missing_consents(child(date(2014, 12, 14)), [MOTHER, FATHER],
                               [consent(ConsentGiver.GUARDIAN, MOTHER), consent(ConsentGiver.GUARDIAN, FATHER)],
                               date(2026, 12, 14), [JGZ], NAMES)
    assert [m.giver for m in missing] == [ConsentGiver.CHILD]
    assert "12 jaar op 14-12-2026" in missing[0].description


def test_from_exactly_16_the_child_consents_and_parents_are_only_informed():
    assert who(date(2010, 12, 14), date(2026, 12, 14)) == ["kind"]
    assert who(date(2010, 12, 14), date(2026, 12, 13)) == ["Eva Smit", "Joost Smit", "kind"]


def test_a_parent_without_gezag_is_not_asked():
    assert who(date(2018, 3, 1), date(2026, 12, 1), guardians=(MOTHER, STEPFATHER)) == ["Eva Smit"]
    missing = missing_consents(child(date(2018, 3, 1)), [MOTHER, STEPFATHER], [consent(ConsentGiver.GUARDIAN, MOTHER)],
                               date(2026, 12, 1), [JGZ, LEERPLICHT], NAMES)
    assert missing == []


def test_consent_for_jgz_but_not_leerplicht_while_leerplicht_is_invited():
    consents = [consent(ConsentGiver.GUARDIAN, MOTHER, orgs=[JGZ]), consent(ConsentGiver.GUARDIAN, FATHER)]
    missing = missing_consents(child(date(2018, 3, 1)), [MOTHER, FATHER], consents, date(2026, 12, 1),
                               [JGZ, LEERPLICHT], NAMES)
    assert len(missing) == 1
    assert missing[0].guardian_id == MOTHER.id
    assert missing[0].organisation_ids == (LEERPLICHT,)
    assert missing[0].description == (
        "Eva Smit (moeder, met gezag): geen toestemming voor deelname van Bureau Leerplicht Parkstad")
    # Without leerplicht at the table, JGZ alone is covered.
    assert missing_consents(child(date(2018, 3, 1)), [MOTHER, FATHER], consents, date(2026, 12, 1), [JGZ], NAMES) == []


def test_withdrawn_consent_no_longer_counts_from_the_day_of_withdrawal():
    consents = [consent(ConsentGiver.GUARDIAN, MOTHER, withdrawn=date(2026, 11, 20)),
                consent(ConsentGiver.GUARDIAN, FATHER)]
    args = (child(date(2018, 3, 1)), [MOTHER, FATHER], consents)
    assert missing_consents(*args, date(2026, 11, 19), [JGZ], NAMES) == []
    missing = missing_consents(*args, date(2026, 11, 20), [JGZ], NAMES)
    assert [m.person for m in missing] == ["Eva Smit"]
    assert "geen toestemming voor bespreking" in missing[0].description


def test_consent_given_after_the_meeting_date_does_not_count():
    consents = [consent(ConsentGiver.GUARDIAN, MOTHER, on=date(2026, 12, 2))]
    missing = missing_consents(child(date(2018, 3, 1)), [MOTHER], consents, date(2026, 12, 1), [], NAMES)
    assert [m.person for m in missing] == ["Eva Smit"]
