"""AVG without a screen: ``inzage``, ``bewaartermijn`` (retention) and ``wissen`` (erase)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KnooppuntError
from ..services.privacy.erasure import ErasureReason
from .common import add_db_argument, command, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    retention = command(sub, "bewaartermijn", "retention",
                               help="kinderen voorbij de bewaartermijn tonen (met --uitvoeren: wissen)")
    add_db_argument(retention)
    retention.add_argument("--uitvoeren", "--apply", dest="apply", action="store_true", help="wis de getoonde kinderen (alles of niets)")
    retention.set_defaults(run=_retention)

    erase = command(sub, "wissen", "erase",
                           help="alle gegevens van één kind wissen (zonder --ja: alleen tonen wat verdwijnt)")
    add_db_argument(erase)
    erase.add_argument("--kind", "--child", dest="child", required=True, type=int, metavar="ID", help="nummer van het kind")
    erase.add_argument("--reden", "--reason", dest="reden", default=ErasureReason.REQUEST.value,
                       choices=[r.value for r in ErasureReason if r != ErasureReason.RETENTION],
                       help="waarom (komt in het logboek): verzoek (standaard) of niet_meer_nodig")
    erase.add_argument("--ja", "--yes", dest="yes", action="store_true", help="bevestig: echt wissen")
    erase.set_defaults(run=_erase)

    inzage = command(sub, "inzage", help="inzage voor ouders: PDF en JSON met alles over één kind (AVG art. 15)")
    add_db_argument(inzage)
    inzage.add_argument("--kind", "--child", dest="child", required=True, type=int, metavar="ID", help="nummer van het kind")
    inzage.add_argument("--uit", "--out", dest="out", required=True, type=Path, metavar="MAP", help="map voor de PDF en de JSON")
    inzage.add_argument("--niet-verstrekken", "--withhold", action="append", default=[], metavar="NOTITIE=REDEN",
                        dest="withheld", help="een notitie niet verstrekken, met de reden (AVG art. 15 lid 4); "
                                              "herhaalbaar. Zie --interne-notities voor de nummers")
    inzage.add_argument("--interne-notities", "--internal-notes", dest="interne_notities", action="store_true",
                        help="alleen de interne notities van het kind tonen (om te beoordelen), niets maken")
    inzage.set_defaults(run=_inzage)

    register = command(sub, "verwerkingsregister", "register",
                              help="verwerkingsregister (AVG art. 30) van een locatie als PDF of CSV")
    add_db_argument(register)
    register.add_argument("--locatie", "--location", dest="location", required=True, metavar="NAAM", help="naam van de locatie")
    register.add_argument("--uit", "--out", dest="out", required=True, type=Path, metavar="BESTAND", help="BESTAND.pdf of BESTAND.csv")
    register.set_defaults(run=_register)


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
            print(f"{len(due)} kind(eren) voorbij de bewaartermijn. Wis ze met --uitvoeren.")
    return 0


def _erase(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        preview = services.erasure.preview(args.child)
        print(f"Wissen: {preview.child_name} (kind {preview.child_id}) met {preview.summary()}.")
        if preview.meeting_reports:
            print(f"Ook {preview.meeting_reports} vastgesteld overlegverslag waarin dit kind staat.")
        if not args.yes:
            print("Niets gewist. Bevestig met --ja.")
            return 0
        services.erasure.erase(args.child, ErasureReason(args.reden))
    print(f"Kind {args.child} is gewist.")
    return 0


def _inzage(args: argparse.Namespace) -> int:
    withheld: dict[int, str] = {}
    for item in args.withheld:
        number, _, why = item.partition("=")
        if not number.strip().isdigit() or not why.strip():
            raise KnooppuntError(f"‘{item}’: gebruik NOTITIE=REDEN, bijvoorbeeld 12=gaat over een ander gezinslid.")
        withheld[int(number)] = why
    with open_db(args) as services:
        if args.interne_notities:
            for note in services.inzage.internal_notes(args.child):
                print(f"notitie {note.note_id}: {note.meeting_date} · {note.agenda_item}: {note.text}")
            return 0
        files = services.inzage.export(args.child, args.out, withheld)
    print(f"Inzage gemaakt: {files.pdf} en {files.json} ({files.withheld} passage(s) niet verstrekt).")
    return 0


def _register(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        location = services.locations.location_by_name(args.location)
        if location is None:
            raise KnooppuntError(f"Er is geen locatie ‘{args.location}’ in deze database.")
        assert location.id is not None
        services.register.save(location.id, args.out)
    print(f"Verwerkingsregister van {location.name} geschreven: {args.out}")
    return 0
