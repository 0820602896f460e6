"""Time to render an afsprakenbrief and an 8-child overlegverslag, against plain ReportLab.

    .venv/bin/python benchmarks/bench_documents.py [--repeat 7]

"Plain ReportLab" draws the same text (taken from our PDF) line by line with canvas.drawString
in the same embedded font: the floor for any PDF of that text. Target: a letter under 0.3 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from knooppunt.composition import open_services
from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.documents.render import TemplateRenderer
from knooppunt.domain.children import Child
from knooppunt.paths import resource
from knooppunt.services.demo import build_demo


def eight_child_meeting(services) -> int:
    store = services.store
    location = store.scalar("SELECT id FROM location")
    held = store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    template = store.scalar("SELECT id FROM discussion WHERE meeting_id = ? ORDER BY id LIMIT 1", [held])
    with store.unit_of_work() as uow:
        for first in ("Nguyễn", "Mila"):
            uow.insert("child", Child(None, location, first, "Extra", date(2018, 5, 1), "groep 4"))
        children = [r["id"] for r in store.query("SELECT id FROM child ORDER BY id")]
        meeting = uow.insert("meeting", {"location_id": location, "date": "2026-11-16", "start_time": "08:30",
                                         "place": "Teamkamer", "chair_name": "Annelies Vermeulen", "status": "gehouden"})
        for slot, child in enumerate(children[:8]):
            new = uow.insert("discussion", {"meeting_id": meeting, "child_id": child, "slot_start":
                                            f"{8 + slot // 2:02d}:{30 * (slot % 2):02d}", "status": "vastgesteld",
                                            "evaluation_date": "2027-01-11"})
            for table in ("participant", "decision"):
                uow.execute(f"INSERT INTO {table} SELECT NULL, ?, " + _columns(store, table) +
                            f" FROM {table} WHERE discussion_id = ?", [new, template])
            for item in store.query("SELECT * FROM agenda_item WHERE discussion_id = ?", [template]):
                item_id = uow.insert("agenda_item", {**item, "id": None, "discussion_id": new})
                uow.execute("INSERT INTO note SELECT NULL, ?, text, visibility, perspective, updated_at FROM note "
                            "WHERE agenda_item_id = ?", [item_id, item["id"]])
            uow.execute("INSERT INTO agreement (child_id, discussion_id, owner_kind, owner_name, description, due_date,"
                        " evaluation_date, status) SELECT ?, ?, owner_kind, owner_name, description, due_date, "
                        "evaluation_date, status FROM agreement WHERE discussion_id = ?", [child, new, template])
        uow.audit("benchmark", "meeting", meeting)
    return meeting


def _columns(store, table: str) -> str:
    names = [r["name"] for r in store.query(f"PRAGMA table_info({table})")][2:]
    return ", ".join(names)


def plain_reportlab(text: str) -> float:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(resource("fonts", "DejaVuSans.ttf"))))
    start = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    y = 800
    for line in text.splitlines():
        if y < 60:
            canvas.showPage()
            y = 800
        canvas.setFont("DejaVuSans", 10)
        canvas.drawString(60, y, line)
        y -= 14
    canvas.save()
    return time.perf_counter() - start


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "bench.db", "benchmark-wachtwoord", create=True, kdf_iter=4000,
                                 clock=lambda: datetime.combine(date(2026, 11, 23), clock_time(9, 30)))
        build_demo(services, today=date(2026, 11, 23))
        services.documents.renderer = TemplateRenderer(override_root=Path(folder) / "sjablonen")
        meeting = eight_child_meeting(services)
        letter = DocumentTarget(DocumentKind.LETTER, discussion_id=1)
        report = DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting)
        services.documents.document(letter)  # warm-up: fonts parsed, templates compiled
        print(f"{'document':<34}{'pages':>6}{'ours (s)':>11}{'plain RL (s)':>14}{'ratio':>8}")
        for name, target in (("afsprakenbrief", letter), ("overlegverslag, 8 kinderen", report)):
            ours, rendered = timed(lambda t=target: services.documents.document(t), args.repeat)
            reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
            text = "\n".join(page.extract_text() for page in reader.pages)
            plain = statistics.median(plain_reportlab(text) for _ in range(args.repeat))
            print(f"{name:<34}{len(reader.pages):>6}{ours:>11.3f}{plain:>14.3f}{ours / plain:>8.1f}")
        services.close()


if __name__ == "__main__":
    main()
