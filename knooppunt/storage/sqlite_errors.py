"""SQLite's failures that are not bugs, as the program's own errors with a Dutch message.

A damaged file, a full disk and a database another program holds are things that happen on a
school laptop; they must reach the user as a message that says what to do, never as a crash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3

from ..errors import DatabaseBusy, DatabaseDamaged, DatabaseUnavailable, DiskFull, KnooppuntError

# SQLite's messages for its result codes (sqlite3.c, sqlite3ErrStr); the codes are not exposed.
_DAMAGED = ("database disk image is malformed", "file is not a database", "file is encrypted or is not a database")
_FULL = ("database or disk is full",)
_BUSY = ("database is locked", "database table is locked", "database schema is locked")
_READONLY = ("attempt to write a readonly database", "readonly database")
_IO = ("disk I/O error",)


def translated(exc: sqlcipher3.Error, path: Path | None, *, writing: bool = False) -> KnooppuntError | None:
    """Our error for one of SQLite's expected failures, or None (then it is a bug)."""
    text = str(exc)
    if any(m in text for m in _DAMAGED):
        return DatabaseDamaged(path, exc)
    if any(m in text for m in _FULL):
        return DiskFull()
    if any(m in text for m in _BUSY):
        return DatabaseBusy(writing=writing)
    if any(m in text for m in _READONLY):
        return DatabaseUnavailable("De database is alleen-lezen (schrijfbeveiligd bestand of schijf); "
                                   "er is niets opgeslagen.")
    if any(m in text for m in _IO):
        return DatabaseUnavailable("De schijf met de database gaf een leesfout (losgekoppeld of defect?). "
                                   "Er is niets opgeslagen; controleer de schijf en probeer het opnieuw.")
    return None


@contextlib.contextmanager
def mapped(path: Callable[[], Path | None], *, writing: bool = False) -> Iterator[None]:
    """Run a read or write; SQLite's expected failures come out as ``KnooppuntError``."""
    try:
        yield
    except sqlcipher3.IntegrityError:
        raise
    except sqlcipher3.DatabaseError as exc:
        error = translated(exc, path(), writing=writing)
        if error is None:
            raise
        raise error from exc
    except MemoryError as exc:
        # SQLite answers some damage (a record whose length field was hit) with "out of memory".
        raise DatabaseDamaged(path(), "SQLite kon een beschadigde regel niet lezen") from exc
