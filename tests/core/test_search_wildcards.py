"""Searches treat % and _ literally: they find only those characters."""

from __future__ import annotations

from knooppunt.services.outcomes.agreement_overview import AgreementFilter


def test_child_search_treats_percent_and_underscore_literally(demo_services):
    s = demo_services
    assert len(s.children.children(search="a")) > 1
    assert s.children.children(search="%") == []
    assert s.children.children(search="_") == []
    assert [v.child.first_name for v in s.children.children(search="Zoë")] == ["Zoë"]


def test_agreement_search_treats_percent_and_underscore_literally(demo_services):
    s = demo_services
    location_id = s.locations.locations()[0].id
    assert s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="%")) == []
    assert s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="_")) == []
    assert len(s.agreements.overview_ids(AgreementFilter(location_id, "alle", search="slaap"))) == 1
