"""``overleggen`` and ``uitnodiging``: planned meetings and their invitations per slot."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meetings = sub.add_parser("overleggen", help="overleggen met de kinderen per tijdslot tonen")
    add_db_argument(meetings)
    meetings.set_defaults(run=_meetings)

    invite = sub.add_parser("uitnodiging", help="uitnodiging voor één tijdslot: tekst, of .ics met --ics")
    add_db_argument(invite)
    invite.add_argument("--bespreking", required=True, type=int, metavar="NR",
                        help="nummer van de bespreking (zie ‘overleggen’)")
    invite.add_argument("--ics", type=Path, metavar="BESTAND", help="schrijf een agenda-uitnodiging (.ics)")
    invite.add_argument("--tekst", type=Path, metavar="BESTAND",
                        help="schrijf de uitnodiging als tekst naar dit bestand (zonder: op het scherm)")
    invite.set_defaults(run=_invitation)


def _meetings(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        for view in services.meetings.meetings():
            m = view.meeting
            print(f"{m.date:%d-%m-%Y} {m.start_time:%H:%M}  {view.location_name} · {m.place} ({m.status.label})")
            assert m.id is not None
            for d in services.meeting_mode.discussions(m.id):
                child = services.children.child(d.child_id)
                print(f"    bespreking {d.id}: {d.slot_start:%H:%M} {child.full_name} ({d.status.label})")
    return 0


def _invitation(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        if args.ics:
            services.invitations.save_ics(args.bespreking, args.ics)
            print(f"Agenda-uitnodiging geschreven: {args.ics}")
        if args.tekst:
            services.invitations.save_text(args.bespreking, args.tekst)
            print(f"Uitnodiging geschreven: {args.tekst}")
        if not args.ics and not args.tekst:
            print(services.invitations.text(args.bespreking), end="")
    return 0
