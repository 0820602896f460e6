"""Writing an export file: all or nothing, and audited.

Every file Knooppunt writes for someone (PDF, CSV, vCard, .ics, overdrachtsdossier) goes through
:func:`write_export` or :class:`ExportFile`. The data goes to a temporary file in the same folder,
is flushed to disk and then replaces the target in one step (``os.replace``), inside the unit of
work that writes the audit entry. If anything fails, the temporary file is removed, the target
is untouched and the audit entry is rolled back: the user sees one Dutch message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from .errors import KnooppuntError
from .storage import Store

Writer = Callable[[IO[Any]], None]

_REASONS = {
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "de map bestaat niet",
    errno.EACCES: "u mag in die map niet schrijven",
    errno.EPERM: "u mag in die map niet schrijven",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EISDIR: "er staat een map met die naam",
}


class ExportFailed(KnooppuntError):
    """The export file could not be written; nothing was changed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Het bestand {path} kon niet worden opgeslagen: {reason}; er is niets veranderd.")
        self.path = path


def reason(exc: OSError) -> str:
    """A short Dutch reason for an operating-system error."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc))


def check_writable(path: Path) -> None:
    """Refuse early (before e.g. vaststellen) when the folder of ``path`` is missing or read-only."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportFailed(path, _REASONS[errno.EISDIR])
    if not folder.is_dir():
        raise ExportFailed(path, _REASONS[errno.ENOENT])
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportFailed(path, _REASONS[errno.EACCES])


class ExportFile:
    """A temporary file next to ``path``; :meth:`commit` audits and puts it in place.

    For exports written in steps (a long CSV): write to :attr:`file`, then ``commit`` or
    ``discard``. Cancelling removes only the temporary file; an existing target stays as it was.
    """

    def __init__(self, path: Path, *, encoding: str | None = None, newline: str | None = None) -> None:
        self.path = Path(path)
        self._temp: Path | None = None
        try:
            fd, name = tempfile.mkstemp(dir=self.path.parent if str(self.path.parent) else ".",
                                        prefix=f".{self.path.name}.", suffix=".tmp")
            self._temp = Path(name)
            if encoding is None:
                self.file: IO[Any] = os.fdopen(fd, "wb")
            else:
                self.file = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        except OSError as exc:
            self.discard()
            raise ExportFailed(self.path, reason(exc)) from exc

    @property
    def temp_path(self) -> Path | None:
        return self._temp

    def commit(self, store: Store, *, action: str, table: str, record_id: int | None, detail: str = "") -> None:
        """Flush to disk, write the audit entry and replace the target; all of it or none of it."""
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            with store.unit_of_work() as uow:
                uow.audit(action, table, record_id, detail)
                assert self._temp is not None
                os.replace(self._temp, self.path)
                self._temp = None
        except OSError as exc:
            raise ExportFailed(self.path, reason(exc)) from exc
        finally:
            self.discard()

    def finish_writing(self) -> None:
        """Flush the temporary file to disk and close it (for a caller that places several files
        in one unit of work with :meth:`place`)."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()

    def place(self) -> None:
        """Put the finished temporary file in place (``os.replace``); call inside the unit of work."""
        assert self._temp is not None
        os.replace(self._temp, self.path)
        self._temp = None

    def discard(self) -> None:
        """Close and remove the temporary file (the target is left alone)."""
        file = getattr(self, "file", None)
        if file is not None and not file.closed:
            with contextlib.suppress(OSError):
                file.close()
        if self._temp is not None:
            with contextlib.suppress(OSError):
                self._temp.unlink()
            self._temp = None


def write_export(store: Store, path: Path, data: bytes | Writer, *, action: str, table: str,
                 record_id: int | None, detail: str = "") -> None:
    """Write ``data`` (bytes, or a function writing to a binary file) to ``path`` with an audit entry.

    Raises :class:`ExportFailed` (a ``KnooppuntError``) when the file cannot be written; then
    no file, no temporary file and no audit entry is left behind.
    """
    export = ExportFile(path)
    try:
        if callable(data):
            data(export.file)
        else:
            export.file.write(data)
    except OSError as exc:
        export.discard()
        raise ExportFailed(export.path, reason(exc)) from exc
    except BaseException:
        export.discard()
        raise
    export.commit(store, action=action, table=table, record_id=record_id, detail=detail)
