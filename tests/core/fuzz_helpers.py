"""Generated hostile input for the importer fuzz tests.

How many inputs each importer gets: the hypothesis profile ``fuzz-ci`` (10,000, the default) or
``KNOOPPUNT_FUZZ_PROFILE=fuzz-long`` (100,000); ``KNOOPPUNT_FUZZ_INPUTS=N`` sets any other number. Hypothesis generates them in batches
of ``BATCH`` per example; most are a valid file with one to three parts replaced by a hostile
value (cheap to draw, so the checks deep inside the importer run too).
"""

from __future__ import annotations

import copy
import json
import os
import re
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

BATCH = 20
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
# Hypothesis profiles: "fuzz-ci" (10,000 inputs per importer) and "fuzz-long" (100,000).
settings.register_profile("fuzz-ci", max_examples=10_000 // BATCH, deadline=None, database=None,
                          suppress_health_check=_HEALTH)
settings.register_profile("fuzz-long", settings.get_profile("fuzz-ci"), max_examples=100_000 // BATCH)
_profile = settings.get_profile(os.environ.get("KNOOPPUNT_FUZZ_PROFILE", "fuzz-ci"))
INPUTS = int(os.environ.get("KNOOPPUNT_FUZZ_INPUTS", _profile.max_examples * BATCH))
EXAMPLES = max(1, INPUTS // BATCH)
fuzz_settings = settings(_profile, max_examples=EXAMPLES)

# Number tokens json.dumps never writes but a file may hold (1e400 is infinity to Python).
RAW_NUMBERS = ["1e400", "-1e400", "1E999", "NaN", "Infinity", "-Infinity", "6.5", "6.0", "-3", "0", "-0",
               "1" * 5000, "123456789012345678901234567890", "0.0000001", "52", "53", "1", "2e1"]
_RAW = "\x00RAW"
_DELETE = "\x00DELETE"

# What a hostile or broken file puts where a value belongs.
HOSTILE: list[Any] = [
    *(_RAW + token for token in RAW_NUMBERS), 10**30, -(10**30), 2**63, -1, 0, 1.5, -0.0, True, False, None,
    "", " ", "=1+2", "31-02-2027", "2027-13-01", "99999-01-01", "0001-01-01", "\x00", "x" * 300, "é" * 30_000,
    "structureel", "PO", "06 12345678", "+1+cmd|'/c calc'!A0", "a@b.nl", "@", [], [1], ["a", None], {}, {"x": 1},
    {"name": 5}, {"details": [{"details": [{"details": []}]}]}, [[[[[]]]]], _DELETE,
]
hostile_number = st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True))
hostile_json = st.recursive(st.one_of(hostile_number, st.none(), st.text(max_size=12)),
                            lambda inner: st.lists(inner, max_size=3)
                            | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def batch(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, min_size=BATCH, max_size=BATCH)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        found += _paths(child, (*prefix, key))
    return found


def _apply(template: Any, changes: list[tuple[tuple[Any, ...], Any]]) -> Any:
    document = copy.deepcopy(template)
    for path, value in changes:
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == _DELETE:
                del parent[path[-1]]
            else:
                parent[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this part
    return document


def mutated(template: Any) -> st.SearchStrategy[Any]:
    """The template with one to three parts replaced by hostile values."""
    change = st.tuples(st.sampled_from(_paths(template)), st.one_of(st.sampled_from(HOSTILE), hostile_number))
    return st.lists(change, min_size=1, max_size=3).map(lambda changes: _apply(template, changes))


def dumps(document: Any) -> bytes:
    """JSON text of ``document`` with the raw number tokens put in unquoted."""
    text = json.dumps(document, ensure_ascii=True)
    return re.sub(r'"\\u0000RAW([^"]*)"', r"\1", text).encode()
