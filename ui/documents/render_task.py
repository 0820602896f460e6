"""Rendering a document (and its preview pages) off the GUI thread, with progress."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, Signal

from knooppunt.documents import RenderJob
from knooppunt.errors import KnooppuntError

from .pdf_pages import page_images

log = logging.getLogger(__name__)
PREVIEW_DPI = 88


class RenderSignals(QObject):
    progressed = Signal(int)  # 0..100
    finished = Signal(object, list)  # RenderedDocument, [QImage] preview pages
    failed = Signal(str)


class RenderTask(QRunnable):
    """Runs a prepared ``RenderJob`` (no database access) and draws its pages for the preview."""

    def __init__(self, job: RenderJob, *, preview_dpi: float = PREVIEW_DPI) -> None:
        super().__init__()
        self.job = job
        self.preview_dpi = preview_dpi
        self.signals = RenderSignals()
        self.setAutoDelete(False)  # the owner keeps it until its signals arrived

    def run(self) -> None:
        try:
            rendered = self.job.run(lambda percent: self.signals.progressed.emit(int(percent * 0.7)))
            pages = list(page_images(
                rendered.pdf, self.preview_dpi,
                lambda done, total: self.signals.progressed.emit(70 + int(30 * done / total)),
            ))
        except KnooppuntError as exc:  # e.g. a location's own template with an error in it
            self.signals.failed.emit(exc.message)
            return
        except Exception as exc:
            log.exception("Rendering %s failed", self.job.target)
            self.signals.failed.emit(f"Het document kon niet worden gemaakt: {exc}")
            return
        self.signals.finished.emit(rendered, pages)
