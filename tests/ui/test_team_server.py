"""The desktop app on the organisation's server (issue 22): the first-run wizard's server choice,
the connection test's Dutch messages, and the app started on the server, against the real test
server (tests/support/pg.py) with an in-memory keyring."""

from __future__ import annotations

import json
import stat

import psycopg
import pytest
import trustme
from PySide6.QtWidgets import QWizard

from knooppunt import team_settings
from knooppunt.storage.postgres.credentials import SERVICE
from tests.support.pg import free_port
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.unlock import UnlockDialog
from ui.startup import user_session

from .dialog_driver import QT_OFFSCREEN_NOISE, when_dialog_opens
from .team_helpers import DEMO_LOCATION, settings_for

DEMO_CHILDREN = 6  # the demo's children (tests/conftest.py: demo_services)

pytestmark = QT_OFFSCREEN_NOISE


def fill_server_page(wizard: FirstRunWizard, settings: team_settings.TeamSettings, password: str, *,
                     remember: bool = True) -> None:
    wizard.welcome.on_server.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.server
    page = wizard.server
    page.host.setText(settings.host)
    page.port.setValue(settings.port)
    page.database.setText(settings.database)
    page.user.setText(settings.user)
    page.ca_file.setText(str(settings.ca_file))
    page.password.setText(password)
    page.remember.setChecked(remember)


def test_the_wizard_connects_to_the_server_and_keeps_settings_without_the_password(
        app, qtbot, linde, memory_keyring, user_folder, tmp_path):
    database, user = linde
    settings = settings_for(database, user.role)

    def finish(wizard):
        fill_server_page(wizard, settings, user.password)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    when_dialog_opens(FirstRunWizard, finish)
    session = user_session(tmp_path / "knooppunt.db")
    try:
        assert session is not None
        assert session.server == f"Verbonden met {settings.host}:{settings.port} als {user.role}"
        assert not (tmp_path / "knooppunt.db").exists()  # no local database was made
        saved = user_folder / "server.json"
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert user.password not in saved.read_text()
        assert json.loads(saved.read_text())["user"] == user.role
        assert team_settings.load() == settings.__class__(**{**settings.__dict__, "remember_password": True})
        assert memory_keyring.passwords == {(SERVICE, settings.address.describe()): user.password}
        assert "Anders" not in {c.child.last_name for c in session.services.children.children()}
        assert len(session.services.children.children()) == DEMO_CHILDREN
    finally:
        if session is not None:
            session.close()


def test_without_remembering_no_password_is_kept_and_it_is_asked_at_start(
        app, qtbot, linde, memory_keyring, user_folder, tmp_path):
    database, user = linde
    settings = settings_for(database, user.role)
    memory_keyring.set_password(SERVICE, settings.address.describe(), "een oud wachtwoord")

    when_dialog_opens(FirstRunWizard, lambda w: (fill_server_page(w, settings, user.password, remember=False),
                                                 w.button(QWizard.WizardButton.FinishButton).click()))
    session = user_session(tmp_path / "knooppunt.db")
    assert session is not None
    session.close()
    assert memory_keyring.passwords == {}  # an old kept password is forgotten as well

    asked = []

    def give_password(dialog):
        assert "Server:" in dialog.findChildren(type(dialog.error))[-1].text()
        dialog.passphrase.setText(user.password)
        dialog.ok_button.click()

    when_dialog_opens(UnlockDialog, give_password, asked)
    session = user_session(tmp_path / "knooppunt.db", team=team_settings.load())
    assert session is not None and len(asked) == 1
    session.close()


def result_of_testing(qtbot, page) -> str:
    with qtbot.waitSignal(page.test_finished, timeout=20_000) as finished:
        page.test_button.click()
    ok, text = finished.args
    assert page.result.text() == text
    return text if not ok else "OK: " + text


@pytest.fixture
def server_page(app, qtbot):
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_verbinding_testen_says_in_dutch_what_is_wrong(qtbot, server_page, linde, tmp_path):
    database, user = linde
    settings = settings_for(database, user.role)
    fill_server_page(server_page, settings, user.password)
    page = server_page.server
    assert result_of_testing(qtbot, page) == f"OK: De verbinding werkt. U hoort bij: {DEMO_LOCATION}."

    page.password.setText("verkeerd")
    assert "weigert de aanmelding" in result_of_testing(qtbot, page)
    assert "wachtwoord klopt niet" in page.result.text()

    page.password.setText(user.password)
    other_ca = tmp_path / "andere-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other_ca))
    page.ca_file.setText(str(other_ca))
    assert "wordt niet vertrouwd" in result_of_testing(qtbot, page)

    page.ca_file.setText(str(settings.ca_file))
    page.port.setValue(free_port())
    assert "is niet bereikbaar" in result_of_testing(qtbot, page)


