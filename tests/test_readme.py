"""The README's test command is what CI runs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.startswith("python3 -m venv .venv")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(commands) == 1
    assert f"   {commands[0]}\n" in readme


def test_ci_runs_the_linter_the_type_checker_and_the_contracts_after_the_tests():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tests = text.index("python3 -m venv .venv")
    for check in (".venv/bin/ruff check .", ".venv/bin/mypy", ".venv/bin/lint-imports"):
        assert text.index(check) > tests, check
    assert "set -euo pipefail" in text


def test_the_readme_links_every_page_of_docs_and_every_cli_command():
    """A new page in docs/ or a new knooppunt-cli command is findable from the README."""
    from knooppunt.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = sorted(path.name for path in (ROOT / "docs").glob("*.md"))
    assert pages and [p for p in pages if f"](docs/{p})" not in readme] == []
    parser = build_parser()
    [commands] = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    shown = [str(choice.metavar or choice.dest) for choice in commands._get_subactions()]
    assert shown and [c for c in shown if f"knooppunt-cli {c} " not in readme] == []
