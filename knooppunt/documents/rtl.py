"""Right-to-left text (Arabic) in the RML, made visual before ReportLab lays it out.

ReportLab draws glyphs left to right and does not join Arabic letters by itself (that needs
optional C libraries). So for a right-to-left letter every paragraph is turned into *visual*
lines here: ``arabic_reshaper`` picks the joined letter forms, the paragraph is broken into lines
that fit the column (measured with the embedded font), and ``python-bidi`` puts each line in
display order (a Dutch name or the user's Dutch text inside stays readable left to right). The
paragraphs are right-aligned, bullets go to the right, and table columns run from right to left.

Inline bold is dropped in these paragraphs (a line is measured in one font).
"""

from __future__ import annotations

import re
from typing import Any

from .. import paths

_FRAME_WIDTH = 16.6 * 72 / 2.54
_CELL_PADDING = 12.0  # ReportLab's default 6 pt left and right
_SAFETY = 0.94  # bold parts and rounding: a line must never be re-wrapped by ReportLab


def right_to_left(source: str) -> str:
    from lxml import etree

    from .render import _parser

    root = etree.fromstring(source.encode("utf-8"), _parser())
    styles = _styles(root)
    for style in root.iter("paraStyle"):
        style.set("alignment", "right")
        indent = style.get("leftIndent")
        if indent:
            style.set("rightIndent", indent)
            style.set("leftIndent", "0")
    for table in root.iter("blockTable"):
        widths = table.get("colWidths")
        if widths:
            table.set("colWidths", ",".join(reversed(widths.split(","))))
        for row in table.iter("tr"):
            cells = list(row)
            for cell in cells:
                row.remove(cell)
            row.extend(reversed(cells))
    for para in list(root.iter("para")):
        _visual_para(para, styles)
    for drawing in ("drawString", "drawRightString", "drawCentredString"):
        for element in root.iter(drawing):
            if len(element) == 0 and element.text and _has_rtl(element.text):
                element.text = _display(element.text.strip())
    return str(etree.tostring(root, encoding="unicode"))


_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _has_rtl(text: str) -> bool:
    return bool(_RTL_CHARS.search(text))


def _display(line: str) -> str:
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(line), base_dir="R"))


def _styles(root: Any) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for style in root.iter("paraStyle"):
        found[style.get("name")] = dict(style.attrib)

    def resolved(name: str, key: str, default: str) -> str:
        seen = 0
        while name in found and seen < 10:
            if key in found[name]:
                return found[name][key]
            name, seen = found[name].get("parent", ""), seen + 1
        return default

    return {name: {"fontName": resolved(name, "fontName", "DejaVuSans"),
                   "fontSize": resolved(name, "fontSize", "10"),
                   "leftIndent": resolved(name, "leftIndent", "0")} for name in found}


def _available_width(para: Any, style: dict[str, str]) -> float:
    cell = next((a for a in para.iterancestors() if a.tag == "td"), None)
    if cell is None:
        width = _FRAME_WIDTH
    else:
        table = next(a for a in cell.iterancestors() if a.tag == "blockTable")
        widths = [_points(w) for w in (table.get("colWidths") or "").split(",") if w.strip()]
        index = list(cell.getparent()).index(cell)
        width = (widths[index] if index < len(widths) else _FRAME_WIDTH / max(len(widths), 1)) - _CELL_PADDING
    return (width - float(style.get("leftIndent", "0"))) * _SAFETY


def _points(value: str) -> float:
    value = value.strip()
    for unit, factor in (("cm", 72 / 2.54), ("mm", 72 / 25.4), ("in", 72.0), ("pt", 1.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


def _logical_lines(para: Any) -> list[str]:
    """The paragraph's text with inline markup dropped; ``<br/>`` starts a new line."""
    lines = [para.text or ""]
    for child in para.iterdescendants():
        if child.tag == "br":
            lines.append("")
        else:
            lines[-1] += child.text or ""
        lines[-1] += child.tail or ""
    return [" ".join(line.split()) for line in lines]


def _visual_para(para: Any, styles: dict[str, dict[str, str]]) -> None:
    style = styles.get(para.get("style", "tekst"), {"fontName": "DejaVuSans", "fontSize": "10", "leftIndent": "0"})
    lines = _logical_lines(para)
    if not any(_has_rtl(line) for line in lines):
        # Only left-to-right text (a name, the user's Dutch): kept as typed, its bullet on the right.
        bullet = para.attrib.pop("bulletText", None)
        if bullet:
            last = para[-1] if len(para) else None
            if last is not None:
                last.tail = (last.tail or "") + f" {bullet}"
            else:
                para.text = (para.text or "") + f" {bullet}"
        return
    bullet = para.attrib.pop("bulletText", None)
    if bullet:
        lines[0] = f"{bullet} {lines[0]}"
    width = _available_width(para, style)
    font, size = style["fontName"], float(style["fontSize"])
    visual: list[str] = []
    for line in lines:
        visual.extend(_display(part) for part in _wrap(line, font, size, width))
    for child in list(para):
        para.remove(child)
    from lxml import etree

    para.text = visual[0] if visual else ""
    for line in visual[1:]:
        br = etree.SubElement(para, "br")
        br.tail = line


def _wrap(line: str, font: str, size: float, width: float) -> list[str]:
    import arabic_reshaper
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register_fonts()
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(arabic_reshaper.reshape(candidate), font, size) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    out.append(current)
    return out


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf")):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", file))))
