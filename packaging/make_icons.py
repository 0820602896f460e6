"""Render resources/icons/knooppunt.svg to the icon files every platform wants.

Run from a source checkout (needs PySide6, which the project already depends on):

    python packaging/make_icons.py

Writes, into resources/icons/ (committed, so Windows and macOS builds need no extra tool):
- ``hicolor/<N>x<N>/knooppunt.png`` for N in 16, 32, 48, 64, 128, 256 (Linux desktop icons),
- ``knooppunt.ico`` with 16…256 px PNG images (Windows; PNG-in-ICO, Windows Vista and later),
- ``knooppunt.icns`` with 16…1024 px PNG images (macOS; types icp4…ic10),
- ``knooppunt-1024.png``, the large master image, from which macOS' ``iconutil`` or any other
  tool can make an icon again.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
LINUX_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "icns" format).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024))


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose images are PNGs (accepted since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_file(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text needs it
    renderer = QSvgRenderer(str(ICONS / "knooppunt.svg"))
    if not renderer.isValid():
        print(f"Kan {ICONS / 'knooppunt.svg'} niet lezen", file=sys.stderr)
        return 1
    sizes = sorted(set(LINUX_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(renderer, size) for size in sizes}
    for size in LINUX_SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "knooppunt.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (ICONS / "knooppunt.ico").write_bytes(ico_file({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "knooppunt.icns").write_bytes(icns_file(pngs))
    (ICONS / "knooppunt-1024.png").write_bytes(pngs[1024])
    print(f"Iconen geschreven in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
