"""Overleggen on the server (issue 22): check a meeting out to this laptop, see it read-only as a
colleague ("uitgecheckt door … sinds …"), check it in, and a coordinator's take-over, with the
real app on the real test server."""

from __future__ import annotations

import pytest

from knooppunt.composition import open_services, open_team_services
from tests.server.server_helpers import user_for
from ui.main_window import MainWindow
from ui.pages.meeting_checkout import CheckoutDialog

from ..conftest import PASSPHRASE, TEST_KDF_ITER, TODAY
from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens
from .team_helpers import DEMO_LOCATION, settings_for

pytestmark = QT_OFFSCREEN_NOISE


def meetings_page(qtbot, hub, services, tmp_path):
    window = MainWindow(services=services, hub=hub, database_path=tmp_path / "x.db", server="Verbonden met test")
    qtbot.addWidget(window)
    window.show()
    window.show_page(2)
    page = window.pages[2]
    qtbot.waitUntil(lambda: page.table.source.rowCount() > 0)
    return window, page


def select_todays_meeting(page) -> int:
    for row in range(page.table.source.rowCount()):
        if page.table.record_at(row).meeting.date == TODAY:
            page.table.selectRow(row)
            return page.table.record_at(row).meeting.id
    raise AssertionError("the demo has a meeting today")


@pytest.fixture
def team(linde, clock, monkeypatch):
    """The chair (ib) and a coordinator of the demo's location, each with the app's services."""
    database, chair = linde
    coordinator = user_for(database, DEMO_LOCATION, 0, admin=True)
    # Fewer key-derivation rounds for the laptop's file, as everywhere in the tests.
    monkeypatch.setattr("knooppunt.services.team.checkout.CheckoutService.__init__.__kwdefaults__",
                        {"clock": clock, "kdf_iter": TEST_KDF_ITER})
    opened = [open_team_services(settings_for(database, user.role), user.password, clock=clock)
              for user in (chair, coordinator)]
    yield opened
    for services in opened:
        services.close()


def test_check_out_shows_the_meeting_read_only_to_others_then_check_in(app, qtbot, hub, team, tmp_path,
                                                                       monkeypatch):
    chair_services, coordinator_services = team
    informed = []
    monkeypatch.setattr("ui.messages.inform", lambda _p, title, text: informed.append(title))
    _window, page = meetings_page(qtbot, hub, chair_services, tmp_path)
    assert page.checkout is not None and page.checkout.check_out_button.isVisible()
    meeting_id = select_todays_meeting(page)
    laptop = tmp_path / "mee.db"

    def fill(dialog):
        dialog.path.setText(str(laptop))
        dialog.first.setText(PASSPHRASE)
        dialog.second.setText(PASSPHRASE)
        dialog.ok_button.click()

    when_dialog_opens(CheckoutDialog, fill)
    assert page.checkout.check_out() == laptop
    assert informed == ["Uitgecheckt"] and laptop.exists()

    # A colleague (here: the coordinator) sees it checked out, read-only.
    _other_window, other = meetings_page(qtbot, hub, coordinator_services, tmp_path)
    select_todays_meeting(other)
    lease_text = other.checkout.lease_label.text()
    assert lease_text.startswith(f"Dit overleg is uitgecheckt door {chair_services.server_user} sinds 23 november 2026")
    assert other.checkout.lease_label.isVisible()
    assert not other.plan_button.isEnabled() and not other.run_button.isEnabled()
    assert other.checkout.take_over_button.isEnabled()

    # Offline, on the laptop's own file: a change; then checked in from the Overleggen area.
    offline = open_services(laptop, PASSPHRASE, kdf_iter=TEST_KDF_ITER)
    offline.meetings.meeting(meeting_id)  # an ordinary Knooppunt file
    offline.close()
    monkeypatch.setattr("ui.messages.choose_open_file", lambda *_a, **_k: laptop)
    monkeypatch.setattr("ui.pages.meeting_checkout.ask_secret", lambda *_a: PASSPHRASE)
    assert page.checkout.check_in()
    assert informed[-1] == "Ingecheckt"
    other.reload()  # as when the colleague looks again
    select_todays_meeting(other)
    other._on_table_selection_changed()
    assert other.table.selected_record().meeting.id == meeting_id
    assert not other.checkout.lease_label.isVisibleTo(other) and other.plan_button.isEnabled()


def test_a_coordinator_takes_over_a_lost_laptops_lease_after_confirming(app, qtbot, hub, team, tmp_path,
                                                                         monkeypatch):
    chair_services, coordinator_services = team
    meeting_id = next(v.meeting.id for v in chair_services.meetings.meetings() if v.meeting.date == TODAY)
    chair_services.checkout.check_out(meeting_id, tmp_path / "kwijt.db", PASSPHRASE, holder="Annelies")
    _window, page = meetings_page(qtbot, hub, coordinator_services, tmp_path)
    select_todays_meeting(page)
    questions = []
    monkeypatch.setattr("ui.messages.ask", lambda _p, _t, question, **_k: questions.append(question) or False)
    assert not page.checkout.take_over()
    assert "uitgecheckt door Annelies" in questions[0] and "niet meer worden ingecheckt" in questions[0]
    assert page.checkout.leased  # not confirmed: nothing changed
    monkeypatch.setattr("ui.messages.ask", lambda *_a, **_k: True)
    assert page.checkout.take_over()
    assert not page.checkout.leased and page.plan_button.isEnabled()


@pytest.mark.expect_log
def test_a_change_to_a_checked_out_meeting_elsewhere_is_the_servers_dutch_refusal(app, team, tmp_path, monkeypatch):
    from dataclasses import replace

    from ui import operations

    chair_services, coordinator_services = team
    view = next(v for v in coordinator_services.meetings.meetings() if v.meeting.date == TODAY)
    chair_services.checkout.check_out(view.meeting.id, tmp_path / "mee.db", PASSPHRASE, holder="Annelies")
    shown = []
    monkeypatch.setattr(operations.messages, "show_error", lambda _p, error, title="": shown.append((title, str(error))))
    # The store turns the lease guard's refusal into a KnooppuntError: run_op shows it like any refusal.
    result = operations.run_op(lambda: coordinator_services.planning.update_meeting(replace(view.meeting, place="Gymzaal")),
                               hub=None, parent=None)
    assert result is None
    assert len(shown) == 1 and shown[0][1].startswith(
        "Deze vergadering is uitgecheckt door Annelies sinds 23-11-2026 om 09:30: "
        "op de server alleen te lezen tot de vergadering is ingecheckt")
