"""Het dossier van één kind: timeline first (what the chair opens), then parents, consent, case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from knooppunt.domain.children import age_on
from knooppunt.services import Change, Entity, Services
from knooppunt.services.privacy.erasure import ErasureReason

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal
from ..operations import in_line, run_op
from ..widgets.child_tabs import CaseTab, ConsentsTab, GuardiansTab
from ..widgets.requests_tab import RequestsTab
from ..widgets.timeline_view import TimelineView
from ..window_geometry import WindowPlacement
from .child_dialog import ChildDialog
from .inzage_dialog import InzageDialog

RELEVANT = {Entity.CHILD, Entity.GUARDIAN, Entity.CONSENT, Entity.CASE, Entity.DISCUSSION, Entity.MEETING,
            Entity.DECISION, Entity.AGREEMENT, Entity.LOCATION, Entity.AVG_REQUEST}


class ChildDetailDialog(QDialog):
    def __init__(self, *, services: Services, hub: SignalHub, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._child_id = services, hub, child_id
        services.audit.log_access("dossier geopend", "child", child_id)
        self.placement = WindowPlacement(self, "dossier", QSize(1120, 700))
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.facts = QLabel()
        self.facts.setObjectName("pageIntro")
        self.edit_button = QPushButton("&Gegevens wijzigen…")
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.export_button = QPushButton("Overdrachts&dossier maken…")
        self.export_button.setToolTip("Voor de volgende locatie (doorgaande lijn); alleen met toestemming van "
                                      "de ouders voor de overdracht.")
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.inzage_button = QPushButton("Inzage voor &ouders…")
        self.inzage_button.setToolTip("Alles wat over dit kind is vastgelegd, als PDF en JSON (AVG art. 15).")
        self.inzage_button.clicked.connect(self._on_inzage_button_clicked)
        self.erase_button = QPushButton("Gegevens w&issen…")
        self.erase_button.setToolTip("Alle gegevens van dit kind definitief wissen (op verzoek, AVG art. 17).")
        self.erase_button.clicked.connect(self._on_erase_button_clicked)

        self.timeline = TimelineView(self)
        self.guardians = GuardiansTab(services=services, hub=hub, child_id=child_id, parent=self)
        self.consents = ConsentsTab(services=services, hub=hub, child_id=child_id, parent=self)
        self.case = CaseTab(services=services, hub=hub, child_id=child_id, parent=self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, "&Tijdlijn")
        self.tabs.addTab(self.guardians, "O&uders")
        self.tabs.addTab(self.consents, "Toe&stemming")
        self.tabs.addTab(self.case, "&Casus")
        self.requests = RequestsTab(services=services, hub=hub, child_id=child_id, parent=self)
        self.tabs.addTab(self.requests, "Ver&zoeken")
        for number in range(5):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, lambda n=number: self.tabs.setCurrentIndex(n))

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.facts)
        top.addLayout(titles, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.export_button)
        top.addWidget(self.inzage_button)
        top.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        hub.changed.connect(self._on_hub_changed)
        self.reload()

    def reload(self) -> None:
        # Erased (here or in another window): the dossier closes without a word.
        child = run_op(lambda: self._services.children.child(self._child_id), hub=None, parent=self,
                       errors=in_line(lambda _message: None))
        if child is None:
            self.reject()
            return
        location = self._services.locations.location(child.location_id)
        today = self._services.now().date()
        self.setWindowTitle(f"Dossier – {child.full_name}")
        self.heading.setText(child.full_name)
        facts = [f"{age_on(child.date_of_birth, today)} jaar (geboren {child.date_of_birth:%d-%m-%Y})",
                 child.group_name, location.name]
        self.facts.setText(" · ".join(f for f in facts if f))
        self.timeline.set_entries(self._services.timeline.timeline(self._child_id))
        for tab in (self.guardians, self.consents, self.case, self.requests):
            tab.reload()

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity in RELEVANT:
            self.reload()

    def _on_edit_button_clicked(self) -> None:
        child = self._services.children.child(self._child_id)
        run_modal(ChildDialog(services=self._services, hub=self._hub, child=child, parent=self))

    def _on_export_button_clicked(self) -> None:
        child = self._services.children.child(self._child_id)
        suggested = Path.home() / f"overdracht {child.full_name}.json"
        path = messages.choose_save_file(self, "Overdrachtsdossier opslaan", suggested, "Overdrachtsdossier (*.json)")
        if path is None:
            return
        if run_op(lambda: self._services.transfer.export_file(self._child_id, path), hub=self._hub, parent=self,
                  title="Overdrachtsdossier niet gemaakt", initiator=self) is None:
            return
        messages.inform(self, "Overdrachtsdossier gemaakt",
                        f"Het overdrachtsdossier van {child.full_name} staat in {path}. Geef het veilig door "
                        "aan de volgende locatie; het bevat geen contactgegevens en geen interne notities.")

    def _on_inzage_button_clicked(self) -> None:
        run_modal(InzageDialog(services=self._services, child_id=self._child_id, parent=self))

    def _on_erase_button_clicked(self) -> None:
        preview = self._services.erasure.preview(self._child_id)
        reasons = {r.label: r for r in (ErasureReason.REQUEST, ErasureReason.NOT_NEEDED)}
        chosen = messages.choose_item(self, "Gegevens wissen", "Waarom worden de gegevens gewist?", list(reasons))
        if chosen is None:
            return
        extra = (f"\n\nOok {preview.meeting_reports} vastgesteld overlegverslag waarin {preview.child_name} staat, "
                 "wordt gewist." if preview.meeting_reports else "")
        if not messages.ask(self, "Gegevens wissen",
                            f"Alle gegevens van {preview.child_name} worden definitief gewist: {preview.summary()}."
                            f"{extra}\n\nBesprekingen van andere kinderen blijven staan. Dit kan niet ongedaan "
                            "worden gemaakt.", confirm="Definitief wissen", destructive=True):
            return
        # The dossier's reload() finds the child gone and closes it.
        if run_op(lambda: self._services.erasure.erase(self._child_id, reasons[chosen]), hub=self._hub,
                  parent=self, title="Niet gewist", initiator=self) is None:
            return
