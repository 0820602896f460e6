"""Several filled templates (a letter per parent) as one RML document, each numbered on its own.

Each letter keeps its own page template (its header and footer, in its own language) and its own
styles (a right-to-left letter aligns right), renamed so they cannot clash. Its pages are
numbered "Pagina 1 van 3" from its own first page: the page counts come from laying each letter
out once on its own, and ``<pageNumber countingFrom>`` shifts the numbers of the later ones.
"""

from __future__ import annotations

from typing import Any

LAST_PAGE = "laatstePagina"


def merge(roots: list[Any], page_counts: list[int]) -> Any:
    """The first root, with the stories of the others appended (each from a new page)."""
    from lxml import etree

    first = roots[0]
    story = first.find("story")
    marker = story[-1] if len(story) and story[-1].tag == "namedString" else None
    if marker is not None:
        story.remove(marker)
    offset = 0
    for index, (root, pages) in enumerate(zip(roots, page_counts, strict=True)):
        template = root.find("template/pageTemplate")
        _number_from(template, offset, pages)
        if index == 0:
            offset += pages
            continue
        suffix = f"_{index + 1}"
        renamed = _rename_styles(root, suffix)
        template.set("id", template.get("id", "pagina") + suffix)
        first.find("template").append(template)
        sheet = first.find("stylesheet")
        for style in list(root.find("stylesheet")):
            sheet.append(style)
        story.append(etree.Element("setNextTemplate", name=template.get("id")))
        story.append(etree.Element("nextPage"))
        own = root.find("story")
        for element in list(own):
            if element.tag == "namedString" and element.get("id") == LAST_PAGE:
                continue
            for node in element.iter():
                if node.get("style") in renamed:
                    node.set("style", node.get("style") + suffix)
            story.append(element)
        offset += pages
    return first


def _number_from(template: Any, offset: int, pages: int) -> None:
    """Page numbers of this letter start at 1 on its first page; "van N" is its own page count."""
    for number in template.iter("pageNumber"):
        number.set("countingFrom", str(1 - offset))
    for name in list(template.iter("getName")):
        if name.get("id") == LAST_PAGE:
            parent = name.getparent()
            text = f"{pages}{name.tail or ''}"
            previous = name.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + text
            else:
                parent.text = (parent.text or "") + text
            parent.remove(name)


def _rename_styles(root: Any, suffix: str) -> set[str]:
    renamed: set[str] = set()
    for style in root.find("stylesheet"):
        key = "name" if style.tag == "paraStyle" else "id"
        if style.get(key):
            renamed.add(style.get(key))
            style.set(key, style.get(key) + suffix)
    for style in root.find("stylesheet"):
        if style.get("parent") in renamed:
            style.set("parent", style.get("parent") + suffix)
    return renamed
