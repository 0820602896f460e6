"""What monitoring shows: indicators made of figures, each with the list of records behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .periods import Period

NO_DATA = "nog geen gegevens"


@dataclass(frozen=True)
class Entry:
    """One line of the list behind a figure (for the chair: with the child's name)."""

    child_name: str
    day: date | None
    detail: str


@dataclass(frozen=True)
class Figure:
    """A count (``unit`` empty), a share in percent or a median in days.

    ``value`` None means there is nothing to compute from (yet): shown as "nog geen gegevens".
    ``base`` is how many records a percentage or median was computed from.
    """

    key: str
    label: str
    value: float | None
    unit: str = ""
    base: int | None = None
    entries: tuple[Entry, ...] = ()
    samples: tuple[int, ...] = ()  # a median's day counts (anonymous; erased children's share is kept)

    @property
    def is_count(self) -> bool:
        return self.unit == ""

    @property
    def text(self) -> str:
        if self.value is None:
            return NO_DATA
        if self.unit == "%":
            return f"{self.value:.0f}%"
        if self.unit == "dagen":
            return f"{self.value:.0f} dagen"
        return f"{self.value:.0f}"


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn the same way in the window (SVG) and in the PDF (ReportLab)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    stacked: bool = False
    keys: tuple[tuple[str, ...], ...] = ()  # per series, per category: the figure behind the bar

    def key(self, series: int, category: int) -> str | None:
        try:
            return self.keys[series][category]
        except IndexError:
            return None


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str
    explanation: str
    figures: tuple[Figure, ...]
    note: str = ""  # what is missing or approximated, shown beside the figures
    chart: Chart | None = None

    def figure(self, key: str) -> Figure:
        for found in self.figures:
            if found.key == key:
                return found
        raise KeyError(key)


@dataclass(frozen=True)
class Monitor:
    location_id: int
    location_name: str
    period: Period
    indicators: tuple[Indicator, ...] = field(default_factory=tuple)

    def indicator(self, key: str) -> Indicator:
        for found in self.indicators:
            if found.key == key:
                return found
        raise KeyError(key)

    def figure(self, key: str) -> Figure:
        """``'kinderen.nieuw'``: indicator key, a dot, the figure's own key."""
        return self.indicator(key.split(".", 1)[0]).figure(key)

    @property
    def charts(self) -> list[Chart]:
        return [i.chart for i in self.indicators if i.chart is not None]
