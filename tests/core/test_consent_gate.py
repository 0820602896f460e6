from datetime import date

import pytest

from knooppunt.errors import ConsentMissing

from ..conftest import TODAY


def test_demo_children_have_consent_for_all_partners(demo_services):
    s = demo_services
    orgs = [o.id for o in s.locations.organisations()]
    for view in s.children.children():
        assert s.consent.missing(view.child.id, TODAY, orgs) == []


def test_parent_without_gezag_is_not_asked_but_a_12_year_old_is(demo_services):
    s = demo_services
    noor = next(v.child for v in s.children.children() if v.child.first_name == "Noor")
    # Before Noor turned 12 her own consent was not needed; consents are dated 60 days back.
    with pytest.raises(ConsentMissing) as info:
        s.consent.require(noor.id, date(2000, 1, 1))
    assert "Samira El Amrani" in info.value.message
