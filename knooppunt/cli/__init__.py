"""``knooppunt-cli``: headless tasks for administrators and scripts.

Subcommands live in small modules that each add themselves to the parser.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import KnooppuntError
from . import (
    agreement_commands,
    database_commands,
    directory_commands,
    document_commands,
    meeting_commands,
    transfer_commands,
)

# Each module offers ``register(subparsers)``; later features add theirs here.
COMMAND_MODULES = [
    database_commands,
    directory_commands,
    agreement_commands,
    meeting_commands,
    document_commands,
    transfer_commands,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knooppunt-cli",
        description="Knooppunt zonder scherm: databases maken, controleren, importeren en afdrukken.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KnooppuntError as exc:
        print(f"Fout: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
