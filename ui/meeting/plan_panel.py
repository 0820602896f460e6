"""Doelen en plan in the chair's view: safety first, the regiehouder, the goals in priority order
with who does what and how parents and child notice progress, and each goal's evaluation here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.cycle import GoalResult
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..operations import try_op

_RESULTS = {"Bereikt": GoalResult.REACHED, "Deels bereikt": GoalResult.PARTLY, "Niet bereikt": GoalResult.NOT}


class PlanPanel(QGroupBox):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__("Doelen en plan", parent)
        self._services, self._hub = services, hub
        self.discussion_id: int | None = None
        self.case_id: int | None = None
        self.safety = QLabel()
        self.safety.setWordWrap(True)
        self.regie = QLabel()
        self.regie.setWordWrap(True)
        self.goals = QListWidget()
        self.goals.setWordWrap(True)
        self.goals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goals.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.goals.setMinimumHeight(48)  # the chair's splitter decides; the list scrolls
        self.safety_button = QPushButton("&Veiligheid…")
        self.safety_button.clicked.connect(self._on_safety_button_clicked)
        self.goal_button = QPushButton("Doel &toevoegen…")
        self.goal_button.clicked.connect(self._on_goal_button_clicked)
        self.evaluate_button = QPushButton("&Evalueren…")
        self.evaluate_button.clicked.connect(self._on_evaluate_button_clicked)
        self.regie_button = QPushButton("&Regie…")
        self.regie_button.clicked.connect(self._on_regie_button_clicked)
        self.link_button = QPushButton("Afspraak &koppelen…")
        self.link_button.clicked.connect(self._on_link_button_clicked)
        buttons = QGridLayout()  # two rows under the goals: a column beside them cost the notes their room
        for index, button in enumerate((self.safety_button, self.goal_button, self.link_button, self.evaluate_button,
                                        self.regie_button)):
            buttons.addWidget(button, index // 3, index % 3)
        buttons.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.safety)
        layout.addWidget(self.regie)
        layout.addWidget(self.goals, 1)
        layout.addLayout(buttons)

    def show_discussion(self, discussion_id: int, *, locked: bool) -> None:
        self.discussion_id = discussion_id
        self.case_id = self._services.cycle.plans.case_of_discussion(discussion_id)
        for button in (self.safety_button, self.goal_button, self.link_button, self.evaluate_button,
                       self.regie_button):
            button.setEnabled(not locked and self.case_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.goals.clear()
        if self.case_id is None or self.discussion_id is None:
            self.safety.setText("Geen casus: meld het kind eerst aan.")
            self.regie.setText("")
            return
        view = self._services.cycle.plans.view(self.case_id)
        checked = bool(view.plan.safety)
        self.safety.setText(("✔ " if checked else "⚠ Eerst: ") + view.safety_line)
        self.safety.setObjectName("" if checked else "fieldError")
        self.safety.setStyleSheet("" if checked else "color: #b00020; font-weight: bold;")
        since = f" (sinds {view.plan.regie_agreed_on:%d-%m-%Y})" if view.plan.regie_agreed_on else ""
        self.regie.setText(f"Regie: {view.regie or 'nog niet afgesproken'}{since}")
        to_evaluate = {g.id for g in self._services.cycle.plans.to_evaluate(self.discussion_id)}
        for number, g in enumerate(view.goals, start=1):
            lines = [f"{number}. {g.goal.text}"]
            if g.goal.who_does:
                lines.append(f"   Wie: {g.goal.who_does}")
            if g.goal.progress_sign:
                lines.append(f"   Merkbaar aan: {g.goal.progress_sign}")
            lines += [f"   Afspraak: {a}" for a in g.agreements]
            here = next((e for e in g.evaluations if e.discussion_id == self.discussion_id), None)
            if here is not None:
                lines.append(f"   Nu: {here.result.value} – {here.words}")
            elif g.goal.id in to_evaluate:
                lines.append("   Nog evalueren in dit overleg")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, g.goal.id)
            self.goals.addItem(item)

    def pending_text(self) -> str:
        """A warning for the chair when goals of an earlier meeting are not evaluated here yet."""
        if self.discussion_id is None or self.case_id is None:
            return ""
        done = {g.goal.id for g in self._services.cycle.plans.view(self.case_id).goals
                if any(e.discussion_id == self.discussion_id for e in g.evaluations)}
        pending = [g for g in self._services.cycle.plans.to_evaluate(self.discussion_id) if g.id not in done]
        return (f"Let op: {len(pending)} doel(en) uit het plan van aanpak zijn nog niet geëvalueerd "
                "(Doelen en plan → Evalueren…).\n\n") if pending else ""

    def _on_link_button_clicked(self) -> None:
        item = self.goals.currentItem()
        if item is None or self.discussion_id is None:
            messages.inform(self, "Afspraak koppelen", "Kies eerst een doel in de lijst.")
            return
        agreements = self._services.agreements
        open_ones = [a for a in (*agreements.to_review(self.discussion_id),
                                 *agreements.for_discussion(self.discussion_id)) if a.status == "open"]
        if not open_ones:
            messages.inform(self, "Afspraak koppelen", "Er zijn nog geen open afspraken voor dit kind. Maak ze bij "
                            "‘Besluiten en afspraken’.")
            return
        labels = [f"{a.owner_name}: {a.description}" for a in open_ones]
        choice = messages.choose_item(self, "Afspraak koppelen", "Welke afspraak hoort bij dit doel?", labels)
        if choice is None:
            return
        goal_id, agreement_id = item.data(Qt.ItemDataRole.UserRole), open_ones[labels.index(choice)].id or 0
        self._run(lambda: self._services.cycle.plans.link_agreement(goal_id, agreement_id))

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        if try_op(action, hub=self._hub, parent=self, initiator=self):
            self.refresh()

    def _on_safety_button_clicked(self) -> None:
        if self.case_id is None:
            return
        choice = messages.choose_item(self, "Veiligheid", "Is het kind veilig, thuis en op school?",
                                      ["Veilig: geen zorgen over de veiligheid", "Zorgen over de veiligheid"])
        if choice is None:
            return
        safe = choice.startswith("Veilig")
        note = "" if safe else messages.ask_text(self, "Veiligheid", "Wat is de zorg, en wat gebeurt er nu?")
        if note is None:
            return
        case_id = self.case_id
        self._run(lambda: self._services.cycle.plans.check_safety(case_id, "veilig" if safe else "zorgen", note))

    def _on_goal_button_clicked(self) -> None:
        if self.case_id is None:
            return
        text = messages.ask_text(self, "Doel toevoegen", "Het doel, zo dat ouders en kind het herkennen:")
        if not text:
            return
        who = messages.ask_text(self, "Doel toevoegen", "Wie doet wat?") or ""
        sign = messages.ask_text(self, "Doel toevoegen", "Hoe merken ouders en kind dat het beter gaat?") or ""
        case_id, discussion_id = self.case_id, self.discussion_id
        self._run(lambda: self._services.cycle.plans.add_goal(case_id, text, who_does=who, progress_sign=sign,
                                                              discussion_id=discussion_id)[1])

    def _on_evaluate_button_clicked(self) -> None:
        item = self.goals.currentItem()
        if item is None or self.discussion_id is None:
            messages.inform(self, "Evalueren", "Kies eerst een doel in de lijst.")
            return
        choice = messages.choose_item(self, "Doel evalueren", "Is dit doel bereikt?", list(_RESULTS))
        if choice is None:
            return
        words = messages.ask_text(self, "Doel evalueren", "In woorden: wat merken ouders, kind en school?")
        if words is None:
            return
        goal_id, discussion_id = item.data(Qt.ItemDataRole.UserRole), self.discussion_id
        self._run(lambda: self._services.cycle.plans.evaluate(goal_id, discussion_id, _RESULTS[choice], words))

    def _on_regie_button_clicked(self) -> None:
        if self.case_id is None or self.discussion_id is None:
            return
        state = self._services.meeting_mode.state(self.discussion_id)
        guardians = self._services.children.guardians(state.child.id or 0)
        people = [p for p in self._services.meeting_mode.participants(self.discussion_id) if p.contact_id]
        labels = [f"{g.name} ({g.relation})" for g in guardians] + [f"{p.name} ({p.organisation})" for p in people]
        choice = messages.choose_item(self, "Regie", "Wie houdt de regie?", labels)
        if choice is None:
            return
        index = labels.index(choice)
        day = state.meeting.date if state.meeting.date <= self._services.now().date() else \
            self._services.now().date()
        case_id = self.case_id
        if index < len(guardians):
            gid = guardians[index].id
            self._run(lambda: self._services.cycle.plans.set_regie(case_id, agreed_on=day, guardian_id=gid))
        else:
            cid = people[index - len(guardians)].contact_id
            self._run(lambda: self._services.cycle.plans.set_regie(case_id, agreed_on=day, contact_id=cid))
