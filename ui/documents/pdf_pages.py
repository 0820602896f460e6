"""PDF pages as images, for the preview and for printing.

PySide6-Essentials has no QtPdf module (``QPdfView`` ships in PySide6-Addons), so pages are drawn
with PDFium (``pypdfium2``) into plain QImages. Safe to call on a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from PySide6.QtGui import QImage

_PDFIUM_LOCK = threading.Lock()  # PDFium itself is not thread-safe


def page_count(pdf: bytes) -> int:
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium  # imported at the first preview, not at start-up

        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def page_images(pdf: bytes, dpi: float, progress: Callable[[int, int], None] | None = None) -> Iterator[QImage]:
    """Each page as an RGB image at ``dpi`` dots per inch (72 = the PDF's own size)."""
    with _PDFIUM_LOCK:
        import pypdfium2 as pdfium  # imported at the first preview, not at start-up

        document = pdfium.PdfDocument(pdf)
        try:
            total = len(document)
            for index in range(total):
                page = document[index]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB888).copy()
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                bitmap.close()
                page.close()
                if progress:
                    progress(index + 1, total)
                yield image
        finally:
            document.close()
