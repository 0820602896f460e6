"""``kp_fold(text)`` in SQL: case- and accent-insensitive matching (‘anais’ finds ‘Anaïs’, ‘celik’ ‘Çelik’).

SQLite's own LIKE only folds ASCII letters; Dutch directories are full of names that are not.
"""

from __future__ import annotations

from sqlite_utils import Database

from ..text import fold

__all__ = ["fold", "like_contains", "register_fold", "search_text"]


def register_fold(db: Database) -> None:
    db.register_function(fold, name="kp_fold", deterministic=True, replace=True)


def like_contains(text: str) -> str:
    """A LIKE pattern for "contains ``text``" in which ``%``, ``_`` and ``\\`` match only themselves.
    Use it with ``LIKE ? ESCAPE '\\'``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_text(text: str) -> str:
    """What a search box's text is compared as: folded, with single spaces."""
    return " ".join(fold(text).split())
