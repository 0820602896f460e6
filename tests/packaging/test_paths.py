"""Templates and resources are found through knooppunt.paths alone, in a source checkout and in a
frozen bundle; the user's data never lives inside the program's folder."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from knooppunt import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen(tmp_path, monkeypatch) -> Path:
    """Pretend to run inside a PyInstaller bundle whose files live in tmp_path/_internal."""
    bundle = tmp_path / "_internal"
    (bundle / "resources").mkdir(parents=True)
    (bundle / "resources" / "style.qss").write_text("QWidget {}", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_source_checkout_finds_its_own_folders():
    assert paths.templates_dir() == ROOT / "templates"
    assert paths.resource("style.qss") == ROOT / "resources" / "style.qss"
    assert paths.pyproject_file() == ROOT / "pyproject.toml"


def test_frozen_program_finds_files_in_the_bundle(frozen):
    assert paths.templates_dir() == frozen / "templates"
    assert paths.resource("style.qss") == frozen / "resources" / "style.qss"
    assert paths.pyproject_file() is None
    with pytest.raises(FileNotFoundError, match="knooppunt.svg"):
        paths.resource("icons", "knooppunt.svg")


def test_frozen_program_keeps_the_database_in_the_user_data_folder(frozen):
    database = paths.default_database_path()
    assert database.parent == Path(platformdirs.user_data_dir("Knooppunt", appauthor=False))
    assert frozen.parent not in database.parents


def test_no_module_but_paths_locates_files_by_its_own_location():
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("knooppunt", "ui")
        for path in (ROOT / package).rglob("*.py")
        if "__file__" in path.read_text(encoding="utf-8") and path != ROOT / "knooppunt" / "paths.py"
    ]
    assert offenders == [], "use knooppunt.paths (templates_dir, resource) instead of __file__"


def test_an_installed_wheel_finds_its_data_under_share_knooppunt(monkeypatch, tmp_path):
    from knooppunt import paths

    monkeypatch.delattr("sys._MEIPASS", raising=False)
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "site-packages" / "knooppunt" / "paths.py"))
    monkeypatch.setattr(paths.sysconfig, "get_path", lambda name: str(tmp_path / "venv"))
    assert paths.templates_dir() == tmp_path / "venv" / "share" / "knooppunt" / "templates"
    assert paths.resources_dir() == tmp_path / "venv" / "share" / "knooppunt" / "resources"
