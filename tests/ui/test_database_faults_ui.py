"""In the window: a full disk during autosave keeps the text and retries; a damaged database is a message."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from knooppunt.composition import open_services
from knooppunt.domain.enums import Visibility
from knooppunt.domain.limits import NOTE_MAX
from knooppunt.errors import DatabaseDamaged
from tests.conftest import PASSPHRASE, TEST_KDF_ITER
from tests.core.database_faults import damage_table, fail_writes
from ui import messages
from ui.app import CrashHandler
from ui.dialogs import crash
from ui.hub import SignalHub
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp):
    """Windows left in reference cycles are collected here, on the GUI thread with no render thread
    running, not by a later test's garbage collection while its document renders in the background."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater() of closed windows
    gc.collect()


@pytest.fixture
def note_editor(meeting_window):
    return meeting_window.chair.item_view.add_note(Visibility.SHARED)


def test_a_full_disk_during_autosave_keeps_the_text_says_so_and_retries(qtbot, note_editor, demo_services):
    faulty = fail_writes(demo_services, times=3)  # SQLite's real "database or disk is full", three times
    qtbot.keyClicks(note_editor.editor, "Moeder vertelt over de zomer")
    qtbot.waitUntil(lambda: "schijf is vol" in note_editor.status.text())
    assert note_editor.status.text().startswith("Niet opgeslagen; de tekst blijft hier staan")
    assert note_editor.editor.toPlainText() == "Moeder vertelt over de zomer" and note_editor.dirty
    qtbot.waitUntil(lambda: note_editor.status.text() == "Opgeslagen", timeout=5000)  # space again
    assert faulty.remaining == 0
    saved = demo_services.meeting_mode.notes(note_editor.note.agenda_item_id)
    assert [n.text for n in saved] == ["Moeder vertelt over de zomer"]


def test_a_note_over_the_limit_is_refused_at_the_note_and_kept(qtbot, note_editor, demo_services):
    note_editor.editor.setPlainText("a" * (NOTE_MAX + 1))
    qtbot.waitUntil(lambda: "te lang" in note_editor.status.text())
    assert "apart document" in note_editor.status.text()
    assert len(note_editor.editor.toPlainText()) == NOTE_MAX + 1
    note_editor.editor.setPlainText("a" * NOTE_MAX)
    qtbot.waitUntil(lambda: note_editor.status.text() == "Opgeslagen")


@pytest.mark.qt_no_exception_capture
# The window's lazy Afspraken table may still ask for rows while the test tears down, after the
# database was closed: that teardown-only error is logged by the crash handler the test installs.
@pytest.mark.expect_log
def test_a_damaged_database_shows_the_dutch_message_not_the_crash_dialog(qtbot, demo_services, db_path, monkeypatch):
    demo_services.close()
    damage_table(db_path, "agreement")
    services = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    shown, crashed = [], []
    monkeypatch.setattr(messages, "show_error", lambda parent, error, *a: shown.append(error))
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda dialog: crashed.append(dialog) or 0)
    monkeypatch.setattr(sys, "excepthook", CrashHandler(None))
    try:
        try:
            window = MainWindow(services=services, hub=SignalHub(), database_path=db_path, idle_minutes=None)
        except DatabaseDamaged as exc:
            # Damage met while the window is built (the first page reads the same pages): the
            # program shows it as "Knooppunt kan niet starten" (ui/app.py), the same Dutch message.
            shown.append(exc)
        else:
            qtbot.addWidget(window)
            window.show()
            window.show_page(3)  # Afspraken: reads the damaged table
            qtbot.waitUntil(lambda: bool(shown))
        assert isinstance(shown[0], DatabaseDamaged) and "reservekopie terug" in shown[0].message
        assert crashed == []
    finally:
        services.close()


def test_unlocking_a_file_cut_short_says_damaged_not_wrong_passphrase(qtbot, services, db_path):
    from PySide6.QtCore import Qt

    from ui.dialogs.unlock import UnlockDialog

    services.close()
    db_path.write_bytes(db_path.read_bytes()[:1000])
    dialog = UnlockDialog(database_path=db_path,
                          unlock=lambda phrase: open_services(db_path, phrase, kdf_iter=TEST_KDF_ITER))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "beschadigd" in dialog.error.text() and "reservekopie" in dialog.error.text()
    assert "wachtwoordzin klopt niet" not in dialog.error.text()
