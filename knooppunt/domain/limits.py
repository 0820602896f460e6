"""How long free text may be, per kind of field, and the one check that enforces it.

The limits are far above what a meeting needs (a page of notes is ~3,000 characters) and low
enough that every document still renders in seconds. Longer material belongs in a document
of its own, kept in the school's file system, with a reference in the note.
"""

from __future__ import annotations

from ..errors import ValidationError

NAME_MAX = 200  # names, roles, organisations, places
LINE_MAX = 1_000  # one line of detail: function, availability, address, reason, owner
TEXT_MAX = 5_000  # a decision, an agreement, a mandate, a case field
NOTE_MAX = 20_000  # a meeting note (about seven pages)

_ADVICE = ("Zet lange stukken in een apart document (bijvoorbeeld in het leerlingdossier) en verwijs "
           "daar hier kort naar.")


def check_length(field: str, value: str, limit: int, label: str) -> str:
    """``value`` unchanged, or ``ValidationError(field, …)`` when it is longer than ``limit``."""
    if len(value) > limit:
        raise ValidationError(field, too_long(label, len(value), limit))
    return value


def too_long(label: str, length: int, limit: int) -> str:
    return (f"{label} is te lang: {_n(length)} tekens, hoogstens {_n(limit)}. {_ADVICE}")


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def check_fields(record: object, spec: dict[str, tuple[int, str]]) -> None:
    """Check several text attributes of ``record``: ``{field: (limit, Dutch label)}``."""
    for field, (limit, label) in spec.items():
        value = getattr(record, field, "")
        if isinstance(value, str):
            check_length(field, value, limit, label)
