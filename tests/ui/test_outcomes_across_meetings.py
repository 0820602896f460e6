"""End to end: agreements made in one meeting come back in the next, get outcomes, and the
Afspraken overview in the main window follows along."""

from datetime import timedelta

import pytest

from knooppunt.domain.enums import AgreementStatus, OwnerKind
from ui.hub import SignalHub
from ui.main_window import MainWindow
from ui.pages.agreements_page import AgreementsPage
from ui.widgets.outcomes_panel import OutcomesPanel

from ..conftest import TODAY
from ..core.outcome_helpers import finalise, new_meeting_with, partner_id, run

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def rows(view, column):
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def make_agreement(qtbot, hub, panel, kind, owner, what):
    panel.agreement_button.click()
    dialog = panel.active_dialog
    dialog.owner_kind.setCurrentIndex(dialog.owner_kind.findData(kind.value))
    dialog.owner_name.setEditText(owner)
    dialog.description.setText(what)
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()


def give_outcome(qtbot, hub, panel, row, status, note=""):
    panel.review.selectRow(row)
    panel.outcome_button.click()
    dialog = panel.active_dialog
    dialog.status.setCurrentIndex(dialog.status.findData(status.value))
    dialog.note.setText(note)
    if status == AgreementStatus.NOT_DONE and not note:
        dialog.save_button.click()
        return dialog
    with qtbot.waitSignal(hub.changed):
        dialog.save_button.click()
    return dialog


def test_agreements_come_back_in_the_next_meeting_get_outcomes_and_the_overview_follows(
    qtbot, demo_services, db_path
):
    s = demo_services
    hub = SignalHub()
    window = MainWindow(services=s, hub=hub, database_path=db_path)
    qtbot.addWidget(window)
    window.show()
    overview = next(p for p in window.pages if isinstance(p, AgreementsPage))
    window.show_page(window.pages.index(overview))

    # Meeting 1 (today): Noor is discussed for the first time.
    [first] = new_meeting_with(s, TODAY, "Noor")
    run(s, first)
    panel1 = OutcomesPanel(services=s, hub=hub, discussion_id=first)
    qtbot.addWidget(panel1)
    panel1.show()
    assert panel1.review_box.isHidden()  # nothing to look back on yet
    make_agreement(qtbot, hub, panel1, OwnerKind.PARENT, "Samira El Amrani", "Belt de huisarts over hoofdpijn")
    make_agreement(qtbot, hub, panel1, OwnerKind.CHILD, "Noor", "Houdt een week bij wanneer de hoofdpijn komt")
    make_agreement(qtbot, hub, panel1, OwnerKind.PARTNER, "Marieke Hendriks (JGZ Heuvelland)",
                   "Nodigt Noor uit voor het spreekuur")
    panel1.decision_button.click()
    decision = panel1.active_dialog
    decision.text.setPlainText("Extra JGZ-consult over hoofdpijn")
    decision.select_partner(partner_id(s, "Jeugd"))
    decision.parents_position.setCurrentIndex(decision.parents_position.findData("eens"))
    with qtbot.waitSignal(hub.changed):
        decision.save_button.click()
    overview.search.setText("Noor")
    overview.apply_filter()
    assert overview.model.total == 3
    hub.publish(finalise(s, first))
    assert not panel1.agreement_button.isVisible()

    # Meeting 2 (six weeks later): the three open agreements come back on their own.
    [second] = new_meeting_with(s, TODAY + timedelta(days=42), "Noor")
    panel2 = OutcomesPanel(services=s, hub=hub, discussion_id=second)
    qtbot.addWidget(panel2)
    panel2.show()
    assert panel2.review_box.isVisible()
    assert sorted(rows(panel2.review, 1)) == [
        "Belt de huisarts over hoofdpijn",
        "Houdt een week bij wanneer de hoofdpijn komt",
        "Nodigt Noor uit voor het spreekuur",
    ]
    assert rows(panel2.review, 2) == ["Nog geen uitkomst"] * 3

    order = rows(panel2.review, 1)
    give_outcome(qtbot, hub, panel2, order.index("Belt de huisarts over hoofdpijn"), AgreementStatus.DONE)
    refused = give_outcome(qtbot, hub, panel2, order.index("Nodigt Noor uit voor het spreekuur"),
                           AgreementStatus.NOT_DONE)
    assert "waarom" in refused.error_text("outcome_note")
    refused.note.setText("Spreekuur was vol; nieuwe datum volgt")
    with qtbot.waitSignal(hub.changed):
        refused.save_button.click()
    give_outcome(qtbot, hub, panel2, order.index("Houdt een week bij wanneer de hoofdpijn komt"),
                 AgreementStatus.CONTINUES)

    outcomes = dict(zip(rows(panel2.review, 1), rows(panel2.review, 2), strict=True))
    assert outcomes == {
        "Belt de huisarts over hoofdpijn": "Gedaan",
        "Nodigt Noor uit voor het spreekuur": "Niet gedaan",
        "Houdt een week bij wanneer de hoofdpijn komt": "Loopt door",
    }

    # The overview reflects the outcomes without reopening the page.
    overview.set_bucket("open")
    assert rows(overview.table, 2) == ["Houdt een week bij wanneer de hoofdpijn komt"]
    overview.set_bucket("afgerond")
    done = dict(zip(rows(overview.table, 2), rows(overview.table, 5), strict=True))
    assert done == {"Belt de huisarts over hoofdpijn": "Gedaan", "Nodigt Noor uit voor het spreekuur": "Niet gedaan"}
    assert "Spreekuur was vol; nieuwe datum volgt" in rows(overview.table, 6)
    qtbot.waitUntil(lambda: overview.bucket_buttons["afgerond"].text() == "Afgerond (2)")
