"""``kinderen``: the children with their ids, for the commands that take ``--kind``."""

from __future__ import annotations

import argparse

from ..domain.enums import CasePhase
from .common import add_db_argument, command, open_db, optional_location_id


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    children = command(sub, "kinderen", "children", help="kinderen tonen: id, naam, locatie, fase van de casus")
    add_db_argument(children)
    children.add_argument("--locatie", "--location", metavar="NAAM", help="alleen deze locatie (standaard: alle)")
    children.add_argument("--zoek", "--search", metavar="TEKST", default="",
                          help="alleen kinderen met deze tekst in de naam (‘anais’ vindt ‘Anaïs’)")
    children.set_defaults(run=_children)


def _children(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        location_id = optional_location_id(services, args.locatie)
        views = services.children.children(location_id=location_id, search=args.zoek)
    rows = [(str(v.child.id), v.child.full_name, v.location_name,
             CasePhase(v.case_phase).label if v.case_phase else "geen casus") for v in views]
    header = ("id", "naam", "locatie", "fase")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3])
    print(f"{len(rows)} {'kind' if len(rows) == 1 else 'kinderen'}")
    return 0
