"""One helper that finds templates, resources and the user's data folder, in a source
checkout, an installed package and a frozen (PyInstaller) bundle alike."""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

import platformdirs

APP_NAME = "Knooppunt"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    # Source checkout or editable install: templates/ and resources/ sit beside knooppunt/.
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "templates").is_dir():
        return checkout
    # An installed wheel: the data files went to <prefix>/share/knooppunt.
    return Path(sysconfig.get_path("data")) / "share" / "knooppunt"


def pyproject_file() -> Path | None:
    """The project's pyproject.toml in a source checkout; None in an installed or frozen program."""
    if getattr(sys, "_MEIPASS", None):
        return None
    candidate = _bundle_root() / "pyproject.toml"
    return candidate if candidate.is_file() else None


def templates_dir() -> Path:
    return _bundle_root() / "templates"


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def handbook_dir() -> Path:
    """The built-in handbook (F1): one plain Markdown file per chapter."""
    return resources_dir() / "handbook"


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Resource missing from this installation: {path}")
    return path


def qt_translations_fallback() -> Path | None:
    """Qt's own catalogs inside the installed PySide6 package (where a frozen bundle keeps them
    too), found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(folders[0]) / "Qt" / "translations" if folders else None


def user_data_dir() -> Path:
    """Where the user's database lives (never inside the program's own folder)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "knooppunt.db"


def log_file() -> Path:
    """The program's log (no personal data is logged, only events and errors)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "knooppunt.log"
