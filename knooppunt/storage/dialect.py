"""The few SQL fragments that differ between SQLite and PostgreSQL, asked for by the services.

Services write standard SQL with ``?`` placeholders (the store converts them per backend) and
ask ``store.sql`` for what has no standard spelling: case-insensitive comparison and order,
accent-folded search, dates stored as ISO text, string aggregation, the search indexes.
Each method returns an SQL expression (text); an argument ``expr`` is an expression too
(a column, ``?``), never a value.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from .folding import search_text


class Dialect(ABC):
    name: str

    @abstractmethod
    def nocase(self, expr: str) -> str:
        """``expr`` compared and ordered without regard to (ASCII) case: ``nocase('name') = nocase('?')``."""

    @abstractmethod
    def fold(self, expr: str) -> str:
        """``expr`` case- and accent-free (``kp_fold``): ‘Anaïs’ becomes ‘anais’."""

    @abstractmethod
    def contains(self, haystack: str, needle: str) -> str:
        """True when the text ``needle`` occurs in ``haystack`` (no pattern characters)."""

    @abstractmethod
    def year(self, day: str) -> str:
        """The year (an integer) of an ISO date or timestamp stored as text."""

    @abstractmethod
    def days_between(self, later: str, earlier: str) -> str:
        """The number of days from the ISO date ``earlier`` to ``later``."""

    @abstractmethod
    def add_days(self, day: str, days: str) -> str:
        """The ISO date ``days`` (an integer expression) after the ISO date ``day``."""

    @abstractmethod
    def dmy(self, day: str) -> str:
        """An ISO date as ``dd-mm-jjjj`` text (what a Dutch user types in a search box)."""

    @abstractmethod
    def joined(self, expr: str, separator: str) -> str:
        """The aggregate of the group's ``expr`` values joined by ``separator`` (a plain string)."""

    @abstractmethod
    def distinct_from(self, left: str, right: str) -> str:
        """``left`` differs from ``right``, NULL counted as a value (NULL differs from 1, not from NULL)."""

    @abstractmethod
    def indexed_by(self, index: str) -> str:
        """A hint after a table (and its alias) to use ``index``; empty where the planner takes no hints."""

    @abstractmethod
    def search_index(self, index: str, columns: tuple[str, ...], text: str) -> tuple[str, list[str]]:
        """``SELECT`` of the ids of the rows whose folded ``columns`` in the search ``index``
        (``child_search``, ``agreement_search``) contain ``text``, with its parameters."""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class SqliteDialect(Dialect):
    name = "sqlite"

    def nocase(self, expr: str) -> str:
        return f"{expr} COLLATE NOCASE"

    def fold(self, expr: str) -> str:
        return f"kp_fold({expr})"  # registered on every connection (storage/folding.py)

    def contains(self, haystack: str, needle: str) -> str:
        return f"instr({haystack}, {needle}) > 0"

    def year(self, day: str) -> str:
        return f"CAST(strftime('%Y', {day}) AS INTEGER)"

    def days_between(self, later: str, earlier: str) -> str:
        return f"(julianday({later}) - julianday({earlier}))"

    def add_days(self, day: str, days: str) -> str:
        return f"date({day}, '+' || ({days}) || ' days')"

    def dmy(self, day: str) -> str:
        return f"strftime('%d-%m-%Y', {day})"

    def joined(self, expr: str, separator: str) -> str:
        return f"group_concat({expr}, {_literal(separator)})"

    def distinct_from(self, left: str, right: str) -> str:
        return f"{left} IS NOT {right}"

    def indexed_by(self, index: str) -> str:
        return f" INDEXED BY {index}"

    def search_index(self, index: str, columns: tuple[str, ...], text: str) -> tuple[str, list[str]]:
        # FTS5 trigram indexes of folded text (migration 0008): from three letters a phrase query
        # uses the index; one or two letters are looked up in the index's own (short) text.
        folded = search_text(text)
        if len(folded) >= 3:
            return f"SELECT rowid FROM {index} WHERE {index} MATCH ?", ['"' + folded.replace('"', '""') + '"']
        return (f"SELECT rowid FROM {index} WHERE " + " OR ".join(f"instr({c}, ?) > 0" for c in columns),
                [folded] * len(columns))
