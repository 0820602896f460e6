"""The regional directory without a screen (issue 20).

    knooppunt-cli adresboek sleutel --db DB [--vervangen]                     (alias: directory keygen)
    knooppunt-cli adresboek publiceren --db DB [--locatie NAAM …] --uit regio.db  (alias: directory publish)
    knooppunt-cli partners ophalen --db DB --url URL [--sleutel KEY] [--proefrit]  (alias: partners pull)

Only ``partners ophalen`` connects to the network, to the address given with ``--url``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KnooppuntError
from ..regional import signing
from ..services.directory.regional import DEFAULT_TIMEOUT
from .common import command, open_db


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="BESTAND", help="het databasebestand")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    book = command(sub, "adresboek", "directory", help="regionaal adresboek: sleutel en publiceren")
    book_sub = book.add_subparsers(dest="adresboek_command", metavar="OPDRACHT", required=True)
    key = command(book_sub, "sleutel", "keygen",
                              help="sleutelpaar van de coördinator maken (of de publieke sleutel tonen)")
    _db(key)
    key.add_argument("--vervangen", "--replace", dest="replace", action="store_true",
                     help="een nieuw sleutelpaar maken; elke laptop moet dan de nieuwe sleutel overnemen")
    key.set_defaults(run=_keygen)
    publish = command(book_sub, "publiceren", "publish",
                                  help="regio.db schrijven: alleen het adresboek, ondertekend")
    _db(publish)
    publish.add_argument("--locatie", "--location", dest="locations", action="append", default=[], metavar="NAAM",
                         help="alleen deze locatie (mag vaker); standaard alle niet-gearchiveerde locaties")
    publish.add_argument("--uit", "--out", dest="out", required=True, type=Path, metavar="BESTAND", help="bijvoorbeeld regio.db")
    publish.set_defaults(run=_publish)


def add_pull(partner_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pull = command(partner_sub, "ophalen", "pull",
                                  help="regionaal adresboek ophalen van de adresboekserver (alles of niets)")
    _db(pull)
    pull.add_argument("--url", required=True, help="https-adres van de adresboekserver")
    pull.add_argument("--sleutel", "--key", dest="key", help="publieke sleutel van de coördinator "
                      "(standaard de sleutel die in het programma is ingesteld)")
    pull.add_argument("--proefrit", "--dry-run", dest="dry_run", action="store_true",
                      help="alleen de verschillen tonen, niets veranderen")
    pull.add_argument("--ca-bestand", "--cafile", dest="cafile", metavar="BESTAND",
                      help="extra certificaatautoriteit (PEM) voor een eigen CA van het bestuur")
    pull.add_argument("--wachttijd", "--timeout", dest="timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDEN")
    pull.set_defaults(run=_pull)


def _keygen(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        public = services.regional_publisher.public_key()
        if public and not args.replace:
            print("Er is al een sleutel (een nieuwe maakt u met --vervangen).")
        else:
            public, _change = services.regional_publisher.make_key(replace=args.replace)
            print("Nieuw sleutelpaar gemaakt; de geheime sleutel staat alleen in deze versleutelde database.")
    print(f"Publieke sleutel: {public}")
    print(f"Vingerafdruk:     {signing.fingerprint(public)}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        result = services.regional_publisher.publish(args.out, args.locations)
    print(f"Gepubliceerd: {result.path} ({result.locations} locaties, {result.contacts} contactpersonen), "
          f"ondertekend met sleutel {result.fingerprint}.")
    print("Zet het bestand op de adresboekserver en herstart Datasette (zie packaging/directory-server/).")
    return 0


def _pull(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        if not (args.key or services.regional.subscription().public_key):
            raise KnooppuntError("Geef de publieke sleutel van de coördinator op met --sleutel; zonder sleutel "
                                 "wordt niets opgehaald.")
        publication = services.regional.fetch(url=args.url, timeout=args.timeout, cafile=args.cafile)
        plan = services.regional.plan(publication, url=args.url, public_key=args.key)
        for change in plan.changes:
            print(f"  {change}")
        if args.dry_run:
            print(f"Proefrit, niets veranderd: {plan.summary}")
            return 0
        services.regional.apply(plan)
    print(f"Regionaal adresboek bijgewerkt ({plan.publisher}, {plan.published_at}): {plan.summary}")
    return 0
