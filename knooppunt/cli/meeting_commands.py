"""``overleggen`` and ``uitnodiging``: the meetings with their children per time slot, and invitations.

``overleggen`` replaces the former ``meetings`` (still accepted): one list with every id a
script needs — the meeting (``verslag --overleg``), the discussion (``--bespreking``) and the child.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meetings = command(sub, "overleggen", "meetings",
                       help="overleggen tonen: id, datum, locatie, status en per tijdslot bespreking en kind")
    add_db_argument(meetings)
    meetings.set_defaults(run=_meetings)

    invite = command(sub, "uitnodiging", "invitation", help="uitnodiging voor één tijdslot: tekst, of .ics met --ics")
    add_db_argument(invite)
    invite.add_argument("--bespreking", "--discussion", required=True, type=int, metavar="NR",
                        help="nummer van de bespreking (zie ‘overleggen’)")
    invite.add_argument("--ics", type=Path, metavar="BESTAND", help="schrijf een agenda-uitnodiging (.ics)")
    invite.add_argument("--tekst", "--text", type=Path, metavar="BESTAND",
                        help="schrijf de uitnodiging als tekst naar dit bestand (zonder: op het scherm)")
    invite.add_argument("--ouders", "--parents", dest="ouders", action="store_true",
                        help="de uitnodiging voor de ouders (zonder: die voor partners en school, "
                             "zonder achternamen en e-mailadressen van de ouders)")
    invite.set_defaults(run=_invitation)


def _meetings(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        views = services.meetings.meetings()
        for view in views:
            m = view.meeting
            place = f" · {m.place}" if m.place else ""
            print(f"overleg {m.id}: {m.date:%d-%m-%Y} {m.start_time:%H:%M}  {view.location_name}{place} "
                  f"({m.status.label})")
            assert m.id is not None
            for d in services.meeting_mode.discussions(m.id):
                child = services.children.child(d.child_id)
                print(f"    bespreking {d.id}: {d.slot_start:%H:%M} {child.full_name} "
                      f"(kind {child.id}, {d.status.label})")
    if not views:
        print("Er zijn nog geen overleggen.")
    return 0


def _invitation(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        if args.ics:
            services.invitations.save_ics(args.bespreking, args.ics, for_parents=args.ouders)
            print(f"Agenda-uitnodiging geschreven: {args.ics}")
        if args.tekst:
            services.invitations.save_text(args.bespreking, args.tekst, for_parents=args.ouders)
            print(f"Uitnodiging geschreven: {args.tekst}")
        if not args.ics and not args.tekst:
            print(services.invitations.text(args.bespreking, for_parents=args.ouders), end="")
    return 0
