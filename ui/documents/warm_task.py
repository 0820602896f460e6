"""After start, the documents are warmed on a worker thread (see knooppunt/documents/warm.py), so
the first "Verslag en brief…" does not wait for imports, fonts and templates."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRunnable, QThreadPool

from knooppunt.documents.render import TemplateRenderer

log = logging.getLogger(__name__)


class WarmUpTask(QRunnable):
    def __init__(self, renderer: TemplateRenderer) -> None:
        super().__init__()
        self._renderer = renderer

    def run(self) -> None:
        try:
            from knooppunt.documents.warm import warm_up

            warm_up(self._renderer)
            import pypdfium2  # noqa: F401 - the preview's PDF renderer, imported for the first preview
        except Exception:  # noqa: BLE001 - only a head start: the real document reports its own errors
            log.warning("Warming the documents failed", exc_info=True)


def warm_up_documents(renderer: TemplateRenderer) -> None:
    QThreadPool.globalInstance().start(WarmUpTask(renderer))
