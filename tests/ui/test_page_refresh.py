"""Pages refresh on the hub's Change: once after their own write, and a hidden page only when shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from knooppunt.domain.children import Child
from ui.dialogs.location_dialog import LocationDialog
from ui.hub import SignalHub
from ui.main_window import MainWindow
from ui.operations import run_op
from ui.pages.locations_page import LocationsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _count_calls(monkeypatch, owner, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_page_that_writes_reloads_exactly_once_and_selects_what_it_made(qtbot, demo_services, monkeypatch):
    page = LocationsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    page.show()
    queries = _count_calls(monkeypatch, demo_services.locations, "locations")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, LocationDialog)
    dialog.form.name.setText("Kindcentrum De Linde")
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.form.error.text()
    assert queries == [1]  # one reload, on the Change; before: one on the Change and one by hand
    assert page.location_list.currentItem().text().startswith("Kindcentrum De Linde")
    assert page.refresher.reloads == 1


def test_a_hidden_page_does_not_reload_until_shown_and_then_once(qtbot, demo_services, db_path, monkeypatch):
    hub = SignalHub()
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path)
    qtbot.addWidget(window)
    window.show()
    window.show_page(0)
    children = window.pages[1]  # built, but behind the locations page
    assert not children.isVisible()
    queries = _count_calls(monkeypatch, demo_services.children, "children")
    location = demo_services.locations.locations()[0]
    for first in ("Fenna", "Gijs"):
        run_op(lambda first=first: demo_services.children.create_child(
            Child(None, location.id, first, "Kusters", date(2018, 4, 2), "groep 5")), hub=hub, parent=window)
    assert queries == [] and children.refresher.stale
    assert "Fenna" not in {v.child.first_name for v in children.table.source.records()}

    window.show_page(1)
    qtbot.waitUntil(children.isVisible)
    assert len(queries) == 1 and not children.refresher.stale
    assert {"Fenna", "Gijs"} <= {v.child.first_name for v in children.table.source.records()}

    window.show_page(0)  # shown again with nothing new: no reload
    window.show_page(1)
    assert len(queries) == 1
