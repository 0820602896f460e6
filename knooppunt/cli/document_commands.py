"""``verslag`` (formerly ``minutes``): verslag, afsprakenbrief or overlegverslag as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..documents import DocumentKind, DocumentTarget
from ..documents.letter_model import LANGUAGES
from ..errors import KnooppuntError, NotFound
from ..exports import check_writable
from ..services import Services
from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    minutes = command(
        sub, "verslag", "minutes", help="verslag, afsprakenbrief of overlegverslag als PDF maken",
        description="Met --bespreking (of --overleg en --kind): het verslag van dat kind, of met --brief de "
        "afsprakenbrief voor de ouders. Met alleen --overleg: het verslag van het hele overleg. De nummers "
        "staan in ‘knooppunt-cli overleggen’. Een vastgesteld document komt precies zo uit als bij het vaststellen.",
    )
    add_db_argument(minutes)
    which = minutes.add_mutually_exclusive_group(required=True)
    which.add_argument("--bespreking", "--discussion", type=int, metavar="NR", help="nummer van de bespreking")
    which.add_argument("--overleg", "--meeting", type=int, metavar="ID", help="id van het overleg")
    minutes.add_argument("--kind", "--child", type=int, metavar="ID", help="id van het kind (bij --overleg)")
    kind = minutes.add_mutually_exclusive_group()
    kind.add_argument("--brief", "--letter", action="store_true", help="de afsprakenbrief voor de ouders")
    kind.add_argument("--intern", "--internal", action="store_true",
                      help="het interne verslag (met interne notities)")
    minutes.add_argument("--handtekening", "--signature", action="store_true",
                         help="met een regel 'voor gezien' om te tekenen")
    minutes.add_argument("--vaststellen", "--finalise", action="store_true",
                         help="vaststellen: daarna verandert dit document niet meer")
    minutes.add_argument("--taal", "--language", dest="language", choices=LANGUAGES, metavar="TAAL",
                         help="brief: in deze taal (nl, en, tr, ar, pl) in plaats van de taal van elke ouder; "
                         "een proefdruk, altijd een concept")
    minutes.add_argument("--aanvulling", "--addendum", dest="aanvulling", action="store_true",
                         help="voor een vastgesteld document: de aanvulling met wat er na het vaststellen is aangevuld")
    minutes.add_argument("--pdf", "--out", required=True, type=Path, metavar="BESTAND", help="het PDF-bestand")
    minutes.set_defaults(run=_minutes)


def _minutes(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        target = _target(services, args)
        check_writable(args.pdf)  # before vaststellen: a typo in --pdf must not finalise anything
        docs = services.documents
        if args.vaststellen and args.aanvulling:
            raise KnooppuntError("Kies --vaststellen of --aanvulling, niet allebei.")
        if args.language and (not args.brief or args.vaststellen or args.aanvulling):
            raise KnooppuntError("--taal is voor een proefdruk van de afsprakenbrief: met --brief, zonder "
                                 "--vaststellen of --aanvulling.")
        if args.vaststellen:
            rendered, _ = docs.finalise(target, signature_line=args.handtekening)
        elif args.aanvulling:
            rendered = docs.supplement(target, signature_line=args.handtekening)
        else:
            rendered = docs.document(target, signature_line=args.handtekening, language=args.language)
        docs.save_pdf(rendered, args.pdf, "knooppunt-cli")
        letters = docs.letter_addressees(target) if args.brief else ()
        later = docs.addenda_after_finalising(target) if rendered.finalised else ()
    print(f"{rendered.title} ({rendered.state}) opgeslagen in {args.pdf}")
    if len(letters) > 1:
        print(f"Dit zijn {len(letters)} brieven in één PDF, elk vanaf een nieuwe pagina: "
              + "; ".join(", ".join(a.names) for a in letters) + ". Ouders die apart wonen krijgen elk hun eigen brief.")
    if later:
        print(f"Let op: na het vaststellen zijn {len(later)} aanvulling(en) gemaakt (laatste op "
              f"{later[-1].created_at:%d-%m-%Y}); die staan niet in dit vastgestelde document. "
              "Maak het aanvullingsdocument met --aanvulling.")
    return 0


def _target(services: Services, args: argparse.Namespace) -> DocumentTarget:
    kind = DocumentKind.LETTER if args.brief else DocumentKind.MINUTES_INTERNAL if args.intern else DocumentKind.MINUTES
    if args.bespreking is not None:
        if args.kind is not None:
            raise KnooppuntError("Een bespreking hoort al bij één kind: laat --kind weg.")
        found = services.store.scalar("SELECT id FROM discussion WHERE id = ?", [args.bespreking])
        if found is None:
            raise NotFound(f"Er is geen bespreking {args.bespreking}; zie ‘knooppunt-cli overleggen’.")
        return DocumentTarget(kind, discussion_id=args.bespreking)
    services.meetings.meeting(args.overleg)  # NotFound when the meeting does not exist
    if args.kind is None:
        if args.brief or args.intern:
            raise KnooppuntError("Een afsprakenbrief of intern verslag is per kind: geef ook --kind of "
                                 "--bespreking op.")
        return DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=args.overleg)
    discussion = services.store.scalar(
        "SELECT id FROM discussion WHERE meeting_id = ? AND child_id = ?", [args.overleg, args.kind])
    if discussion is None:
        raise NotFound(f"Kind {args.kind} is niet besproken in overleg {args.overleg}.")
    return DocumentTarget(kind, discussion_id=discussion)
