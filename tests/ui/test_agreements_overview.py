import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from knooppunt.services.outcomes.agreement_overview import AgreementFilter
from ui import messages
from ui.hub import SignalHub
from ui.models.agreement_overview_model import BATCH, AgreementOverviewModel
from ui.pages.agreements_page import AgreementsPage

from ..conftest import TODAY
from ..core.outcome_helpers import child_id

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
MANY = 1500


def add_many(services, n=MANY):
    """Many agreements for Łukasz: some overdue, most later; owners 'Eigenaar 0..9'."""
    cid = child_id(services, "Łukasz")
    rows = [
        {"child_id": cid, "owner_kind": "school", "owner_name": f"Eigenaar {i % 10}",
         "description": f"Taak {i:05d}", "due_date": (TODAY + timedelta(days=i % 400 - 30)).isoformat(),
         "status": "open"}
        for i in range(n)
    ]
    with services.store.unit_of_work() as uow:
        services.store.db["agreement"].insert_all(rows)
        uow.audit("testdata", "agreement", None, f"{n}")


@pytest.fixture
def page(qtbot, demo_services):
    add_many(demo_services)
    page = AgreementsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitUntil(lambda: page.owners.source.rowCount() > 0)  # counts follow the table
    return page


def test_the_overview_loads_rows_in_batches_and_sorts_in_the_database(qtbot, page):
    model = page.model
    assert model.total == MANY + 5  # plus the demo's five open agreements
    assert BATCH <= model.rowCount() < model.total  # not all rows become Python objects
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > BATCH)
    page.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # Wat, Z→A over all rows
    assert model.index(0, 2).data() == "Zegt het tegen de juf als ze even naar de rustplek wil"
    assert model.index(1, 2).data() == f"Taak {MANY - 1:05d}"


def test_filters_search_and_owner_summary(qtbot, page):
    page.set_bucket("over_datum")
    overdue = page.model.total
    assert overdue > 0 and all(
        page.model.index(r, 5).data() == "Over de datum" for r in range(page.model.rowCount())
    )
    assert page.bucket_buttons["over_datum"].text() == f"Over de datum ({overdue})"
    page.set_bucket("alle")
    qtbot.keyClicks(page.search, "Taak 0001")
    qtbot.waitUntil(lambda: page.model.total == 10)  # debounced: Taak 00010 … 00019
    qtbot.waitUntil(lambda: len(page.owners.source.records()) == 10)
    owners = {o.owner_name: o.open for o in page.owners.source.records()}
    assert owners == {f"Eigenaar {i}": 1 for i in range(10)}
    page.search.clear()
    page.apply_filter()
    qtbot.waitUntil(lambda: len(page.owners.source.records()) > 10)
    owner = next(o for o in page.owners.source.records() if o.owner_name == "Eigenaar 3")
    assert owner.open == MANY // 10
    page._on_owners_activated_record(owner)
    assert page.search.text() == "Eigenaar 3" and page.model.total == MANY // 10
    page.table.scrollToBottom()
    assert {page.model.index(r, 1).data() for r in range(page.model.rowCount())} == {"Eigenaar 3 (school)"}

def test_search_ignores_accents(qtbot, page, demo_services):
    page.set_bucket("alle")
    lukasz = len(demo_services.agreements.overview_ids(
        AgreementFilter(bucket="alle", child_id=child_id(demo_services, "Łukasz"))))
    qtbot.keyClicks(page.search, "lukasz")  # his name without the Ł
    qtbot.waitUntil(lambda: page.model.total == lukasz)
    assert lukasz >= MANY


def test_csv_export_from_the_page(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "export.csv"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    told = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
    page.set_bucket("alle")
    with qtbot.waitSignal(page.exporter.finished, timeout=20000) as blocker:
        page.export_button.click()
    assert blocker.args == [target]
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][0] == "Kind" and len(rows) == page.model.total + 1
    assert target.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert "Łukasz Nowak" in {r[0] for r in rows}
    assert told and f"{page.model.total} afspraken" in told[0]


def test_overview_model_passes_the_model_tester(qtmodeltester, demo_services):
    add_many(demo_services, 450)
    model = AgreementOverviewModel(demo_services.agreements)
    model.set_filter(AgreementFilter(bucket="alle"))
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450 + 7
    qtmodeltester.check(model)


def test_a_provisional_decision_is_confirmed_from_its_agreement_in_the_overview(qtbot, demo_services):
    s = demo_services
    hub = SignalHub()
    page = AgreementsPage(services=s, hub=hub)
    qtbot.addWidget(page)
    page.show()
    descriptions = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    page.table.selectRow(descriptions.index("Geeft Zoë na de pauze een actieve taak"))
    assert not page.confirm_button.isEnabled()  # an ordinary agreement
    page.table.selectRow(descriptions.index("Besluit laten bevestigen door de eigen organisatie"))
    assert page.confirm_button.isEnabled()
    page.confirm_button.click()
    dialog = page.active_dialog
    dialog.confirmed_by.setText("Teamleider Jeugdhulp De Brug")
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()
    descriptions = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    assert "Besluit laten bevestigen door de eigen organisatie" not in descriptions  # no longer open
    assert s.audit.recent(1)[0].action == "besluit bevestigd"
