"""Locaties & partners → Regionaal adresboek, against a real Datasette over HTTPS."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from knooppunt.regional import signing
from tests.regional_server import DatasetteServer, silent_socket
from ui.hub import SignalHub
from ui.pages.locations_page import LocationsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
DEMO = "Kindcentrum De Vlinderboom"


@pytest.fixture
def server(demo_services, tmp_path, monkeypatch):
    demo_services.regional_publisher.make_key()
    regio = tmp_path / "regio.db"
    demo_services.regional_publisher.publish(regio)
    server = DatasetteServer.start(regio, tmp_path / "server")
    monkeypatch.setenv("SSL_CERT_FILE", server.cafile)  # this laptop trusts the test CA, as a board's own CA
    yield server
    server.stop()


@pytest.fixture
def laptop_page(qtbot, services_factory):
    laptop = services_factory()
    page = LocationsPage(services=laptop, hub=SignalHub())
    qtbot.addWidget(page)
    page.show()
    return page, laptop


def _open_dialog(qtbot, page):
    qtbot.mouseClick(page.regional_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    return page.dialog


def test_update_shows_the_preview_per_location_and_applies_it(qtbot, server, laptop_page, demo_services):
    page, laptop = laptop_page
    dialog = _open_dialog(qtbot, page)
    assert dialog.last_update.text() == "Nog nooit bijgewerkt."
    dialog.url.setText(server.url)
    key = demo_services.regional_publisher.public_key()
    dialog.key.setText(key)
    assert dialog.fingerprint.text().startswith(f"<b>{signing.fingerprint(key)}</b>")
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()  # fetching: the dialog waits for the answer
    dialog.reject()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible(), timeout=20000)
    assert dialog.close_button.isEnabled()
    preview = dialog.preview
    assert "Regionaal adresboek</b> van Annelies Vermeulen" in preview.summary.text()
    table = preview.table
    headers = [table.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(table.proxy.columnCount())]
    assert headers[:2] == ["Locatie", "Wat"]
    rows = [table.record_at(r) for r in range(table.proxy.rowCount())]
    assert {r.location for r in rows} == {DEMO} and ("nieuw", "Locatie") in {(r.action, r.what) for r in rows}
    assert page.location_list.count() == 0  # nothing applied yet
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.location_list.count() == 1)
    assert page.location_list.item(0).text().startswith(DEMO)
    assert dialog.status.text().startswith("Bijgewerkt: ")
    assert dialog.last_update.text().startswith("Laatst bijgewerkt op ")
    assert laptop.regional.subscription().url == server.url


def test_offline_gives_a_dutch_message_and_keeps_the_directory(qtbot, laptop_page, monkeypatch):
    page, laptop = laptop_page
    dialog = _open_dialog(qtbot, page)
    with silent_socket() as url:
        down = url
    dialog.url.setText(down)
    dialog.key.setText("A" * 43 + "=")
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.label.isVisible(), timeout=20000)
    assert dialog.errors.text.startswith("Geen verbinding met de adresboekserver")
    assert "U werkt gewoon verder" in dialog.errors.text
    assert dialog.update_button.isEnabled() and dialog.preview is None


def test_an_http_address_is_refused_at_the_field(qtbot, laptop_page):
    page, laptop = laptop_page
    dialog = _open_dialog(qtbot, page)
    dialog.url.setText("http://adresboek.regio.nl")
    dialog.key.setText("A" * 43 + "=")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text.startswith("Adres: Het adres van de adresboekserver moet met https://")
    assert not laptop.regional.subscription().configured
