"""The printable contact list of a location (PDF): partners grouped structural / incidental,
with contact person, phone, e-mail, substitute and whether the mandate is valid."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.directory import ContactPerson, Location
from ..domain.enums import PartnerKind
from ..paths import resource
from .rows import PartnerRow

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
WARNING = colors.HexColor("#b3261e")


def _register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=10.5)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=16, leading=20, textColor=colors.HexColor("#1f3b4d")),
        "sub": ParagraphStyle("sub", base, fontSize=9.5, leading=13, textColor=colors.HexColor("#4a5a66")),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4,
                             textColor=colors.HexColor("#1f3b4d")),
        "cell": base,
        "head": ParagraphStyle("head", base, fontName=BOLD, textColor=colors.white),
        "warn": ParagraphStyle("warn", base, fontName=BOLD, textColor=WARNING),
    }


def contact_list_pdf(location: Location, views: Iterable[PartnerRow], *, today: date, made_by: str) -> bytes:
    """Pure: no database, no Qt, so it may run off the GUI thread."""
    _register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=14 * mm, rightMargin=14 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm, title=f"Contactlijst knooppunt {location.name}",
                            author=made_by, subject="Kernpartners, contactpersonen en mandaten")
    views = list(views)
    problems = sum(1 for v in views if v.partner.mandate.problem_on(today))
    story = [
        Paragraph(f"Contactlijst knooppunt {escape(location.name)}", styles["title"]),
        Paragraph(escape(f"{location.type.label} · knooppunt elke {location.frequency_weeks} weken · "
                         f"stand van {today:%d-%m-%Y}"), styles["sub"]),
        Paragraph(escape(
            "School (intern begeleider) en ouders/kind zitten altijd aan tafel. "
            + (f"Let op: bij {problems} rol(len) ontbreekt een geldig mandaat; besluiten zijn dan voorlopig tot "
               "de organisatie ze bevestigt." if problems else "Alle mandaten zijn geldig op deze datum.")),
            styles["warn"] if problems else styles["sub"]),
        Spacer(1, 2 * mm),
    ]
    for kind, heading in ((PartnerKind.STRUCTURAL, "Structurele kernpartners (altijd aan tafel)"),
                          (PartnerKind.INCIDENTAL, "Incidentele kernpartners (op uitnodiging)")):
        group = [v for v in views if v.partner.kind == kind]
        story.append(Paragraph(heading, styles["h2"]))
        if not group:
            story.append(Paragraph("Geen.", styles["base"]))
            continue
        story.append(_table(group, styles, today))

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#5f6b73"))
        canvas.drawString(14 * mm, 8 * mm, f"Contactlijst {location.name} · {today:%d-%m-%Y} · {made_by} · "
                                            "vertrouwelijk: alleen voor de deelnemers aan het knooppunt")
        canvas.drawRightString(landscape(A4)[0] - 14 * mm, 8 * mm, f"pagina {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _phone_email(person: ContactPerson, styles: dict[str, ParagraphStyle]) -> Paragraph:
    """Phone and e-mail; long addresses in a smaller size so they stay on one line."""
    parts = [escape(person.phone)] if person.phone else []
    if person.mobile and person.mobile != person.phone:
        parts.append(f"mobiel {escape(person.mobile)}")
    if person.email:
        parts.append(f'<font size="{7 if len(person.email) > 30 else 8.5}">{escape(person.email)}</font>')
    return Paragraph("<br/>".join(parts), styles["cell"])


def _table(group: list[PartnerRow], styles: dict[str, ParagraphStyle], today: date) -> Table:
    def p(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    rows = [[p(h, "head") for h in ("Rol", "Organisatie", "Vaste contactpersoon", "Telefoon / e-mail",
                                    "Vervanger", "Mandaat")]]
    for v in group:
        c, s = v.contact, v.substitute
        problem = v.partner.mandate.problem_on(today)
        mandate = problem or "\n".join(x for x in (
            v.partner.mandate_category, v.partner.mandate_description,
            f"geldig t/m {v.partner.mandate_valid_until:%d-%m-%Y}" if v.partner.mandate_valid_until
            else "geldig, zonder einddatum") if x)
        rows.append([
            p(v.partner.role),
            p(v.organisation.name if v.organisation else "— nog in te vullen —"),
            p("\n".join(x for x in (c.name, c.function, c.availability and f"bereikbaar: {c.availability}") if x)
              if c else "—"),
            _phone_email(c, styles) if c else p(""),
            p("\n".join(x for x in (s.name, s.phone, s.email) if x) if s else "—"),
            p(mandate, "warn" if problem else "cell"),
        ])
    table = Table(rows, colWidths=[44 * mm, 44 * mm, 42 * mm, 58 * mm, 38 * mm, 43 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b4d")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f6f8")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#d5dde3")),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table
