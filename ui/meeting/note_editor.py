"""One note while typing it: saved as it is typed (autosave), shared or visibly internal.

Autosave: the first keystroke after a save starts a short timer that is *not* restarted by
further typing, so even during non-stop typing the text is written at least every
``AUTOSAVE_MS`` — at most about a second of typing is ever unsaved.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from knooppunt.domain.enums import Visibility
from knooppunt.domain.meeting_rules import CHAIR_PERSPECTIVE, PERSPECTIVE_LABELS, PERSPECTIVES
from knooppunt.domain.meetings import Note
from knooppunt.errors import DatabaseUnavailable, DiskFull, KnooppuntError
from knooppunt.services import Services

from .. import messages
from ..hub import SignalHub
from ..operations import on_refusal, publish, run_op, try_op

AUTOSAVE_MS = 600
KEPT = "de tekst blijft hier staan en Knooppunt probeert het steeds opnieuw. "


class NoteEditor(QFrame):
    """A note of an agenda item; ``saved`` is emitted after each write to the database."""

    saved = Signal(int)
    removed = Signal(int)

    def __init__(self, *, services: Services, hub: SignalHub, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hub = hub
        self.note = note
        self._dirty = False
        self.setObjectName("noteEditor")
        self.badge = QLabel()
        self.badge.setObjectName("noteBadge")
        self._speaker_chosen = False  # the chair picked the speaker: toggling keeps it
        self.perspective = QComboBox()
        self.perspective.setAccessibleName("Wie vertelt")
        self.perspective.addItem("— wie vertelt —", "")
        for key, _kind, label in PERSPECTIVES:
            self.perspective.addItem(label, key)
        self.perspective.addItem(PERSPECTIVE_LABELS[CHAIR_PERSPECTIVE], CHAIR_PERSPECTIVE)
        self.perspective.setCurrentIndex(max(0, self.perspective.findData(note.perspective)))
        self.perspective.setToolTip("Wie vertelt dit? Volgt de beurt (ouders eerst); een interne notitie is "
                                    "van de voorzitter. U kunt het altijd aanpassen, ook na het typen.")
        self.perspective.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.perspective.setMinimumContentsLength(9)
        self.perspective.currentIndexChanged.connect(self._on_perspective_current_index_changed)
        self.toggle = QPushButton()
        self.toggle.setToolTip("Wissel gedeeld / intern (Ctrl+I)")
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self.remove = QPushButton("Verwijderen")
        self.remove.clicked.connect(self._on_remove_clicked)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.editor = QPlainTextEdit(note.text)
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(70)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

        head = QHBoxLayout()
        head.addWidget(self.badge)
        head.addWidget(self.perspective)
        head.addStretch(1)
        head.addWidget(self.toggle)
        head.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)
        self._show_visibility()

    @property
    def is_internal(self) -> bool:
        return self.note.visibility == Visibility.INTERNAL

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_read_only(self, read_only: bool) -> None:
        """A finalised discussion (vastgesteld) is read, not edited."""
        self.editor.setReadOnly(read_only)
        for widget in (self.perspective, self.toggle, self.remove):
            widget.setEnabled(not read_only)

    def text(self) -> str:
        return self.editor.toPlainText()

    def focus(self) -> None:
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def flush(self) -> bool:
        """Write the typed text now (also on leaving the item or closing); False when it failed."""
        self._timer.stop()
        if not self._dirty:
            return True
        text = self.editor.toPlainText()
        # Autosave: nothing to publish (the text is this editor's own); a refusal is said in its status line.
        if not try_op(lambda: self._services.meeting_mode.save_note_text(self.note.id, text), hub=None,
                      parent=self, errors=on_refusal(self._on_not_saved)):
            return False
        self._dirty = text != self.editor.toPlainText()
        self.note = Note(self.note.id, self.note.agenda_item_id, text, self.note.visibility, self.note.perspective)
        self.status.setObjectName("hint")
        self.status.setText("Opgeslagen")
        self.saved.emit(self.note.id)
        return True

    def _on_not_saved(self, exc: KnooppuntError) -> None:
        # A full disk or a busy database passes: keep the text and try again shortly. Too long
        # or locked does not pass by waiting; the next keystroke tries again.
        passing = isinstance(exc, DiskFull | DatabaseUnavailable)
        self.status.setText(("Niet opgeslagen; " + KEPT if passing else "Niet opgeslagen: ") + exc.message)
        self.status.setObjectName("fieldError")
        self.status.style().polish(self.status)
        if passing:
            self._timer.start()

    def toggle_visibility(self) -> None:
        self.flush()
        new = Visibility.SHARED if self.is_internal else Visibility.INTERNAL
        change = run_op(lambda: self._services.meeting_mode.set_note_visibility(self.note.id, new), hub=None,
                        parent=self)
        if change is None:
            return
        self.note = Note(self.note.id, self.note.agenda_item_id, self.note.text, new, self.note.perspective)
        if new == Visibility.INTERNAL and not self._speaker_chosen and self.note.perspective != CHAIR_PERSPECTIVE:
            self._set_speaker(CHAIR_PERSPECTIVE)  # made internal: the chair's remark, not the speaker's words
        self._show_visibility()
        publish(self._hub, change, self)  # after the editor shows its new state
        self.saved.emit(self.note.id)

    def _show_visibility(self) -> None:
        internal = self.is_internal
        self.badge.setText("INTERN · niet voor ouders" if internal else "Gedeeld met ouders")
        self.toggle.setText("→ gedeeld" if internal else "→ intern")
        self.setProperty("internal", internal)
        self.badge.setProperty("internal", internal)
        self.editor.setPlaceholderText("Interne notitie: alleen voor de professionals…" if internal
                                       else "Notitie die de ouders zien en meekrijgen…")
        for widget in (self, self.badge, self.editor):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _on_editor_text_changed(self) -> None:
        self._dirty = True
        self.status.setText("")
        if not self._timer.isActive():
            self._timer.start()

    def speaker(self) -> str:
        return self.note.perspective

    def _set_speaker(self, key: str) -> None:
        self.perspective.blockSignals(True)
        self.perspective.setCurrentIndex(max(0, self.perspective.findData(key)))
        self.perspective.blockSignals(False)
        self._save_speaker(key)

    def _on_perspective_current_index_changed(self, _index: int) -> None:
        self._speaker_chosen = True
        self._save_speaker(self.perspective.currentData() or "")

    def _save_speaker(self, key: str) -> None:
        if run_op(lambda: self._services.meeting_mode.set_note_perspective(self.note.id, key), hub=self._hub,
                  parent=self, initiator=self) is None:
            return
        self.note = Note(self.note.id, self.note.agenda_item_id, self.note.text, self.note.visibility, key)
        self.saved.emit(self.note.id)

    def _on_toggle_clicked(self) -> None:
        self.toggle_visibility()

    def _on_remove_clicked(self) -> None:
        if self.text().strip() and not messages.ask(self, "Notitie verwijderen",
                                                    "Deze notitie verwijderen? Dit kan niet ongedaan worden gemaakt.",
                                                    confirm="Verwijderen"):
            return
        self._timer.stop()
        if run_op(lambda: self._services.meeting_mode.delete_note(self.note.id), hub=self._hub, parent=self,
                  initiator=self) is None:
            return
        self._dirty = False
        self.removed.emit(self.note.id)
