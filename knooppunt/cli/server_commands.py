"""``server inrichten|gebruiker-toevoegen|locaties|controleren`` (aliases ``init|add-user|locations|check``): the
IT side of a team's PostgreSQL server (docs/server.md, packaging/server/README.md).

Passwords are never written to a file: they come from the operating system's keyring, or are asked
on the terminal (and kept in the keyring with ``--bewaar-wachtwoord``).
"""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from pathlib import Path

from ..errors import KnooppuntError
from ..storage.postgres.access import add_user, change_locations, initialise
from ..storage.postgres.check import check_server
from ..storage.postgres.connection import DEFAULT_DATABASE, DEFAULT_PORT, ServerAddress
from ..storage.postgres.credentials import store_password, stored_password
from .common import command

EXIT_PROBLEMS = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command(sub, "server", help="de PostgreSQL-server van de organisatie inrichten en controleren")
    server = parser.add_subparsers(dest="server_command", required=True, metavar="OPDRACHT")
    init = command(server, "inrichten", "init", help="rollen, database, tabellen en rijbeveiliging aanmaken "
                                                     "(als superuser, bijv. postgres)")
    _connection_arguments(init, default_user="postgres")
    init.set_defaults(run=_init)
    add = command(server, "gebruiker-toevoegen", "add-user", help="een gebruiker (eigen inlogrol) toevoegen "
                                                                  "aan één of meer locaties")
    add.add_argument("naam", metavar="NAAM", help="de inlognaam: kleine letters, cijfers en _ (bijv. ib_delinde_jan)")
    add.add_argument("--locatie", "--location", dest="locations", action="append", default=[], metavar="LOCATIE",
                     help="de naam van een locatie waar deze gebruiker bij hoort (mag vaker)")
    add.add_argument("--beheer", "--admin", dest="admin", action="store_true",
                     help="ook beheerder: locaties toevoegen, instellingen wijzigen")
    _connection_arguments(add, default_user="postgres")
    add.set_defaults(run=_add_user)
    places = command(server, "locaties", "locations", help="een gebruiker locaties geven of afnemen")
    places.add_argument("naam", metavar="NAAM", help="de inlognaam van de gebruiker")
    places.add_argument("--erbij", "--add", dest="add", action="append", default=[], metavar="LOCATIE",
                        help="deze locatie erbij (mag vaker)")
    places.add_argument("--eraf", "--remove", dest="remove", action="append", default=[], metavar="LOCATIE",
                        help="deze locatie eraf (mag vaker)")
    _connection_arguments(places, default_user="postgres")
    places.set_defaults(run=_locations)
    check = command(server, "controleren", "check", help="TLS, rijbeveiliging, rollen en schema nagaan")
    _connection_arguments(check, default_user="postgres")
    check.set_defaults(run=_check)


def _connection_arguments(parser: argparse.ArgumentParser, *, default_user: str) -> None:
    parser.add_argument("--host", required=True, help="de naam van de server, zoals in zijn certificaat")
    parser.add_argument("--poort", "--port", dest="port", type=int, default=DEFAULT_PORT, metavar="POORT",
                        help=f"standaard {DEFAULT_PORT}")
    parser.add_argument("--database", default=DEFAULT_DATABASE, metavar="NAAM", help=f"standaard {DEFAULT_DATABASE}")
    parser.add_argument("--als", "--as", dest="user", default=default_user, metavar="ROL",
                        help=f"verbinden als deze rol (standaard {default_user})")
    parser.add_argument("--ca", type=Path, metavar="BESTAND",
                        help="het CA-certificaat dat het servercertificaat ondertekende (anders: de CA's van het systeem)")
    parser.add_argument("--bewaar-wachtwoord", "--store-password", dest="store", action="store_true",
                        help="het wachtwoord na gebruik bewaren in de sleutelbos van het besturingssysteem")


def _address(args: argparse.Namespace) -> ServerAddress:
    return ServerAddress(host=args.host, user=args.user, port=args.port, database=args.database, ca_file=args.ca)


def _password(address: ServerAddress) -> tuple[str, bool]:
    """The password of ``address.user`` and whether it came from the keyring."""
    password = stored_password(address)
    if password is not None:
        return password, True
    if not sys.stdin or not sys.stdin.isatty():
        raise KnooppuntError(f"Geen wachtwoord voor {address.describe()} in de sleutelbos: start vanuit een "
                             "terminal (en bewaar het met --bewaar-wachtwoord).")
    return getpass.getpass(f"Wachtwoord van {address.describe()}: "), False


def _remember(address: ServerAddress, password: str, *, store: bool, from_keyring: bool) -> None:
    if store and not from_keyring:
        if store_password(address, password):
            print(f"Wachtwoord van {address.describe()} bewaard in de sleutelbos.")
        else:
            print("Er is geen sleutelbos beschikbaar: het wachtwoord is niet bewaard en wordt steeds gevraagd.")


def _init(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    initialise(address, password)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    print(f"Database {address.database} ingericht op {address.host}: tabellen, rollen en rijbeveiliging.")
    print("Voeg nu de locaties toe (vanuit Knooppunt) en per persoon een gebruiker: "
          "knooppunt-cli server gebruiker-toevoegen.")
    return 0


def _add_user(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    new_password, shown = _new_password(args.naam)
    add_user(address, password, args.naam, new_password, args.locations, admin=args.admin)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    where = ", ".join(args.locations) or "geen locatie"
    print(f"Gebruiker {args.naam} toegevoegd ({'beheerder, ' if args.admin else ''}{where}).")
    if shown:
        print(f"Wachtwoord (wordt maar één keer getoond; geef het veilig door): {new_password}")
    return 0


def _locations(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    now = change_locations(address, password, args.naam, add=args.add, remove=args.remove)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    print(f"{args.naam}: {', '.join(now) or 'geen locatie (alleen de adresgids)'}")
    return 0


def _new_password(name: str) -> tuple[str, bool]:
    """Asked twice on a terminal; made up (and shown once) when there is none."""
    if not sys.stdin or not sys.stdin.isatty():
        return secrets.token_urlsafe(18), True
    first = getpass.getpass(f"Nieuw wachtwoord voor {name} (leeg: laat het programma er een maken): ")
    if not first:
        return secrets.token_urlsafe(18), True
    if len(first) < 12:
        raise KnooppuntError("Kies een wachtwoord van minstens 12 tekens.")
    if getpass.getpass("Nogmaals ter controle: ") != first:
        raise KnooppuntError("De twee wachtwoorden zijn niet gelijk.")
    return first, False


def _check(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    findings = check_server(address, password)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    for finding in findings:
        print(f"{'in orde ' if finding.ok else 'PROBLEEM'}  {finding.text}")
    problems = sum(not f.ok for f in findings)
    print("Alles in orde." if not problems else f"{problems} probleem/problemen gevonden.")
    return 0 if not problems else EXIT_PROBLEMS
