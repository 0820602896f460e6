"""Folding text to its base letters, the way a Dutch reader compares names: ‘Anaïs’ is ‘anais’,
‘Łukasz’ starts with an L, ‘Şükrü’ with an S. Used for searching (storage) and sorting (ui)."""

from __future__ import annotations

import functools
import unicodedata

# Letters Unicode does not decompose into a base letter plus accent.
_NOT_DECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "þ": "th", "Þ": "TH",
})


@functools.lru_cache(maxsize=20_000)
def fold(text: str | None) -> str:
    """Case- and accent-free base letters of ``text`` (empty for None)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(text: str) -> str:
    """A key whose plain string order is alphabetical order for people; the original breaks ties."""
    return f"{fold(text)}\x00{text}"
