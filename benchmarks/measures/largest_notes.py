"""The parents' letter for a discussion with the largest allowed notes: every agenda item holds a
shared note of ``NOTE_MAX`` characters (ordinary sentences, paragraphs of varying length).
Baseline: plain ReportLab drawing the same text (as in ``documents``). Target: under 2 s.
"""

from __future__ import annotations

import random

from . import Context, Result, Target, open_services, timed
from .documents import _font, draw_plain, pdf_text, renderers

_WORDS = ["ouders", "vertellen", "dat", "het", "thuis", "beter", "gaat", "maar", "slapen", "blijft", "lastig", "school", "ziet", "meer", "rust", "in", "de", "klas", "na", "de", "pauze", "hulpverlener", "jeugdarts", "logopedie", "afspraak", "evaluatie", "samen", "verder"]


def note_text(length: int, seed: int) -> str:
    rnd = random.Random(seed)
    lines: list[str] = []
    size = 0
    while size < length:
        line = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(4, 120))) + "."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:length]


def measure(ctx: Context) -> list[Result]:
    from knooppunt.domain.limits import NOTE_MAX

    services = open_services(ctx)
    try:
        store = services.store
        discussion_id = store.scalar("SELECT d.id FROM discussion d JOIN agenda_item i ON i.discussion_id = d.id "
                                     "GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1")
        items = store.column("SELECT id FROM agenda_item WHERE discussion_id = ?", [discussion_id])
        with store.unit_of_work() as uow:  # the working copy only
            for number, item in enumerate(items):
                uow.execute("INSERT INTO note (agenda_item_id, text, visibility, perspective) "
                            "VALUES (?, ?, 'gedeeld', 'ouders')", [item, note_text(NOTE_MAX, number)])
            uow.audit("benchmark: grootste notities", "discussion", discussion_id)
        render_letter, _ = renderers(services)
        font = _font()
        pdf = render_letter(discussion_id)  # warm-up
        lines = pdf_text(pdf) or []
        result = Result("render the letter with the largest allowed notes", "ms", "plain ReportLab, same text",
                        Target(2000, "value", "ms"))
        for _ in range(ctx.runs):
            result.samples += timed(lambda: render_letter(discussion_id), 1)
            result.baseline_samples += timed(lambda: draw_plain(lines, font), 1)
        result.note = f"{len(items)} notes of {NOTE_MAX:_} characters, {len(lines)} lines of text".replace("_", ".")
        return [result]
    finally:
        services.close()
