"""Sorting names the way a Dutch reader expects: Łukasz with the L, Şükrü with the S, Zoë last.

Plain string order puts every letter with a diacritic after ``z``. ``sort_key`` folds a text to
its base letters (also the letters Unicode does not decompose, such as ł, ı, ø, ß) and ignores
case, so tables and lists sort names alphabetically; the original text breaks ties.
"""

from __future__ import annotations

import unicodedata

_NOT_DECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "þ": "th", "Þ": "TH",
})


def sort_key(text: str) -> str:
    """A key whose plain string order is alphabetical order for people: ``sorted(names, key=sort_key)``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return f"{base}\x00{text}"
