"""The program's version is the one in pyproject.toml, also in a source checkout."""

import tomllib
from pathlib import Path

import knooppunt

ROOT = Path(__file__).resolve().parents[2]


def test_version_comes_from_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert knooppunt.__version__ == project["version"]
