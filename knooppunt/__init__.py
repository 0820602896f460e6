"""Knooppunt: de kern (domein, opslag, diensten, documenten). Importeert nooit Qt."""

from __future__ import annotations


def _read_version() -> str:
    """The version in pyproject.toml: read directly in a source checkout (so it is never stale
    after an edit), else from the installed package's metadata (wheel, frozen bundle)."""
    from knooppunt.paths import pyproject_file

    pyproject = pyproject_file()
    if pyproject is not None:
        import tomllib

        try:
            project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        except (OSError, tomllib.TOMLDecodeError):
            project = {}
        if project.get("name") == "knooppunt" and "version" in project:
            return str(project["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("knooppunt")
    except PackageNotFoundError:
        return "0+onbekend"


__version__ = _read_version()
