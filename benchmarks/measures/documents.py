"""Rendering one parents' letter (afsprakenbrief) and one 8-child meeting report (overlegverslag)
through the real renderer (``services.documents``: read model → Jinja2 → RML → z3c.rml/ReportLab),
against plain ReportLab canvas drawing of the same text: the text is taken from our own PDF (with
pypdf), so the baseline draws exactly what the letter says, without the layout engine.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from . import REPORT, Context, Result, Target, open_services, timed

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LETTER_LINES = 40  # fallback without pypdf: greeting, participants, closing words around the text


def renderers(services) -> tuple[Callable[[int], bytes], Callable[[int], bytes]]:
    """(letter for a discussion, report for a meeting): PDF bytes from the real documents service
    — what the app does when *Verslag en brief…* shows a concept (nothing is stored)."""
    from knooppunt.documents import DocumentKind, DocumentTarget

    documents = services.documents

    def letter(discussion_id: int) -> bytes:
        return documents.document(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion_id)).pdf

    def report(meeting_id: int) -> bytes:
        return documents.document(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting_id)).pdf

    return letter, report


def pdf_text(pdf: bytes) -> list[str] | None:
    """The lines of text in a PDF (None without pypdf)."""
    try:
        import pypdf
    except ImportError:
        return None
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def _discussion_text(services, discussion_id: int) -> list[str]:
    query = services.store.query
    lines = [r["text"] for r in query(
        "SELECT n.text FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id WHERE i.discussion_id = ?",
        [discussion_id])]
    lines += [f"Besluit: {r['text']} ({r['decided_by']})" for r in query(
        "SELECT text, decided_by FROM decision WHERE discussion_id = ?", [discussion_id])]
    lines += [f"Afspraak: {r['owner_name']}: {r['description']} (uiterlijk {r['due_date']})" for r in query(
        "SELECT owner_name, description, due_date FROM agreement WHERE discussion_id = ?", [discussion_id])]
    lines += [f"Aanwezig: {r['name']} ({r['role']})" for r in query(
        "SELECT name, role FROM participant WHERE discussion_id = ?", [discussion_id])]
    return lines + ["Met vriendelijke groet, namens het knooppunt."] * max(0, LETTER_LINES - len(lines))


def draw_plain(lines: list[str], font: str) -> bytes:
    """Plain ReportLab: the lines on A4 pages, wrapped, no layout engine."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    width, height = A4
    y = height - 60
    for line in lines:
        for part in simpleSplit(line, font, 10, width - 120):
            if y < 60:
                canvas.showPage()
                y = height - 60
            canvas.setFont(font, 10)
            canvas.drawString(60, y, part)
            y -= 14
    canvas.save()
    return buffer.getvalue()


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
        return "DejaVuSans"
    except Exception:  # noqa: BLE001 - no DejaVu on this machine: a built-in font still measures the drawing
        return "Helvetica"


def _eight_child_meeting(services) -> int:
    """A meeting with 8 finalised discussions (the generator makes 3–8 per meeting); else the largest."""
    return services.store.scalar(
        "SELECT meeting_id FROM discussion WHERE status = 'vastgesteld' GROUP BY meeting_id "
        "ORDER BY count(*) = 8 DESC, count(*) DESC, meeting_id LIMIT 1")


def measure(ctx: Context) -> list[Result]:
    services = open_services(ctx)
    try:
        meeting_id = _eight_child_meeting(services)
        discussions = [r["id"] for r in services.store.query(
            "SELECT id FROM discussion WHERE meeting_id = ? ORDER BY slot_start", [meeting_id])]
        font = _font()
        render_letter, render_report = renderers(services)
        letter_pdf, report_pdf = render_letter(discussions[0]), render_report(meeting_id)  # warm-up
        letter_lines = pdf_text(letter_pdf) or _discussion_text(services, discussions[0])
        report_lines = pdf_text(report_pdf) or [line for d in discussions for line in _discussion_text(services, d)]
        letter = Result("render a parents' letter", "ms", "plain ReportLab, same text", Target(300, "value", "ms"))
        report = Result("render an 8-child meeting report", "ms", "plain ReportLab, same text", REPORT)
        for _ in range(ctx.runs):
            letter.samples += timed(lambda: render_letter(discussions[0]), 1)
            letter.baseline_samples += timed(lambda: draw_plain(letter_lines, font), 1)
            report.samples += timed(lambda: render_report(meeting_id), 1)
            report.baseline_samples += timed(lambda: draw_plain(report_lines, font), 1)
        letter.note = f"{_pages(letter_pdf)} pages, {len(letter_lines)} lines of text"
        report.note = f"{len(discussions)} children, {_pages(report_pdf)} pages, {len(report_lines)} lines of text"
        return [letter, report]
    finally:
        services.close()


def _pages(pdf: bytes) -> int | str:
    try:
        import pypdf
    except ImportError:
        return "?"
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
