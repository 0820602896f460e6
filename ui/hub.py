"""One signal hub: services return a Change, the hub tells every view, each decides to refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the services package is imported after the unlock dialog shows, not before
    from knooppunt.services import Change


class SignalHub(QObject):
    changed = Signal(object)  # a knooppunt.services.Change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._initiator: object | None = None

    def publish(self, change: Change | None, initiator: object | None = None) -> None:
        """Tell every view; ``initiator`` (the widget that wrote) is known while the signal runs."""
        if change is None:
            return
        previous, self._initiator = self._initiator, initiator
        try:
            self.changed.emit(change)
        finally:
            self._initiator = previous

    def initiated_by(self, view: object) -> bool:
        """True inside a ``changed`` handler when ``view`` made this change itself (it reloaded already)."""
        return view is not None and self._initiator is view
