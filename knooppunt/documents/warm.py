"""Warming the documents after start: the first "Verslag en brief" took seconds because jinja2,
Babel, lxml, ReportLab and z3c.rml were imported, the fonts read and the templates compiled at
that moment. ``warm_up`` does that work ahead, off the GUI thread, while nobody waits for it."""

from __future__ import annotations

from datetime import date

from .. import paths
from ..dates import dutch_date
from .model import DocumentKind
from .render import TemplateRenderer, rml_to_pdf

# One line of text in the program's own fonts: lays out through the same code as a real document.
_TINY_DOCUMENT = """<?xml version="1.0" encoding="utf-8"?>
<document filename="warm.pdf" invariant="1">
<docinit>
  <registerTTFont faceName="DejaVuSans" fileName="{regular}"/>
  <registerTTFont faceName="DejaVuSans-Bold" fileName="{bold}"/>
</docinit>
<template pageSize="(21cm, 29.7cm)">
  <pageTemplate id="pagina"><frame id="tekst" x1="2cm" y1="2cm" width="17cm" height="25cm"/></pageTemplate>
</template>
<stylesheet><paraStyle name="gewoon" fontName="DejaVuSans" fontSize="10"/></stylesheet>
<story><para style="gewoon">Knooppunt</para></story>
</document>"""


def warm_up(renderer: TemplateRenderer) -> None:
    """Compile every built-in template and lay out one tiny PDF; nothing is written or kept."""
    dutch_date(date.today())  # Babel's Dutch locale data
    environment = renderer.environment(None)
    for kind in DocumentKind:
        environment.get_template(kind.template)
    rml_to_pdf(_TINY_DOCUMENT.format(regular=paths.resource("fonts", "DejaVuSans.ttf"),
                                     bold=paths.resource("fonts", "DejaVuSans-Bold.ttf")))
