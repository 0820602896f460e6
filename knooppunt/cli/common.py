"""What the subcommands share: the passphrase and opening the database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..composition import Services, open_services
from ..errors import KnooppuntError

PASSPHRASE_VARIABLE = "KNOOPPUNT_PASSPHRASE"
# Who the audit rows name while the database has no profile yet.
CLI_ACTOR = "knooppunt-cli"


def passphrase(*, confirm: bool = False) -> str:
    """From ``KNOOPPUNT_PASSPHRASE``, else asked on the terminal (never echoed)."""
    value = os.environ.get(PASSPHRASE_VARIABLE)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise KnooppuntError(
            f"Geen wachtwoordzin: zet de omgevingsvariabele {PASSPHRASE_VARIABLE} of start vanuit een terminal."
        )
    value = getpass.getpass("Wachtwoordzin: ")
    if confirm and getpass.getpass("Nogmaals ter controle: ") != value:
        raise KnooppuntError("De twee wachtwoordzinnen zijn niet gelijk.")
    return value


def command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, english: str | None = None,
            **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand under its Dutch ``name``; the ``english`` name of earlier versions still works
    (scripts already written) but is not shown in the help."""
    parser: argparse.ArgumentParser = sub.add_parser(name, aliases=[english] if english else [], **kwargs)
    if english and "help" in kwargs:
        # argparse lists aliases as "naam (alias)": show the Dutch name only.
        sub._choices_actions[-1].metavar = name
    return parser


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="BESTAND", help="het databasebestand")


def open_db(args: argparse.Namespace) -> Services:
    return open_services(args.db, passphrase(), actor=CLI_ACTOR)


def optional_location_id(services: Services, name: str | None) -> int | None:
    """The id of the location named with --locatie, or None without it (all locations)."""
    if not name:
        return None
    location = services.locations.location_by_name(name)
    if location is None:
        raise KnooppuntError(f"Er is geen locatie met de naam ‘{name}’.")
    return location.id
