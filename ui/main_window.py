"""The main window: navigation to the areas of work, menus and the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from knooppunt import __version__
from knooppunt.services import Services

from .backup_actions import BackupActions
from .chain_check import ChainCheck
from .hub import SignalHub
from .idle_lock import DEFAULT_IDLE_MINUTES, IdleWatcher, LockOverlay
from .modal import run_modal
from .screen_lock import DialogCover, LockShortcut
from .widgets.first_steps import FirstStepsPanel
from .window_geometry import WindowPlacement


# Each page's module is imported when the page is first opened, so a start imports only the first
# page's code. (Plain import statements, so PyInstaller still finds them.)
def _locations_page(**kwargs) -> QWidget:
    from .pages.locations_page import LocationsPage

    return LocationsPage(**kwargs)


def _children_page(**kwargs) -> QWidget:
    from .pages.children_page import ChildrenPage

    return ChildrenPage(**kwargs)


def _meetings_page(**kwargs) -> QWidget:
    from .pages.meetings_page import MeetingsPage

    return MeetingsPage(**kwargs)


def _agreements_page(**kwargs) -> QWidget:
    from .pages.agreements_page import AgreementsPage

    return AgreementsPage(**kwargs)


def _monitoring_page(**kwargs) -> QWidget:
    # Its module imports the chart library (ReportLab): only when Monitoring is first opened.
    from .pages.monitoring_page import MonitoringPage

    return MonitoringPage(**kwargs)


PAGES = [
    ("Locaties & partners", _locations_page),
    ("Kinderen", _children_page),
    ("Overleggen", _meetings_page),
    ("Afspraken", _agreements_page),
    ("Monitoring", _monitoring_page),
]


class LazyPages(Sequence[QWidget]):
    """The main window's pages, each built (and added to the stack) on first use."""

    def __init__(self, stack: QStackedWidget, factories: list[Callable[[], QWidget]]) -> None:
        self._stack = stack
        self._factories = factories
        self._built: dict[int, QWidget] = {}
        self._placeholders = [QWidget() for _ in factories]
        for placeholder in self._placeholders:
            stack.addWidget(placeholder)

    def __len__(self) -> int:
        return len(self._factories)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = range(len(self))[index]
        if index not in self._built:
            page = self._factories[index]()
            placeholder = self._placeholders[index]
            current = self._stack.currentWidget() is placeholder
            self._stack.insertWidget(self._stack.indexOf(placeholder), page)
            self._stack.removeWidget(placeholder)
            placeholder.setParent(None)
            self._built[index] = page
            if current:
                self._stack.setCurrentWidget(page)
        return self._built[index]

    def is_built(self, index: int) -> bool:
        return index in self._built


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        services: Services,
        hub: SignalHub,
        database_path: Path,
        demo: bool = False,
        idle_minutes: float | None = DEFAULT_IDLE_MINUTES,
        on_restore: Callable[[Path, str], None] | None = None,
        automatic_backups: bool = False,
        server: str = "",
    ) -> None:
        super().__init__()
        self._services = services
        self._on_restore = on_restore
        # On the organisation's server (``server``: "Verbonden met … als …") there is no file to back
        # up: the server's backups are the board's IT's (packaging/server/).
        self._server = server
        self.backups = None if services.backups is None else BackupActions(
            window=self, backups=services.backups, database_path=database_path,
            automatic=automatic_backups and not demo, on_restore=self._restore,
            locked=lambda: self.lock_overlay.is_locked)
        self._database_path = database_path
        self._demo = demo
        # Qt adds the program's name (" — Knooppunt") to every title where the platform shows it.
        self.setWindowTitle("Demo (fictieve gegevens)" if demo else "Knooppunt")
        self.placement = WindowPlacement(self, "hoofdvenster", QSize(1280, 800))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        # Pages are built when first shown: the window appears at once, even on a large database.
        self.pages = LazyPages(self.stack, [lambda make=make: make(services=services, hub=hub) for _, make in PAGES])
        for number, (title, _make) in enumerate(PAGES, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Ctrl+{number})")
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.navigation.setFixedWidth(210)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        from .start_areas import StartAreas

        self.start_areas = StartAreas(window=self, services=services, hub=hub, stack=self.stack,
                                      navigation=self.navigation)  # Vandaag (Ctrl+0) and Aanmeldingen
        layout.addWidget(self.start_areas.sidebar())
        self.stack.setContentsMargins(12, 6, 12, 6)
        self.first_steps = FirstStepsPanel(services=services)
        self.first_steps.step_chosen.connect(self._on_first_steps_step_chosen)
        hub.changed.connect(self.first_steps.on_changed)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.first_steps)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar(demo)
        # An intern begeleider starts with the meetings; a coordinator with the directory; a new,
        # empty database with its first step; once there is something to do, Vandaag.
        start = 2 if services.profile.role == "ib" else 0
        if self.first_steps.isVisibleTo(self):
            start = next(i for i, done in enumerate(self.first_steps.state) if not done)
        self.navigation.setCurrentRow(start)
        if not self.first_steps.isVisibleTo(self) and services.locations.locations():
            self.start_areas.show(0)  # Vandaag is the start page once there is something to do
        # A meeting that was running when the app stopped reopens where it was.
        if services.meeting_mode.running() is not None:
            self.navigation.setCurrentRow(2)
            QTimer.singleShot(0, self.pages[2].resume_running)
        self._hidden_while_locked: list[QWidget] = []
        self._disabled_while_locked: list[QAction] = []
        self._dialog_covers: list[DialogCover] = []
        self._handbook: QWidget | None = None
        demo_hint = f"demo: {services.backups.passphrase}" if demo and services.backups else ""
        self.lock_overlay = LockOverlay(verify=services.verify_passphrase, parent=self, hint=demo_hint)
        self.installEventFilter(self.lock_overlay)
        self.lock_overlay.unlocked.connect(self._on_lock_overlay_unlocked)
        self.lock_shortcut = LockShortcut(self)
        self.lock_shortcut.lock_requested.connect(self.lock)
        self.idle_watcher = None
        if idle_minutes and not demo:
            self.idle_watcher = IdleWatcher(minutes=idle_minutes, parent=self)
            self.idle_watcher.idle_timed_out.connect(self.lock)

    def lock(self) -> None:
        """Cover everything until the passphrase is given again (also Ctrl+L).

        Other windows (the meeting window, the parents' screen on the beamer) are hidden, open
        dialogs are covered by a lock of their own (hiding one would end it and lose its input),
        and every shortcut is off, so nothing behind the lock can be seen or reached.
        """
        if self.lock_overlay.is_locked:
            return
        others = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible() and w.isWindow()]
        dialogs = [w for w in others if isinstance(w, QDialog)]
        self._hidden_while_locked = [w for w in others if not isinstance(w, QDialog)]
        for window in self._hidden_while_locked:
            window.hide()
        self._dialog_covers = [DialogCover(d, verify=self._services.verify_passphrase,
                                           on_unlocked=self._on_dialog_cover_unlocked) for d in dialogs]
        self._disabled_while_locked = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled_while_locked:
            action.setEnabled(False)
        self.centralWidget().setEnabled(False)
        self.menuBar().setEnabled(False)
        self.lock_overlay.lock()

    def _on_dialog_cover_unlocked(self) -> None:
        self.lock_overlay.unlock_quietly()
        self._on_lock_overlay_unlocked()

    def _on_lock_overlay_unlocked(self) -> None:
        for cover in self._dialog_covers:
            cover.remove()
        self._dialog_covers = []
        self.centralWidget().setEnabled(True)
        self.menuBar().setEnabled(True)
        for action in self._disabled_while_locked:
            action.setEnabled(True)
        for window in self._hidden_while_locked:
            window.show()
        self._hidden_while_locked, self._disabled_while_locked = [], []
        self._services.audit.log_access("scherm ontgrendeld", "setting", None)

    def _on_first_steps_step_chosen(self, step: int) -> None:
        """Go to the area of the step and, for a child or a meeting, open its dialog."""
        page = (0, 1, 2)[step]
        self.show_page(page)
        if step > 0:
            QTimer.singleShot(0, self.pages[page].new_button.click)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.pages[row])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Bestand")
        if self.backups is not None:
            self.backups.add_menu_actions(file_menu)
            file_menu.addSeparator()
        logbook_action = QAction("&Logboek…", self)
        logbook_action.setToolTip("Wie heeft wat gedaan of bekeken, en wanneer")
        logbook_action.triggered.connect(self.show_logbook)
        file_menu.addAction(logbook_action)
        file_menu.addSeparator()
        lock_action = QAction("&Vergrendelen", self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        file_menu.addAction(lock_action)
        file_menu.addSeparator()
        quit_action = QAction("&Afsluiten", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&Beeld")
        for number, (title, _make) in enumerate(PAGES, start=1):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, i=number - 1: self.show_page(i))
            view_menu.addAction(action)
        self.start_areas.add_menu_actions(view_menu)
        search_action = QAction("&Zoeken", self)
        search_action.setShortcut(QKeySequence.StandardKey.Find)
        search_action.triggered.connect(self._on_search_action_triggered)
        view_menu.addSeparator()
        view_menu.addAction(search_action)

        help_menu = self.menuBar().addMenu("&Help")
        handbook = QAction("&Handboek", self)
        handbook.setShortcut(QKeySequence("F1"))
        handbook.triggered.connect(self._on_handbook_triggered)
        help_menu.addAction(handbook)
        about = QAction("&Over Knooppunt", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def show_logbook(self) -> None:
        from .dialogs.logbook_dialog import LogbookDialog

        self._services.audit.log_access("logboek bekeken", "audit_log", None)
        run_modal(LogbookDialog(services=self._services, parent=self))

    def _on_chain_check_finished(self, notice: str) -> None:
        self.chain_notice.setText(notice)
        self.chain_notice.setVisible(bool(notice))

    def _build_status_bar(self, demo: bool) -> None:
        who = self._services.profile.user_name or "onbekend"
        role = self._services.profile.role.label
        if not self._server:  # on the server the storage label names the user ("… als <gebruiker>")
            self.statusBar().addWidget(QLabel(f"Ingelogd als {who} ({role})"))
        # The demo makes no backups: no red "Nog geen back-upmap" that invites setting one up.
        if not demo and self.backups is not None:
            self.statusBar().addWidget(self.backups.runner.label)
        where = "demodatabase (tijdelijk, zonder back-ups)" if demo else str(self._database_path)
        self.storage_label = QLabel(self._server or f"Versleuteld opgeslagen · {where}")
        self.storage_label.setToolTip(
            "De gegevens staan op de server van uw organisatie; de verbinding is versleuteld (TLS)." if self._server
            else "Alle gegevens staan versleuteld op deze laptop. Zonder wachtwoordzin zijn ze onleesbaar.")
        self.statusBar().addPermanentWidget(self.storage_label)
        # The audit chain is checked after opening; a notice only when it does not hold.
        self.chain_notice = QLabel()
        self.chain_notice.setObjectName("gentleNotice")
        self.chain_notice.setWordWrap(True)
        self.chain_notice.hide()
        self.statusBar().addWidget(self.chain_notice, 1)
        self.chain_check = ChainCheck(services=self._services, parent=self)
        self.chain_check.finished.connect(self._on_chain_check_finished)
        QTimer.singleShot(0, self.chain_check.start)

    def _on_search_action_triggered(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def _on_handbook_triggered(self) -> None:
        # One chapter per numbered area (in PAGES order); Vandaag and Aanmeldingen share one.
        keys = ["locaties-en-partners", "kinderen", "overleggen", "afspraken", "monitoring"]
        row = self.navigation.currentRow()
        self.open_handbook(keys[row] if 0 <= row < len(keys) else "vandaag-en-aanmeldingen")

    def open_handbook(self, chapter: str | None = None) -> QWidget:
        """One handbook window, opened at the chapter of the area in view."""
        from .dialogs.handbook_dialog import HandbookDialog

        if self._handbook is None:
            self._handbook = HandbookDialog(chapter=chapter, parent=self)
        elif chapter:
            self._handbook.show_chapter(chapter)
        self._handbook.show()
        self._handbook.raise_()
        self._handbook.activateWindow()
        return self._handbook

    def _on_about_triggered(self) -> None:
        from .dialogs.about import AboutDialog

        demo_passphrase = self._services.backups.passphrase if self._demo and self._services.backups else None
        run_modal(AboutDialog(database_path=self._database_path, version=__version__, demo=self._demo,
                              demo_passphrase=demo_passphrase, parent=self))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chain_check.stop()  # a closed window checks nothing more, even if the database stays open
        super().closeEvent(event)

    def stop_background_work(self) -> None:
        """Before the database closes: the backup timer and the chain check stop touching it."""
        if self.backups is not None:
            self.backups.runner.stop()
        self.chain_check.stop()

    def _restore(self, backup: Path, passphrase: str) -> None:
        """The composition root closes this window and opens the restored database."""
        if self._on_restore is None:
            raise RuntimeError("this window was built without a way to restore")
        self._on_restore(backup, passphrase)
