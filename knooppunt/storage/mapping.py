"""Conversion between domain dataclasses and database rows (dates as ISO text, flags as 0/1)."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _base_type(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _to_python(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = _base_type(hint)
    if kind is bool:
        return bool(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is time:
        return time.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    return value


def to_db(value: Any) -> Any:
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
    hints = _hints(cls)
    values = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in row:
            values[field.name] = _to_python(hints[field.name], row[field.name])
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
