"""The composition root: from a database file to services, hub and main window."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from . import messages
from .dialogs.unlock import UnlockDialog
from .hub import SignalHub
from .operations import run_op

# The services, the storage layer and the main window are imported after the unlock dialog is on
# the screen (and warmed while the passphrase is typed): the dialog appears as fast as a bare window.
if TYPE_CHECKING:
    import tempfile

    from knooppunt.services import Services
    from knooppunt.team_settings import TeamSettings

    from .dialogs.first_run import FirstRunWizard
    from .main_window import MainWindow


@dataclass
class Session:
    services: Services
    database_path: Path
    demo: bool = False
    hub: SignalHub = field(default_factory=SignalHub)
    _tempdir: tempfile.TemporaryDirectory | None = None
    window: MainWindow | None = None
    server: str = ""  # on the organisation's server: "Verbonden met … als …" (no file, no backups)

    def build_window(self) -> MainWindow:
        from .main_window import MainWindow

        self.window = MainWindow(services=self.services, hub=self.hub, database_path=self.database_path,
                                 demo=self.demo, on_restore=self.restore,
                                 automatic_backups=not self.demo, server=self.server)
        return self.window

    def close(self) -> None:
        if self.window is not None:
            self.window.stop_background_work()
        self.services.close()
        if self._tempdir is not None:
            self._tempdir.cleanup()

    def quit(self) -> None:
        """Closing the program: one last backup (when a folder is set), then close the database."""
        if self.window is not None and self.window.backups is not None and not self.demo:
            self.window.backups.runner.make_now_blocking()
        self.close()

    def restore(self, backup: Path, passphrase: str) -> None:
        """Put ``backup`` in place of the database and reopen the window on it.

        The old window goes first (its pages hold the old connection). A refusal (disk full, …)
        reopens the database as it was.
        """
        from knooppunt.backup import restore_backup
        from knooppunt.composition import open_services
        from knooppunt.errors import KnooppuntError

        assert self.services.backups is not None
        kdf_iter, current = self.services.backups.kdf_iter, self.services.backups.passphrase
        old_window, self.window = self.window, None
        if old_window is not None:
            old_window.stop_background_work()
            old_window.hide()
        self.services.close()
        kept: Path | None = None
        error: KnooppuntError | None = None
        try:
            kept = restore_backup(backup, passphrase, self.database_path, kdf_iter=kdf_iter)
            current = passphrase
        except KnooppuntError as exc:
            error = exc
        self.services = open_services(self.database_path, current, kdf_iter=kdf_iter)
        if error is None:
            self.services.audit.log_access("back-up teruggezet", "setting", None, backup.name)
        self.hub = SignalHub()
        window = self.build_window()
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if error is not None:
            messages.show_error(window, error, "Back-up niet teruggezet")
        else:
            where = f"\n\nDe vorige database is bewaard als {kept}." if kept else ""
            messages.inform(window, "Back-up teruggezet", f"De back-up {backup.name} is teruggezet.{where}")


DEMO_PREFIX = "knooppunt-demo-"
STALE_DEMO_SECONDS = 12 * 3600


def remove_stale_demos(now: float | None = None) -> None:
    """Leftovers of a demo that was killed (unreadable anyway: their passphrase is gone)."""
    import shutil
    import tempfile

    now = time.time() if now is None else now
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_DEMO_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def demo_session() -> Session:
    """A fresh demo database in a temporary folder, opened without asking a passphrase."""
    import secrets
    import tempfile

    from knooppunt.composition import open_services
    from knooppunt.services.demo import build_demo

    remove_stale_demos()
    tempdir = tempfile.TemporaryDirectory(prefix=DEMO_PREFIX)
    path = Path(tempdir.name) / "demo.db"
    # Short enough to type at the lock screen; shown there and in About (the data is fictional).
    services = open_services(path, f"demo-{secrets.token_hex(3)}", create=True)
    build_demo(services)
    return Session(services, path, demo=True, _tempdir=tempdir)


def _restore_on_a_new_laptop(wizard: FirstRunWizard, backup: Path, passphrase: str, path: Path) -> Session | None:
    from knooppunt.backup import restore_backup
    from knooppunt.composition import open_services
    from knooppunt.errors import KnooppuntError

    try:
        restore_backup(backup, passphrase, path)
        services = open_services(path, passphrase)
    except KnooppuntError as exc:
        messages.show_error(wizard, exc, "Back-up niet teruggezet")
        return None
    services.audit.log_access("back-up teruggezet", "setting", None, f"{backup.name} (eerste start)")
    return Session(services, path)


def user_session(path: Path, *, team: TeamSettings | None = None) -> Session | None:
    """On the server when ``team`` (server.json) says so; else the first-run wizard for a new
    database, or the unlock dialog; None when the user cancels."""
    if team is not None:
        from .team_startup import server_session

        return server_session(team, path)
    if not path.exists():
        from knooppunt.composition import first_run

        from .dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard()
        while wizard.exec() == QDialog.DialogCode.Accepted:
            answers = wizard.answers()
            if answers.server is not None:
                from .team_startup import first_server_session

                on_server = first_server_session(wizard, answers.server, answers.server_password, path)
                if on_server is None:
                    continue
                wizard.forget_passphrase()
                return on_server
            if answers.restore_from is not None:
                restored = _restore_on_a_new_laptop(wizard, answers.restore_from, answers.passphrase, path)
                if restored is None:
                    continue
                return restored
            # A refusal (e.g. the folder cannot be written) is said, and the wizard asks again.
            services = run_op(lambda answers=answers: first_run(
                path,
                passphrase=answers.passphrase,
                user_name=answers.user_name,
                role=answers.role,
                location=answers.location,
            ), hub=None, parent=wizard)
            if services is None:
                continue
            wizard.forget_passphrase()
            return Session(services, path)
        return None
    dialog = unlock_dialog(path)
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_imports)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    services = dialog.result_value
    services.audit.log_access("database ontgrendeld", "setting", None, "Knooppunt gestart")
    return Session(services, path)


WARM_UP_DELAY_MS = 50


def unlock_dialog(path: Path) -> UnlockDialog:
    def unlock(passphrase: str) -> Services:
        from knooppunt.composition import open_services

        return open_services(path, passphrase)

    return UnlockDialog(database_path=path, unlock=unlock)


def warm_up_imports() -> None:
    """Import what the main window needs while the passphrase is being typed (a person takes
    longer to type it than this takes), so that after unlocking only the database is opened."""
    from knooppunt import composition  # noqa: F401 - imported for its side effect

    from . import main_window  # noqa: F401
    from .pages import locations_page, meetings_page  # noqa: F401 - the possible first pages
