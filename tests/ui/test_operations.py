"""One way to run an operation from the UI: ``ui.operations.run_op``, and a ratchet on the rest."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QProgressDialog, QWidget

from knooppunt.errors import KnooppuntError, ValidationError
from knooppunt.services import Change, Entity
from ui import messages
from ui.background_op import run_op_in_background
from ui.dialogs.form_support import FieldErrors
from ui.hub import SignalHub
from ui.operations import in_line, run_op

UI = Path(__file__).resolve().parents[2] / "ui"
# Catching it (``except ... KnooppuntError`` or ``isinstance(exc, KnooppuntError)``) or publishing on the hub;
# ``operations.publish`` is the helper's own, and ``messages.show_error`` is its message box.
BY_HAND = re.compile(r"except\b.*KnooppuntError|isinstance\(\w+, KnooppuntError\)|hub\.publish\(")
HELPER = {"operations.py", "background_op.py", "hub.py", "messages.py"}
# Places in ui/ that still catch KnooppuntError or publish a Change by hand (see ui/operations.py).
# Before run_op: 117; the eight left are listed with their reasons in ui/operations.py. It must never grow.
LEFT_BY_HAND = 9


def _by_hand() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in HELPER and path.parent == UI:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BY_HAND.search(line):
                found.append(f"{path.relative_to(UI.parent)}:{number}")
    return found


def test_no_new_places_catch_knooppunt_errors_or_publish_by_hand() -> None:
    found = _by_hand()
    assert len(found) <= LEFT_BY_HAND, "use ui.operations.run_op instead:\n" + "\n".join(found)


def test_a_change_is_published_with_the_view_that_made_it(qtbot) -> None:
    hub, page, other = SignalHub(), QWidget(), QWidget()
    qtbot.addWidget(page)
    qtbot.addWidget(other)
    seen: list[tuple[Change, bool, bool]] = []
    hub.changed.connect(lambda change: seen.append((change, hub.initiated_by(page), hub.initiated_by(other))))
    change = Change.created(Entity.CHILD, 7)
    result = run_op(lambda: (7, change), hub=hub, parent=page, initiator=page)
    assert result == (7, change)
    assert seen == [(change, True, False)]
    assert not hub.initiated_by(page)  # only while the signal runs


def test_a_refused_field_is_marked_and_nothing_is_published(qtbot) -> None:
    hub, form, name = SignalHub(), QWidget(), QLineEdit()
    qtbot.addWidget(form)
    name.setParent(form)
    errors = FieldErrors({"name": name}, form)
    published: list[Change] = []
    hub.changed.connect(published.append)

    def refuse() -> Change:
        raise ValidationError("name", "Vul een naam in.")

    assert run_op(refuse, hub=hub, parent=form, errors=errors) is None
    assert errors.text() == "Vul een naam in."
    assert name.styleSheet()
    assert published == []


def test_a_refusal_without_a_form_is_shown_in_one_message_box(qtbot, monkeypatch) -> None:
    hub, page = SignalHub(), QLabel()
    qtbot.addWidget(page)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": shown.append((error.message, title)))

    def refuse() -> Change:
        raise KnooppuntError("Het bestand is geen overdrachtsdossier.")

    assert run_op(refuse, hub=hub, parent=page, title="Niet ingelezen") is None
    assert shown == [("Het bestand is geen overdrachtsdossier.", "Niet ingelezen")]


def _progress_boxes(parent: QWidget) -> list[str]:
    return [box.labelText() for box in parent.findChildren(QProgressDialog) if box.isVisible()]


def test_a_background_op_shows_progress_then_publishes_its_change(qtbot) -> None:
    hub, page = SignalHub(), QWidget()
    qtbot.addWidget(page)
    page.show()
    release = threading.Event()
    published: list[tuple[Change, bool]] = []
    hub.changed.connect(lambda change: published.append((change, hub.initiated_by(page))))
    done: list[tuple[int, Change]] = []

    def prepare() -> int:  # on the worker thread; the test holds it until it has looked
        assert release.wait(30)
        return 7

    run_op_in_background(prepare, lambda seven: (seven, Change.created(Entity.CHILD, seven)), hub=hub, parent=page,
                         progress="Het bestand wordt gelezen en gecontroleerd…", on_done=done.append, initiator=page)
    assert _progress_boxes(page) == ["Het bestand wordt gelezen en gecontroleerd…"]
    assert published == []
    release.set()
    qtbot.waitUntil(lambda: done != [])
    assert done == [(7, Change.created(Entity.CHILD, 7))]
    assert published == [(Change.created(Entity.CHILD, 7), True)]
    assert _progress_boxes(page) == []


def test_a_background_op_refused_while_preparing_says_why_and_publishes_nothing(qtbot) -> None:
    hub, page, line = SignalHub(), QWidget(), QLabel()
    qtbot.addWidget(page)
    line.setParent(page)
    page.show()
    published: list[Change] = []
    hub.changed.connect(published.append)
    refused: list[bool] = []

    def prepare() -> int:
        raise KnooppuntError("Het bestand is geen adresboek.")

    run_op_in_background(prepare, lambda _n: Change.created(Entity.CHILD, 1), hub=hub, parent=page,
                         progress="Lezen…", errors=in_line(line), on_refused=lambda: refused.append(True))
    qtbot.waitUntil(lambda: refused == [True])
    assert line.text() == "Het bestand is geen adresboek." and line.isVisible()
    assert published == [] and _progress_boxes(page) == []
