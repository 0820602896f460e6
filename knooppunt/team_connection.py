"""Trying the organisation's server ("Verbinding testen") and recognising a lost connection.

Each way a connection can fail that a user can do something about has its own Dutch message:
the server is not reachable, the password is wrong, its certificate is not trusted, it offers no
TLS, the user belongs to no location. Only TLS with ``verify-full`` is ever tried.
"""

from __future__ import annotations

import psycopg

from .storage.postgres.access_sql import MEMBERSHIP
from .storage.postgres.connection import ServerUnavailable
from .team_settings import TeamSettings

LOST = ("De verbinding met de server van uw organisatie is verbroken. Wat u net deed is niet op de server "
        "opgeslagen; wat eerder was opgeslagen staat er veilig. Controleer het netwerk en start Knooppunt "
        "daarna opnieuw.")


def connect(settings: TeamSettings, password: str) -> psycopg.Connection[tuple[object, ...]]:
    """A TLS connection with the server's certificate checked, or one Dutch ``ServerUnavailable``."""
    if not settings.ca_file.is_file():
        raise ServerUnavailable(f"Het CA-certificaat {settings.ca_file} is niet gevonden. Kies het bestand "
                                "dat u van de beheerder van uw organisatie kreeg.")
    try:
        return psycopg.connect(settings.address.conninfo(password))
    except psycopg.OperationalError as exc:
        raise ServerUnavailable(refusal(settings, str(exc))) from exc


def refusal(settings: TeamSettings, detail: str) -> str:
    """The Dutch message for libpq's reason ``detail``."""
    where = f"De server {settings.host} (poort {settings.port})"
    last = detail.strip().splitlines()[-1] if detail.strip() else detail
    if "password authentication failed" in detail or "no password supplied" in detail:
        return (f"{where} weigert de aanmelding: de gebruikersnaam {settings.user} of het wachtwoord klopt niet. "
                "Let op hoofdletters; de beheerder kan een nieuw wachtwoord geven.")
    if "does not support SSL" in detail:
        return (f"{where} biedt geen versleutelde verbinding (TLS) aan. Knooppunt verbindt alleen versleuteld: "
                "vraag de beheerder de server in te richten volgens packaging/server/.")
    if "certificate" in detail or "SSL" in detail or "tls" in detail.lower():
        return (f"Het certificaat van {where[3:]} wordt niet vertrouwd: het is niet ondertekend met het "
                "CA-certificaat dat u koos, of het hoort niet bij deze servernaam. Controleer het serveradres "
                f"en het CA-bestand ({last}).")
    if "does not exist" in detail:
        return f"{where} kent de database {settings.database} of de gebruiker {settings.user} niet ({last})."
    return (f"{where} is niet bereikbaar. Controleer het adres, de poort en het netwerk (bent u op de "
            f"locatie of via de VPN verbonden?) ({last}).")


def try_connection(settings: TeamSettings, password: str) -> list[str]:
    """Connect as the user and return the locations it belongs to; a Dutch refusal otherwise."""
    with connect(settings, password) as conn:
        try:
            rows = conn.execute(f"SELECT l.name FROM {MEMBERSHIP} m JOIN location l ON l.id = m.location_id "
                                "WHERE m.role_name = current_user ORDER BY l.name").fetchall()
        except psycopg.errors.UndefinedTable as exc:
            raise ServerUnavailable(f"De database {settings.database} op {settings.host} is geen Knooppunt-"
                                    "database; vraag de beheerder om de juiste databasenaam.") from exc
    if not rows:
        raise ServerUnavailable(f"U bent aangemeld als {settings.user}, maar u hoort nog bij geen enkele locatie. "
                                "Vraag de beheerder u aan uw locatie toe te voegen.")
    return [str(row[0]) for row in rows]


def lost_connection(exc: BaseException) -> str | None:
    """The calm Dutch message when ``exc`` means the server went away during work, or the server's
    own Dutch refusal (a trigger's RAISE: a checked-out meeting, the audit chain); else None."""
    # The server's own refusals carry a Dutch message (schema_extras.py, checkout_sql.py); the
    # lease's ObjectInUse is an OperationalError too, so it is asked first.
    if isinstance(exc, psycopg.errors.RaiseException | psycopg.errors.ObjectInUse) and exc.diag.message_primary:
        return f"De server heeft dit geweigerd: {exc.diag.message_primary.rstrip('.')}. Er is niets opgeslagen."
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return LOST
    return None
