"""Adding children and parents: impossible dates, duplicates and unreachable parents are refused."""

from dataclasses import replace
from datetime import date

import pytest

from knooppunt.domain.children import Child, Guardian
from knooppunt.domain.enums import LocationType
from knooppunt.errors import ValidationError

from ..children_helpers import make_family, make_location


@pytest.fixture
def location_id(services):
    return make_location(services)[0]


def refused(call, *args) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args)
    return info.value


def test_a_child_and_two_separated_parents_are_saved(services, location_id):
    child_id, guardian_ids = make_family(services, location_id)
    assert [g.name for g in services.children.guardians(child_id)] == ["Eva Smit", "Joost Smit"]
    assert services.children.child(child_id).group_name == "groep 5"
    actions = [e.action for e in services.audit.recent()]
    assert "kind aangemaakt" in actions and "ouder toegevoegd" in actions


def test_born_in_the_future_is_refused_at_the_date_field(services, location_id):
    error = refused(services.children.create_child, Child(None, location_id, "Mila", "Berg", date(2027, 1, 1)))
    assert error.field == "date_of_birth"
    assert "in de toekomst" in error.message
    assert services.children.children() == []


def test_a_40_year_old_pupil_at_a_primary_school_is_refused(services, location_id):
    error = refused(services.children.create_child, Child(None, location_id, "Mila", "Berg", date(1986, 1, 1)))
    assert error.field == "date_of_birth"
    assert "40 jaar" in error.message and "primair onderwijs" in error.message


def test_a_16_year_old_fits_mbo_but_not_a_voorschool(services):
    mbo, _ = make_location(services, "ROC Parkstad", LocationType.MBO)
    vve, _ = make_location(services, "Peuterspeelzaal Kastanje", LocationType.VOORSCHOOL)
    born = date(2010, 6, 1)
    services.children.create_child(Child(None, mbo, "Sem", "Vos", born))
    assert refused(services.children.create_child, Child(None, vve, "Sem", "Vos", born)).field == "date_of_birth"


def test_the_same_child_twice_at_a_location_is_refused_but_elsewhere_allowed(services, location_id):
    make_family(services, location_id)
    error = refused(services.children.create_child, Child(None, location_id, "lotte", "SMIT", date(2017, 5, 1)))
    assert "staat al bij Basisschool De Linde" in error.message
    other, _ = make_location(services, "Basisschool De Eik")
    services.children.create_child(Child(None, other, "Lotte", "Smit", date(2017, 5, 1)))
    # A twin (same birthday, other name) is fine.
    services.children.create_child(Child(None, location_id, "Fenna", "Smit", date(2017, 5, 1)))


def test_editing_a_child_is_not_a_duplicate_of_itself(services, location_id):
    child_id, _ = make_family(services, location_id)
    services.children.update_child(replace(services.children.child(child_id), group_name="groep 6"))
    assert services.children.child(child_id).group_name == "groep 6"


def test_a_parent_with_gezag_needs_an_address_or_email_for_the_letter(services, location_id):
    child_id, _ = make_family(services, location_id)
    error = refused(services.children.add_guardian, Guardian(None, child_id, "Karin Smit", "moeder", True,
                                                             phone="06 1"))
    assert error.field == "address"
    assert "afsprakenbrief" in error.message
    # Without gezag no letter goes to this person, so a phone number is enough.
    services.children.add_guardian(Guardian(None, child_id, "Bram Kok", "stiefvader", False, phone="06 2"))
    assert refused(services.children.add_guardian,
                   Guardian(None, child_id, "X", email="geen-adres")).field == "email"
    assert len(services.children.guardians(child_id)) == 3
