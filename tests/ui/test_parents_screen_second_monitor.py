"""With a second screen (a beamer), F5 puts the parents' screen full screen on it and the chair
keeps the keyboard. Runs in its own process: the screens are fixed when Qt starts."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from datetime import date, time, timedelta
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.app import create_application
from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo
from knooppunt.domain.enums import MeetingStatus
from ui.hub import SignalHub
from ui.meeting.meeting_window import MeetingWindow

app = create_application(["knooppunt"])
services = open_services(Path(sys.argv[1]), "correct paard batterij niet", create=True, kdf_iter=4000)
build_demo(services)
upcoming = next(v.meeting for v in services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
window = MeetingWindow(services=services, hub=SignalHub(), meeting_id=upcoming.id)
window.show()
window.activateWindow()
for _ in range(20):
    app.processEvents()
window.toggle_parents_screen()
for _ in range(20):
    app.processEvents()
screen = window.parents_screen
print("RESULT " + __import__("json").dumps({
    "screens": len(QApplication.screens()),
    "chair_on": window.screen().name(),
    "parents_on": screen.screen().name(),
    "full_screen": screen.isFullScreen(),
    "visible": screen.isVisible(),
    "active_is_chair": QApplication.activeWindow() is window,
}))
window.close()
services.close()
"""


def test_f5_with_a_beamer_shows_the_parents_screen_there_full_screen(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "beamer", "x": 1366, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96},
    ]}), encoding="utf-8")
    script = tmp_path / "second_screen.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "demo.db")], capture_output=True, text=True,
                          env=env, timeout=120, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))[7:])
    assert result["screens"] == 2
    assert result["chair_on"] == "laptop" and result["parents_on"] == "beamer"
    assert result["full_screen"] and result["visible"] and result["active_is_chair"]
