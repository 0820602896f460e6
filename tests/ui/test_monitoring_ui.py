"""The Monitoring area: charts and figures per location and period, the list behind a figure,
the exports, the sociale kaart, and picking an offer for a decision or agreement."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from knooppunt.domain.enums import Position
from knooppunt.services.outcomes.agreements import AgreementInput
from ui import messages
from ui.dialogs.agreement_dialog import AgreementDialog
from ui.dialogs.decision_dialog import DecisionDialog
from ui.pages.monitoring_page import MonitoringPage

from ..core.outcome_helpers import discussion_of, new_meeting_with

# Notices of the headless platform itself (a completer's popup cannot raise or grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(qtbot, app, demo_services, hub):
    page = MonitoringPage(services=demo_services, hub=hub)
    qtbot.addWidget(page)
    page.resize(1150, 700)
    page.show()
    qtbot.waitUntil(lambda: page.monitor is not None)
    return page


def row_of(page, key):
    return next(n for n, row in enumerate(page.rows()) if row.figure.key == key)


def test_page_shows_the_charts_and_every_figure_of_the_location(page):
    assert page.location.currentText() == "Kindcentrum De Vlinderboom"
    assert page.year.currentData() == "2026-2027" and page.period.currentText() == "Heel het schooljaar"
    assert [view.chart.title for view in page.charts] == ["Kinderen en overleggen", "Ouders aan tafel", "Besluiten",
                                                          "Afspraken per eigenaar"]
    assert all(view.renderer().isValid() for view in page.charts)
    model = page.table.model()
    decisions = row_of(page, "besluiten.totaal")
    assert [model.index(decisions, c).data() for c in range(3)] == ["Besluiten aan tafel", "Besluiten", "3"]
    judgement = row_of(page, "afsluiting.oordeel_ouders")
    assert model.index(judgement, 2).data() == "nog geen gegevens"


def test_double_click_on_a_figure_opens_the_list_with_names(page, qtbot):
    page.table.doubleClicked.emit(page.table.model().index(row_of(page, "besluiten.voorlopig"), 1))
    qtbot.waitUntil(lambda: page.active_dialog is not None and page.active_dialog.isVisible())
    dialog = page.active_dialog
    entries = [dialog.table.model().index(r, 0).data() for r in range(dialog.table.model().rowCount())]
    assert entries == ["Anaïs Bakker"]
    assert "gezinscoach" in dialog.table.model().index(0, 2).data()
    dialog.close()
    page.table.selectRow(row_of(page, "besluiten.direct"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.active_dialog is not None and page.active_dialog.figure.key == "besluiten.direct")
    assert page.active_dialog.table.model().rowCount() == 2


def test_clicking_a_bar_opens_its_list_and_elsewhere_selects_the_figures(page, qtbot):
    from knooppunt.monitoring.charts import HEIGHT, plot

    decisions = page.charts[2]
    area = plot(decisions.chart)
    provisional = decisions.to_widget(area.x + area.width * 5 / 6, area.y + 2)  # third bar: nog voorlopig
    qtbot.mouseClick(decisions, Qt.MouseButton.LeftButton, pos=provisional.toPoint())
    qtbot.waitUntil(lambda: page.active_dialog is not None)
    assert page.active_dialog.figure.key == "besluiten.voorlopig"
    page.active_dialog.close()
    qtbot.waitUntil(lambda: page.active_dialog is None)

    # Stacked: the partner's column holds 1 on time and 2 late (the demo meets today; they fell due before).
    agreements = page.charts[3]
    area = plot(agreements.chart)
    partner_late = agreements.to_widget(area.x + area.width / 8, area.y + area.height * 2 / area.top)
    assert agreements.figure_at(partner_late) == "afspraken.partner.te_laat"
    qtbot.mouseClick(agreements, Qt.MouseButton.LeftButton, pos=partner_late.toPoint())
    qtbot.waitUntil(lambda: page.active_dialog is not None)
    assert page.active_dialog.table.model().rowCount() == 2
    page.active_dialog.close()
    qtbot.waitUntil(lambda: page.active_dialog is None)

    title = agreements.to_widget(20, HEIGHT - 6)
    qtbot.mouseClick(agreements, Qt.MouseButton.LeftButton, pos=title.toPoint())
    selected = page.table.selected_record()
    assert selected.indicator.key == "afspraken" and selected.first and page.active_dialog is None


def test_another_period_shows_its_own_figures(page, demo_services):
    new_meeting_with(demo_services, date(2027, 1, 12), "Noor")  # the demo's own meetings are in p1
    page.period.setCurrentIndex(page.period.findData("p2"))  # December–March: only that planned meeting
    assert page.monitor.period.key == "p2"
    assert page.monitor.figure("kinderen.overleggen_gepland").value == 1
    assert page.monitor.figure("besluiten.totaal").value == 0


def test_yearly_report_is_rendered_in_the_background_and_saved(page, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    with qtbot.waitSignal(page.exports.finished, timeout=20_000) as done:
        page.report_button.click()
    assert done.args == [f"Jaarrapport opgeslagen: {target}"]
    assert target.read_bytes().startswith(b"%PDF")


def test_board_figures_are_saved_without_names(page, monkeypatch, tmp_path):
    target = tmp_path / "bestuur.json"
    told = []
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
    page.board_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["locaties"][0]["locatie"] == "Kindcentrum De Vlinderboom"
    assert "Anaïs" not in target.read_text(encoding="utf-8") and "<5" in told[0]


def test_sociale_kaart_adds_an_offer_and_monitoring_counts_a_decision_that_uses_it(page, qtbot, demo_services, hub):
    page.offers_button.click()
    offers = page.active_dialog
    assert offers.table.model().rowCount() == 6
    offers.add_button.click()
    form = offers.active_dialog
    form.name.setText("Faalangsttraining")
    form.level.setCurrentIndex(form.level.findData("selectief"))
    form.organisation.setCurrentIndex(form.organisation.findText("Wijkteam Maasheuvel"))
    with qtbot.waitSignal(hub.changed):
        form.save_button.click()
    assert offers.table.model().rowCount() == 7
    offers.close()
    before = page.monitor.figure("verwijzingen.niveau.selectief").value

    discussion = discussion_of(demo_services, "Zoë", held=True)
    with demo_services.store.unit_of_work() as uow:  # reopen the held discussion for this test
        uow.update("discussion", discussion, {"status": "bezig"})
        uow.audit("test", "discussion", discussion)
    dialog = DecisionDialog(services=demo_services, discussion_id=discussion)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.offer, "faalangst")
    assert dialog.offer.matches() == ["Faalangsttraining — Wijkteam Maasheuvel"]
    dialog.offer.choose_title("Faalangsttraining — Wijkteam Maasheuvel")
    assert dialog.text.toPlainText() == "Faalangsttraining"
    assert dialog.selected_check().organisation == "Wijkteam Maasheuvel"  # the partner of that organisation
    dialog.parents_position.setCurrentIndex(dialog.parents_position.findData(Position.AGREE.value))
    dialog.save_button.click()
    assert dialog.change is not None
    hub.publish(dialog.change)
    qtbot.waitUntil(lambda: page.monitor.figure("verwijzingen.niveau.selectief").value == before + 1)


def test_agreement_dialog_picks_an_offer_and_free_text_stays_possible(qtbot, app, demo_services):
    discussion = discussion_of(demo_services, "Şükrü", held=False)
    dialog = AgreementDialog(services=demo_services, discussion_id=discussion)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.offer, "ROTS")
    dialog.offer.choose_title(dialog.offer.matches()[0])
    assert dialog.owner_kind.currentData() == "partner"
    assert "Wijkteam Maasheuvel" in dialog.owner_name.currentText()
    assert dialog.description.text() == "Weerbaarheidstraining Rots en Water"
    assert dialog.draft().offer_id is not None
    dialog.offer.clear()
    qtbot.keyClicks(dialog.offer, "iets wat er niet is")
    assert dialog.offer.matches() == [] and dialog.draft().offer_id is None
    dialog.description.setText("Eigen tekst")
    _agreement, _change = demo_services.agreements.create(discussion, dialog.draft())
    assert _agreement.offer_id is None and isinstance(dialog.draft(), AgreementInput)


def test_monitoring_is_the_fifth_area_and_its_chart_library_loads_only_when_opened(tmp_path):
    script = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date
from pathlib import Path
from ui.app import create_application
from knooppunt.composition import open_services
from knooppunt.services.demo import build_demo
from ui.hub import SignalHub
from ui.main_window import MainWindow
app = create_application(["t"])
services = open_services(Path(sys.argv[1]), "wachtwoordzin lang genoeg", create=True, kdf_iter=4000)
build_demo(services, today=date(2026, 11, 23))
window = MainWindow(services=services, hub=SignalHub(), database_path=Path(sys.argv[1]), idle_minutes=None)
window.show(); app.processEvents()
print("before", "reportlab" in sys.modules)
action = next(a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text() == "Monitoring")
print("shortcut", action.shortcut().toString())
action.trigger(); app.processEvents()
print("after", "reportlab" in sys.modules, type(window.stack.currentWidget()).__name__)
window.close(); services.close()
"""
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "k.db")], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.split()[0] in ("before", "shortcut", "after")]
    assert lines == ["before False", "shortcut Ctrl+5", "after True MonitoringPage"]


def test_every_indicator_and_figure_label_fits_its_column(page):
    """No label is cut off with '…' (the longest: 'Overleggen voorbij maar niet als gehouden vastgelegd')."""
    model, metrics = page.table.model(), page.table.fontMetrics()
    for column in (0, 1):
        widest = max(metrics.horizontalAdvance(model.index(r, column).data() or "") for r in range(model.rowCount()))
        assert widest + 12 <= page.table.columnWidth(column), column  # 12: the cell's padding
