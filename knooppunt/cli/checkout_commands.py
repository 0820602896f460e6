"""``uitchecken|inchecken|uitcheck-overnemen`` (aliases ``check-out|check-in|take-over``): a meeting
taken from the organisation's server to this laptop and back (docs/server.md, "Uitchecken").

The laptop's file gets the passphrase of ``KNOOPPUNT_PASSPHRASE`` (or asked); the server's password
comes from the keyring or is asked, as for ``knooppunt-cli server``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KnooppuntError
from ..services.team.checkout import CheckoutService
from ..storage.postgres.connection import ServerAddress
from .common import command, passphrase
from .server_commands import _address as _given_address
from .server_commands import _connection_arguments, _password, _remember


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    out = command(sub, "uitchecken", "check-out",
                  help="een vergadering van de server naar een nieuw versleuteld bestand op deze laptop halen")
    out.add_argument("vergadering", type=int, metavar="VERGADERING", help="het nummer van de vergadering")
    out.add_argument("--uit", "--out", dest="target", required=True, type=Path, metavar="BESTAND",
                     help="het nieuwe databasebestand op deze laptop")
    out.add_argument("--naam", "--name", dest="holder", required=True, metavar="NAAM",
                     help="uw naam, zoals anderen hem zien (‘uitgecheckt door …’)")
    _connection_arguments(out, default_user="")
    out.set_defaults(run=_check_out)
    back = command(sub, "inchecken", "check-in",
                   help="de wijzigingen in een uitgecheckt bestand in één keer terugzetten op de server")
    back.add_argument("--db", required=True, type=Path, metavar="BESTAND", help="het uitgecheckte databasebestand")
    back.add_argument("--bewaar-wachtwoord", "--store-password", dest="store", action="store_true",
                      help="het wachtwoord na gebruik bewaren in de sleutelbos van het besturingssysteem")
    back.set_defaults(run=_check_in)
    take = command(sub, "uitcheck-overnemen", "take-over",
                   help="de uitcheck van een ander beëindigen (laptop kwijt; alleen een coördinator)")
    take.add_argument("vergadering", type=int, metavar="VERGADERING", help="het nummer van de vergadering")
    take.add_argument("--naam", "--name", dest="holder", required=True, metavar="NAAM", help="uw naam (in het logboek)")
    _connection_arguments(take, default_user="")
    take.set_defaults(run=_take_over)


def _address(args: argparse.Namespace) -> ServerAddress:
    if not args.user:
        raise KnooppuntError("Geef met --als uw eigen inlognaam op de server.")
    return _given_address(args)


def _check_out(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    done = CheckoutService(address, password).check_out(args.vergadering, args.target, passphrase(confirm=True),
                                                        holder=args.holder)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    print(f"Vergadering {done.meeting_id} uitgecheckt naar {args.target} ({len(done.children)} kind(eren)). "
          "Op de server is ze nu alleen te lezen; check haar na afloop in met knooppunt-cli inchecken.")
    return 0


def _check_in(args: argparse.Namespace) -> int:
    secret = passphrase()
    address = CheckoutService.checkout_of_file(args.db, secret).address()
    password, from_keyring = _password(address)
    done = CheckoutService(address, password).check_in(args.db, secret)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    print(f"Vergadering {done.meeting_id} ingecheckt: {done.written} rij(en) geschreven, {done.deleted} verwijderd, "
          f"{done.audit_rows} logboekregel(s).")
    if done.not_written:
        print("Niet teruggezet (alleen ter inzage meegenomen, op deze laptop gewijzigd): "
              f"{', '.join(done.not_written)}. Breng die wijzigingen zo nodig op de server aan.")
    else:
        print(f"Het bestand {args.db} is niet meer nodig.")
    return 0


def _take_over(args: argparse.Namespace) -> int:
    address = _address(args)
    password, from_keyring = _password(address)
    previous = CheckoutService(address, password).take_over(args.vergadering, by=args.holder)
    _remember(address, password, store=args.store, from_keyring=from_keyring)
    print(f"Uitcheck van vergadering {args.vergadering} overgenomen (was: {previous}). De vergadering is op de "
          "server weer te wijzigen; de uitgecheckte kopie kan niet meer worden ingecheckt.")
    return 0
