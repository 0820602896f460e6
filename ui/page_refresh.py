"""Pages refresh on the hub's Change, once, and only when shown (after Anki's ``refresh_if_needed``).

A page does not reload by hand after its own write: ``run_op`` publishes the Change and the page
reloads on it, exactly once. A page hidden behind another area or tab only marks itself stale
and reloads when it is shown again, however many Changes came in meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from knooppunt.services import Change, Entity

    from .hub import SignalHub

_SHOWN = (QEvent.Type.Show, QEvent.Type.ShowToParent)


class PageRefresh(QObject):
    """Calls ``reload()`` for a Change whose entity is in ``entities`` (every Change when None)."""

    def __init__(self, page: QWidget, *, hub: SignalHub, reload: Callable[[], object],
                 entities: Collection[Entity] | None = None, skip_own: bool = False) -> None:
        super().__init__(page)
        self._page, self._hub, self._reload = page, hub, reload
        self._entities = entities
        self._skip_own = skip_own  # the page reloads by hand after its own writes (to select what it made)
        self.stale = False
        self.reloads = 0  # for the tests: how often a Change reloaded the page
        page.installEventFilter(self)
        hub.changed.connect(self._on_hub_changed)

    def hidden(self) -> bool:
        """Behind another page or tab. A page in a window not yet shown counts as shown when it is
        the current one (tests, start-up); a window of its own that is not shown also counts as shown."""
        page = self._page
        if page.isVisible() or page.window() is page:
            return False
        return not page.isVisibleTo(page.window())

    def cares(self, change: Change) -> bool:
        return self._entities is None or change.entity in self._entities

    def _on_hub_changed(self, change: Change) -> None:
        if not self.cares(change) or (self._skip_own and self._hub.initiated_by(self._page)):
            return
        if self.hidden():
            self.stale = True
        else:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.reloads += 1
        self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while Python tears the page down, this object's attributes may already be gone.
        if getattr(self, "stale", False) and event.type() in _SHOWN and watched is getattr(self, "_page", None):
            self.refresh()
        return super().eventFilter(watched, event)
