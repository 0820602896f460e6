"""A quiet clock: time spent against a budget; over budget it turns amber, once signalled."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget


def clock_text(seconds: int, budget_minutes: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d} / {budget_minutes}:00"


class BudgetClock(QLabel):
    """``went_over`` is emitted once per budget key (an agenda item, a child's slot)."""

    went_over = Signal()

    def __init__(self, prefix: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self._tooltip = tooltip
        self._signalled: set[object] = set()
        self.setObjectName("quietClock")
        self.setToolTip(tooltip)

    def show_time(self, seconds: int, budget_minutes: int, key: object, over_text: str) -> None:
        self.setText(f"{self._prefix} {clock_text(seconds, budget_minutes)}")
        over = seconds > budget_minutes * 60
        if bool(self.property("over")) != over:
            self.setProperty("over", over)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setToolTip(over_text if over else self._tooltip)
        if over and key not in self._signalled:
            self._signalled.add(key)
            self.went_over.emit()
