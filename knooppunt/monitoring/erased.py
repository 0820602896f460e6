"""Erased children's share of the indicators: taken before an erasure, added back afterwards.

An erasure computes the indicators with and without the child; the difference per figure (a
count, or the day counts behind a median) is stored without names (``monitoring_erased``) and
:func:`with_erased` adds it to what is computed from the live records, so the figures stay the
same. The lists behind a figure only hold live records: the erased child is no longer in them.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace

from .model import Chart, Figure, Indicator, Monitor

# Percentages and the counts they are made of (recomputed from the adjusted counts).
SHARES = {"ouders.aandeel": ("ouders.aanwezig", "ouders.besprekingen"),
          "besluiten.aandeel_direct": ("besluiten.direct", "besluiten.totaal")}
# Figures per organisation: sorted by count, then name, as the indicator itself sorts them.
_SORTED_PREFIXES = ("verwijzingen.aanbod_org.", "verwijzingen.besluit_org.")


@dataclass(frozen=True)
class ErasedShare:
    """One stored number: a count for a figure, or how many erased cases took ``days`` days."""

    figure: str
    label: str
    days: int  # -1 for a count
    count: int


def share_of(before: Monitor, after: Monitor) -> list[ErasedShare]:
    """What disappeared between ``before`` and ``after`` (one child's records deleted)."""
    kept = {f.key: f for i in after.indicators for f in i.figures}
    shares: list[ErasedShare] = []
    for figure in (f for i in before.indicators for f in i.figures):
        other = kept.get(figure.key)
        if figure.is_count:
            gone = int(figure.value or 0) - int(other.value or 0 if other else 0)
            if gone:
                shares.append(ErasedShare(figure.key, figure.label, -1, gone))
        elif figure.unit == "dagen":
            lost = Counter(figure.samples) - Counter(other.samples if other else ())
            shares += [ErasedShare(figure.key, figure.label, days, n) for days, n in sorted(lost.items())]
    return shares


def with_erased(monitor: Monitor, shares: list[ErasedShare]) -> Monitor:
    """``monitor`` with the erased children's share added to its figures (and charts)."""
    if not shares:
        return monitor
    counts: Counter[str] = Counter()
    samples: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for share in shares:
        labels.setdefault(share.figure, share.label)
        if share.days < 0:
            counts[share.figure] += share.count
        else:
            samples.setdefault(share.figure, []).extend([share.days] * share.count)
    indicators = tuple(_indicator(i, counts, samples, labels) for i in monitor.indicators)
    values = {f.key: f for i in indicators for f in i.figures}
    indicators = tuple(_shares_and_chart(i, values) for i in indicators)
    return replace(monitor, indicators=indicators)


def _indicator(indicator: Indicator, counts: Counter[str], samples: dict[str, list[int]],
               labels: dict[str, str]) -> Indicator:
    figures: list[Figure] = []
    for f in indicator.figures:
        if f.is_count and counts[f.key]:
            f = replace(f, value=(f.value or 0) + counts[f.key])
        elif f.unit == "dagen" and f.key in samples:
            days = (*f.samples, *samples[f.key])
            f = replace(f, value=statistics.median(days), base=len(days), samples=days)
        figures.append(f)
    present = {f.key for f in figures}
    prefix = f"{indicator.key}."
    figures += [Figure(key, labels[key], n) for key, n in counts.items()
                if n and key not in present and key.startswith(prefix)]
    figures = [f for f in figures if not f.key.startswith(_SORTED_PREFIXES)] + [
        f for p in _SORTED_PREFIXES
        for f in sorted((f for f in figures if f.key.startswith(p)), key=lambda f: (-(f.value or 0), f.key))]
    note = "" if indicator.key == "verwijzingen" and counts["verwijzingen.aanbod"] else indicator.note
    return replace(indicator, figures=tuple(figures), note=note)


def _shares_and_chart(indicator: Indicator, values: dict[str, Figure]) -> Indicator:
    figures = []
    for f in indicator.figures:
        if f.key in SHARES:
            part, whole = (int(values[k].value or 0) for k in SHARES[f.key])
            f = replace(f, value=100 * part / whole if whole else None, base=whole)
        figures.append(f)
    chart = indicator.chart
    if chart is not None and chart.keys:
        chart = Chart(chart.title, chart.categories,
                      tuple((name, tuple(values[k].value or 0 for k in keys))
                            for (name, _old), keys in zip(chart.series, chart.keys, strict=True)),
                      chart.stacked, chart.keys)
    return replace(indicator, figures=tuple(figures), chart=chart)
