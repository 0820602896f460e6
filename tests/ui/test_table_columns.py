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


def test_a_cell_with_a_warning_is_painted_red_and_the_others_are_not(qtbot):
    from ui.models.record_table import Column
    from ui.pages.list_page import RecordTableView

    columns = [Column[tuple[str, bool]]("Naam", lambda r: r[0], warning=lambda r: "Te laat." if r[1] else None,
                                        width=150), Column[tuple[str, bool]]("Notitie", lambda r: r[0])]
    view = RecordTableView(columns)
    qtbot.addWidget(view)
    view.resize(400, 150)
    view.source.set_records([("Rood rood rood", True), ("Zwart zwart", False)])
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()

    def red_pixels(row: int) -> int:
        y = view.rowViewportPosition(row) + view.rowHeight(row) // 2
        return sum(1 for x in range(150) if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 100)

    assert red_pixels(0) > 5 and red_pixels(1) == 0
