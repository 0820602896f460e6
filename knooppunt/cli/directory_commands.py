"""``locaties`` and ``partners``: the partner directory without a screen, for administrators.

    knooppunt-cli locaties --db DB                          list the locations
    knooppunt-cli locaties toevoegen --db DB --soort PO NAAM   add a location with the knooppunt's roles
    knooppunt-cli partners inlezen --db DB --locatie NAAM BESTAND   CSV or directory file, all or nothing
    knooppunt-cli partners exporteren --db DB --locatie NAAM --formaat csv|vcard|directory|pdf BESTAND

The English names of earlier versions (locations add, partners import/export, --location ...) still work.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.directory import Location
from ..domain.enums import LocationType
from ..errors import KnooppuntError
from ..services import Services
from . import regional_commands
from .common import command, open_db

_TYPES = [t.value for t in LocationType]
_FORMATS = ("csv", "vcard", "directory", "pdf")


def _db(parser: argparse.ArgumentParser, *, on_parent: bool = False) -> None:
    # On both ``locations`` and ``locations add``; the subcommand must not erase the parent's value.
    parser.add_argument("--db", type=Path, metavar="BESTAND", help="het databasebestand",
                        default=None if on_parent else argparse.SUPPRESS)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    locations = command(sub, "locaties", "locations", help="locaties tonen of toevoegen")
    _db(locations, on_parent=True)
    locations.add_argument("--alle", "--all", action="store_true", help="ook gearchiveerde locaties")
    locations.set_defaults(run=_list)
    location_sub = locations.add_subparsers(dest="locations_command", metavar="OPDRACHT")
    add = command(location_sub, "toevoegen", "add", help="nieuwe locatie met de vaste rollen van het knooppunt")
    _db(add)
    add.add_argument("--soort", "--type", required=True, choices=_TYPES, help="soort locatie")
    add.add_argument("--frequentie", "--frequency", type=int, default=6, metavar="WEKEN", help="knooppunt elke zoveel weken")
    add.add_argument("name", metavar="NAAM")
    add.set_defaults(run=_add)

    partners = command(sub, "partners", help="adresboek van een locatie importeren of exporteren")
    partner_sub = partners.add_subparsers(dest="partners_command", metavar="OPDRACHT", required=True)
    imp = command(partner_sub, "inlezen", "import", help="CSV of adresboekbestand inlezen (alles of niets)")
    _db(imp)
    imp.add_argument("--locatie", "--location", required=True, metavar="NAAM")
    imp.add_argument("--proefrit", "--dry-run", action="store_true", help="alleen de verschillen tonen, niets veranderen")
    imp.add_argument("file", type=Path, metavar="BESTAND")
    imp.set_defaults(run=_import)
    exp = command(partner_sub, "exporteren", "export", help="adresboek van een locatie wegschrijven")
    _db(exp)
    exp.add_argument("--locatie", "--location", required=True, metavar="NAAM")
    exp.add_argument("--formaat", "--format", required=True, choices=_FORMATS)
    exp.add_argument("file", type=Path, metavar="BESTAND")
    exp.set_defaults(run=_export)
    regional_commands.add_pull(partner_sub)


def _open(args: argparse.Namespace) -> Services:
    if not getattr(args, "db", None):
        raise KnooppuntError("Geef de database op met --db BESTAND.")
    return open_db(args)


def _list(args: argparse.Namespace) -> int:
    with _open(args) as services:
        today = services.store.now().date()
        locations = services.locations.locations(include_archived=args.alle)
        if not locations:
            print("Nog geen locaties. Voeg er een toe met: knooppunt-cli locaties toevoegen --db DB --soort PO NAAM")
            return 0
        for location in locations:
            assert location.id is not None
            views = services.locations.partners(location.id)
            filled = sum(1 for v in views if v.partner.is_filled)
            problems = sum(1 for v in views if v.mandate_problem(today))
            archived = f" [gearchiveerd {location.archived_on:%d-%m-%Y}]" if location.archived_on else ""
            print(f"{location.name}\t{location.type.value}\telke {location.frequency_weeks} weken\t"
                  f"{filled}/{len(views)} rollen ingevuld\t{problems} zonder geldig mandaat{archived}")
    return 0


def _add(args: argparse.Namespace) -> int:
    with _open(args) as services:
        location, _ = services.locations.create_location(
            Location(None, args.name, LocationType(args.soort), frequency_weeks=args.frequentie))
        assert location.id is not None
        roles = len(services.locations.partners(location.id))
    print(f"Locatie ‘{location.name}’ toegevoegd met {roles} rollen om in te vullen.")
    return 0


def _import(args: argparse.Namespace) -> int:
    with _open(args) as services:
        data = services.directory.read(args.file)
        plan = services.directory.plan_import(args.locatie, data)
        for change in plan.changes:
            print(f"  {change}")
        if args.proefrit:
            print(f"Proefrit, niets veranderd: {plan.summary}")
            return 0
        services.directory.apply_import(plan)
    print(f"Geïmporteerd in ‘{plan.location_name}’: {plan.summary}")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open(args) as services:
        location = services.locations.location_by_name(args.locatie)
        if location is None:
            raise KnooppuntError(f"Er is geen locatie ‘{args.locatie}’.")
        assert location.id is not None
        services.directory.export(location.id, args.file, args.formaat)
    print(f"Adresboek van ‘{location.name}’ geëxporteerd ({args.formaat}): {args.file}")
    return 0
