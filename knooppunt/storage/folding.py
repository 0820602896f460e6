"""``kp_fold(text)`` in SQL: case- and accent-insensitive matching (‘anais’ finds ‘Anaïs’, ‘celik’ ‘Çelik’).

SQLite's own LIKE only folds ASCII letters; Dutch directories are full of names that are not.
"""

from __future__ import annotations

import functools
import unicodedata

from sqlite_utils import Database

_EXTRA = str.maketrans({"ł": "l", "ı": "i", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


@functools.lru_cache(maxsize=20_000)
def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_EXTRA)


def register_fold(db: Database) -> None:
    db.register_function(fold, name="kp_fold", deterministic=True, replace=True)


def like_contains(text: str) -> str:
    """A LIKE pattern for "contains ``text``" in which ``%``, ``_`` and ``\\`` match only themselves.
    Use it with ``LIKE ? ESCAPE '\\'``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