def test_a_user_of_no_location_is_told_so(qtbot, server_page, pg_database):
    from knooppunt.storage.postgres.access import add_user

    role = f"beheer_{pg_database.name}"
    add_user(pg_database.address(), pg_database.server.password, role, "een wachtwoord", [], admin=True)
    fill_server_page(server_page, settings_for(pg_database, role), "een wachtwoord")
    assert "bij geen enkele locatie" in result_of_testing(qtbot, server_page.server)


def test_a_server_without_tls_is_named_as_such():
    from knooppunt.team_connection import refusal

    settings = team_settings.TeamSettings(host="server.school.nl", user="anna", ca_file=team_settings.Path("ca.pem"))
    message = refusal(settings, "connection failed: server does not support SSL, but SSL was required")
    assert "geen versleutelde verbinding (TLS)" in message


def test_the_app_on_the_server_shows_the_locations_children_and_says_where_it_is(
        app, qtbot, linde, memory_keyring, user_folder, tmp_path):
    database, user = linde
    settings = settings_for(database, user.role, remember_password=True)
    team_settings.save(settings)
    settings.keep_password(user.password)
    session = user_session(tmp_path / "knooppunt.db", team=team_settings.load())  # no dialog: from the keyring
    assert session is not None
    try:
        window = session.build_window()
        qtbot.addWidget(window)
        window.show()
        assert window.storage_label.text() == f"Verbonden met 127.0.0.1:{settings.port} als {user.role}"
        assert "Versleuteld opgeslagen" not in " ".join(
            label.text() for label in window.statusBar().findChildren(type(window.storage_label)))
        window.show_page(1)
        page = window.pages[1]
        qtbot.waitUntil(lambda: page.table.source.rowCount() == DEMO_CHILDREN)
        names = {page.table.record_at(row).child.last_name for row in range(DEMO_CHILDREN)}
        assert "Anders" not in names  # De Es's child is not this user's
        assert window.backups is None  # no file to back up: the server's backups are IT's
    finally:
        session.close()


@pytest.mark.expect_log
def test_a_lost_connection_is_a_calm_dutch_message(app, qtbot, linde, monkeypatch, tmp_path):
    from knooppunt.composition import open_team_services
    from ui import app as app_module

    database, user = linde
    services = open_team_services(settings_for(database, user.role), user.password)
    with database.connect(autocommit=True) as admin:  # the server drops the connection
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (user.role,))
    shown = []
    monkeypatch.setattr(app_module.messages, "show_error", lambda _parent, error, title="": shown.append((title, error)))
    try:
        services.children.children()
    except psycopg.Error as exc:
        app_module.CrashHandler(None)(type(exc), exc, exc.__traceback__)
    else:
        pytest.fail("the read should have found the connection gone")
    finally:
        services.close()
    assert shown and shown[0][0] == "Verbinding verbroken"
    assert "verbroken" in shown[0][1] and "Traceback" not in shown[0][1]


def test_a_local_database_opens_no_network_connection(app, qtbot, services, db_path, monkeypatch, user_folder):
    from knooppunt.composition import open_services
    from ui import startup

    from ..conftest import PASSPHRASE, TEST_KDF_ITER

    def no_network(*_args, **_kwargs):
        raise AssertionError("a network connection was opened")

    monkeypatch.setattr(psycopg, "connect", no_network)
    monkeypatch.setattr(psycopg.Connection, "connect", no_network)
    monkeypatch.setattr(startup, "unlock_dialog", lambda path: UnlockDialog(
        database_path=path, unlock=lambda secret: open_services(path, secret, kdf_iter=TEST_KDF_ITER)))
    assert team_settings.load() is None  # no server.json: the program stays on this laptop
    when_dialog_opens(UnlockDialog, lambda d: (d.passphrase.setText(PASSPHRASE), d.ok_button.click()))
    services.close()
    session = user_session(db_path, team=team_settings.load())
    assert session is not None and session.server == ""
    session.close()



def test_a_kept_password_that_no_longer_works_is_asked_again_and_replaced(
        app, qtbot, linde, memory_keyring, user_folder, tmp_path):
    database, user = linde
    settings = settings_for(database, user.role, remember_password=True)
    team_settings.save(settings)
    memory_keyring.set_password(SERVICE, settings.address.describe(), "het oude wachtwoord")
    said = []

    def give_password(dialog):
        said.append(dialog.error.text())
        dialog.passphrase.setText(user.password)
        dialog.ok_button.click()

    when_dialog_opens(UnlockDialog, give_password)
    session = user_session(tmp_path / "knooppunt.db", team=team_settings.load())
    assert session is not None
    session.close()
    assert len(said) == 1 and "weigert de aanmelding" in said[0]
    assert memory_keyring.passwords == {(SERVICE, settings.address.describe()): user.password}
