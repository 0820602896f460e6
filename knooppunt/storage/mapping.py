"""Conversion between domain dataclasses and database rows (dates as ISO text, flags as 0/1)."""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


def _base_type(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """How a stored value becomes the field's Python value (None: it is stored as it is)."""
    kind = _base_type(hint)
    if kind is bool:
        return bool
    if kind is datetime:
        return datetime.fromisoformat
    if kind is date:
        return date.fromisoformat
    if kind is time:
        return time.fromisoformat
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    return None


@functools.cache
def _converters(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    # Worked out once per class: type hints are slow to inspect, and lists load many rows.
    hints = typing.get_type_hints(cls)
    return tuple((field.name, _converter(hints[field.name])) for field in dataclasses.fields(cls))


# What no text value is stored with, on either backend: control characters but tab, LF and CR
# (PostgreSQL text cannot hold NUL; XML and so the documents hold none of them), U+FFFE/U+FFFF
# and lone surrogates. Dropped on the way in, so a file and the server keep the same text.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def storable(text: str) -> str:
    return UNSTORABLE.sub("", text) if UNSTORABLE.search(text) else text


def to_db(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    values = {}
    plain: type = cls  # a class is hashable; mypy does not see it for type[T]
    for name, convert in _converters(plain):
        if name in row:
            value = row[name]
            values[name] = value if value is None or convert is None else convert(value)
    return cls(**values)


def to_row(obj: Any, *, keep_id: bool = False) -> dict[str, Any]:
    """Columns of a dataclass; tuple fields (link tables) and a ``None`` id are left out."""
    row = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if isinstance(value, tuple):
            continue
        if field.name == "id" and value is None and not keep_id:
            continue
        row[field.name] = to_db(value)
    return row
