"""Working on the organisation's server: where it is, kept in the user's data folder (no password).

``server.json`` beside the local database (paths.user_data_dir), readable and writable by the user
only. Its presence is what makes the program start on the server; without it the program opens
no network connection at all. The password is in the system's keyring when the user asked for
that (credentials.py), else it is asked at every start.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .errors import KnooppuntError

# The server's driver and the keyring are imported when used: a laptop on its own file loads
# neither (start-up time), and reading this file must not need them.
if TYPE_CHECKING:
    from .storage.postgres.connection import ServerAddress

__all__ = ["DEFAULT_DATABASE", "DEFAULT_PORT", "TeamSettings", "load", "save", "settings_file"]

FILE_NAME = "server.json"
DEFAULT_PORT = 5432  # as storage/postgres/connection.py
DEFAULT_DATABASE = "knooppunt"


@dataclass(frozen=True)
class TeamSettings:
    """Verbinden met de server van mijn organisatie: address, user, CA file, and whether the
    password is kept in the keyring."""

    host: str
    user: str
    ca_file: Path
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    remember_password: bool = False

    @property
    def address(self) -> ServerAddress:
        from .storage.postgres.connection import ServerAddress

        return ServerAddress(host=self.host, user=self.user, port=self.port, database=self.database,
                             ca_file=self.ca_file)

    def describe(self) -> str:
        """``Verbonden met <server> als <gebruiker>`` in the status bar."""
        where = self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"
        return f"Verbonden met {where} als {self.user}"

    def stored_password(self) -> str | None:
        from .storage.postgres import credentials

        return credentials.stored_password(self.address) if self.remember_password else None

    def keep_password(self, password: str) -> bool:
        """In the keyring when asked for (False: there is no keyring), else any old one forgotten."""
        from .storage.postgres import credentials

        if self.remember_password:
            return credentials.store_password(self.address, password)
        import keyring
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):  # nothing kept, or no keyring: nothing to forget
            keyring.delete_password(credentials.SERVICE, self.address.describe())
        return True


def settings_file(folder: Path | None = None) -> Path:
    return (folder or paths.user_data_dir()) / FILE_NAME


def load(folder: Path | None = None) -> TeamSettings | None:
    """The server settings, or None when the program works on a local database."""
    path = settings_file(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return TeamSettings(host=str(data["host"]), user=str(data["user"]), ca_file=Path(data["ca_file"]),
                            port=int(data.get("port", DEFAULT_PORT)),
                            database=str(data.get("database", DEFAULT_DATABASE)),
                            remember_password=bool(data.get("remember_password", False)))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KnooppuntError(f"De serverinstellingen in {path} zijn niet te lezen ({exc}). Verwijder het "
                             "bestand en richt de verbinding opnieuw in.") from exc


def save(settings: TeamSettings, folder: Path | None = None) -> Path:
    """Write ``server.json`` whole or not at all, readable only by this user (0600, folder 0700)."""
    path = settings_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"kind": "server", "host": settings.host, "port": settings.port, "database": settings.database,
            "user": settings.user, "ca_file": str(settings.ca_file),
            "remember_password": settings.remember_password}
    handle, temporary = tempfile.mkstemp(prefix=".server-", dir=path.parent)  # mkstemp: mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise KnooppuntError(f"De serverinstellingen konden niet worden opgeslagen in {path} ({exc}).") from exc
    return path
