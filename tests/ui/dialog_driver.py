"""Drive a modal dialog from a test: act on it as soon as it is shown (no sleeps)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

# The offscreen platform cannot resize or raise real windows; those warnings say nothing about us.
QT_OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def when_dialog_opens(kind: type[QDialog], act: Callable[[QDialog], None], seen: list | None = None,
                      *, times: int = 1, patience: int = 500) -> None:
    """Each time a modal ``kind`` becomes active (up to ``times``), call ``act`` on it.

    If it does not come within ``patience`` polls, any open modal dialog is rejected so the test
    fails on its assertions instead of hanging.
    """
    state = {"left": times, "polls": 0, "last": None}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and dialog is not state["last"]:
            state["last"], state["polls"] = dialog, 0
            state["left"] -= 1
            if seen is not None:
                seen.append(dialog)
            act(dialog)
        else:
            state["polls"] += 1
            if state["polls"] > patience:
                if isinstance(dialog, QDialog):
                    dialog.reject()
                return
        if state["left"] > 0:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
