"""``logboek`` (alias ``audit-log``): read the audit log without a screen, or export it to CSV."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..services.privacy.audit import AuditFilter
from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command(sub, "logboek", "audit-log", help="het logboek lezen of exporteren naar CSV")
    add_db_argument(parser)
    parser.add_argument("--kind", "--child", dest="kind", type=int, metavar="ID", help="alleen regels over dit kind")
    parser.add_argument("--wie", "--who", dest="wie", default="", metavar="NAAM", help="alleen deze persoon (deel van de naam)")
    parser.add_argument("--wat", "--action", dest="wat", default="", metavar="HANDELING", help="alleen deze handeling, bijv. 'afgedrukt'")
    parser.add_argument("--van", "--from", dest="van", type=date.fromisoformat, metavar="JJJJ-MM-DD", help="vanaf deze dag")
    parser.add_argument("--tot", "--until", dest="tot", type=date.fromisoformat, metavar="JJJJ-MM-DD", help="tot en met deze dag")
    parser.add_argument("--csv", type=Path, metavar="BESTAND", help="schrijf naar dit CSV-bestand (;, UTF-8)")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    f = AuditFilter(child_id=args.kind, actor=args.wie, action=args.wat, since=args.van, until=args.tot)
    with open_db(args) as services:
        if args.csv:
            count = services.audit.export_csv(f, args.csv)
            print(f"{count} regel(s) geschreven naar {args.csv}")
            return 0
        rows = services.audit.rows(f)
        for row in reversed(rows):
            e = row.entry
            about = f" [{row.child_name}]" if row.child_name else ""
            print(f"{e.id:>6}  {e.at:%d-%m-%Y %H:%M:%S}  {e.actor}: {e.action}{about} {e.detail}".rstrip())
        print(f"{len(rows)} regel(s); vingerafdruk {services.audit.head().describe()}")
    return 0
