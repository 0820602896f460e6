"""Before the first window: a missing system library for Qt's xcb plugin is one Dutch line, not a core dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import app, platform_check

X11 = {"DISPLAY": ":0"}
MISSING = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}  # what a clean Debian 12 lacked


def _without(missing: set[str]):
    return lambda name: name not in missing


def test_missing_libraries_are_named_with_the_apt_line_that_installs_them():
    message = platform_check.problem(X11, loads=_without(MISSING))
    assert message == ("Knooppunt kan geen venster openen: deze systeembibliotheken voor Qt ontbreken: "
                       "libxcb-icccm.so.4, libxcb-keysyms.so.1. Installeer ze met: "
                       "sudo apt install libxcb-icccm4 libxcb-keysyms1")
    assert "\n" not in message


def test_all_libraries_present_and_a_display_is_no_problem():
    assert platform_check.problem(X11, loads=lambda name: True) is None


def test_a_plugin_that_still_cannot_load_names_the_full_install_line(tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    message = platform_check.problem(X11, loads=lambda name: name != str(plugin), plugin=plugin)
    assert message and message.endswith(platform_check.APT_LINE)


def test_no_display_is_said_in_dutch():
    assert "geen beeldscherm" in platform_check.problem({}, loads=lambda name: True)


@pytest.mark.parametrize("environ", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"},
                                     {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}])
def test_other_platforms_are_not_checked(environ):
    assert platform_check.problem(environ, loads=lambda name: False) is None


def test_the_program_exits_with_the_dutch_line_before_creating_the_application(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(platform_check, "_loads", _without(MISSING))
    monkeypatch.setattr(app, "create_application", lambda argv: pytest.fail("Qt must not be started"))
    assert app.main(["--demo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sudo apt install libxcb-icccm4 libxcb-keysyms1" in err


def test_the_readme_install_line_is_the_one_the_program_gives():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert platform_check.APT_LINE in readme
