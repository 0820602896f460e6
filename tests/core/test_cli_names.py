"""Every command and option of ``knooppunt-cli`` is shown under a Dutch name; the English name of
earlier versions is a hidden alias. Walks the whole argparse tree, so a new command cannot slip in
under an English name."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from knooppunt.cli import build_parser, main

# Names that are the same word in Dutch and English (or a format): no alias needed.
SAME_WORDS = {"demo", "partners", "inzage", "monitoring", "--db", "--url", "--csv", "--pdf", "--ics", "--help",
              "server", "--host", "--database", "--ca"}


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, child in action.choices.items():  # the first name of each command, then its aliases
                if id(child) not in seen:
                    seen.add(id(child))
                    yield from _parsers(child, (*path, name))


def _commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, list[str]]]:
    """(shown name, all names) of every subcommand, at every level."""
    for _path, p in _parsers(parser):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                by_parser: dict[int, list[str]] = {}
                for name, child in action.choices.items():
                    by_parser.setdefault(id(child), []).append(name)
                for names in by_parser.values():
                    yield names[0], names


def _options(parser: argparse.ArgumentParser) -> Iterator[tuple[str, list[str]]]:
    for path, p in _parsers(parser):
        for action in p._actions:
            long_names = [o for o in action.option_strings if o.startswith("--")]
            if long_names:
                yield " ".join(path) + " " + long_names[0], long_names


def _english_names(parser: argparse.ArgumentParser) -> set[str]:
    names = {n for _shown, all_names in _commands(parser) for n in all_names[1:]}
    return names | {n for _shown, all_names in _options(parser) for n in all_names[1:]}


def test_every_command_is_shown_under_a_dutch_name_with_a_hidden_english_alias():
    parser = build_parser()
    english = _english_names(parser)
    for shown, names in _commands(parser):
        assert shown not in english, f"{shown} is the English alias of another command"
        assert len(names) > 1 or shown in SAME_WORDS, f"command {shown} has no English alias"
        assert all(name != shown for name in names[1:]), shown


def test_every_option_has_a_dutch_first_long_name_with_an_english_alias():
    parser = build_parser()
    english = _english_names(parser)
    for where, names in _options(parser):
        first = names[0]
        assert first not in english or first in SAME_WORDS, f"{where}: English first"
        assert len(names) > 1 or first in SAME_WORDS, f"{where} has no English alias"


def test_no_help_page_lists_an_english_alias(capsys):
    parser = build_parser()
    english = _english_names(parser) - SAME_WORDS
    for path, _p in _parsers(parser):
        with pytest.raises(SystemExit) as info:
            main([*path, "--help"])
        assert info.value.code == 0
        text = capsys.readouterr().out
        options = {w.strip("[](),|:.'‘’") for w in text.split() if w.strip("[](),|:.'‘’").startswith("--")}
        listed = {line.split()[0] for line in text.splitlines() if line.startswith("    ") and line.split()}
        in_brackets = set(re.findall(r"\((\S+)\)", text))  # argparse's "naam (alias)"
        shown = (options | listed | in_brackets) & english
        assert not shown, f"knooppunt-cli {' '.join(path)} --help shows {shown}"


def test_output_files_are_named_with_uit_and_out_still_works(demo_db, tmp_path):
    parser = build_parser()
    for where, names in _options(parser):
        if "--out" in names:
            assert names[0] in {"--uit", "--pdf"}, where
    register = tmp_path / "register.csv"
    assert main(["verwerkingsregister", "--db", str(demo_db), "--locatie", "Kindcentrum De Vlinderboom",
                 "--uit", str(register)]) == 0
    assert register.read_text(encoding="utf-8-sig").strip()
    assert main(["register", "--db", str(demo_db), "--location", "Kindcentrum De Vlinderboom",
                 "--out", str(tmp_path / "old.csv")]) == 0
    assert (tmp_path / "old.csv").read_bytes() == register.read_bytes()
