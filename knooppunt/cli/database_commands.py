"""``nieuw``, ``demo`` and ``controleren`` (formerly ``init`` and ``check``): make and check encrypted databases."""

from __future__ import annotations

import argparse

from ..composition import open_services
from ..services.demo import build_demo
from .common import add_db_argument, command, open_db, passphrase


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = command(sub, "nieuw", "init", help="nieuwe, versleutelde database maken")
    add_db_argument(init)
    init.set_defaults(run=_init)

    demo = command(sub, "demo", help="nieuwe database met fictieve demogegevens maken")
    add_db_argument(demo)
    demo.set_defaults(run=_demo)

    check = command(sub, "controleren", "check", help="integriteit en schema van een database controleren")
    add_db_argument(check)
    check.set_defaults(run=_check)


def _init(args: argparse.Namespace) -> int:
    services = open_services(args.db, passphrase(confirm=True), create=True)
    services.close()
    print(f"Nieuwe versleutelde database gemaakt: {args.db}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    with open_services(args.db, passphrase(confirm=True), create=True) as services:
        build_demo(services)
    print(f"Demodatabase gemaakt: {args.db}")
    return 0


def _check(args: argparse.Namespace) -> int:
    with open_db(args) as services:
        problems = services.store.check()
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} probleem/problemen gevonden in {args.db}.")
        return 1
    print(f"In orde: {args.db} is leesbaar, volledig en up-to-date.")
    return 0
