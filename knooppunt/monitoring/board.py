"""Figures for the school board: per location the indicators as counts only.

No names, no dates of birth, no free text: only the program's own labels, organisation names
and numbers. Every count from 1 to 4 is written as "<5" (small-cell suppression); where a
total and its parts are both shown, one more part is hidden when exactly one was, so the
hidden one cannot be worked out by subtraction. A median is given only when it rests on at
least five cases; a percentage only when neither its part nor the rest is a small count.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..errors import KnooppuntError
from .model import Figure, Monitor

FORMAT = "knooppunt-monitoring-bestuur"
VERSION = 1
SMALL = "<5"
EXPLANATION = (
    "Monitoringscijfers per locatie voor het schoolbestuur. Alleen aantallen: geen namen, geen "
    "geboortedata en geen vrije tekst. Een aantal van 1 tot en met 4 staat als \"<5\", zodat geen kind of "
    "gezin herkenbaar is; als van een totaal precies één deel verborgen is, wordt ook het kleinste andere "
    "deel als \"<5\" getoond (anders is het verborgen deel uit te rekenen). Een mediaan (in dagen) staat er "
    "alleen bij als hij op minstens 5 gevallen berust; een percentage alleen als deel en rest geen klein "
    "aantal zijn. \"geen_gegevens\" betekent dat dit nog niet wordt vastgelegd."
)
# Totals and the parts that add up to them (for the second suppression).
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kinderen.totaal", ("kinderen.nieuw", "kinderen.herhaald")),
    ("ouders.besprekingen", ("ouders.aanwezig", "ouders.afwezig")),
    ("ouders.afwezig", ("ouders.afwezig_met_reden", "ouders.afwezig_zonder_reden")),
    ("besluiten.totaal", ("besluiten.direct", "besluiten.later_bevestigd", "besluiten.voorlopig")),
    ("afspraken.totaal", ("afspraken.op_tijd", "afspraken.te_laat", "afspraken.open", "afspraken.niet_gedaan")),
    ("afsluiting.totaal", ("afsluiting.opgelost", "afsluiting.overgedragen")),
    *((f"afspraken.{o}", tuple(f"afspraken.{k}.{o}" for k in ("partner", "school", "ouder", "kind")))
      for o in ("op_tijd", "te_laat", "open", "niet_gedaan")),
    ("verwijzingen.aanbod", tuple(f"verwijzingen.niveau.{level}" for level in ("universeel", "selectief",
                                                                               "geindiceerd"))),
)
# Totals whose parts are one figure per organisation (their keys start with the prefix).
PREFIX_GROUPS = (("besluiten.totaal", "verwijzingen.besluit_org."), ("verwijzingen.aanbod", "verwijzingen.aanbod_org."))


def groups(keys: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Every total with the parts that add up to it, for the figures present."""
    found = list(GROUPS)
    for total, prefix in PREFIX_GROUPS:
        found.append((total, tuple(k for k in keys if k.startswith(prefix))))
    return found


def small(value: int) -> bool:
    return 1 <= value <= 4


def hidden_counts(monitor: Monitor) -> set[str]:
    """The keys of the counts shown as "<5": the small ones, plus one more part where needed."""
    counts = {f.key: int(f.value or 0) for i in monitor.indicators for f in i.figures if f.is_count}
    hidden = {key for key, value in counts.items() if small(value)}
    changed = True
    while changed:
        changed = False
        for total, parts in groups(list(counts)):
            present = [p for p in parts if p in counts]
            if total not in counts:
                continue
            members = [total, *present]
            if sum(1 for m in members if m in hidden) == 1 and any(counts[m] for m in members if m not in hidden):
                rest = sorted((counts[m], m) for m in present if m not in hidden and counts[m])
                hidden.add(rest[0][1] if rest else total)
                changed = True
    return hidden


def _figure(figure: Figure, hidden: set[str], counts: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"sleutel": figure.key, "omschrijving": figure.label}
    if figure.value is None and figure.unit != "dagen":
        out["aantal"] = "geen_gegevens"
    elif figure.is_count:
        out["aantal"] = SMALL if figure.key in hidden else int(figure.value or 0)
    elif figure.unit == "dagen":
        base = figure.base or 0
        out["op_basis_van"] = SMALL if small(base) else base
        out["mediaan_dagen"] = round(figure.value) if figure.value is not None and base >= 5 else None
    else:  # a percentage: its part (the entries) and the rest must both be shown counts
        base = figure.base or 0
        part = round((figure.value or 0) * base / 100)  # not len(entries): erased children have none
        out["op_basis_van"] = SMALL if small(base) else base
        shown = base >= 5 and not small(part) and not small(base - part)
        out["percentage"] = round(figure.value) if shown and figure.value is not None else None
    return out


def location_figures(monitor: Monitor) -> dict[str, Any]:
    hidden = hidden_counts(monitor)
    counts = {f.key: int(f.value or 0) for i in monitor.indicators for f in i.figures if f.is_count}
    return {
        "locatie": monitor.location_name,
        "indicatoren": [
            {"sleutel": i.key, "titel": i.title, "uitleg": i.explanation,
             **({"opmerking": i.note} if i.note else {}),
             "cijfers": [_figure(f, hidden, counts) for f in i.figures]}
            for i in monitor.indicators
        ],
    }


def board_file(school_year: str, monitors: list[Monitor], *, made_at: datetime) -> dict[str, Any]:
    return {"formaat": FORMAT, "versie": VERSION, "schooljaar": school_year,
            "gemaakt_op": made_at.isoformat(timespec="seconds"), "uitleg": EXPLANATION,
            "locaties": [location_figures(m) for m in monitors]}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(text: str, source: str = "") -> dict[str, Any]:
    """A board file as written by :func:`board_file`; anything else is refused in Dutch."""
    try:
        data = json.loads(text)
    except ValueError:
        raise KnooppuntError(f"{source or 'Het bestand'} is geen monitoringsbestand (geen geldige JSON).") from None
    if not isinstance(data, dict) or data.get("formaat") != FORMAT or not isinstance(data.get("locaties"), list):
        raise KnooppuntError(f"{source or 'Het bestand'} is geen monitoringsbestand van Knooppunt.")
    if data.get("versie") != VERSION:
        raise KnooppuntError(f"{source or 'Het bestand'} is gemaakt door een andere versie van Knooppunt "
                             f"(versie {data.get('versie')}); maak het opnieuw.")
    return data
