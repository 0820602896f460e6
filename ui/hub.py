"""One signal hub: services return a Change, the hub tells every view, each decides to refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the services package is imported after the unlock dialog shows, not before
    from knooppunt.services import Change


class SignalHub(QObject):
    changed = Signal(object)  # a knooppunt.services.Change

    def publish(self, change: Change | None) -> None:
        if change is not None:
            self.changed.emit(change)
