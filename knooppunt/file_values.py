"""Values read from a file someone gave us (JSON): checked before use, with a Dutch reason.

JSON allows ``1e400`` (infinity in Python), ``NaN``, ``true`` where a number belongs and integers
of thousands of digits; none of these may reach ``int()`` or the database unchecked. Each
function returns the clean value or raises ``ValueError`` with a Dutch message for one field.
"""

from __future__ import annotations

import json
import math
from typing import Any

# Python refuses integers over 4,300 digits with a ValueError; no field of ours needs 20.
_MAX_DIGITS = 20


def loads(text: str) -> Any:
    """``json.loads`` whose every failure (syntax, nesting, a giant number) is a ``ValueError``."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise ValueError("te diep genest") from None


def _parse_int(digits: str) -> int | float:
    # As a float it is only compared and reported (1.2e+29, or inf past ~309 digits).
    return float(digits) if len(digits.lstrip("-")) > _MAX_DIGITS else int(digits)


def whole_number(value: Any, label: str, low: int, high: int) -> int:
    """An integer from ``low`` to ``high``; ``6.0`` counts, ``6.5``, ``true``, ``"6"``, NaN and ∞ do not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{label} moet een heel getal van {low} tot en met {high} zijn, geen {_kind(value)}.")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise ValueError(f"{label} moet een heel getal van {low} tot en met {high} zijn, geen {_kind(value)}.")
    if not low <= value <= high:
        raise ValueError(f"{label} moet tussen {low} en {high} liggen (het bestand zegt {_short(value)}).")
    return int(value)


def text(value: Any, label: str, *, limit: int, required: bool = False) -> str:
    """Text (``null`` is empty), at most ``limit`` characters; a number or list is refused."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(f"{label} moet tekst zijn, geen {_kind(value)}.")
    cleaned: str = value.replace("\x00", "").strip()
    if required and not cleaned:
        raise ValueError(f"{label} ontbreekt.")
    if len(cleaned) > limit:
        raise ValueError(f"{label} is te lang ({len(cleaned):,} tekens; hoogstens {limit:,}).".replace(",", "."))
    return cleaned


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, float) and math.isnan(value):
        return "NaN (geen getal)"
    if isinstance(value, float) and math.isinf(value):
        return "oneindig groot getal"
    if isinstance(value, float):
        return f"kommagetal ({_short(value)})"
    if isinstance(value, int):
        return f"getal ({_short(value)})"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "groep van velden"
    return "lege waarde" if value is None else "onbekende waarde"


def _short(value: int | float) -> str:
    shown = repr(value)
    return shown if len(shown) <= 20 else shown[:19] + "…"
