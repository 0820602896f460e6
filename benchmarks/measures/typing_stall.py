"""The longest GUI-thread stall while typing a note in meeting mode.

A ``QPlainTextEdit`` gets a keystroke event every 30 ms; while there are unsaved changes an
autosave writes the note through ``meeting_mode.save_note_text`` every 600 ms, on the GUI
thread. A 1 ms probe timer measures every gap in the event loop with a ``QElapsedTimer``; the
result is the longest gap. The baseline is the same typing without saving.
"""

from __future__ import annotations

from collections.abc import Callable

from . import Context, Result, Target, open_services, qt_application

KEY_INTERVAL_MS = 30
SAVE_INTERVAL_MS = 600  # ui.meeting.note_editor.AUTOSAVE_MS
PROBE_INTERVAL_MS = 1
TEXT = ("Moeder vertelt dat het thuis rustiger gaat sinds het vaste slaapritueel. "
        "Zoë leest nu elke avond met vader; op school is ze na de pauze alerter. ")


def note_saver(services) -> Callable[[str], None]:
    """Autosave of one note through the meeting-mode service, as the note editor does it
    (``meeting_mode.save_note_text``: checks the discussion is not finalised, one unit of work
    with its audit row)."""
    store = services.store
    # A discussion that is not finalised (finalised notes are locked): the generated planned ones
    # have no agenda yet, so give one an item (the run works on a copy of the database).
    discussion_id = store.scalar("SELECT id FROM discussion WHERE status = 'gepland' ORDER BY id DESC LIMIT 1")
    with store.unit_of_work() as uow:
        item_id = uow.insert("agenda_item", {"discussion_id": discussion_id, "position": 0, "kind": "opening",
                                             "title": "Opening en kennismaking", "minutes": 3})
        uow.audit("agendapunt toegevoegd", "agenda_item", item_id, "benchmark")
    saves: list[int] = []
    note, _change = services.meeting_mode.add_note(item_id)

    def save(text: str) -> None:
        saves.append(len(text))
        services.meeting_mode.save_note_text(note.id, text)

    save.count = lambda: len(saves)  # type: ignore[attr-defined]
    return save


def type_key(widget, char: str) -> None:
    """Press and release one key carrying ``char`` (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key = ord(char.upper()) if char.isascii() else Qt.Key.Key_unknown.value
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def longest_stall(text: str, save: Callable[[str], None] | None) -> float:
    """Type ``text`` and return the longest event-loop gap in milliseconds."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QPlainTextEdit

    editor = QPlainTextEdit()
    editor.resize(600, 300)
    editor.show()
    loop = QEventLoop()
    state = {"typed": 0, "dirty": False, "max_gap": 0.0}
    clock = QElapsedTimer()

    def on_key() -> None:
        if state["typed"] == len(text):
            key_timer.stop()
            autosave()
            loop.quit()
            return
        type_key(editor, text[state["typed"]])
        state["typed"] += 1
        state["dirty"] = True

    def autosave() -> None:
        if state["dirty"] and save is not None:
            save(editor.toPlainText())
        state["dirty"] = False

    def on_probe() -> None:
        state["max_gap"] = max(state["max_gap"], clock.nsecsElapsed() / 1e6)
        clock.restart()

    timers = []
    for interval, slot in ((KEY_INTERVAL_MS, on_key), (SAVE_INTERVAL_MS, autosave), (PROBE_INTERVAL_MS, on_probe)):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        timers.append(timer)
    key_timer = timers[0]
    clock.start()
    for timer in timers:
        timer.start()
    loop.exec()
    for timer in timers:
        timer.stop()
    if editor.toPlainText() != text:
        raise RuntimeError("the typed note differs from the text sent as keystrokes")
    editor.close()
    editor.deleteLater()
    return state["max_gap"]


def measure(ctx: Context) -> list[Result]:
    _app = qt_application()
    services = open_services(ctx)
    try:
        save = note_saver(services)
        result = Result("longest GUI stall typing a note", "ms", "same typing, no autosave", Target(50, "value", "ms"))
        text = TEXT if ctx.size == "full" else TEXT[:60]
        for _ in range(ctx.runs):
            result.baseline_samples.append(longest_stall(text, None))
            result.samples.append(longest_stall(text, save))
        result.note = (f"{len(text)} keys every {KEY_INTERVAL_MS} ms, autosave every {SAVE_INTERVAL_MS} ms "
                       f"({save.count()} saves in {ctx.runs} runs)")
        return [result]
    finally:
        services.close()
