"""Aanwezigheid per deelnemer; a partner without valid mandate is marked; parents-absent rule."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import Attendance, ParticipantKind
from knooppunt.domain.meeting_rules import parents_present
from knooppunt.services import Services
from knooppunt.services.meetings.meeting_mode import ChairState

from ..hub import SignalHub
from ..operations import in_line, run_op

_KIND_LABEL = {ParticipantKind.PARENT: "ouder", ParticipantKind.CHILD: "kind", ParticipantKind.SCHOOL: "school",
               ParticipantKind.PARTNER: "partner"}


class AttendancePanel(QWidget):
    changed = Signal()

    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self._discussion_id: int | None = None
        self.rows: dict[int, tuple[QComboBox, QLineEdit, QLabel]] = {}
        heading = QLabel("Aanwezig")
        heading.setObjectName("sectionTitle")
        self._grid_box = QWidget()
        self._grid = QGridLayout(self._grid_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)

        self.absence_box = QGroupBox("Geen ouder aanwezig")
        self.absence_box.setObjectName("absenceBox")
        self.absence_reason = QLineEdit()
        self.absence_reason.setPlaceholderText("Waarom zijn de ouders er niet?")
        self.absence_consent = QCheckBox("Ouders stemmen hiermee in")
        self.absence_consent.setToolTip("Ouders stemmen in met bespreken zonder hen")
        self.absence_save = QPushButton("Vastleggen")
        self.absence_save.clicked.connect(self._on_absence_save_clicked)
        self.absence_error = QLabel()
        self.absence_error.setObjectName("fieldError")
        self.absence_error.setWordWrap(True)
        box = QVBoxLayout(self.absence_box)
        explanation = QLabel("We praten mét ouders, niet over ouders. Zonder hen bespreken mag alleen met "
                             "een reden en hun instemming.")
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        box.addWidget(explanation)
        box.addWidget(self.absence_reason)
        box.addWidget(self.absence_consent)
        box.addWidget(self.absence_save)
        box.addWidget(self.absence_error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self._grid_box)
        layout.addWidget(self.absence_box)
        layout.addStretch(1)

    def show_state(self, state: ChairState) -> None:
        same = self._discussion_id == state.discussion.id and set(self.rows) == {p.id for p in state.participants}
        self._discussion_id = state.discussion.id
        if not same:
            self._rebuild(state)
        for pid, (_combo, _reason, warning) in self.rows.items():
            problem = state.mandate_problems.get(pid)
            warning.setText(f"⚠ Let op: {problem}" if problem else "")
            warning.setVisible(bool(problem))
        absent = not parents_present(state.participants)
        self.absence_box.setVisible(absent)
        self.absence_reason.setText(state.discussion.parents_absent_reason)
        self.absence_consent.setChecked(state.discussion.parents_absent_consent)
        self.absence_error.setText(state.absence_problem or "")

    def _rebuild(self, state: ChairState) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.rows = {}
        for row, p in enumerate(state.participants):
            text = (f"{p.name}\n{p.organisation or _KIND_LABEL[p.kind]}"
                    + (f" · {p.role}" if p.role and p.kind == ParticipantKind.PARTNER else ""))
            name = QLabel(keep_separators_attached(text))
            name.setToolTip(text)
            name.setWordWrap(True)
            combo = QComboBox()
            for value, label in Attendance.choices():
                combo.addItem(label, value)
            combo.setCurrentIndex(combo.findData(p.attendance.value))
            combo.setAccessibleName(f"Aanwezigheid {p.name}")
            reason = QLineEdit(p.absence_reason)
            reason.setPlaceholderText("reden van afwezigheid")
            reason.setVisible(p.attendance == Attendance.ABSENT)
            warning = QLabel()
            warning.setObjectName("mandateWarning")
            warning.setWordWrap(True)
            combo.currentIndexChanged.connect(lambda _i, pid=p.id: self._on_attendance_changed(pid))
            reason.editingFinished.connect(lambda pid=p.id: self._on_attendance_changed(pid))
            self._grid.addWidget(name, row * 3, 0)
            self._grid.addWidget(combo, row * 3, 1)
            self._grid.addWidget(reason, row * 3 + 1, 0, 1, 2)
            self._grid.addWidget(warning, row * 3 + 2, 0, 1, 2)
            self.rows[p.id] = (combo, reason, warning)

    def set_attendance(self, participant_id: int, attendance: Attendance, reason: str = "") -> None:
        combo, edit, _warning = self.rows[participant_id]
        edit.setText(reason)
        combo.setCurrentIndex(combo.findData(attendance.value))

    def _on_attendance_changed(self, participant_id: int) -> None:
        combo, reason, _warning = self.rows[participant_id]
        attendance = Attendance(combo.currentData())
        reason.setVisible(attendance == Attendance.ABSENT)
        if run_op(lambda: self._services.meeting_mode.set_attendance(participant_id, attendance, reason.text()),
                  hub=self._hub, parent=self, initiator=self) is not None:
            self.changed.emit()

    def _on_absence_save_clicked(self) -> None:
        if self._discussion_id is None:
            return
        discussion_id = self._discussion_id
        if run_op(lambda: self._services.meeting_mode.record_parents_absence(
                discussion_id, self.absence_reason.text(), self.absence_consent.isChecked()),
                hub=self._hub, parent=self, errors=in_line(self.absence_error.setText), initiator=self) is not None:
            self.changed.emit()


def keep_separators_attached(text: str) -> str:
    """A narrow column wraps at word boundaries; a no-break space keeps ' / ' and ' · ' with the
    word before them, so no line holds a lone slash or dot (e.g. "Gemeentelijke toegang /
    schoolmaatschappelijk werk" at 1366 × 768)."""
    return text.replace(" / ", "\u00a0/ ").replace(" · ", "\u00a0· ")
