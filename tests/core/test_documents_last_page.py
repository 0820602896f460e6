"""A document whose text ends at the foot of a page gets no blank page after it."""

from __future__ import annotations

import pypdfium2

from knooppunt import paths
from knooppunt.documents.render import rml_to_pdf

# One page frame of 200 points; the story fills it exactly, and the last paragraph's space-after
# reaches below the frame. The page count at the end of the story (as in _pagina.rml.j2) used to
# be pushed onto a blank second page.
# As every template does, it registers the font the rest of the program uses (z3c.rml resets the fonts).
RML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE document SYSTEM "rml.dtd">
<document filename="proef.pdf">
<docinit><registerTTFont faceName="DejaVuSans" fileName="{font}"/></docinit>
<template pagesize="(300, 300)">
  <pageTemplate id="pagina">
    <pageGraphics>
      <drawString x="10" y="10">Pagina <pageNumber/> van <getName id="laatstePagina" default="1"/></drawString>
    </pageGraphics>
    <frame id="tekst" x1="50" y1="50" width="200" height="200" leftPadding="0" rightPadding="0"
           topPadding="0" bottomPadding="0"/>
  </pageTemplate>
</template>
<stylesheet>
  <paraStyle name="tekst" fontName="DejaVuSans" fontSize="10" leading="12" spaceAfter="10"/>
</stylesheet>
<story firstPageTemplate="pagina">
<spacer length="188"/>
<para style="tekst">Met vriendelijke groet,</para>
<namedString id="laatstePagina"><pageNumber/></namedString>
</story>
</document>
""".replace("{font}", str(paths.resource("fonts", "DejaVuSans.ttf")))


def _pages(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def test_text_ending_at_the_foot_of_the_page_gets_no_blank_page():
    pages = _pages(rml_to_pdf(RML))
    assert len(pages) == 1
    assert "Met vriendelijke groet," in pages[0] and "Pagina 1 van 1" in pages[0]


def test_each_letter_of_several_is_numbered_without_a_blank_page():
    pages = _pages(rml_to_pdf(RML, [RML]))
    assert len(pages) == 2
    assert all("Pagina 1 van 1" in page for page in pages)
