"""``knooppunt``: start the desktop application."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from knooppunt import __version__
from knooppunt.errors import KnooppuntError
from knooppunt.paths import default_database_path, log_file, qt_translations_fallback, resource

from . import garbage, messages, platform_check
from .modal import run_modal

if TYPE_CHECKING:
    import argparse

log = logging.getLogger("knooppunt")
# argparse, traceback and logging.handlers are imported where used: the unlock dialog is the first
# thing a person sees, and every import before it makes it appear later.

EXIT_NO_DISPLAY = 2  # as when the database cannot be opened: an expected failure, said in Dutch


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    import argparse

    parser = argparse.ArgumentParser(prog="knooppunt", description="Knooppunt: knooppuntoverleggen voorzitten.")
    parser.add_argument("--demo", action="store_true", help="start op een nieuwe, tijdelijke demodatabase")
    parser.add_argument("--smoke-test", action="store_true", help="bouw het hoofdvenster, toon het en sluit af")
    parser.add_argument("--db", type=Path, help="een ander databasebestand dan het standaardbestand")
    parser.add_argument("--version", action="version", version=f"Knooppunt {__version__}")
    return parser.parse_args(argv)


# Harmless notices of Qt's headless (offscreen) platform, used by tests and the smoke test.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def _on_qt_message(kind: QtMsgType, _context, message: str) -> None:
    if any(message.startswith(quiet) for quiet in _QUIET_QT_MESSAGES):
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO}.get(kind, logging.WARNING)
    logging.getLogger("qt").log(level, message)


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("Knooppunt")
    app.setApplicationDisplayName("Knooppunt")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Knooppunt")
    app.setDesktopFileName("knooppunt")  # ties windows to knooppunt.desktop (icon on Wayland)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    _install_dutch_qt_texts(app)
    garbage.install(app)
    app.setWindowIcon(QIcon(str(resource("icons", "knooppunt.svg"))))
    app.setStyleSheet(resource("style.qss").read_text(encoding="utf-8"))
    return app


def qt_translations_dirs() -> list[str]:
    """Where Qt's own catalogs are: Qt's configured folder, else the one inside the PySide6 package."""
    fallback = qt_translations_fallback()
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), *([str(fallback)] if fallback else [])]


def _install_dutch_qt_texts(app: QApplication) -> None:
    """Qt's own texts (file and print dialogs, right-click menus, shortcut names) in Dutch.

    ``qtbase_nl`` holds nearly all of them, but lacks texts Qt 6 changed (the file dialog's
    "&Look in:" and "Files of &type:", parts of the print dialog) and names the keys the English
    way ("Return", "PgDown"); our own small catalog, installed last, so consulted first, fills
    exactly those gaps (resources/translations/knooppunt_qt_nl.ts).
    """
    if app.findChild(QTranslator, "dutchQtTexts") is not None:
        return
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    qtbase = QTranslator(app)
    qtbase.setObjectName("dutchQtTexts")
    if any(qtbase.load(dutch, "qtbase", "_", folder) for folder in qt_translations_dirs()):
        app.installTranslator(qtbase)
    else:
        log.warning("Qt's Dutch texts (qtbase_nl.qm) not found; Qt's dialogs will show English")
    ours = QTranslator(app)
    ours.setObjectName("dutchQtTextsSupplement")
    if ours.load(str(resource("translations", "knooppunt_qt_nl.qm"))):
        app.installTranslator(ours)


def _log_to_file() -> Path | None:
    import logging.handlers

    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


class CrashHandler:
    """sys.excepthook for the GUI: a KnooppuntError is shown as its Dutch message; anything else
    is a bug, logged and shown in one crash dialog. While a dialog is open, further errors (a
    repeating timer hitting the same fault) are only logged, so dialogs do not pile up."""

    def __init__(self, log_path: Path | None) -> None:
        self._log_path = log_path
        self.showing = False

    def __call__(self, exc_type, exc, tb) -> None:
        if self.showing:
            log.error("Further error while the crash dialog is open: %s", exc_type.__name__)
            return
        self.showing = True
        try:
            if isinstance(exc, KnooppuntError):
                messages.show_error(QApplication.activeWindow(), exc)
                return
            from knooppunt.team_connection import lost_connection

            lost = lost_connection(exc)
            if lost is not None:  # the server went away or refused in Dutch: no traceback
                log.info("Server connection lost or refused: %s", exc_type.__name__)
                title = "Geweigerd door de server" if lost.startswith("De server heeft") else "Verbinding verbroken"
                messages.show_error(QApplication.activeWindow(), lost, title)
                return
            import traceback

            details = "".join(traceback.format_exception(exc_type, exc, tb))
            log.error("Unexpected error\n%s", details)
            from .dialogs.crash import CrashDialog

            dialog = CrashDialog(details=details, log_path=self._log_path, parent=QApplication.activeWindow())
            run_modal(dialog)
        finally:
            self.showing = False


def _install_crash_handler(log_path: Path | None) -> None:
    sys.excepthook = CrashHandler(log_path)


WARM_DOCUMENTS_AFTER_MS = 800

# Where --smoke-test saves a picture of the main window (used to look at the frozen program).
SCREENSHOT_ENV = "KNOOPPUNT_SMOKE_SCREENSHOT"


def smoke_test() -> int:
    """Build the real main window on a temporary demo database, show it, and close."""
    from .startup import demo_session

    session = demo_session()
    try:
        window = session.build_window()
        window.show()
        # Visit every area once, so each page is really built on the demo data; end on Vandaag.
        for index in range(len(window.pages)):
            window.show_page(index)
            for _ in range(3):
                QApplication.processEvents()
        for row in (1, 0):  # Aanmeldingen, then Vandaag (the start page)
            window.start_areas.show(row)
            for _ in range(3):
                QApplication.processEvents()
        ok = window.isVisible() and window.stack.count() == len(window.pages) + 2 and all(
            window.pages.is_built(i) for i in range(len(window.pages)))
        from .smoke import render_a_letter

        ok = render_a_letter(session.services) and ok
        if os.environ.get(SCREENSHOT_ENV):
            ok = window.grab().save(os.environ[SCREENSHOT_ENV]) and ok
        window.close()
        QApplication.processEvents()
    finally:
        session.close()
    print("Knooppunt smoke test: " + ("OK" if ok else "MISLUKT"))
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    qInstallMessageHandler(_on_qt_message)
    # Qt aborts the process (a core dump) when its platform plugin cannot load: say why first.
    trouble = platform_check.problem(plugin=platform_check.xcb_plugin())
    if trouble:
        print(trouble, file=sys.stderr)
        return EXIT_NO_DISPLAY
    app = create_application(sys.argv[:1])
    if args.smoke_test:
        return smoke_test()
    _install_crash_handler(_log_to_file())
    from .startup import demo_session, user_session

    try:
        # server.json (the first-run wizard's "Verbinden met de server van mijn organisatie") makes the
        # program start on the server; --db and --demo always mean a file on this laptop.
        from knooppunt import team_settings

        team = team_settings.load() if not args.db and not args.demo else None
        session = demo_session() if args.demo else user_session(args.db or default_database_path(), team=team)
        # The first page reads the database: damage found there is a message, not a crash.
        window = session.build_window() if session is not None else None
    except KnooppuntError as exc:
        messages.show_error(None, exc, "Knooppunt kan niet starten")
        return 2
    if session is None or window is None:
        return 0
    window.show()
    app.aboutToQuit.connect(session.quit)
    QTimer.singleShot(0, window.raise_)
    # Once the window is idle: warm what the first document needs, on a worker thread.
    from .documents.warm_task import warm_up_documents

    QTimer.singleShot(WARM_DOCUMENTS_AFTER_MS, lambda: warm_up_documents(session.services.documents.renderer))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
