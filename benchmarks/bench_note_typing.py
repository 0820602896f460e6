"""Benchmark: typing a note in the meeting window on a database with 20,000 children.

Measures the longest GUI-thread stall while typing (target: under 50 ms) with a heartbeat
timer, and how long each autosave write takes. Run:

    .venv/bin/python benchmarks/bench_note_typing.py [--children 20000] [--keys 400]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from knooppunt.composition import open_services
from knooppunt.domain.enums import Visibility
from knooppunt.domain.meetings import Meeting
from knooppunt.services.demo import build_demo
from ui.hub import SignalHub
from ui.meeting import note_editor
from ui.meeting.meeting_window import MeetingWindow

TEXT = "Vader vertelt dat het slapen beter gaat en dat zij weer graag naar school gaat. "


def _fill(services, location_id: int, children: int) -> None:
    with services.store.unit_of_work() as uow:
        uow.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO child(location_id, first_name, last_name, date_of_birth, group_name) "
            "SELECT ?, 'Kind' || i, 'Achternaam' || (i % 997), '2017-03-01', 'groep ' || (1 + i % 8) FROM n",
            [children, location_id])
        uow.execute(
            "INSERT INTO guardian(child_id, name, relation) SELECT id, 'Ouder van ' || first_name, 'moeder' "
            "FROM child WHERE first_name LIKE 'Kind%'")
        uow.execute(
            "INSERT INTO agreement(child_id, owner_kind, owner_name, description) "
            "SELECT id, 'ouder', 'Ouder', 'Oefent thuis lezen' FROM child WHERE first_name LIKE 'Kind%'")
        uow.audit("benchmarkdata", "child", None, f"{children} kinderen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=20_000)
    parser.add_argument("--keys", type=int, default=400)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "bench.db", "benchmark wachtwoord", create=True, kdf_iter=4000)
        location_id = build_demo(services, today=date.today())
        _fill(services, location_id, args.children)
        meeting, _ = services.planning.create_meeting(Meeting(
            None, location_id, date.today() + timedelta(days=1), clock_time(9), "Teamkamer", "IB"))
        zoe = next(v.child for v in services.children.children(location_id=location_id, search="Zoë"))
        discussion, _ = services.planning.add_child(meeting.id, zoe.id)
        window = MeetingWindow(services=services, hub=SignalHub(), meeting_id=meeting.id)
        window.show()
        window.open_discussion(discussion.id)
        editor = window.chair.item_view.add_note(Visibility.SHARED)

        saves: list[float] = []
        real_save = services.meeting_mode.save_note_text

        def timed_save(note_id: int, text: str):
            start = time.perf_counter()
            try:
                return real_save(note_id, text)
            finally:
                saves.append((time.perf_counter() - start) * 1000)

        services.meeting_mode.save_note_text = timed_save  # type: ignore[method-assign]
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(beat)
        typed = [0]

        def type_one() -> None:
            if typed[0] >= args.keys:
                typer.stop()
                QTimer.singleShot(note_editor.AUTOSAVE_MS + 200, app.quit)
                return
            QTest.keyClicks(editor.editor, TEXT[typed[0] % len(TEXT)])
            typed[0] += 1

        typer = QTimer()
        typer.setInterval(35)
        typer.timeout.connect(type_one)
        heartbeat.start()
        typer.start()
        app.exec()
        heartbeat.stop()
        saved = services.meeting_mode.notes(editor.note.agenda_item_id)[0].text
        result = {
            "children": services.store.count("child"),
            "keys": args.keys,
            "longest_gui_stall_ms": round(max(gaps) - 2, 1),
            "p99_gap_ms": round(sorted(gaps)[int(len(gaps) * 0.99)], 1),
            "autosaves": len(saves),
            "longest_autosave_ms": round(max(saves), 1),
            "all_text_saved": len(saved) == args.keys,
        }
        window.close()
        services.close()
    print(json.dumps(result, indent=2))
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "note_typing.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
