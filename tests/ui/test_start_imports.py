"""The unlock dialog is the first thing a person sees: everything it needs is light, and the
services, the storage layer and the main window are imported only after it is on the screen."""

import subprocess
import sys

HEAVY = ("knooppunt.services.container", "knooppunt.storage", "sqlite_utils", "ui.main_window", "jinja2")


def test_the_unlock_dialog_needs_none_of_the_heavy_modules(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ui.app import create_application\n"
        "from ui import startup\n"
        "app = create_application(['knooppunt'])\n"
        f"dialog = startup.unlock_dialog(Path({str(tmp_path / 'knooppunt.db')!r}))\n"
        "dialog.show()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "startup.warm_up_imports()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}, check=False)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()[-2:]
    assert before == "[]"
    assert "ui.main_window" in after and "knooppunt.services.container" in after  # warmed while typing
