"""The SQL fragments of storage/dialect.py as PostgreSQL spells them, and ``?`` → ``%s``.

Values keep SQLite's forms on the server (schema.py): dates as ISO text, yes/no as 0/1, so the
date fragments cast the text to ``date`` where they compute with it."""

from __future__ import annotations

from ..dialect import Dialect, _literal
from ..folding import like_contains, search_text

# The search indexes of SQLite (FTS5 tables) as the server answers them: the folded columns,
# served by pg_trgm indexes (schema_extras.py). index -> (table, {index column: folded expression}).
_SEARCH = {
    "child_search": ("child", {"name": "search_name"}),
    "agreement_search": ("agreement", {"description": "public.kp_fold(description)",
                                       "owner": "public.kp_fold(owner_name)"}),
}


class PostgresDialect(Dialect):
    name = "postgresql"

    def nocase(self, expr: str) -> str:
        return f"lower({expr})"

    def fold(self, expr: str) -> str:
        return f"public.kp_fold({expr})"

    def contains(self, haystack: str, needle: str) -> str:
        return f"strpos({haystack}, {needle}) > 0"

    def year(self, day: str) -> str:
        return f"CAST(substr({day}, 1, 4) AS integer)"

    def days_between(self, later: str, earlier: str) -> str:
        return f"(CAST({later} AS date) - CAST({earlier} AS date))"

    def add_days(self, day: str, days: str) -> str:
        return f"to_char(CAST({day} AS date) + CAST({days} AS integer), 'YYYY-MM-DD')"

    def dmy(self, day: str) -> str:
        return f"to_char(CAST({day} AS date), 'DD-MM-YYYY')"

    def joined(self, expr: str, separator: str) -> str:
        return f"string_agg({expr}, {_literal(separator)})"

    def distinct_from(self, left: str, right: str) -> str:
        return f"{left} IS DISTINCT FROM {right}"

    def indexed_by(self, index: str) -> str:
        return ""  # PostgreSQL's planner takes no hints

    def search_index(self, index: str, columns: tuple[str, ...], text: str) -> tuple[str, list[str]]:
        table, folded = _SEARCH[index]
        pattern = like_contains(search_text(text))
        return (f"SELECT id FROM {table} WHERE " + " OR ".join(f"{folded[c]} LIKE ? ESCAPE '\\'" for c in columns),
                [pattern] * len(columns))


def pyformat(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``); a ``?`` inside a
    quoted string or name stays what it is."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if quote:
            if char == quote:
                quote = ""
        elif char in ("'", '"'):
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append("%%" if char == "%" else char)
    return "".join(out)
