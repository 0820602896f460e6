"""Bewaartermijn overview (reachable from Kinderen) and erasing one child from its dossier."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from knooppunt.domain.enums import ClosingReason
from ui import messages
from ui.dialogs.child_detail_dialog import ChildDetailDialog
from ui.dialogs.retention_dialog import RetentionDialog
from ui.pages.children_page import ChildrenPage

from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens

pytestmark = QT_OFFSCREEN_NOISE


def _close_zoes_case(services) -> None:
    """Every demo child has a running case (issue 18: no planning without an aanmelding); Zoë's is closed."""
    zoe = services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")
    services.cases.close_case(services.cases.current(zoe).id, date(2027, 1, 4), ClosingReason.SOLVED)


def _rows(dialog):
    return [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]


def test_bewaartermijn_lists_children_past_term_and_one_confirmed_action_erases_them(
        qtbot, demo_services, hub, clock, monkeypatch):
    clock.now = datetime(2031, 1, 6, 9, 0)  # years after the demo's meetings
    _close_zoes_case(demo_services)
    due = demo_services.retention.due()
    assert due and len(due) < demo_services.store.count("child")  # children with an open case stay
    page = ChildrenPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    seen: list = []
    when_dialog_opens(RetentionDialog, lambda d: d.reject(), seen)
    page.retention_button.click()
    assert len(seen) == 1

    dialog = RetentionDialog(services=demo_services, hub=hub)
    qtbot.addWidget(dialog)
    assert _rows(dialog) == [d.child_name for d in due]
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or True)
    monkeypatch.setattr(messages, "inform", lambda *a: None)
    dialog.erase_button.click()
    assert "definitief gewist" in asked[0] and due[0].child_name in asked[0]
    assert _rows(dialog) == [] and not dialog.erase_button.isEnabled()
    assert "geen kinderen voorbij" in dialog.summary.text()
    assert demo_services.retention.due() == []
    remaining = {v.child.full_name for v in demo_services.children.children()}
    assert not remaining & {d.child_name for d in due}


def test_cancelling_the_question_erases_nothing(qtbot, demo_services, hub, clock, monkeypatch):
    clock.now = datetime(2031, 1, 6, 9, 0)
    _close_zoes_case(demo_services)
    dialog = RetentionDialog(services=demo_services, hub=hub)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)
    count = demo_services.store.count("child")
    dialog.erase_button.click()
    assert demo_services.store.count("child") == count and dialog.model.rowCount() > 0


@pytest.mark.parametrize("confirm", [True, False])
def test_erasing_one_child_from_its_dossier(qtbot, demo_services, hub, monkeypatch, confirm):
    zoe = demo_services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")
    dialog = ChildDetailDialog(services=demo_services, hub=hub, child_id=zoe)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    monkeypatch.setattr(messages, "choose_item", lambda parent, title, label, items: items[0])
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or confirm)
    dialog.erase_button.click()
    assert "Zoë Janssen" in asked[0] and "2 ouder(s)/verzorger(s)" in asked[0]
    if confirm:
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert demo_services.store.count("child", "id = ?", [zoe]) == 0
        assert demo_services.audit.recent(1)[0].detail.startswith("op verzoek van de ouders")
    else:
        assert dialog.isVisible() and demo_services.store.count("child", "id = ?", [zoe]) == 1


def test_inzage_dialog_needs_a_reason_to_withhold_and_writes_both_files(qtbot, demo_services, hub, tmp_path,
                                                                         monkeypatch):
    from PySide6.QtCore import Qt

    from ui.dialogs.inzage_dialog import InzageDialog

    zoe = demo_services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")
    detail = ChildDetailDialog(services=demo_services, hub=hub, child_id=zoe)
    qtbot.addWidget(detail)
    seen: list = []
    when_dialog_opens(InzageDialog, lambda d: d.reject(), seen)
    detail.inzage_button.click()
    assert len(seen) == 1

    dialog = InzageDialog(services=demo_services, child_id=zoe)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and "ploegendienst" in dialog.table.item(0, 3).text()
    monkeypatch.setattr(messages, "choose_folder", lambda *a, **k: tmp_path)
    monkeypatch.setattr(messages, "inform", lambda *a: None)
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.make()
    assert "reden" in dialog.error.text() and not list(tmp_path.glob("inzage-*"))
    dialog.table.item(0, 4).setText("Gaat over de gezondheid van vader (rechten van een ander).")
    assert dialog.make()
    pdf, raw = dialog.files
    assert pdf.exists() and "ploegendienst" not in raw.read_text(encoding="utf-8")
    assert demo_services.audit.recent(1)[0].action == "inzage gemaakt"


def test_a_parents_request_is_recorded_decided_and_a_misspelt_name_corrected_from_the_dossier(
        qtbot, demo_services, hub, monkeypatch):
    from ui.dialogs.avg_request_dialogs import CorrectDialog, DecideDialog, RequestDialog

    zoe = demo_services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")
    detail = ChildDetailDialog(services=demo_services, hub=hub, child_id=zoe)
    qtbot.addWidget(detail)
    detail.tabs.setCurrentWidget(detail.requests)

    def record(dialog):
        dialog.requested_by.setCurrentText("Mark Janssen")
        dialog.about.setPlainText("Mijn achternaam is verkeerd gespeld")
        assert dialog.save()

    when_dialog_opens(RequestDialog, record)
    detail.requests.record_button.click()
    qtbot.waitUntil(lambda: detail.requests.table.source.rowCount() == 1)
    detail.requests.table.selectRow(0)

    def refuse_without_reason_then_grant(dialog):
        dialog.decision.setCurrentIndex(dialog.decision.findData("afgewezen"))
        assert not dialog.save() and "waarom" in dialog.errors.text().lower()
        dialog.decision.setCurrentIndex(dialog.decision.findData("toegewezen"))
        assert dialog.save()

    when_dialog_opens(DecideDialog, refuse_without_reason_then_grant)
    detail.requests.decide_button.click()
    qtbot.waitUntil(lambda: demo_services.requests.requests(zoe)[0].decision is not None)
    detail.requests.table.selectRow(0)

    def correct(dialog):
        index = next(i for i in range(dialog.field.count())
                     if dialog.field.itemText(i).startswith("Mark Janssen – naam"))
        dialog.field.setCurrentIndex(index)
        dialog.value.setText("Mark Jansen")
        assert dialog.save()

    when_dialog_opens(CorrectDialog, correct)
    detail.requests.correct_button.click()
    qtbot.waitUntil(lambda: bool(demo_services.requests.corrections(zoe)))
    assert "Mark Jansen" in [g.name for g in demo_services.children.guardians(zoe)]
    assert demo_services.requests.corrections(zoe)[0]["old_value"] == "Mark Janssen"


def test_the_verwerkingsregister_is_saved_from_the_locations_page(qtbot, demo_services, hub, tmp_path, monkeypatch):
    from ui.pages.locations_page import LocationsPage

    page = LocationsPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    target = tmp_path / "register.csv"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    told: list[str] = []
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
    page.register_button.click()
    assert target.read_bytes().startswith(b"\xef\xbb\xbfOnderdeel;Onderwerp;Omschrijving")
    assert str(target) in told[0]
    assert demo_services.audit.recent(1)[0].action == "verwerkingsregister opgeslagen"
