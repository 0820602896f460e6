"""The main window: navigation to the four areas of work, menus and the status bar."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from knooppunt import __version__
from knooppunt.services import Services

from .hub import SignalHub
from .idle_lock import DEFAULT_IDLE_MINUTES, IdleWatcher, LockOverlay
from .backup_actions import BackupActions
from .modal import run_modal


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


PAGES = [
    ("Locaties & partners", _locations_page),
    ("Kinderen", _children_page),
    ("Overleggen", _meetings_page),
    ("Afspraken", _agreements_page),
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
            # Collect pending garbage first: a cycle of dead Qt wrappers collected in the middle of a
            # widget's construction (here: inside a signal) crashed PySide6 in the test suite.
            gc.collect()
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
    ) -> None:
        super().__init__()
        self._services = services
        self._on_restore = on_restore
        assert services.backups is not None, "open_services sets the backup service"
        self.backups = BackupActions(window=self, backups=services.backups, database_path=database_path,
                                     automatic=automatic_backups and not demo, on_restore=self._restore,
                                     locked=lambda: self.lock_overlay.is_locked)
        self._database_path = database_path
        self._demo = demo
        self.setWindowTitle("Knooppunt" + (" — demo (fictieve gegevens)" if demo else ""))
        self.resize(1280, 800)

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
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar(demo)
        # An intern begeleider starts with the meetings; a coordinator with the directory.
        self.navigation.setCurrentRow(2 if services.profile.role == "ib" else 0)
        if services.store.count("location"):
            self.start_areas.show(0)  # Vandaag is the start page once there is something to do
        # A meeting that was running when the app stopped reopens where it was.
        if services.meeting_mode.running() is not None:
            self.navigation.setCurrentRow(2)
            QTimer.singleShot(0, self.pages[2].resume_running)
        self._hidden_while_locked: list[QWidget] = []
        self._disabled_while_locked: list[QAction] = []
        demo_hint = f"demo: {services.backups.passphrase}" if demo else ""
        self.lock_overlay = LockOverlay(verify=services.verify_passphrase, parent=self, hint=demo_hint)
        self.installEventFilter(self.lock_overlay)
        self.lock_overlay.unlocked.connect(self._on_lock_overlay_unlocked)
        self.idle_watcher = None
        if idle_minutes and not demo:
            self.idle_watcher = IdleWatcher(minutes=idle_minutes, parent=self)
            self.idle_watcher.idle_timed_out.connect(self.lock)

    def lock(self) -> None:
        """Cover everything until the passphrase is given again (also Ctrl+L).

        Other windows (the meeting window, the parents' screen on the beamer, open dialogs) are
        hidden, and every shortcut is off, so nothing behind the lock can be seen or reached.
        """
        if self.lock_overlay.is_locked:
            return
        self._hidden_while_locked = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible() and w.isWindow()
        ]
        for window in self._hidden_while_locked:
            window.hide()
        self._disabled_while_locked = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled_while_locked:
            action.setEnabled(False)
        self.centralWidget().setEnabled(False)
        self.menuBar().setEnabled(False)
        self.lock_overlay.lock()

    def _on_lock_overlay_unlocked(self) -> None:
        self.centralWidget().setEnabled(True)
        self.menuBar().setEnabled(True)
        for action in self._disabled_while_locked:
            action.setEnabled(True)
        for window in self._hidden_while_locked:
            window.show()
        self._hidden_while_locked, self._disabled_while_locked = [], []
        self._services.audit.log_access("scherm ontgrendeld", "setting", None)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.pages[row])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Bestand")
        self.backups.add_menu_actions(file_menu)
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
        about = QAction("&Over Knooppunt", self)
        about.setShortcut(QKeySequence.StandardKey.HelpContents)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _build_status_bar(self, demo: bool) -> None:
        who = self._services.profile.user_name or "onbekend"
        role = self._services.profile.role.label
        self.statusBar().addWidget(QLabel(f"Ingelogd als {who} ({role})"))
        self.statusBar().addWidget(self.backups.runner.label)
        where = "demodatabase (tijdelijk)" if demo else str(self._database_path)
        lock = QLabel(f"Versleuteld opgeslagen · {where}")
        lock.setToolTip("Alle gegevens staan versleuteld op deze laptop. Zonder wachtwoordzin zijn ze onleesbaar.")
        self.statusBar().addPermanentWidget(lock)

    def _on_search_action_triggered(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def _on_about_triggered(self) -> None:
        from .dialogs.about import AboutDialog

        demo_passphrase = self._services.backups.passphrase if self._demo and self._services.backups else None
        run_modal(AboutDialog(database_path=self._database_path, version=__version__, demo=self._demo,
                              demo_passphrase=demo_passphrase, parent=self))

    def _restore(self, backup: Path, passphrase: str) -> None:
        """The composition root closes this window and opens the restored database."""
        if self._on_restore is None:
            raise RuntimeError("this window was built without a way to restore")
        self._on_restore(backup, passphrase)
