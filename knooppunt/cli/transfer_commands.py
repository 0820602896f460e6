"""``overdracht exporteren`` and ``overdracht inlezen`` (formerly ``transfer export/import``): the
overdrachtsdossier without a screen."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KnooppuntError
from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    transfer = command(sub, "overdracht", "transfer", help="overdrachtsdossier (doorgaande lijn) maken of inlezen")
    actions = transfer.add_subparsers(dest="transfer_command", required=True, metavar="ACTIE")

    export = command(actions, "exporteren", "export", help="overdrachtsdossier van een kind maken (alleen met toestemming)")
    add_db_argument(export)
    export.add_argument("--kind", "--child", required=True, type=int, metavar="ID", help="nummer van het kind")
    export.add_argument("file", type=Path, metavar="BESTAND", help="het te maken JSON-bestand")
    export.set_defaults(run=_export)

    imp = command(actions, "inlezen", "import", help="overdrachtsdossier inlezen als geschiedenis bij een locatie")
    add_db_argument(imp)
    imp.add_argument("--locatie", "--location", required=True, metavar="NAAM", help="naam van de ontvangende locatie")
    imp.add_argument("file", type=Path, metavar="BESTAND", help="het overdrachtsdossier (JSON)")
    imp.set_defaults(run=_import)


def _export(args: argparse.Namespace) -> int:
    if args.file.exists():
        raise KnooppuntError(f"{args.file} bestaat al; kies een andere bestandsnaam.")
    with open_db(args) as services:
        services.transfer.export_file(args.kind, args.file)
        name = services.children.child(args.kind).full_name
    print(f"Overdrachtsdossier van {name} gemaakt: {args.file}")
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        location = services.locations.location_by_name(args.locatie)
        if location is None:
            raise KnooppuntError(f"Er is geen locatie ‘{args.locatie}’ in deze database.")
        assert location.id is not None
        child_id, _ = services.transfer.import_file(args.file, location.id)
        name = services.children.child(child_id).full_name
    print(f"Overdrachtsdossier van {name} ingelezen bij {location.name} (kind {child_id}).")
    return 0
