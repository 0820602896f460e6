"""Search-as-you-type through the database: a bounded list, one query when typing pauses, honest counts."""

from PySide6.QtCore import Qt

from ui.hub import SignalHub
from ui.models.record_table import Column
from ui.pages import children_page, meetings_page
from ui.pages.children_page import ChildrenPage
from ui.pages.list_page import ListPage
from ui.pages.meetings_page import MeetingsPage

from .dialog_driver import QT_OFFSCREEN_NOISE

pytestmark = QT_OFFSCREEN_NOISE

NAMES = [f"kind {i:02d}" for i in range(30)]


def names_page(qtbot, queries: list[str]) -> ListPage:
    def search(text: str, limit: int) -> list[str]:
        queries.append(text)
        return [n for n in NAMES if text in n][:limit]

    page = ListPage(title="Namen", explanation="", empty_text="Nog geen namen.", columns=[Column("Naam", str)],
                    search_callback=search, count_callback=lambda: len(NAMES), result_limit=10)
    qtbot.addWidget(page)
    page.run_search()
    return page


def test_a_big_list_shows_a_bounded_part_and_says_so(qtbot):
    page = names_page(qtbot, [])
    assert page.table.source.rowCount() == 10
    assert page.status.text() == "10 van 30 getoond — typ om te zoeken."


def test_typing_queries_once_when_typing_pauses(qtbot):
    queries: list[str] = []
    page = names_page(qtbot, queries)
    qtbot.keyClicks(page.search, "d 2")
    assert queries == [""]  # nothing asked per keystroke
    qtbot.waitUntil(lambda: page.table.source.rowCount() == 10)
    qtbot.waitUntil(lambda: not page.search_pending)
    assert queries == ["", "d 2"]
    assert page.table.source.records() == [f"kind 2{i}" for i in range(10)]
    assert page.status.text() == "10 gevonden."


def test_nothing_found_says_so_instead_of_the_empty_database_text(qtbot):
    page = names_page(qtbot, [])
    qtbot.keyClicks(page.search, "zz")
    qtbot.waitUntil(lambda: page.status.text() == "Niets gevonden voor ‘zz’.")
    assert page.table.isVisibleTo(page)  # the empty table under its headers, not the first-use text
    assert page.table.source.rowCount() == 0
    assert not page.empty_label.isVisibleTo(page)


def test_children_page_holds_a_bounded_list_and_finds_beyond_it(qtbot, demo_services, monkeypatch):
    monkeypatch.setattr(children_page, "SHOWN_AT_ONCE", 4)
    page = ChildrenPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    assert page.table.source.rowCount() == 4
    assert page.status.text() == "4 van 6 getoond — typ om te zoeken."
    shown = {v.child.full_name for v in page.table.source.records()}
    missing = next(v.child for v in demo_services.children.children() if v.child.full_name not in shown and v.child.last_name.isascii())
    qtbot.keyClicks(page.search, missing.last_name)
    qtbot.waitUntil(lambda: [v.child.id for v in page.table.source.records()] == [missing.id])
    assert page.status.text() == "1 gevonden."
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.table.source.rowCount() == 4)


def test_meetings_page_shows_the_newest_and_finds_an_older_one_by_date(qtbot, demo_services, monkeypatch):
    monkeypatch.setattr(meetings_page, "SHOWN_AT_ONCE", 1)
    page = MeetingsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    newest, older = sorted((v.meeting for v in demo_services.meetings.meetings()), key=lambda m: m.date, reverse=True)
    assert [v.meeting.id for v in page.table.source.records()] == [newest.id]
    assert page.status.text() == "1 van 2 getoond — typ om te zoeken."
    qtbot.keyClicks(page.search, older.date.strftime("%d-%m-%Y"))
    qtbot.waitUntil(lambda: [v.meeting.id for v in page.table.source.records()] == [older.id])
    assert page.status.text() == "1 gevonden."


def test_children_page_finds_names_typed_without_accents(qtbot, demo_services):
    page = ChildrenPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    for typed, found in (("anais", "Anaïs Bakker"), ("yilmaz", "Şükrü Yılmaz")):
        page.search.clear()
        qtbot.keyClicks(page.search, typed)
        qtbot.waitUntil(lambda found=found: [v.child.full_name for v in page.table.source.records()] == [found])
        assert page.status.text() == "1 gevonden."


def test_new_results_are_laid_out_at_once_so_one_repaint_shows_them(qtbot):
    page = names_page(qtbot, [])
    page.resize(500, 260)  # ten rows do not fit: the table scrolls
    page.show()
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().isVisible())
    page.search.setText("kind 07")
    page.run_search()  # no event-loop turn in between: what the first repaint will show
    header, viewport = page.table.horizontalHeader(), page.table.viewport()
    assert not page.table.verticalScrollBar().isVisible()  # one row: no scroll bar left behind
    assert header.length() == viewport.width()  # and the last column already fills its room
    page.search.clear()
    page.run_search()
    assert page.table.verticalScrollBar().isVisible()
    assert header.length() == viewport.width()
