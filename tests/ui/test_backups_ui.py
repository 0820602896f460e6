"""Backups in the window: settings, Back-up maken in the background, the status line, restore,
passphrase change, the first-run wizard's "Ik heb een back-up", and the demo's lock hint."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QWizard

from knooppunt.backup import make_backup
from knooppunt.backup.files import final_name
from ui import messages
from ui.dialogs.backup_settings_dialog import BackupSettingsDialog
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.main_window import MainWindow
from ui.startup import Session

from ..conftest import PASSPHRASE, TEST_KDF_ITER


@pytest.fixture
def told(monkeypatch):
    said: list[tuple] = []
    monkeypatch.setattr(messages, "inform", lambda *a: said.append(a))
    monkeypatch.setattr(messages, "show_error", lambda *a: said.append(a))
    return said


def _window(qtbot, services, hub, db_path, **kwargs):
    window = MainWindow(services=services, hub=hub, database_path=db_path, automatic_backups=False, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def test_choosing_a_folder_then_back_up_maken_runs_in_the_background_and_updates_the_status_line(
        app, qtbot, demo_services, hub, db_path, tmp_path, monkeypatch, told):
    window = _window(qtbot, demo_services, hub, db_path)
    label = window.backups.runner.label
    assert "Nog geen back-upmap" in label.text() and label.property("warning")
    folder = tmp_path / "OneDrive - School" / "Knooppunt"
    monkeypatch.setattr(messages, "choose_folder", lambda *a: folder)
    dialog = BackupSettingsDialog(backups=demo_services.backups, parent=window)
    qtbot.addWidget(dialog)
    dialog._on_choose_clicked()
    assert dialog.folder.text() == str(folder)
    dialog._on_buttons_accepted()
    assert demo_services.backups.folder() == folder
    assert demo_services.audit.recent(1)[0].action == "back-upmap ingesteld"
    window.backups.runner.refresh_status()
    assert label.text() == "Nog geen back-up gemaakt"
    with qtbot.waitSignal(window.backups.runner.made, timeout=10_000):
        window.backups.make_backup()
        assert label.text() == "Back-up maken…"
    assert label.text().startswith("Laatste back-up: vandaag") and not label.property("warning")
    assert len(list(folder.glob("knooppunt-back-up-*.db"))) == 1
    assert demo_services.audit.recent(1)[0].action == "back-up gemaakt"
    assert told == []


def test_the_status_line_warns_clearly_after_seven_days(app, qtbot, services, hub, db_path, tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    (folder / final_name(datetime.now() - timedelta(days=9))).write_bytes(b"x")
    services.backups.set_folder(folder)
    window = _window(qtbot, services, hub, db_path)
    label = window.backups.runner.label
    assert label.text().startswith("Let op: de laatste back-up is 9 dagen oud")
    assert label.property("warning")


def test_a_failing_automatic_backup_is_told_once(app, qtbot, services, hub, db_path, tmp_path, told):
    blocker = tmp_path / "geen map"
    blocker.write_text("een bestand, geen map")
    services.backups.set_folder(blocker / "back-ups")
    window = _window(qtbot, services, hub, db_path)
    runner = window.backups.runner
    for _ in range(2):
        with qtbot.waitSignal(runner.failed, timeout=10_000):
            assert runner.start()
    assert len(told) == 1 and "Back-up niet gelukt" in told[0][1]
    assert "Nog geen back-upmap" not in runner.label.text() and runner.label.property("warning")


def test_restore_dialog_previews_refuses_a_wrong_passphrase_and_asks_before_restoring(
        app, qtbot, demo_services, db_path, tmp_path, monkeypatch):
    backup = make_backup(db_path, PASSPHRASE, tmp_path / "bk", now=datetime(2026, 11, 23, 17, 5),
                         kdf_iter=TEST_KDF_ITER)
    dialog = RestoreDialog(preview=demo_services.backups.preview, backups=[backup], database_path=db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.panel.chosen() == backup.path  # the newest in the folder is chosen already
    dialog.panel.passphrase.setText("niet de goede zin")
    dialog.panel.look.click()
    assert "wachtwoordzin klopt niet" in dialog.panel.error.text()
    assert not dialog.restore_button.isEnabled()
    dialog.panel.passphrase.setText(PASSPHRASE)
    dialog.panel.look.click()
    summary = dialog.panel.summary.text()
    assert "maandag 23 november 2026 17:05" in summary and "6 kinderen" in summary and "2 overleggen" in summary
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or True)
    dialog.restore_button.click()
    assert "wordt eerst bewaard" in asked[0]
    assert dialog.choice() == (backup.path, PASSPHRASE)


def test_restoring_from_the_window_replaces_the_database_and_reopens(app, qtbot, demo_services, db_path,
                                                                    tmp_path, told):
    backup = make_backup(db_path, PASSPHRASE, tmp_path / "bk", kdf_iter=TEST_KDF_ITER)
    child = demo_services.store.column("SELECT id FROM child ORDER BY id")[0]
    with demo_services.store.unit_of_work() as uow:  # a change made after the backup
        uow.execute("UPDATE child SET group_name = 'na de back-up' WHERE id = ?", [child])
        uow.audit("test", "child", child)
    session = Session(demo_services, db_path)
    old_window = session.build_window()
    qtbot.addWidget(old_window)
    session.restore(backup.path, PASSPHRASE)
    new_window = session.window
    assert new_window is not None and new_window is not old_window
    qtbot.addWidget(new_window)
    assert session.services.store.scalar("SELECT group_name FROM child WHERE id = ?", [child]) != "na de back-up"
    assert session.services.audit.recent(1)[0].action == "back-up teruggezet"
    assert "is teruggezet" in told[-1][2] and "bewaard als" in told[-1][2]
    assert list(tmp_path.glob("knooppunt.db.voor-terugzetten-*"))
    session.close()


def test_passphrase_dialog_points_at_the_wrong_field_and_changes_it(app, qtbot, services):
    dialog = PassphraseDialog(backups=services.backups)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText("verkeerd verkeerd")
    dialog.new.setText("een nieuwe zin")
    dialog.repeated.setText("een nieuwe zin")
    dialog._on_buttons_accepted()
    assert dialog.errors.text and dialog.old.toolTip()
    dialog.old.setText(PASSPHRASE)
    dialog._on_buttons_accepted()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert services.verify_passphrase("een nieuwe zin") and not services.verify_passphrase(PASSPHRASE)


def test_first_run_wizard_offers_ik_heb_een_back_up(app, qtbot, demo_services, db_path, tmp_path):
    backup = make_backup(db_path, PASSPHRASE, tmp_path / "bk", kdf_iter=TEST_KDF_ITER)
    wizard = FirstRunWizard(kdf_iter=TEST_KDF_ITER)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.welcome.from_backup.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.restore
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.restore.panel.choose(backup.path)
    wizard.restore.panel.passphrase.setText(PASSPHRASE)
    wizard.restore.panel.look.click()
    assert finish.isEnabled()
    answers = wizard.answers()
    assert answers.restore_from == backup.path and answers.passphrase == PASSPHRASE


def test_the_demo_shows_its_passphrase_on_the_lock_screen_and_it_unlocks(app, qtbot, demo_services, hub, db_path):
    window = _window(qtbot, demo_services, hub, db_path, demo=True)
    # The demo makes no backups: the status bar says so instead of asking for a backup folder.
    shown = [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisibleTo(window)]
    assert not any("back-upmap" in text for text in shown)
    assert any("demodatabase (tijdelijk, zonder back-ups)" in text for text in shown)
    window.lock()
    hint = window.lock_overlay.hint
    assert hint.isVisible() and hint.text() == f"demo: {PASSPHRASE}"
    window.lock_overlay.passphrase.setText(hint.text().removeprefix("demo: "))
    with qtbot.waitSignal(window.lock_overlay.unlocked):
        window.lock_overlay.button.click()


def test_closing_the_program_makes_a_last_backup(app, qtbot, services, db_path, tmp_path):
    services.backups.set_folder(tmp_path / "bk")
    session = Session(services, db_path)
    window = session.build_window()
    qtbot.addWidget(window)
    session.quit()
    (made,) = (tmp_path / "bk").glob("knooppunt-back-up-*.db")
    assert made.stat().st_size > 0


def test_restore_waits_until_the_meeting_window_is_closed(app, qtbot, services, hub, db_path, told):
    from PySide6.QtWidgets import QMainWindow

    window = _window(qtbot, services, hub, db_path)
    meeting_window = QMainWindow()  # stands for the chair's view in its own window
    qtbot.addWidget(meeting_window)
    meeting_window.show()
    window.backups.restore()
    assert "Sluit eerst het overlegvenster" in told[-1][2]
