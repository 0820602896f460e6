"""The yearly monitoring report of a location, and the board's combined report, as PDF.

Both use the house style of the other documents (``templates/_pagina.rml.j2``: letterhead,
"Vertrouwelijk" footer, page numbers) and the same charts as the window. Neither prints a
child's name: the location's report gives the figures, the board's report the board files.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..documents.render import TemplateRenderer, rml_to_pdf
from .board import SMALL
from .charts import to_json
from .model import Figure, Monitor
from .texts import summary

REPORT_TEMPLATE = "monitoringsrapport.rml.j2"
BOARD_TEMPLATE = "monitoring_bestuur.rml.j2"
# The figures of the overview table on the first page, per period.
OVERVIEW = ("kinderen.totaal", "kinderen.nieuw", "kinderen.overleggen_gehouden", "kinderen.overleggen_gepland",
            "ouders.aandeel", "besluiten.aandeel_direct", "afspraken.op_tijd", "afspraken.te_laat",
            "afspraken.open", "doorlooptijd.start", "verwijzingen.aanbod", "afsluiting.totaal")


def _short(figure: Figure) -> str:
    return "–" if figure.value is None else figure.text.replace(" dagen", " d")


def _location(row: dict[str, Any]) -> dict[str, str]:
    postcode_city = " ".join(part for part in (row.get("postcode", ""), row.get("city", "")) if part)
    return {"name": row["name"], "address": row.get("address", ""), "postcode_city": postcode_city,
            "phone": row.get("phone", "")}


def _render(template: str, location_id: int | None, context: dict[str, Any]) -> bytes:
    from .. import paths

    renderer = TemplateRenderer()
    fonts = {"regular": str(paths.resource("fonts", "DejaVuSans.ttf")),
             "bold": str(paths.resource("fonts", "DejaVuSans-Bold.ttf"))}
    logo = renderer.logo(location_id)
    source = renderer.environment(location_id).get_template(template).render(
        fonts=fonts, logo=str(logo) if logo else None, concept=False, vastgesteld=None, aanvulling_op=None,
        paginalabel="", **context)
    return rml_to_pdf(source)


def report_pdf(location: dict[str, Any], monitors: list[Monitor], *, made_on: date, made_by: str) -> bytes:
    """``monitors``: the whole school year first, then its periods."""
    year = monitors[0]
    overview = [(year.figure(key).label, [_short(m.figure(key)) for m in monitors]) for key in OVERVIEW]
    indicators = [{"titel": i.title, "uitleg": i.explanation, "samenvatting": summary(i), "opmerking": i.note,
                   "grafiek": to_json(i.chart) if i.chart else None,
                   "cijfers": [(f.label, f.text) for f in i.figures]} for i in year.indicators]
    return _render(REPORT_TEMPLATE, location["id"], {
        "titel": f"Monitoring {location['name']} {year.period.school_year}",
        "onderwerp": f"Monitoring knooppunt, schooljaar {year.period.school_year}",
        "documentdatum": made_on, "location": _location(location), "schooljaar": year.period.school_year,
        "perioden": [m.period for m in monitors], "overzicht": overview, "indicatoren": indicators,
        "gemaakt_door": made_by,
    })


def board_pdf(files: list[dict[str, Any]], *, made_on: date, per_table: int = 3) -> bytes:
    """The board's report from the files of its locations: per indicator a table per few locations."""
    years = sorted({f["schooljaar"] for f in files})
    locations = [loc for f in files for loc in f["locaties"]]
    first = locations[0] if locations else {"indicatoren": []}
    indicators = []
    for index, indicator in enumerate(first["indicatoren"]):
        rows = []
        for number, figure in enumerate(indicator["cijfers"]):
            cells = [_cell(_find(loc, index, indicator["sleutel"], number, figure["sleutel"])) for loc in locations]
            rows.append((figure["omschrijving"], _total(cells, figure), cells))
        chunks = [list(range(start, min(start + per_table, len(locations))))
                  for start in range(0, len(locations), per_table)] or [[]]
        indicators.append({"titel": indicator["titel"], "uitleg": indicator["uitleg"], "rijen": rows,
                           "blokken": chunks})
    return _render(BOARD_TEMPLATE, None, {
        "titel": f"Monitoring knooppunten {', '.join(years)}",
        "onderwerp": f"Monitoring knooppunten {', '.join(years)}",
        "documentdatum": made_on,
        "location": {"name": "Monitoring knooppunten", "address": "", "postcode_city": "", "phone": ""},
        "schooljaren": years, "locaties": [loc["locatie"] for loc in locations], "indicatoren": indicators,
        "uitleg": files[0]["uitleg"] if files else "",
    })


def _find(location: dict[str, Any], index: int, key: str, number: int, figure_key: str) -> dict[str, Any] | None:
    indicators = location["indicatoren"]
    indicator = indicators[index] if index < len(indicators) and indicators[index]["sleutel"] == key else \
        next((i for i in indicators if i["sleutel"] == key), None)
    if indicator is None:
        return None
    figures: list[dict[str, Any]] = indicator["cijfers"]
    if number < len(figures) and figures[number]["sleutel"] == figure_key:
        return figures[number]
    return next((f for f in figures if f["sleutel"] == figure_key), None)


def _cell(figure: dict[str, Any] | None) -> str:
    if figure is None:
        return "–"
    if "aantal" in figure:
        value = figure["aantal"]
        return "geen gegevens" if value == "geen_gegevens" else str(value)
    if "mediaan_dagen" in figure:
        return "–" if figure["mediaan_dagen"] is None else f"{figure['mediaan_dagen']} d"
    return "–" if figure.get("percentage") is None else f"{figure['percentage']}%"


def _total(cells: list[str], figure: dict[str, Any]) -> str:
    """The sum over the locations; a hidden "<5" counts as at least 1, so the total reads "≥ n"."""
    if "aantal" not in figure:
        return ""
    known = [int(c) for c in cells if c.isdigit()]
    hidden = sum(1 for c in cells if c == SMALL)
    if not known and not hidden:
        return "–" if all(c in ("–", "geen gegevens") for c in cells) else "0"
    return f"≥ {sum(known) + hidden}" if hidden else str(sum(known))
