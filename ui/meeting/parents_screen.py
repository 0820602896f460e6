"""Het ouderscherm: a second window for a beamer or second monitor, in large plain Dutch.

It shows what ``ParentsScreenService`` hands it for one discussion: the current agenda item,
its shared notes and the agreements so far. Internal notes and other children never reach it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from knooppunt.services import Services
from knooppunt.services.meetings.parents_screen import ParentsScreenContent


class ParentsScreen(QWidget):
    # F5 or Esc pressed while the parents' screen is in front (on the chair's own screen).
    close_requested = Signal()

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self.discussion_id: int | None = None
        self.content: ParentsScreenContent | None = None
        self.setObjectName("parentsScreen")
        self.setWindowTitle("Ouderscherm")
        self.resize(1280, 720)
        self.heading = QLabel()
        self.heading.setObjectName("parentsHeading")
        self.item = QLabel()
        self.item.setObjectName("parentsItem")
        self.item.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("parentsQuestion")
        self.question.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("parentsBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setObjectName("parentsScroll")
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.heading)
        layout.addWidget(self.item)
        layout.addWidget(self.question)
        layout.addWidget(scroll, 1)
        for key in ("F5", "Esc"):
            QShortcut(QKeySequence(key), self, self.close_requested.emit)

    def show_discussion(self, discussion_id: int | None) -> None:
        self.discussion_id = discussion_id
        self.refresh()

    def refresh(self) -> None:
        if self.discussion_id is None:
            self.content = None
            self.heading.setText("Knooppuntgesprek")
            self.item.setText("Welkom")
            self.question.setText("Het gesprek begint zo.")
            self.body.clear()
            return
        content = self._services.parents_screen.content(self.discussion_id)
        self.content = content
        self.heading.setText(f"Gesprek over {content.child_first_name}")
        self.item.setText(content.item_title)
        self.question.setText(content.question)
        self.body.setText(_body_html(content))

    def visible_text(self) -> str:
        """All text on the screen (for tests and for reading it back)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))


def _body_html(content: ParentsScreenContent) -> str:
    parts: list[str] = []
    if content.parents_input:  # the parents' own points come first
        parts.append("<h3>Wat u vooraf aangaf</h3>" + "".join(
            f"<p>{escape(text).replace(chr(10), '<br>')}</p>" for text in content.parents_input))
    if content.earlier_agreements:
        parts.append("<h3>Wat we de vorige keer afspraken</h3><ul>"
                     + "".join(f"<li>{escape(a)}</li>" for a in content.earlier_agreements) + "</ul>")
    if content.shared_notes:
        parts.append("<h3>Wat er gezegd is</h3>" + "".join(
            f"<p>{'<b>' + escape(who) + ':</b> ' if who else ''}{escape(text).replace(chr(10), '<br>')}</p>"
            for who, text in content.shared_notes))
    if content.decisions:
        parts.append("<h3>Wat er besloten is</h3><ul>" + "".join(
            f"<li>{escape(decision)}<br><i>{escape(position)}</i></li>" for decision, position in content.decisions)
            + "</ul>")
    if content.agreements:
        parts.append("<h3>Wat we afspreken</h3><ul>"
                     + "".join(f"<li>{escape(a)}</li>" for a in content.agreements) + "</ul>")
    return "".join(parts)
