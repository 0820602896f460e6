"""Python's cycle collector runs only on the GUI thread, on a timer (ui/garbage.py)."""

from __future__ import annotations

import gc
import weakref

from ui.app import create_application
from ui.garbage import GarbageCollector, collect_if_due


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_the_app_turns_automatic_collection_off_and_collects_on_a_timer(qapp):
    app = create_application(["knooppunt-test"])
    create_application(["knooppunt-test"])  # again, as tests do: still one collector
    assert not gc.isenabled()
    collectors = app.findChildren(GarbageCollector)
    assert len(collectors) == 1 and collectors[0]._timer.isActive()


def test_a_cycle_is_collected_once_its_generation_is_due_and_not_before():
    gc.collect()
    first = _Node()
    watched = weakref.ref(first)
    del first
    collect_if_due()
    assert watched() is not None  # nothing due yet: no collection at an arbitrary moment
    cycles = [_Node() for _ in range(gc.get_threshold()[0] + 10)]
    del cycles
    collect_if_due()
    assert watched() is None
