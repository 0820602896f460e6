"""Afspraken: the follow-up overview over all children of a location.

Open, due soon, overdue, done; by owner; filter and sort in the database; export to CSV for the
location's own monitoring. Built to stay responsive with 100,000 agreements.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import DecisionStatus, OwnerKind
from knooppunt.services import Change, Entity, Services
from knooppunt.services.outcomes.agreement_overview import BUCKETS, AgreementFilter, OwnerSummary

from ..dialogs.outcome_dialogs import ConfirmDecisionDialog
from ..hub import SignalHub
from ..modal import open_modal
from ..models.agreement_overview_model import WIDTHS, AgreementOverviewModel
from ..models.outcome_columns import owner_text
from ..models.record_table import Column
from ..page_refresh import PageRefresh
from ..widgets.column_widths import remember_column_widths
from .agreements_export import CsvExportRunner
from .list_page import RecordTableView

OWNER_COLUMNS = [
    Column[OwnerSummary]("Eigenaar", lambda o: owner_text(o.owner_name, o.owner_kind), width=340),
    Column[OwnerSummary]("Open", lambda o: o.open, width=70),
    Column[OwnerSummary]("Te laat", lambda o: o.overdue,
                         warning=lambda o: "Heeft afspraken over de datum" if o.overdue else None),
]
SEARCH_DELAY_MS = 300


class AgreementsPage(QWidget):
    def __init__(self, *, services: Services, hub: SignalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = "Afspraken"
        self._services = services
        self._hub = hub
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        intro = QLabel("Alle afspraken uit de knooppuntoverleggen van een locatie: wie doet wat, en wanneer. "
                       "Over de datum staat in het rood, binnenkort in het oranje. Klik op een kolomkop om te "
                       "sorteren.")
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)

        self.location = QComboBox()
        self.location.setToolTip("Locatie")
        self.owner_kind = QComboBox()
        self.owner_kind.addItem("Alle eigenaren", None)
        for kind in OwnerKind:
            self.owner_kind.addItem(kind.label, kind.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoeken op kind, wie of wat…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton("&Exporteren (CSV)…")
        self.confirm_button = QPushButton("Besluit &bevestigen…")
        self.confirm_button.setToolTip("Kies een afspraak ‘Besluit laten bevestigen’: de organisatie heeft het "
                                       "voorlopige besluit bevestigd")
        self.confirm_button.setEnabled(False)
        self.active_dialog: QDialog | None = None
        self.buckets = QButtonGroup(self)
        bucket_row = QHBoxLayout()
        self.bucket_buttons: dict[str, QPushButton] = {}
        for value, label in BUCKETS:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setProperty("bucket", value)
            button.setProperty("label", label)
            self.buckets.addButton(button)
            self.bucket_buttons[value] = button
            bucket_row.addWidget(button)
        self.bucket_buttons["open"].setChecked(True)
        bucket_row.addStretch(1)
        self.count_label = QLabel()
        bucket_row.addWidget(self.count_label)

        filters = QHBoxLayout()
        filters.addWidget(self.location)
        filters.addWidget(self.owner_kind)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.confirm_button)
        filters.addWidget(self.export_button)

        self.model = AgreementOverviewModel(services.agreements, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        remember_column_widths(self.table.horizontalHeader(), "afspraken")
        self.owners = RecordTableView(OWNER_COLUMNS, self)
        self.owners.remember_widths("afspraken-per-eigenaar")
        self.owners.setToolTip("Dubbelklik op een eigenaar om alleen diens afspraken te zien")
        owners_box = QWidget()
        owners_layout = QVBoxLayout(owners_box)
        owners_layout.setContentsMargins(0, 0, 0, 0)
        owners_layout.addWidget(QLabel("<b>Per eigenaar</b> (open afspraken)"))
        owners_layout.addWidget(self.owners)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(owners_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 160])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addLayout(bucket_row)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._refresh_counts)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.location.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.owner_kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.buckets.buttonClicked.connect(lambda _b: self.apply_filter(counts=False))
        self.owners.activated_record.connect(self._on_owners_activated_record)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_confirm_button())
        self.model.modelReset.connect(self._update_confirm_button)
        self.exporter = CsvExportRunner(services.agreements, self)
        hub.changed.connect(self._on_hub_changed)
        self.refresher = PageRefresh(self, hub=hub, reload=self._on_refresh, entities={
            Entity.AGREEMENT, Entity.DECISION, Entity.DISCUSSION, Entity.CHILD, Entity.LOCATION})
        self._fill_locations()
        self._loaded = False  # the first query waits until the page is shown (fast start-up)

    # Filter --------------------------------------------------------------------------------
    def current_filter(self) -> AgreementFilter:
        bucket = self.buckets.checkedButton().property("bucket")
        current = self.model.filter
        return AgreementFilter(
            location_id=self.location.currentData(),
            bucket=bucket,
            owner_kind=self.owner_kind.currentData(),
            search=self.search.text(),
            sort=current.sort,
            descending=current.descending,
        )

    def set_bucket(self, bucket: str) -> None:
        self.bucket_buttons[bucket].setChecked(True)
        self.apply_filter(counts=False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.apply_filter()

    def apply_filter(self, *, counts: bool = True) -> None:
        """Query the table; ``counts`` also refreshes the bucket counts and the owner summary,
        which do not depend on the chosen bucket (so switching buckets is one query)."""
        self._loaded = True
        self._search_timer.stop()
        f = self.current_filter()
        self.model.set_filter(f)
        self.count_label.setText(f"{self.model.total:,} afspraken".replace(",", "."))
        if counts:
            # After the table has painted: two separate short pauses instead of one long one.
            self._counts_timer.start()

    def _refresh_counts(self) -> None:
        f = self.current_filter()
        counts = self._services.agreements.bucket_counts(f)
        for value, button in self.bucket_buttons.items():
            button.setText(f"{button.property('label')} ({counts[value]:,})".replace(",", "."))
        self.owners.source.set_records(self._services.agreements.by_owner(f))

    def _fill_locations(self) -> None:
        current = self.location.currentData()
        self.location.blockSignals(True)
        self.location.clear()
        for location in self._services.locations.locations():
            self.location.addItem(location.name, location.id)
        self.location.addItem("Alle locaties", None)
        index = self.location.findData(current)
        self.location.setCurrentIndex(index if current is not None and index >= 0 else 0)
        self.location.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # Slots ---------------------------------------------------------------------------------
    def _on_owners_activated_record(self, owner: OwnerSummary) -> None:
        self.search.setText(owner.owner_name)
        self.apply_filter()

    def selected_view(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_confirm_button(self) -> None:
        view = self.selected_view()
        self.confirm_button.setEnabled(view is not None and view.agreement.decision_id is not None and view.is_open)

    def _on_confirm_button_clicked(self) -> None:
        view = self.selected_view()
        if view is None or view.agreement.decision_id is None:
            return
        decision = self._services.decisions.decision(view.agreement.decision_id)
        if decision.status != DecisionStatus.PROVISIONAL:
            return
        dialog = ConfirmDecisionDialog(services=self._services, decision=decision, parent=self)
        open_modal(dialog, owner=self, hub=self._hub, initiator=self)

    def _on_export_button_clicked(self) -> None:
        self.exporter.start(self.current_filter(), self.location.currentText())

    def _on_refresh(self) -> None:
        if self._loaded:  # not yet loaded: the first showing loads it
            self.apply_filter()

    def _on_hub_changed(self, change: Change) -> None:
        if change.entity == Entity.LOCATION:
            self._fill_locations()

