"""Tables: full texts in tooltips, columns resizable by dragging, and the widths are kept."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from ui.pages.locations_page import LocationsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_page(qtbot, services, hub):
    page = LocationsPage(services=services, hub=hub)
    qtbot.addWidget(page)
    page.show()
    return page


def test_partner_table_widths_are_kept_and_texts_are_whole_in_tooltips(qtbot, demo_services, hub):
    page = make_page(qtbot, demo_services, hub)
    header = page.partners.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    model = page.partners.model()
    for column in range(model.columnCount()):
        text = model.index(0, column).data()
        if text:
            assert model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    header.resizeSection(1, 333)

    again = make_page(qtbot, demo_services, hub)
    assert again.partners.horizontalHeader().sectionSize(1) == 333


def test_a_cut_mandate_still_shows_its_end_date(qtbot, demo_services, hub):
    page = make_page(qtbot, demo_services, hub)
    view = page.partners
    column = next(i for i in range(view.model().columnCount())
                  if view.model().headerData(i, Qt.Orientation.Horizontal) == "Mandaat")
    text = view.model().index(0, column).data()
    shown = view.fontMetrics().elidedText(text, view.textElideMode(), 130)
    assert shown.startswith("t/m ") and shown[4:14].count("-") == 2  # "t/m 31-07-2027 · Onder…"
