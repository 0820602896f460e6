"""Tables sort names as people expect (diacritics with their base letter) and dates by date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ui.models.collation import sort_key
from ui.pages.children_page import ChildrenPage

DEMO_NAMES = ["Zoë Janssen", "Anaïs Bakker", "Şükrü Yılmaz", "Daan de Vries", "Noor El Amrani", "Łukasz Nowak"]


def test_names_with_diacritics_sort_with_their_base_letter():
    assert sorted(DEMO_NAMES, key=sort_key) == [
        "Anaïs Bakker", "Daan de Vries", "Łukasz Nowak", "Noor El Amrani", "Şükrü Yılmaz", "Zoë Janssen",
    ]
    assert sorted(["émile", "Eva", "ezra", "Ærin", "Øyvind", "Otto"], key=sort_key) == [
        "Ærin", "émile", "Eva", "ezra", "Otto", "Øyvind",
    ]


def test_clicking_the_name_header_sorts_lukasz_before_zoe(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [page.table.record_at(r).child.full_name for r in range(page.table.proxy.rowCount())]
    assert names == sorted(DEMO_NAMES, key=sort_key)
    assert names.index("Łukasz Nowak") < names.index("Zoë Janssen")
    assert names.index("Şükrü Yılmaz") < names.index("Zoë Janssen")


def test_date_column_still_sorts_by_date_not_by_text(app, hub, demo_services, qtbot):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    born = [page.table.record_at(r).child.date_of_birth for r in range(page.table.proxy.rowCount())]
    assert born == sorted(born) and isinstance(born[0], date)


def test_a_sorted_column_stays_sorted_while_searching_and_keeps_the_selection(app, hub, demo_services, qtbot,
                                                                              qtmodeltester):
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    table = page.table
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    table.selectRow(0)
    chosen = table.selected_record()
    assert chosen.child.full_name == "Zoë Janssen"
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.selected_record() == chosen  # the same child stays selected, now on the last row
    assert table.selectionModel().selectedRows()[0].row() == len(DEMO_NAMES) - 1
    qtmodeltester.check(table.source)
    page.search.setText("a")  # a new search keeps the order the user chose
    page.run_search()
    names = [table.record_at(r).child.full_name for r in range(table.proxy.rowCount())]
    assert len(names) > 1 and names == sorted(names, key=sort_key)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # unsorted again: the order the service gave
    assert [table.record_at(r) for r in range(table.proxy.rowCount())] == table.source.records()
