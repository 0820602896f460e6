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
