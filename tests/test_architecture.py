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
    """A migration's content never changes once released, so it may not depend on code that does.
    Migrations live in storage/schema.py and its siblings schema_*.py, which may import each other."""
    migration_modules = sorted((ROOT / "knooppunt" / "storage").glob("schema*.py"))
    siblings = {path.stem for path in migration_modules}
    assert "schema" in siblings
    for path in migration_modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                names = {node.module} if node.module else {alias.name for alias in node.names}
                assert node.level == 1 and names <= siblings, (path.name, names)
            elif isinstance(node, ast.ImportFrom):
                assert node.module in {"__future__", "sqlite_utils", "sqlite_utils.migrations", "hashlib", "json"}, \
                    (path.name, node.module)
            elif isinstance(node, ast.Import):
                assert {alias.name for alias in node.names} <= {"hashlib", "json"}, path.name


def test_the_architecture_page_names_every_folder_of_the_core_and_the_ui():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    folders = [f"{path.name}/" for top in ("knooppunt", "ui") for path in sorted((ROOT / top).iterdir())
               if path.is_dir() and (path / "__init__.py").is_file()]
    assert folders and [f for f in folders if f"  {f}" not in text] == []
