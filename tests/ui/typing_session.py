"""Helper process for test_meeting_autosave_kill: the real meeting window, typing a note.

Usage: python -m tests.ui.typing_session DB PASSPHRASE KDF_ITER MEETING_ID DISCUSSION_ID
Prints "<characters typed> <monotonic time>" after every keystroke, until it is killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from knooppunt.composition import open_services
from knooppunt.domain.enums import Visibility
from ui.hub import SignalHub
from ui.meeting.meeting_window import MeetingWindow

TEXT = "Moeder vertelt dat het thuis beter gaat sinds de nieuwe avondroutine. " * 20
KEY_INTERVAL_MS = 30


def main(argv: list[str]) -> None:
    path, passphrase, kdf_iter, meeting_id, discussion_id = argv
    app = QApplication([])
    services = open_services(path, passphrase, kdf_iter=int(kdf_iter))
    window = MeetingWindow(services=services, hub=SignalHub(), meeting_id=int(meeting_id))
    window.show()
    window.open_discussion(int(discussion_id))
    editor = window.chair.item_view.add_note(Visibility.SHARED)
    print(f"note {editor.note.id}", flush=True)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(editor.editor, TEXT[typed])
        typed += 1
        print(f"{typed} {time.monotonic():.4f}", flush=True)

    timer = QTimer()
    timer.setInterval(KEY_INTERVAL_MS)
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1:])
