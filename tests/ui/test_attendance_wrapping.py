"""The chair's attendance column wraps long organisation names at words, never leaving a lone "/"."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel

from ui.meeting.attendance_panel import keep_separators_attached

ORGANISATION = "Wijkteam Maasheuvel · Gemeentelijke toegang / schoolmaatschappelijk werk"


def _lines(text: str, width: float, label: QLabel) -> list[str]:
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return lines


def test_a_long_organisation_wraps_without_a_lone_slash(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    # As narrow as the column at 1366 × 768: the longest word just fits.
    width = QFontMetricsF(label.font()).horizontalAdvance("schoolmaatschappelijk") + 4
    assert "/" in _lines(ORGANISATION, width, label)  # the fault this guards against
    lines = _lines(keep_separators_attached(ORGANISATION), width, label)
    assert all(line.strip("\u00a0 ") not in {"/", "·"} for line in lines), lines
    assert "schoolmaatschappelijk" in lines
