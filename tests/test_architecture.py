"""The layering contracts of pyproject.toml (import-linter), run as part of the test command,
and the seams they cannot see."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_layers_and_the_forbidden_and_protected_imports_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_the_ui_never_reaches_into_the_store():
    """Clock and actor come from the services (the composition root), not from storage."""
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "ui").rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.store\b", line)]
    assert offenders == []


def test_migrations_import_no_live_code():
    """A migration's content never changes once released, so it may not depend on code that does."""
    tree = ast.parse((ROOT / "knooppunt" / "storage" / "schema.py").read_text(encoding="utf-8"))
    imported = {node.module if isinstance(node, ast.ImportFrom) else alias.name
                for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names}
    relative = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level]
    assert relative == []
    assert imported <= {"__future__", "sqlite_utils", "sqlite_utils.migrations"}, imported


def test_the_architecture_page_names_every_folder_of_the_core_and_the_ui():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    folders = [f"{path.name}/" for top in ("knooppunt", "ui") for path in sorted((ROOT / top).iterdir())
               if path.is_dir() and (path / "__init__.py").is_file()]
    assert folders and [f for f in folders if f"  {f}" not in text] == []
