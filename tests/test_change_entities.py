"""``Change.entity`` is an ``Entity``: what a view listens for is something a service emits.

A scan of the source, so a page that waits for an entity nothing emits (the old ``"contact"``)
fails here instead of silently never refreshing.
"""

from __future__ import annotations

import ast
from pathlib import Path

from knooppunt.domain.changes import Entity

ROOT = Path(__file__).resolve().parent.parent


def _trees(folder: str) -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted((ROOT / folder).rglob("*.py"))]


def _is_change_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "Change") or (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "Change")


def _entities_in(node: ast.AST) -> set[str]:
    return {sub.attr for sub in ast.walk(node) if isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name) and sub.value.id == "Entity"}


def _change_calls() -> list[tuple[Path, ast.Call]]:
    return [(path, node) for path, tree in _trees("knooppunt") for node in ast.walk(tree)
            if _is_change_call(node) and path.name != "changes.py"]


def emitted() -> set[str]:
    """Every entity some ``Change(...)``/``Change.created(...)`` in the core names."""
    names: set[str] = set()
    for _path, call in _change_calls():
        names |= _entities_in(call.args[0]) if call.args else set()
    return names


def test_every_change_names_its_entity_with_the_enum():
    bare = [f"{path.relative_to(ROOT)}:{call.lineno}" for path, call in _change_calls()
            if not call.args or not _entities_in(call.args[0])]
    assert bare == []


def test_every_entity_a_view_listens_for_is_emitted_by_some_service():
    listened = set().union(*(_entities_in(tree) for _path, tree in _trees("ui")))
    assert listened, "the views listen for no entity at all: the scan is broken"
    assert listened - emitted() == set()


def test_every_entity_in_the_enum_is_emitted():
    assert {member.name for member in Entity} == emitted()


def test_entities_compare_equal_to_their_old_strings():
    assert Entity.CHILD == "child" and "contact" not in {member.value for member in Entity}
