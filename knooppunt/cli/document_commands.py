"""``meetings`` and ``minutes``: list meetings and render verslag, afsprakenbrief or overlegverslag."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..documents import DocumentKind, DocumentTarget
from ..documents.letter_model import LANGUAGES
from ..errors import KnooppuntError, NotFound
from ..exports import check_writable
from .common import add_db_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    meetings = sub.add_parser("meetings", help="overleggen tonen: id, datum, locatie, kinderen, status")
    add_db_argument(meetings)
    meetings.set_defaults(run=_meetings)

    minutes = sub.add_parser(
        "minutes", help="verslag, afsprakenbrief of overlegverslag als PDF maken",
        description="Zonder --child: het verslag van het hele overleg. Met --child: het verslag van dat kind, "
        "of met --letter de afsprakenbrief voor de ouders. Een vastgesteld document komt precies zo uit als "
        "bij het vaststellen.",
    )
    add_db_argument(minutes)
    minutes.add_argument("--meeting", required=True, type=int, metavar="ID", help="id van het overleg")
    minutes.add_argument("--child", type=int, metavar="ID", help="id van het kind")
    kind = minutes.add_mutually_exclusive_group()
    kind.add_argument("--letter", action="store_true", help="de afsprakenbrief voor de ouders")
    kind.add_argument("--internal", action="store_true", help="het interne verslag (met interne notities)")
    minutes.add_argument("--signature", action="store_true", help="met een regel 'voor gezien' om te tekenen")
    minutes.add_argument("--taal", "--language", dest="language", choices=LANGUAGES, metavar="TAAL",
                         help="brief: in deze taal (nl, en, tr, ar, pl) in plaats van de taal van elke ouder; "
                         "een proefdruk, altijd een concept")
    minutes.add_argument("--finalise", action="store_true", help="vaststellen: daarna verandert dit document niet meer")
    minutes.add_argument("--aanvulling", action="store_true",
                         help="voor een vastgesteld document: de aanvulling met wat er na het vaststellen is aangevuld")
    minutes.add_argument("--out", required=True, type=Path, metavar="BESTAND", help="het PDF-bestand")
    minutes.set_defaults(run=_minutes)


def _meetings(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        rows = []
        for view in services.meetings.meetings():
            children = services.store.query(
                "SELECT c.first_name || ' ' || c.last_name AS name FROM discussion d JOIN child c ON c.id = d.child_id "
                "WHERE d.meeting_id = ? AND d.status != 'afgemeld' ORDER BY d.slot_start", [view.meeting.id])
            rows.append((str(view.meeting.id), view.meeting.date.isoformat(), view.location_name,
                         ", ".join(r["name"] for r in children) or "–", view.meeting.status.label))
    header = ("id", "datum", "locatie", "kinderen", "status")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4])
    if not rows:
        print("Er zijn nog geen overleggen.")
    return 0


def _minutes(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        target = _target(services, args)
        check_writable(args.out)  # before vaststellen: a typo in --out must not finalise anything
        docs = services.documents
        if args.finalise and args.aanvulling:
            raise KnooppuntError("Kies --finalise of --aanvulling, niet allebei.")
        if args.language and (not args.letter or args.finalise or args.aanvulling):
            raise KnooppuntError("--taal is voor een proefdruk van de afsprakenbrief: met --letter, zonder "
                                 "--finalise of --aanvulling.")
        if args.finalise:
            rendered, _ = docs.finalise(target, signature_line=args.signature)
        elif args.aanvulling:
            rendered = docs.supplement(target, signature_line=args.signature)
        else:
            rendered = docs.document(target, signature_line=args.signature, language=args.language)
        docs.save_pdf(rendered, args.out, "knooppunt-cli")
        letters = docs.letter_addressees(target) if args.letter else ()
        later = docs.addenda_after_finalising(target) if rendered.finalised else ()
    print(f"{rendered.title} ({rendered.state}) opgeslagen in {args.out}")
    if len(letters) > 1:
        print(f"Dit zijn {len(letters)} brieven in één PDF, elk vanaf een nieuwe pagina: "
              + "; ".join(", ".join(a.names) for a in letters) + ". Ouders die apart wonen krijgen elk hun eigen brief.")
    if later:
        print(f"Let op: na het vaststellen zijn {len(later)} aanvulling(en) gemaakt (laatste op "
              f"{later[-1].created_at:%d-%m-%Y}); die staan niet in dit vastgestelde document. "
              "Maak het aanvullingsdocument met --aanvulling.")
    return 0


def _target(services, args: argparse.Namespace) -> DocumentTarget:
    services.meetings.meeting(args.meeting)  # NotFound when the meeting does not exist
    if args.child is None:
        if args.letter or args.internal:
            raise KnooppuntError("Een afsprakenbrief of intern verslag is per kind: geef ook --child op.")
        return DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=args.meeting)
    discussion = services.store.scalar(
        "SELECT id FROM discussion WHERE meeting_id = ? AND child_id = ?", [args.meeting, args.child])
    if discussion is None:
        raise NotFound(f"Kind {args.child} is niet besproken in overleg {args.meeting}.")
    kind = DocumentKind.LETTER if args.letter else DocumentKind.MINUTES_INTERNAL if args.internal else DocumentKind.MINUTES
    return DocumentTarget(kind, discussion_id=discussion)
