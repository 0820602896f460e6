"""Eerste stappen: a new, empty database leads the way (location and partners, a child, a meeting)
instead of showing an empty list that asks for something that cannot be done yet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from knooppunt.services import Change, Entity, Services

HIDDEN_KEY = "startgids/verborgen"


@dataclass(frozen=True)
class Progress:
    partners: bool
    child: bool
    meeting: bool

    @property
    def done(self) -> bool:
        return self.partners and self.child and self.meeting


def progress(services: Services) -> Progress:
    partners = any(view.contact is not None
                   for location in services.locations.locations() if location.id is not None
                   for view in services.locations.partners(location.id))
    return Progress(partners, services.children.count() > 0, services.meetings.count() > 0)


class FirstStepsPanel(QFrame):
    """Three numbered steps, each with the button that takes it; a step done gets a tick."""

    step_chosen = Signal(int)  # 0 partners, 1 child, 2 meeting

    STEPS = (
        ("Vul de partners van uw locatie in", "Naar Locaties && partners", "Per rol de organisatie, de vaste "
         "contactpersoon en het mandaat."),
        ("Voeg een kind toe", "Kind toevoegen…",
         "Met de ouders en hun toestemming: zonder toestemming geen bespreking."),
        ("Plan een overleg", "Overleg plannen…", "Datum, tijd en de kinderen in tijdvakken."),
    )

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("firstSteps")
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 12, 12, 4)
        title = QLabel("<b>Eerste stappen</b> — zo komt u tot uw eerste overleg (F1: het handboek)")
        layout.addWidget(title, 0, 0, 1, 3)
        self.marks: list[QLabel] = []
        self.buttons: list[QPushButton] = []
        for row, (text, button_text, hint) in enumerate(self.STEPS, start=1):
            mark = QLabel()
            label = QLabel(f"{text}<br><span style='color:#4a5a66'>{hint}</span>")
            button = QPushButton(button_text)
            button.clicked.connect(lambda _=False, step=row - 1: self.step_chosen.emit(step))
            layout.addWidget(mark, row, 0)
            layout.addWidget(label, row, 1)
            layout.addWidget(button, row, 2)
            self.marks.append(mark)
            self.buttons.append(button)
        hide = QPushButton("Verbergen")
        hide.setFlat(True)
        hide.clicked.connect(self._on_hide_clicked)
        layout.addWidget(hide, 0, 2)
        layout.setColumnStretch(1, 1)
        self.refresh()

    @property
    def state(self) -> tuple[bool, bool, bool]:
        return self._state.partners, self._state.child, self._state.meeting

    def refresh(self) -> None:
        self._state = state = progress(self._services)
        for number, (mark, button, done) in enumerate(
                zip(self.marks, self.buttons, (state.partners, state.child, state.meeting), strict=True), start=1):
            mark.setText("✔" if done else f"{number}.")
            mark.setStyleSheet("color:#1e6b3a; font-weight:700;" if done else "font-weight:700;")
            button.setEnabled(not done)
        self.setVisible(not state.done and not QSettings().value(HIDDEN_KEY, False, type=bool))

    def on_changed(self, change: Change) -> None:
        parent = self.parentWidget()
        watched = {Entity.PARTNER, Entity.LOCATION_PARTNER, Entity.CHILD, Entity.MEETING, Entity.ORGANISATION}
        if parent is not None and self.isVisibleTo(parent) and change.entity in watched:
            self.refresh()

    def _on_hide_clicked(self) -> None:
        QSettings().setValue(HIDDEN_KEY, True)
        self.hide()
