"""Nothing is lost: the app is killed (SIGKILL) while a note is typed; after restart everything
typed more than two seconds before the kill is there, and the meeting reopens where it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest

from knooppunt.composition import open_services
from knooppunt.domain.enums import AgendaKind, Attendance
from knooppunt.domain.meetings import Meeting
from tests.conftest import PASSPHRASE, TEST_KDF_ITER, TODAY
from tests.ui.typing_session import TEXT
from ui.hub import SignalHub
from ui.main_window import MainWindow

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
ROOT = Path(__file__).resolve().parents[2]
LOSS_ALLOWED = 2.0  # seconds of typing that may be lost


def _running_meeting(services, clock):
    location = services.locations.locations()[0]
    meeting, _ = services.planning.create_meeting(
        Meeting(None, location.id, TODAY + timedelta(days=1), clock_time(9), "Teamkamer", "Annelies Vermeulen"))
    zoe = next(v.child for v in services.children.children(location_id=location.id) if v.child.first_name == "Zoë")
    discussion, _ = services.planning.add_child(meeting.id, zoe.id)
    clock.now = datetime.combine(meeting.date, clock_time(9))  # chaired on the day itself
    services.meeting_mode.start(discussion.id)
    for p in services.meeting_mode.participants(discussion.id):
        services.meeting_mode.set_attendance(p.id, Attendance.PRESENT)
    concerns = next(i for i in services.meeting_mode.agenda(discussion.id) if i.kind == AgendaKind.CONCERNS)
    services.meeting_mode.go_to_item(discussion.id, concerns.id)
    return meeting, discussion, concerns


def test_killed_while_typing_loses_at_most_two_seconds_and_reopens_where_it_was(qtbot, demo_services, db_path, clock):
    meeting, discussion, concerns = _running_meeting(demo_services, clock)
    demo_services.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.typing_session", str(db_path), PASSPHRASE, str(TEST_KDF_ITER),
         str(meeting.id), str(discussion.id)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stamps: list[float] = []
    try:
        first = process.stdout.readline()
        assert first.startswith("note "), "the typing process did not start"
        note_id = int(first.split()[1])
        while len(stamps) < 150:  # about four and a half seconds of typing
            line = process.stdout.readline()
            assert line, "the typing process stopped by itself"
            stamps.append(float(line.split()[1]))
        process.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        stamps += [float(line.split()[1]) for line in process.stdout.read().splitlines() if line.strip()]
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    services = open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER, clock=clock)
    try:
        saved = next(n for n in services.meeting_mode.notes(concerns.id) if n.id == note_id).text
        must_have = sum(1 for stamp in stamps if stamp <= killed_at - LOSS_ALLOWED)
        assert must_have > 60
        assert TEXT.startswith(saved)
        assert len(saved) >= must_have, f"only {len(saved)} of {must_have} characters typed >2 s before the kill"
        # What was saved is in the (chained, untouched) audit log: the burst's first save at once,
        # the rest folded into its closing row when the database was opened again.
        saves = [e.detail for e in services.audit.for_record("note", note_id) if e.action == "notitie bijgewerkt"]
        assert saves and saves[-1].startswith(f"{len(saved)} tekens")
        assert services.audit.verify() is None

        window = MainWindow(services=services, hub=SignalHub(), database_path=db_path)
        qtbot.addWidget(window)
        window.show()
        page = window.pages[2]
        qtbot.waitUntil(lambda: page.meeting_window is not None)
        chair = page.meeting_window.chair
        assert chair.state.discussion.id == discussion.id
        assert chair.item_view.item.id == concerns.id
        assert [e.text() for e in chair.item_view.editors] == [saved]
        page.meeting_window.close()
    finally:
        services.close()
