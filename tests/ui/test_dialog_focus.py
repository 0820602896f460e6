"""Decision and agreement dialogs in a live meeting: typing starts in the first text field at once,
and a red message goes as soon as the field it is about is filled in."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.widgets.outcomes_panel import OutcomesPanel

from ..core.outcome_helpers import discussion_of, run

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_dialog(qtbot, services, hub, button_name):
    discussion_id = discussion_of(services, "Daan", held=False)
    run(services, discussion_id)  # decisions are taken at the table, on the day
    panel = OutcomesPanel(services=services, hub=hub, discussion_id=discussion_id)
    qtbot.addWidget(panel)
    panel.show()
    getattr(panel, button_name).click()
    dialog = panel.active_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_decision_dialog_takes_typing_in_the_decision_field_and_clears_its_message(qtbot, demo_services, hub):
    dialog = open_dialog(qtbot, demo_services, hub, "decision_button")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)

    qtbot.keyClicks(QApplication.focusWidget(), "Geen verdere actie")
    assert dialog.text.toPlainText() == "Geen verdere actie"  # the space did not press Opslaan
    assert dialog.isVisible()

    dialog.text.clear()
    dialog.save_button.click()
    assert dialog.error_text("text")  # "Schrijf op wat er besloten is."
    qtbot.keyClicks(dialog.text, "Extra begeleiding")
    assert dialog.error_text("text") == ""
    dialog.reject()


def test_agreement_dialog_starts_in_a_text_field_and_clears_its_message(qtbot, demo_services, hub):
    dialog = open_dialog(qtbot, demo_services, hub, "agreement_button")
    # The dialog's own focus child: another test's window may still be the active one offscreen.
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    assert dialog.focusWidget() is not dialog.save_button
    assert dialog.owner_name.isAncestorOf(dialog.focusWidget()) or dialog.focusWidget() is dialog.owner_name

    dialog.save_button.click()
    field = next(name for name in ("owner_kind", "owner_name", "description") if dialog.error_text(name))
    assert dialog.isVisible()
    if field == "description":
        qtbot.keyClicks(dialog.description, "Leest elke avond voor")
    elif field == "owner_name":
        qtbot.keyClicks(dialog.owner_name.lineEdit(), "Kim de Vries")
    else:
        dialog.owner_kind.setCurrentIndex(1)
    assert dialog.error_text(field) == ""
    qtbot.keyClick(dialog.description, Qt.Key.Key_Escape)
