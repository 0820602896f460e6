"""``back-up``, ``back-ups``, ``terugzetten`` and ``wachtwoordzin`` (English aliases: backup,
backups, restore, passphrase): backups and the passphrase without a screen."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..backup import list_backups, preview_backup, restore_backup
from ..dates import dutch_date
from ..errors import KnooppuntError
from ..storage.copying import problems_of_copy
from .common import add_db_argument, command, open_db, passphrase

NEW_PASSPHRASE_VARIABLE = "KNOOPPUNT_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = command(sub, "back-up", "backup", help="een gecontroleerde, versleutelde back-up maken")
    add_db_argument(backup)
    backup.add_argument("--naar", "--to", dest="to", type=Path, metavar="MAP",
                        help="de back-upmap (standaard: de map die in het programma is ingesteld)")
    backup.set_defaults(run=_backup)

    listing = command(sub, "back-ups", "backups", help="back-ups in een map tonen, met controle")
    listing.add_argument("--map", "--dir", dest="dir", required=True, type=Path, metavar="MAP", help="de back-upmap")
    listing.set_defaults(run=_list)

    restore = command(sub, "terugzetten", "restore",
                             help="een back-up terugzetten (de huidige database wordt eerst bewaard)")
    add_db_argument(restore)
    restore.add_argument("--van", "--from", dest="source", required=True, type=Path, metavar="BESTAND",
                         help="de back-up")
    restore.set_defaults(run=_restore)

    rekey = command(sub, "wachtwoordzin", "passphrase",
                           help=f"de wachtwoordzin wijzigen (nieuwe uit {NEW_PASSPHRASE_VARIABLE})")
    add_db_argument(rekey)
    rekey.set_defaults(run=_passphrase)


def _backup(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        assert services.backups is not None
        folder = args.to or services.backups.folder()
        if folder is None:
            raise KnooppuntError("Geef een back-upmap met --naar MAP; in het programma is er nog geen ingesteld.")
        made = services.backups.backup_job(Path(folder))()
        services.backups.record_made(made)
    print(f"Back-up gemaakt en gecontroleerd: {made.path}")
    return 0


def _list(args: argparse.Namespace) -> int:
    backups = list_backups(args.dir)
    if not backups:
        print(f"Geen back-ups in {args.dir}.")
        return 0
    secret = passphrase()
    bad = 0
    for backup in backups:
        problems = problems_of_copy(backup.path, secret)
        bad += bool(problems)
        verdict = "in orde" if not problems else f"NIET IN ORDE: {problems[0]}"
        when = f"{dutch_date(backup.made.date(), 'long')} {backup.made:%H:%M}"
        print(f"{when:<26} {backup.size / 1_000_000:8.1f} MB  {backup.path.name}  {verdict}")
    return 1 if bad else 0


def _restore(args: argparse.Namespace) -> int:
    secret = passphrase()
    preview = preview_backup(args.source, secret)
    c = preview.contents
    print(f"Back-up van {dutch_date(preview.made.date(), 'long')} {preview.made:%H:%M}: {c.locations} locaties, "
          f"{c.children} kinderen, {c.meetings} overleggen.")
    kept = restore_backup(args.source, secret, args.db)
    if kept:
        print(f"De vorige database is bewaard als {kept}.")
    print(f"Teruggezet: {args.db}")
    return 0


def _new_passphrase() -> tuple[str, str]:
    value = os.environ.get(NEW_PASSPHRASE_VARIABLE)
    if value:
        return value, value
    if not sys.stdin or not sys.stdin.isatty():
        raise KnooppuntError(f"Geen nieuwe wachtwoordzin: zet {NEW_PASSPHRASE_VARIABLE} of start vanuit een terminal.")
    return getpass.getpass("Nieuwe wachtwoordzin: "), getpass.getpass("Nieuwe wachtwoordzin nogmaals: ")


def _passphrase(args: argparse.Namespace) -> int:
    old = passphrase()
    with open_db(args) as services:
        assert services.backups is not None
        new, repeated = _new_passphrase()
        services.backups.change_passphrase(old, new, repeated)
    print("De wachtwoordzin is gewijzigd. Oudere back-ups openen nog met de oude wachtwoordzin.")
    return 0
