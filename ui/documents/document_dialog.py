"""Verslag en brief: preview a document, finalise it (vaststellen), print it or save it as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThreadPool
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from knooppunt.documents import DocumentKind, DocumentTarget, RenderedDocument, RenderJob
from knooppunt.documents.model import INTERNAL_REPORT_LABEL
from knooppunt.documents.render import dutch_date
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..operations import run_op, try_op
from ..window_geometry import WindowPlacement
from . import printing
from .output_notice import OutputNotice
from .render_task import RenderTask
from .warm_task import ensure_imported

PER_CHILD = (DocumentKind.LETTER, DocumentKind.MINUTES, DocumentKind.MINUTES_INTERNAL)


class DocumentDialog(QDialog):
    """Choose child and document; the preview renders in the background."""

    def __init__(self, *, services: Services, hub: SignalHub, meeting_id: int, child_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._hub, self._meeting_id = services, hub, meeting_id
        self._task: RenderTask | None = None
        self._started: list[RenderTask] = []  # kept alive until the dialog closes
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._finalising = False
        self.rendered: RenderedDocument | None = None
        meeting = services.meetings.meeting(meeting_id)
        self.setWindowTitle(f"Verslag en brief – overleg van {dutch_date(meeting.date)}")
        # A whole page wide, and never taller than the laptop's screen.
        self.placement = WindowPlacement(self, "verslag-en-brief", QSize(800, 900))

        self.child_box = QComboBox(self)
        for discussion in services.meetings.discussions(meeting_id):
            child = services.children.child(discussion.child_id)
            self.child_box.addItem(f"{child.first_name} {child.last_name}", (discussion.id, child.id))
        self.child_box.addItem("Het hele overleg (alle kinderen)", None)
        if child_id is not None:
            self.child_box.setCurrentIndex(max(0, next(
                (i for i in range(self.child_box.count() - 1) if self.child_box.itemData(i)[1] == child_id), 0)))
        self.kind_box = QComboBox(self)
        self.signature_box = QCheckBox("Met een regel ‘voor gezien’ om te tekenen", self)
        form = QFormLayout()
        form.addRow("&Kind:", self.child_box)
        form.addRow("&Document:", self.kind_box)
        form.addRow("", self.signature_box)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.warning_label = QLabel(f"<b>Let op:</b> {INTERNAL_REPORT_LABEL}.", self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b03a2e;")
        self.warning_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat("Document wordt gemaakt… %p%")
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.finalise_button = QPushButton("&Vaststellen…", self)
        self.supplement_button = QPushButton("Aanv&ulling maken", self)
        self.supplement_button.setToolTip("Het document opnieuw gemaakt, met de aanvullingen van na het vaststellen")
        self.supplement_button.hide()
        self.print_button = QPushButton("&Afdrukken…", self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton("Opslaan als &PDF…", self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        close = QPushButton("Sluiten", self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.supplement_button)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.notice = OutputNotice(self)
        layout.addWidget(self.notice)

        self.child_box.currentIndexChanged.connect(self._on_child_box_changed)
        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self.signature_box.toggled.connect(self._on_kind_box_changed)
        self.finalise_button.clicked.connect(self._on_finalise_button_clicked)
        self.supplement_button.clicked.connect(self._on_supplement_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self._on_child_box_changed()

    def done(self, result: int) -> None:
        self._pool.waitForDone()  # a render in flight finishes before its dialog goes away
        super().done(result)

    # What is shown -------------------------------------------------------------------------
    def target(self) -> DocumentTarget:
        data = self.child_box.currentData()
        if data is None:
            return DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=self._meeting_id)
        return DocumentTarget(self._kind(), discussion_id=data[0])

    def _kind(self) -> DocumentKind | None:
        value = self.kind_box.currentData()
        return None if value is None else DocumentKind(value)

    def _on_child_box_changed(self, *_args) -> None:
        kinds = PER_CHILD if self.child_box.currentData() is not None else (DocumentKind.MEETING_REPORT,)
        current = self._kind()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        for kind in kinds:
            self.kind_box.addItem(kind.label, kind.value)
        if current in kinds:
            self.kind_box.setCurrentIndex(kinds.index(current))
        self.kind_box.blockSignals(False)
        self._on_kind_box_changed()

    def _on_kind_box_changed(self, *_args) -> None:
        self.signature_box.setEnabled(self._kind() is DocumentKind.LETTER)
        self.warning_label.setVisible(self.child_box.currentData() is None)  # the overlegverslag
        job = run_op(lambda: self._services.documents.prepare(self.target(), signature_line=self._signature()), hub=None, parent=self)
        if job is None:
            return
        self._start(job, finalising=False)

    def _signature(self) -> bool:
        return self.signature_box.isChecked() and self._kind() is DocumentKind.LETTER

    # Rendering off the GUI thread ------------------------------------------------------------
    def _start(self, job: RenderJob, *, finalising: bool) -> None:
        self._finalising = finalising
        self._set_busy(True)
        ensure_imported()  # never import on the render thread (see warm_task.py)
        task = RenderTask(job)
        task.signals.progressed.connect(self._on_task_progressed)
        task.signals.finished.connect(self._on_task_finished)
        task.signals.failed.connect(self._on_task_failed)
        self._task = task
        self._started.append(task)
        self._pool.start(task)

    def _on_task_finished(self, rendered: RenderedDocument, pages: list[QImage]) -> None:
        if self._task is None or self.sender() is not self._task.signals:
            return  # an older render, overtaken by a newer choice
        if self._finalising:
            finalised = run_op(lambda: self._services.documents.save_finalised(rendered), hub=self._hub,
                               parent=self, initiator=self)
            if finalised is None:
                self._set_busy(False)
                return
            rendered = finalised[0]
        self.rendered = rendered
        self._show_pages(pages)
        self._set_busy(False)

    def _on_task_failed(self, message: str) -> None:
        if self._task is not None and self.sender() is self._task.signals:
            self._set_busy(False)
            messages.show_error(self, message)

    def _on_task_progressed(self, percent: int) -> None:
        if percent > 0 and self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(percent)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        # Moving at once (a busy bar) until the first step is done, so it never looks stuck at 0 %.
        self.progress.setRange(0, 0 if busy else 100)
        self.progress.setValue(0)
        for widget in (self.child_box, self.kind_box, self.signature_box, self.finalise_button,
                       self.supplement_button, self.print_button, self.save_button):
            widget.setEnabled(not busy)
        if busy:
            self.status_label.setText("Het document wordt gemaakt…")
            return
        self._task = None
        self.signature_box.setEnabled(self._kind() is DocumentKind.LETTER)
        rendered = self.rendered
        self.supplement_button.hide()
        if rendered is not None and rendered.supplement:
            self.finalise_button.setEnabled(False)
            stored = self._services.documents.stored(rendered.target)
            day = dutch_date(stored.finalised_at) if stored else ""
            self.status_label.setText(
                f"<b>Aanvulling</b> op het vastgestelde {rendered.target.kind.noun} van {day}: "
                "hetzelfde document, nu gemaakt, met de aanvullingen van na het vaststellen. "
                "Het vastgestelde document zelf blijft zoals het was.")
        elif rendered is not None and rendered.finalised:
            self.finalise_button.setEnabled(False)
            self.signature_box.setEnabled(False)
            text = (f"<b>Vastgesteld</b> op {dutch_date(rendered.finalised_at)} door {rendered.finalised_by}. "
                    "Dit document verandert niet meer: afdrukken geeft precies dezelfde PDF.")
            later = self._services.documents.addenda_after_finalising(rendered.target)
            if later:
                text += (f"<br/><b>Na het vaststellen zijn {len(later)} aanvulling(en) gemaakt</b> (laatste op "
                         f"{dutch_date(later[-1].created_at)}); die staan niet in dit document. "
                         "Kies ‘Aanvulling maken’ voor een document met de aanvullingen.")
                self.supplement_button.show()
            self.status_label.setText(text)
        else:
            self.status_label.setText("<b>Concept</b> – nog niet vastgesteld. Na vaststellen verandert het niet meer.")

    def _show_pages(self, pages: list[QImage]) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for number, image in enumerate(pages, start=1):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(f"Pagina {number} van {len(pages)}")
            label.setStyleSheet("background: white; border: 1px solid #b8c4d4;")
            self.pages_layout.addWidget(label)

    # Actions ---------------------------------------------------------------------------------
    def _on_finalise_button_clicked(self) -> None:
        target = self.target()
        if not messages.ask(self, "Vaststellen",
                            f"{target.kind.label} vaststellen? Daarna kan het niet meer veranderen; "
                            "afdrukken geeft altijd precies dit document.", confirm="Vaststellen"):
            return
        job = run_op(lambda: self._services.documents.prepare_finalise(target, signature_line=self._signature()), hub=None, parent=self)
        if job is None:
            return
        self._start(job, finalising=True)

    def _on_supplement_button_clicked(self) -> None:
        job = run_op(lambda: self._services.documents.prepare_supplement(self.target(), signature_line=self._signature()), hub=None, parent=self)
        if job is None:
            return
        self._start(job, finalising=False)

    def _on_print_button_clicked(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        printer = printing.choose_printer(self, rendered.title, self.pages_layout.count())
        if printer is None:
            return
        try:
            pages = printing.print_pdf(rendered.pdf, printer)
        except OSError as exc:
            messages.show_error(self, str(exc))
            return
        # A printer's name, never a file path: a path may carry the child's name (audit without names).
        where = printer.printerName() or "naar een PDF-bestand"
        self._services.documents.record_output(rendered, "afgedrukt", where)
        self.notice.printed(printer.printerName(), pages, printer.outputFileName())

    def _on_save_button_clicked(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        path = messages.choose_save_file(self, "Opslaan als PDF", Path.home() / rendered.file_name,
                                         "PDF-bestanden (*.pdf)")
        if path is None:
            return
        if not try_op(lambda: self._services.documents.save_pdf(rendered, path), hub=self._hub, parent=self,
                      initiator=self):
            return
        self.notice.saved(path)
