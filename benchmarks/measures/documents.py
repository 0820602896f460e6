"""Rendering one parents' letter and one 8-child meeting report, against plain ReportLab canvas
drawing of the same amount of text (the same notes, decisions and agreements from the database).

The real renderer (``knooppunt.documents``) is built in another issue; until it is on this
branch the measure reports "not available yet" and still measures the baseline.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable

from . import NOT_AVAILABLE, REPORT, Context, Result, Target, open_services, timed

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LETTER_LINES = 40  # greeting, participants, closing words around the discussion's own text


def renderers(services) -> tuple[Callable[[int], object], Callable[[int], object]] | None:
    """(letter for a discussion, report for a meeting) from the real documents code, if present.

    Re-point here when ``knooppunt.documents`` lands on this branch.
    """
    if importlib.util.find_spec("knooppunt.documents") is None:
        return None
    documents = getattr(services, "documents", None)
    letter = getattr(documents, "render_letter", None) or getattr(documents, "letter_pdf", None)
    report = getattr(documents, "render_report", None) or getattr(documents, "meeting_report_pdf", None)
    if letter is None or report is None:
        return None
    return letter, report


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


def measure(ctx: Context) -> list[Result]:
    services = open_services(ctx)
    try:
        meeting_id = services.store.scalar(
            "SELECT meeting_id FROM discussion WHERE status = 'vastgesteld' GROUP BY meeting_id "
            "ORDER BY count(*) DESC, meeting_id LIMIT 1")
        discussions = [r["id"] for r in services.store.query(
            "SELECT id FROM discussion WHERE meeting_id = ? ORDER BY slot_start", [meeting_id])]
        font = _font()
        letter_lines = _discussion_text(services, discussions[0])
        report_lines = [line for d in discussions for line in _discussion_text(services, d)]
        letter = Result("render a parents' letter", "ms", "plain ReportLab, same text", Target(300, "value", "ms"))
        report = Result("render an 8-child meeting report", "ms", "plain ReportLab, same text", REPORT)
        letter.baseline_samples = timed(lambda: draw_plain(letter_lines, font), ctx.runs)
        report.baseline_samples = timed(lambda: draw_plain(report_lines, font), ctx.runs)
        real = renderers(services)
        if real is None:
            letter.note = report.note = f"{NOT_AVAILABLE}: knooppunt.documents is not on this branch"
        else:
            render_letter, render_report = real
            letter.samples = timed(lambda: render_letter(discussions[0]), ctx.runs)
            report.samples = timed(lambda: render_report(meeting_id), ctx.runs)
        report.note += f" ({len(discussions)} children, {len(report_lines)} lines of text)"
        return [letter, report]
    finally:
        services.close()
