"""Sorting names the way a Dutch reader expects: Łukasz with the L, Şükrü with the S, Zoë last.

Plain string order puts every letter with a diacritic after ``z``. ``sort_key`` folds a text to
its base letters (also the letters Unicode does not decompose, such as ł, ı, ø, ß) and ignores
case, so tables and lists sort names alphabetically; the original text breaks ties.
"""

from __future__ import annotations

from knooppunt.text import sort_key

__all__ = ["sort_key"]
