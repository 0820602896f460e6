"""The composition root: from a database file to services, hub and main window."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QDialog

from knooppunt.services import Services
from knooppunt.services.container import open_services
from knooppunt.services.demo import build_demo
from knooppunt.services.setup import first_run

from . import messages
from .dialogs.first_run import FirstRunWizard
from .dialogs.unlock import UnlockDialog
from .hub import SignalHub
from .main_window import MainWindow


@dataclass
class Session:
    services: Services
    database_path: Path
    demo: bool = False
    hub: SignalHub = field(default_factory=SignalHub)
    _tempdir: tempfile.TemporaryDirectory | None = None

    def build_window(self) -> MainWindow:
        return MainWindow(services=self.services, hub=self.hub, database_path=self.database_path, demo=self.demo)

    def close(self) -> None:
        self.services.close()
        if self._tempdir is not None:
            self._tempdir.cleanup()


DEMO_PREFIX = "knooppunt-demo-"
STALE_DEMO_SECONDS = 12 * 3600


def remove_stale_demos(now: float | None = None) -> None:
    """Leftovers of a demo that was killed (unreadable anyway: their passphrase is gone)."""
    now = time.time() if now is None else now
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_DEMO_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def demo_session() -> Session:
    """A fresh demo database in a temporary folder, opened without asking a passphrase."""
    remove_stale_demos()
    tempdir = tempfile.TemporaryDirectory(prefix=DEMO_PREFIX)
    path = Path(tempdir.name) / "demo.db"
    services = open_services(path, secrets.token_urlsafe(24), create=True)
    build_demo(services)
    return Session(services, path, demo=True, _tempdir=tempdir)


def user_session(path: Path) -> Session | None:
    """First-run wizard for a new database, else the unlock dialog; None when the user cancels."""
    if not path.exists():
        wizard = FirstRunWizard()
        while wizard.exec() == QDialog.DialogCode.Accepted:
            answers = wizard.answers()
            try:
                services = first_run(
                    path,
                    passphrase=answers.passphrase,
                    user_name=answers.user_name,
                    role=answers.role,
                    location=answers.location,
                )
            except Exception as exc:  # noqa: BLE001 - a KnooppuntError is shown, a bug is re-raised
                from knooppunt.errors import KnooppuntError

                if not isinstance(exc, KnooppuntError):
                    raise
                messages.show_error(wizard, exc)
                continue
            wizard.forget_passphrase()
            return Session(services, path)
        return None
    dialog = UnlockDialog(database_path=path, unlock=lambda passphrase: open_services(path, passphrase))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    services = dialog.result_value
    services.audit.log_access("database ontgrendeld", "setting", None, "Knooppunt gestart")
    return Session(services, path)
