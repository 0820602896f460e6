"""After start, the documents are warmed in small steps while the window is idle (see
knooppunt/documents/warm.py), so the first "Verslag en brief…" does not wait for imports, fonts
and templates.

The steps run on the GUI thread on purpose: importing modules on a worker thread while the GUI
thread runs (PySide's import hook inspects every new module) crashed the interpreter now and then.
Once imported here, the render thread of the first document imports nothing heavy any more.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer

from knooppunt.documents.render import TemplateRenderer

log = logging.getLogger(__name__)

# Each step blocks the (idle) window for at most a few tenths of a second.
WARM_IMPORTS = ("jinja2", "babel.dates", "lxml.etree", "reportlab.platypus", "z3c.rml.document", "pypdfium2")
STEP_PAUSE_MS = 40


def ensure_imported() -> None:
    """Import the layout libraries on this (the GUI) thread, before a render thread needs them;
    nothing to do once the warm-up after start has run."""
    for name in WARM_IMPORTS:
        importlib.import_module(name)


def warm_up_steps(renderer: TemplateRenderer) -> list[Callable[[], object]]:
    from knooppunt.documents.warm import warm_up

    steps: list[Callable[[], object]] = [partial(importlib.import_module, name) for name in WARM_IMPORTS]
    steps.append(lambda: warm_up(renderer))
    return steps


def warm_up_documents(renderer: TemplateRenderer, done: Callable[[], None] | None = None) -> None:
    """Run the warm-up steps one by one from the event loop; ``done`` is called after the last."""
    steps = warm_up_steps(renderer)

    def next_step() -> None:
        if not steps:
            if done is not None:
                done()
            return
        try:
            steps.pop(0)()
        except Exception:
            log.warning("Warming the documents failed", exc_info=True)
            steps.clear()
        QTimer.singleShot(STEP_PAUSE_MS, next_step)

    QTimer.singleShot(0, next_step)
