"""The app shell as a user meets it: first run, unlock, main window, smoke test."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from knooppunt.composition import open_services
from knooppunt.domain.enums import Role
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.unlock import UnlockDialog
from ui.main_window import MainWindow
from ui.models.record_table import Column, RecordTableModel

from ..conftest import PASSPHRASE, TEST_KDF_ITER


def test_first_run_wizard_asks_name_passphrase_and_location(app, qtbot):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.keyClicks(wizard.profile.name, "Annelies Vermeulen")
    wizard.profile.role.setCurrentIndex(wizard.profile.role.findData(Role.COORDINATOR.value))
    wizard.next()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.passphrase.first, "kort")
    assert not next_button.isEnabled()
    assert wizard.passphrase.hint.text() == ""  # no complaint while the first field is being typed
    qtbot.keyClicks(wizard.passphrase.second, "kort")
    assert not next_button.isEnabled()
    assert "minstens" in wizard.passphrase.hint.text()
    wizard.passphrase.second.clear()
    wizard.passphrase.first.setText("een lange veilige zin")
    qtbot.keyClicks(wizard.passphrase.second, "een lange veilige zon")
    assert not next_button.isEnabled()
    assert "niet gelijk" in wizard.passphrase.hint.text()
    wizard.passphrase.second.setText("een lange veilige zin")
    assert next_button.isEnabled()
    wizard.next()
    qtbot.keyClicks(wizard.location.form.name, "OBS De Kleine Wereld")
    answers = wizard.answers()
    assert answers.user_name == "Annelies Vermeulen"
    assert answers.role == Role.COORDINATOR
    assert answers.passphrase == "een lange veilige zin"
    assert answers.location.name == "OBS De Kleine Wereld"


def test_unlock_dialog_shows_dutch_message_and_keeps_the_file(app, qtbot, services, db_path):
    services.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    opened = []
    dialog = UnlockDialog(
        database_path=db_path,
        unlock=lambda p: opened.append(open_services(db_path, p, kdf_iter=TEST_KDF_ITER)) or opened[-1],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "verkeerd!!")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "wachtwoordzin klopt niet" in dialog.error.text()
    assert dialog.passphrase.text() == ""  # not kept after the attempt
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is opened[0]
    assert dialog.passphrase.text() == ""
    opened[0].close()


def test_main_window_shows_the_areas_with_demo_data(app, qtbot, demo_services, hub, db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Locaties & partners", "Kinderen", "Overleggen", "Afspraken", "Monitoring"]
    assert window.stack.currentWidget().title == "Vandaag"  # the start page: what is due (issue 18)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().title == "Overleggen"
    assert not window.pages.is_built(1)  # the other areas are built when first opened
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    children = window.stack.currentWidget()
    assert children.title == "Kinderen"
    assert children.table.model().rowCount() == 6
    qtbot.keyClicks(children.search, "lmaz")  # QTest types Latin-1 only
    qtbot.waitUntil(lambda: children.table.model().rowCount() == 1)  # the search runs when typing pauses
    locations = window.pages[0]
    model = locations.partners.source
    assert model.rowCount() == 6
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Mandaat")
    mandates = {model.record(r).partner.role: model.index(r, column) for r in range(model.rowCount())}
    zorg = next(index for role, index in mandates.items() if role.startswith("Zorg"))
    assert model.data(zorg).startswith("Mandaat verlopen op")
    assert model.data(zorg, Qt.ItemDataRole.ForegroundRole) is not None  # shown in red


def test_record_table_model_passes_the_model_tester(app, qtmodeltester):
    model = RecordTableModel([Column("Naam", lambda r: r[0]), Column("Leeftijd", lambda r: r[1])])
    model.set_records([("Zoë", 6), ("Şükrü", 10)])
    qtmodeltester.check(model, force_py=True)


@pytest.mark.slow
def test_smoke_test_command_exits_zero_quietly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.app import main; sys.exit(main(['--smoke-test']))"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test: OK" in result.stdout
    assert result.stderr.strip() == ""


def test_idle_window_locks_and_only_the_passphrase_opens_it(app, qtbot, demo_services, hub, db_path):
    window = MainWindow(services=demo_services, hub=hub, database_path=db_path, idle_minutes=0.002)
    qtbot.addWidget(window)
    beamer = QWidget()  # stands for the parents' screen / meeting window: its own top-level window
    qtbot.addWidget(beamer)
    window.show()
    beamer.show()
    qtbot.waitUntil(lambda: window.lock_overlay.is_locked, timeout=3000)
    overlay = window.lock_overlay
    assert overlay.geometry() == window.rect()
    assert not beamer.isVisible()  # nothing of a child is left on the beamer
    window.activateWindow()
    page_before = window.stack.currentIndex()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == page_before  # shortcuts are off behind the lock
    assert not window.menuBar().isEnabled() and not window.centralWidget().isEnabled()
    overlay.passphrase.setText("niet de goede")
    overlay.button.click()
    assert overlay.is_locked and "klopt niet" in overlay.error.text()
    overlay.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(overlay.unlocked):
        overlay.button.click()
    assert not overlay.is_locked
    assert beamer.isVisible() and window.centralWidget().isEnabled()
    assert demo_services.audit.recent(1)[0].action == "scherm ontgrendeld"


def test_errors_while_the_crash_dialog_is_open_do_not_pile_up(app, qtbot, monkeypatch, caplog):
    from ui import app as app_module
    from ui.dialogs import crash

    shown = []

    def exec_and_fail_again(dialog):
        shown.append(dialog)
        handler(RuntimeError, RuntimeError("tweede fout"), None)  # e.g. a timer firing again
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", exec_and_fail_again)
    handler = app_module.CrashHandler(None)
    try:
        raise RuntimeError("eerste fout")
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and not handler.showing
    assert "eerste fout" in shown[0].findChild(crash.QPlainTextEdit).toPlainText()
    # Both are in the log: the bug with its traceback, the second one by name only.
    logged = [r.getMessage() for r in caplog.records if r.name == "knooppunt"]
    assert len(logged) == 2 and "eerste fout" in logged[0] and logged[1].endswith("RuntimeError")


def test_leftovers_of_a_killed_demo_are_removed_later(tmp_path, monkeypatch):
    import tempfile

    from ui import startup

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    old, fresh = tmp_path / "knooppunt-demo-old", tmp_path / "knooppunt-demo-new"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "demo.db").write_bytes(b"x")
    now = fresh.stat().st_mtime + 60
    os.utime(old, (now - 2 * startup.STALE_DEMO_SECONDS, now - 2 * startup.STALE_DEMO_SECONDS))
    startup.remove_stale_demos(now)
    assert not old.exists() and fresh.exists()
