"""Dates in Dutch words, through Babel (imported on first use: it is slow to import)."""

from __future__ import annotations

from datetime import date, datetime


def dutch_date(value: date | datetime | None, style: str = "full") -> str:
    """``maandag 23 november 2026`` (full), ``23 november 2026`` (long), or a Babel pattern such as
    ``EEEE d MMMM`` (``maandag 23 november``); empty for None."""
    if value is None:
        return ""
    from babel.dates import format_date

    return format_date(value, format=style, locale="nl")
