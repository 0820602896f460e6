"""The SQL dialect stays inside storage/: services, documents, the CLI, backups and the
composition root write standard SQL and ask the store for the rest (storage/dialect.py).

A construct that only SQLite understands, found in the SQL text of those packages, fails this
test with the place and what to ask the store instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "knooppunt" / name for name in ("services", "documents", "cli", "backup")]
SCANNED_FILES = [ROOT / "knooppunt" / "composition.py"]

# (pattern, what to use instead). Matched against every string literal (docstrings left out).
SQLITE_ONLY = [
    (r"COLLATE\s+NOCASE", "store.sql.nocase(column)"),
    (r"\bkp_fold\s*\(", "store.sql.fold(column)"),
    (r"\b(strftime|julianday)\s*\(", "store.sql.year / days_between / dmy"),
    (r"\b(date|datetime)\s*\(\s*(\?|'|[a-z_]+\.)", "store.sql.add_days, or compute the date in Python"),
    (r"\bPRAGMA\b", "a Store method"),
    (r"\bsqlite_(master|schema|sequence)\b", "store.tables() / store.columns(table)"),
    (r"\bINSERT\s+OR\s+(IGNORE|REPLACE)\b", "uow.insert_ignore, or INSERT … ON CONFLICT"),
    (r"\bgroup_concat\s*\(", "store.sql.joined(expr, separator)"),
    (r"\b(ifnull|iif|instr)\s*\(", "coalesce / CASE / store.sql.contains"),
    (r"\bIS\s+NOT\s+\?", "store.sql.distinct_from(column, '?')"),
    (r"\bMATCH\b|\browid\b", "store.sql.search_index(...)"),
    (r"\bINDEXED\s+BY\b", "store.sql.indexed_by(index)"),
]
# In SQL text only (a Dutch message may well hold square brackets).
SQL_TEXT = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|ORDER BY)\b")
BRACKET_QUOTING = re.compile(r"\[[A-Za-z_]\w*\]")


def _sqlite_object(node: ast.Attribute) -> bool:
    """``store.db`` (sqlite-utils' Database, its ``conn``) or ``last_pk``: storage's own objects."""
    owner = node.value
    owner_name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
    return node.attr in ("last_pk", "_db") or (node.attr in ("db", "conn") and owner_name.endswith("store"))


def _files() -> list[Path]:
    return [*SCANNED_FILES, *(p for folder in SCANNED for p in sorted(folder.rglob("*.py")))]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def offences(source: str, name: str) -> list[str]:
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            for pattern, instead in SQLITE_ONLY:
                if re.search(pattern, node.value, re.IGNORECASE):
                    found.append(f"{name}:{node.lineno}: {pattern!r} — use {instead}")
            if SQL_TEXT.search(node.value) and BRACKET_QUOTING.search(node.value):
                found.append(f'{name}:{node.lineno}: [name] quoting — use "name" where a name needs quoting')
        elif isinstance(node, ast.JoinedStr):  # an f-string: its parts joined, each value as X
            text = "".join(part.value if isinstance(part, ast.Constant) else "X" for part in node.values)
            if SQL_TEXT.search(text) and BRACKET_QUOTING.search(text):
                found.append(f'{name}:{node.lineno}: [name] quoting — use "name" where a name needs quoting')
        elif isinstance(node, ast.Attribute) and _sqlite_object(node):
            found.append(f"{name}:{node.lineno}: .{node.attr} — SQLite's own object; ask the store")
    return found


def test_services_documents_cli_and_backup_write_no_sqlite_only_sql():
    found = [o for path in _files() for o in offences(path.read_text(encoding="utf-8"),
                                                       str(path.relative_to(ROOT)))]
    assert found == []


def test_the_guard_sees_what_it_guards_against():
    sqlite_only = '''
def names(store):
    """Names (COLLATE NOCASE in a docstring is fine)."""
    store.query("SELECT name FROM child ORDER BY name COLLATE NOCASE")
    store.query(f"SELECT kp_fold(name), strftime('%Y', day) FROM [child] WHERE id IS NOT ?")
    store.query(f"SELECT name FROM [{table}] WHERE id = ?")
    store.db.execute("INSERT OR IGNORE INTO x (a) VALUES (1)")
'''
    found = "\n".join(offences(sqlite_only, "x.py"))
    for what in ("NOCASE", "kp_fold", "strftime", "[name] quoting", "IS", ".db", "INSERT", "x.py:6: [name]"):
        assert what in found
    assert "x.py:3" not in found  # the docstring
    standard = 'store.query(f"SELECT name FROM child ORDER BY {store.sql.nocase(\'name\')}")'
    assert offences(standard, "y.py") == []
