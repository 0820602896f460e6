"""``bewaartermijn`` (retention) and ``wissen`` (erase): AVG erasure without a screen."""

from __future__ import annotations

import argparse

from ..services.erasure import ErasureReason
from .common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    retention = sub.add_parser("bewaartermijn", aliases=["retention"],
                               help="kinderen voorbij de bewaartermijn tonen (met --apply: wissen)")
    add_db_argument(retention)
    retention.add_argument("--apply", action="store_true", help="wis de getoonde kinderen (alles of niets)")
    retention.set_defaults(run=_retention)

    erase = sub.add_parser("wissen", aliases=["erase"],
                           help="alle gegevens van één kind wissen (zonder --yes: alleen tonen wat verdwijnt)")
    add_db_argument(erase)
    erase.add_argument("--child", required=True, type=int, metavar="ID", help="nummer van het kind")
    erase.add_argument("--reden", default=ErasureReason.REQUEST.value,
                       choices=[r.value for r in ErasureReason if r != ErasureReason.RETENTION],
                       help="waarom (komt in het logboek): verzoek (standaard) of niet_meer_nodig")
    erase.add_argument("--yes", action="store_true", help="bevestig: echt wissen")
    erase.set_defaults(run=_erase)


def _retention(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        due = services.retention.due()
        for d in due:
            print(f"kind {d.child_id}: {d.child_name} ({d.location}) – {d.basis} {d.since:%d-%m-%Y}, "
                  f"bewaartermijn verstreken op {d.term_ended:%d-%m-%Y}")
        if not due:
            print("Geen kinderen voorbij de bewaartermijn.")
        elif args.apply:
            erased, _ = services.retention.erase_due()
            print(f"{len(erased)} kind(eren) gewist.")
        else:
            print(f"{len(due)} kind(eren) voorbij de bewaartermijn. Wis ze met --apply.")
    return 0


def _erase(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        preview = services.erasure.preview(args.child)
        print(f"Wissen: {preview.child_name} (kind {preview.child_id}) met {preview.summary()}.")
        if preview.meeting_reports:
            print(f"Ook {preview.meeting_reports} vastgesteld overlegverslag waarin dit kind staat.")
        if not args.yes:
            print("Niets gewist. Bevestig met --yes.")
            return 0
        services.erasure.erase(args.child, ErasureReason(args.reden))
    print(f"Kind {args.child} is gewist.")
    return 0
