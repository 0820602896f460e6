"""Before the first window on Linux: can Qt's xcb platform plugin load?

When a system library of the plugin is missing, Qt prints an English hint and aborts the process
(exit 134, a core dump). We check first, with the dynamic loader itself (``ctypes``), and say in
one Dutch line what to install. The list is what PySide6's ``libqxcb.so`` and
``libQt6XcbQpa.so.6`` need (``ldd``), with the Debian/Ubuntu package of each library.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# soname → Debian/Ubuntu package (same names in Ubuntu 22.04/24.04 and Debian 12).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
APT_LINE = "sudo apt install " + " ".join(dict.fromkeys(XCB_LIBRARIES.values()))


def _loads(name: str) -> bool:
    # A frozen bundle may carry its own copy (PyInstaller puts it beside the program).
    bundled = Path(getattr(sys, "_MEIPASS", "")) / name
    if getattr(sys, "frozen", False) and bundled.is_file():
        name = str(bundled)
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Will Qt pick the xcb plugin? Only on Linux, and not when another platform is asked for or
    a Wayland session lets Qt use its Wayland plugin."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def problem(environ: Mapping[str, str] | None = None, *, loads: Callable[[str], bool] = _loads,
            plugin: Path | None = None) -> str | None:
    """One Dutch line saying what is missing and what to install; None when the plugin can load."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ):
        return None
    missing = [name for name in XCB_LIBRARIES if not loads(name)]
    if missing:
        packages = " ".join(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
        return (f"Knooppunt kan geen venster openen: deze systeembibliotheken voor Qt ontbreken: "
                f"{', '.join(missing)}. Installeer ze met: sudo apt install {packages}")
    if plugin is not None and plugin.is_file() and not loads(str(plugin)):
        return (f"Knooppunt kan geen venster openen: Qt's xcb-plugin laadt niet ({plugin.name}). Installeer de "
                f"systeembibliotheken met: {APT_LINE}")
    if not environ.get("DISPLAY"):
        return ("Knooppunt kan geen venster openen: er is geen beeldscherm (DISPLAY is niet gezet). Start het "
                "programma vanuit een grafische sessie.")
    return None


def xcb_plugin() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
