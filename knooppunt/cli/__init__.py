"""``knooppunt-cli``: headless tasks for administrators and scripts.

Subcommands live in small modules that each add themselves to the parser.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import KnooppuntError
from ..exports import reason
from . import (
    agreement_commands,
    backup_commands,
    database_commands,
    directory_commands,
    document_commands,
    meeting_commands,
    monitoring_commands,
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
    backup_commands,
    monitoring_commands,
]


EXIT_OK = 0
EXIT_PROBLEMS = 1  # ``check`` found problems
EXIT_REFUSED = 2  # an expected error: wrong passphrase, missing file, no consent, unwritable folder …
EXIT_USAGE = 64  # the command itself was wrong (unknown option, missing argument)

EPILOG = """\
Afsluitcodes:
  0   gelukt
  1   ‘check’ vond problemen in de database
  2   geweigerd of verwachte fout (wachtwoordzin, bestand ontbreekt of is niet te schrijven,
      geen toestemming …); er is niets half opgeslagen
  64  onjuiste opdracht (onbekende optie, ontbrekend argument)
"""

_USAGE_WORDS = {
    "the following arguments are required": "deze argumenten ontbreken",
    "unrecognized arguments": "onbekende argumenten",
    "invalid choice": "ongeldige keuze",
    "invalid int value": "geen geheel getal",
    "expected one argument": "verwacht één waarde",
    "not allowed with argument": "gaat niet samen met",
    "choose from": "kies uit",
    "argument ": "argument ",
}


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with a Dutch error line and exit code 64 (usage) instead of English and 2."""

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Gebruik:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Gebruik:", 1)

    def error(self, message: str):  # type: ignore[override]
        for english, dutch in _USAGE_WORDS.items():
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Onjuiste opdracht: {message}.  Zie knooppunt-cli --help.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="knooppunt-cli",
        description="Knooppunt zonder scherm: databases maken, controleren, importeren en afdrukken.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser._positionals.title = "opdrachten"
    parser._optionals.title = "opties"
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or EXIT_OK)
    except KnooppuntError as exc:
        print(f"Fout: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        print(f"Fout: het bestand{name} kon niet worden gelezen of geschreven: {reason(exc)}.", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
