"""F1 opens a short Dutch handbook at the chapter of the area in view; it can be searched."""

import pytest
from PySide6.QtCore import Qt

from knooppunt.handbook import load_chapters, search
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_every_area_has_a_chapter_with_purpose_steps_and_shortcuts():
    chapters = {c.key: c for c in load_chapters()}
    for key in ("aan-de-slag", "vandaag-en-aanmeldingen", "locaties-en-partners", "kinderen", "overleggen",
                "overleg-voeren", "verslag-en-brief", "afspraken", "monitoring"):
        text = chapters[key].markdown
        assert "## Waarvoor" in text and "## Sneltoetsen" in text, key
    assert [c.key for c in search(list(chapters.values()), "OUDERSCHERM beamer")] == ["overleg-voeren"]
    assert "kinderen" in [c.key for c in search(list(chapters.values()), "toestemming intrekken")]
    assert search(list(chapters.values()), "geïnteresseerd xyzzy") == []


def test_f1_opens_the_handbook_at_the_current_area_and_searches_while_typing(app, qtbot, demo_services, hub, db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    window.show_page(1)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    handbook = window._handbook
    assert handbook is not None and handbook.isVisible()
    assert handbook.current_chapter().title == "Kinderen"
    assert "Waarvoor" in handbook.page.toPlainText()

    qtbot.keyClicks(handbook.search, "vergrendelen")
    titles = [handbook.contents.item(i).text() for i in range(handbook.contents.count())]
    assert titles == ["Aan de slag"]
    assert handbook.page.textCursor().selectedText().lower() == "vergrendelen"
    handbook.search.clear()
    qtbot.keyClicks(handbook.search, "qqqq")
    assert handbook.contents.count() == 0 and handbook.nothing.isVisible()


@pytest.mark.parametrize(("area", "title"), [(4, "Monitoring"), (None, "Vandaag en aanmeldingen")])
def test_f1_on_monitoring_and_on_vandaag_opens_their_chapter(app, qtbot, demo_services, hub, db_path, area, title):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=None)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    if area is None:
        window.start_areas.show(0)
    else:
        window.show_page(area)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window._handbook is not None and window._handbook.current_chapter().title == title
