"""Where the organisation's server is, and connecting to it: always TLS with the certificate checked.

``sslmode=verify-full``: the connection is encrypted and the server must show a certificate for
its own host name, signed by the given CA file (or, without one, by a CA the system trusts). There
is no setting that connects without TLS; the server refuses such connections as well
(packaging/server/pg_hba.conf).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import make_conninfo

from ...errors import KnooppuntError

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "knooppunt"
CONNECT_SECONDS = 10
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class ServerUnavailable(KnooppuntError):
    """The server cannot be reached, refused the login, or its certificate does not hold."""


def check_name(name: str, what: str) -> str:
    """A role or database name as the server scripts expect it: lower case letters, digits, _."""
    if not _NAME.match(name):
        raise KnooppuntError(f"‘{name}’ is geen geldige {what}: gebruik kleine letters, cijfers en _, "
                             "en begin met een letter (hoogstens 63 tekens).")
    return name


@dataclass(frozen=True)
class ServerAddress:
    host: str
    user: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    ca_file: Path | None = None

    def describe(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def conninfo(self, password: str, *, database: str | None = None, sslmode: str = "verify-full") -> str:
        return make_conninfo(host=self.host, port=self.port, dbname=database or self.database, user=self.user,
                             password=password, sslmode=sslmode,
                             sslrootcert=str(self.ca_file) if self.ca_file else "system",
                             connect_timeout=CONNECT_SECONDS, application_name="knooppunt")


def connect(address: ServerAddress, password: str, *, database: str | None = None,
            autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
    """A TLS connection with the certificate checked, or a Dutch ``ServerUnavailable``."""
    if address.ca_file is not None and not address.ca_file.is_file():
        raise ServerUnavailable(f"Het CA-bestand {address.ca_file} bestaat niet.")
    try:
        return psycopg.connect(address.conninfo(password, database=database), autocommit=autocommit)
    except psycopg.OperationalError as exc:
        raise ServerUnavailable(_reason(address, str(exc))) from exc


def _reason(address: ServerAddress, detail: str) -> str:
    where = f"de server {address.host}:{address.port}"
    if "password authentication failed" in detail or "no password supplied" in detail:
        return f"{where} weigert de aanmelding van {address.user}: de naam of het wachtwoord klopt niet."
    if "certificate" in detail or "SSL" in detail:
        return (f"De verbinding met {where} is niet veilig te maken: het certificaat van de server klopt "
                f"niet of is niet te controleren ({detail.strip().splitlines()[-1]}).")
    if "does not exist" in detail:
        return f"{where} kent de database of gebruiker niet ({detail.strip().splitlines()[-1]})."
    return f"{where} is niet bereikbaar ({detail.strip().splitlines()[-1]})."
