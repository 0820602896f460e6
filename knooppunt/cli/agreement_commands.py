"""``afspraken``: the Afspraken overview without a screen, e.g. a monthly CSV for monitoring."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..services.outcomes.agreement_overview import BUCKETS, AgreementFilter
from .common import add_db_argument, command, open_db, optional_location_id


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command(sub, "afspraken", "agreements", help="afspraken van een locatie tonen of exporteren naar CSV")
    add_db_argument(parser)
    parser.add_argument("--locatie", "--location", metavar="NAAM", help="alleen deze locatie (standaard: alle)")
    parser.add_argument("--welke", "--which", choices=[b for b, _ in BUCKETS], default="open",
                        help="open, binnenkort, over_datum, afgerond of alle (standaard: open)")
    parser.add_argument("--csv", type=Path, metavar="BESTAND", help="schrijf naar dit CSV-bestand (;, UTF-8)")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        location_id = optional_location_id(services, args.locatie)
        f = AgreementFilter(location_id=location_id, bucket=args.welke)
        if args.csv:
            count = services.agreements.export_csv(f, args.csv)
            print(f"{count} afspraken geschreven naar {args.csv}")
            return 0
        views = services.agreements.views(services.agreements.overview_ids(f))
        for v in views:
            due = f"{v.agreement.due_date:%d-%m-%Y}" if v.agreement.due_date else "          "
            print(f"{due}  {v.state:<14} {v.child_name:<22} {v.agreement.owner_name}: {v.agreement.description}")
        print(f"{len(views)} {'afspraak' if len(views) == 1 else 'afspraken'}")
        return 0
