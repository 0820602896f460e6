"""``monitoring`` (alias ``monitor``): figures for the school board without names, the board's
combined report, a location's yearly report and the offers catalogue (sociale kaart) as CSV.

    knooppunt-cli monitoring --db DB --jaar 2026-2027 --uit CIJFERS.json
    knooppunt-cli monitoring combineren A.json B.json --uit BESTUUR.pdf     (monitor combine)
    knooppunt-cli monitoring rapport --db DB --jaar 2026-2027 --locatie NAAM --uit RAPPORT.pdf
    knooppunt-cli monitoring sociale-kaart --db DB --locatie NAAM --exporteren|--inlezen BESTAND.csv
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from ..composition import Services
from ..errors import KnooppuntError
from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command(sub, "monitoring", "monitor",
                     help="monitoringscijfers voor het bestuur (zonder namen), rapporten, sociale kaart")
    parser.add_argument("--db", type=Path, metavar="BESTAND", help="het databasebestand")
    _year(parser, required=False)
    parser.add_argument("--uit", "--out", dest="out", type=Path, metavar="BESTAND",
                        help="het JSON-bestand voor het bestuur (alle locaties, aantallen; <5 bij 1 t/m 4)")
    parser.set_defaults(run=_board)
    steps = parser.add_subparsers(dest="step", metavar="STAP")

    combine = command(steps, "combineren", "combine",
                      help="de bestanden van de locaties samenvoegen tot één PDF voor het bestuur")
    combine.add_argument("files", nargs="+", type=Path, metavar="BESTAND", help="JSON-bestanden van de locaties")
    combine.add_argument("--uit", "--out", dest="out", required=True, type=Path, metavar="RAPPORT.pdf")
    combine.set_defaults(run=_combine)

    report = command(steps, "rapport", "report", help="het jaarrapport (PDF) van één locatie")
    add_db_argument(report)
    _year(report, required=True)
    report.add_argument("--locatie", "--location", dest="location", required=True, metavar="NAAM")
    report.add_argument("--uit", "--out", dest="out", required=True, type=Path, metavar="RAPPORT.pdf")
    report.set_defaults(run=_report)

    offers = command(steps, "sociale-kaart", "offers", help="het aanbod van een locatie als CSV")
    add_db_argument(offers)
    offers.add_argument("--locatie", "--location", dest="location", required=True, metavar="NAAM")
    which = offers.add_mutually_exclusive_group(required=True)
    which.add_argument("--exporteren", "--export", dest="export", type=Path, metavar="BESTAND.csv",
                       help="het aanbod naar dit CSV-bestand schrijven")
    which.add_argument("--inlezen", "--import", dest="import_", type=Path, metavar="BESTAND.csv",
                       help="het aanbod uit dit CSV-bestand inlezen (alles of niets)")
    offers.set_defaults(run=_offers)


def _year(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--jaar", "--year", dest="year", required=required, metavar="2026-2027",
                        help="het schooljaar (1 augustus t/m 31 juli)")


def _board(args: argparse.Namespace) -> int:
    if args.db is None or args.year is None or args.out is None:
        raise KnooppuntError("Geef --db, --jaar en --uit, of een stap: combineren, rapport of sociale-kaart.")
    with open_db(args) as services:
        count = services.monitoring.export_board(args.year, args.out)
    print(f"Monitoringscijfers {args.year} van {count} {'locatie' if count == 1 else 'locaties'} geschreven "
          f"naar {args.out} (alleen aantallen; 1 t/m 4 als <5).")
    return 0


def _combine(args: argparse.Namespace) -> int:
    from ..exports import ExportFailed, reason
    from ..monitoring.board import load
    from ..monitoring.report import board_pdf

    files = [load(Path(f).read_text(encoding="utf-8"), Path(f).name) for f in args.files]
    data = board_pdf(files, made_on=date.today())
    out = Path(args.out)
    temporary = out.with_name(f".{out.name}.tmp")
    try:  # all or nothing: a half-written PDF never replaces an earlier one
        temporary.write_bytes(data)
        os.replace(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportFailed(out, reason(exc)) from exc
    print(f"{len(files)} {'bestand' if len(files) == 1 else 'bestanden'} samengevoegd in {args.out}")
    return 0


def _location_id(services: Services, name: str) -> int:
    location = services.locations.location_by_name(name)
    if location is None or location.id is None:
        raise KnooppuntError(f"Er is geen locatie met de naam ‘{name}’.")
    return int(location.id)


def _report(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        services.monitoring.export_report(_location_id(services, args.location), args.year, args.out)
    print(f"Monitoringsrapport {args.year} geschreven naar {args.out}")
    return 0


def _offers(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        location_id = _location_id(services, args.location)
        if args.export:
            count = services.offers.export_csv(location_id, args.export)
            print(f"{count} aanbod geschreven naar {args.export}")
        else:
            change = services.offers.import_csv(location_id, args.import_)
            print(f"{len(change.ids)} aanbod ingelezen uit {args.import_}")
    return 0

