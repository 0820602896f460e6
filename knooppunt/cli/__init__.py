"""``knooppunt-cli``: headless tasks for administrators and scripts.

Subcommands live in small modules that each add themselves to the parser.
"""

from __future__ import annotations

import argparse
import copy
import logging
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ..errors import KnooppuntError
from ..exports import reason
from . import (
    agreement_commands,
    audit_commands,
    backup_commands,
    checkout_commands,
    child_commands,
    database_commands,
    directory_commands,
    document_commands,
    meeting_commands,
    monitoring_commands,
    privacy_commands,
    regional_commands,
    server_commands,
    transfer_commands,
)

# Each module offers ``register(subparsers)``; later features add theirs here.
COMMAND_MODULES = [
    database_commands,
    directory_commands,
    child_commands,
    agreement_commands,
    meeting_commands,
    document_commands,
    transfer_commands,
    backup_commands,
    privacy_commands,
    regional_commands,
    audit_commands,
    monitoring_commands,
    server_commands,
    checkout_commands,
]


EXIT_OK = 0
EXIT_PROBLEMS = 1  # ``check`` found problems
EXIT_REFUSED = 2  # an expected error: wrong passphrase, missing file, no consent, unwritable folder …
EXIT_USAGE = 64  # the command itself was wrong (unknown option, missing argument)

EPILOG = """\
Afsluitcodes:
  0   gelukt
  1   ‘controleren’ vond problemen in de database
  2   geweigerd of verwachte fout (wachtwoordzin, bestand ontbreekt of is niet te schrijven,
      geen toestemming …); er is niets half opgeslagen
  64  onjuiste opdracht (onbekende optie, ontbrekend argument)
"""

_USAGE_WORDS = {
    "the following arguments are required": "deze argumenten ontbreken",
    "one of the arguments": "één van deze argumenten",
    "is required": "is verplicht",
    "unrecognized arguments": "onbekende argumenten",
    "invalid choice": "ongeldige keuze",
    "invalid int value": "geen geheel getal",
    "expected one argument": "verwacht één waarde",
    "not allowed with argument": "gaat niet samen met",
    "choose from": "kies uit",
    "argument ": "argument ",
}


class DutchHelpFormatter(argparse.HelpFormatter):
    """Options are listed under their Dutch name only; the English aliases after it stay hidden."""

    def _format_action_invocation(self, action: argparse.Action) -> str:
        long_names = [o for o in action.option_strings if o.startswith("--")]
        if len(long_names) > 1:
            shown = [o for o in action.option_strings if not o.startswith("--")] + long_names[:1]
            action = copy.copy(action)
            action.option_strings = shown
        return super()._format_action_invocation(action)


def _shown_commands(action: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[str]:
    # The subcommands as the help lists them: Dutch names only (see ``common.command``).
    return [str(choice.metavar or choice.dest) for choice in action._get_subactions()]


class _TopHelpFormatter(DutchHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """The exit codes in the epilog keep their lines."""


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with a Dutch error line and exit code 64 (usage) instead of English and 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # our own -h with a Dutch text, below
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="deze hulp tonen en stoppen")

    def _without_hidden_commands(self, message: str) -> str:
        """An unknown command lists the Dutch commands to choose from, not the English aliases."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and message.startswith(f"argument {action.metavar}:"):
                shown = "(kies uit " + ", ".join(f"'{name}'" for name in _shown_commands(action)) + ")"
                start = message.find("(kies uit ")  # the list of choices ends the message
                return message[:start] + shown if start >= 0 else message
        return message

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Gebruik:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "Gebruik:", 1)

    def error(self, message: str) -> NoReturn:
        for english, dutch in _USAGE_WORDS.items():
            message = message.replace(english, dutch)
        message = re.sub(r"(--[\w-]+)/--[\w-]+", r"\1", message)  # "--kind/--child": the Dutch name
        message = self._without_hidden_commands(message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Onjuiste opdracht: {message}.  Zie knooppunt-cli --help.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="knooppunt-cli",
        description="Knooppunt zonder scherm: databases maken, controleren, importeren en afdrukken.",
        epilog=EPILOG,
        formatter_class=_TopHelpFormatter,
    )
    parser._positionals.title = "opdrachten"
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
