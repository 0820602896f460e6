"""The locations page: search while typing, import with preview, refused files, exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from knooppunt.directory.report import ImportRefused
from knooppunt.domain.enums import PartnerKind
from ui import messages
from ui.dialogs.import_preview_dialog import ImportPreviewDialog
from ui.hub import SignalHub
from ui.pages.locations_page import LocationsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
DEMO = "Kindcentrum De Vlinderboom"


@pytest.fixture
def page(qtbot, demo_services):
    page = LocationsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    page.show()
    return page


def test_search_answers_while_typing_and_opens_the_partner(qtbot, qtmodeltester, page):
    assert page._content.currentIndex() == 0
    qtbot.keyClicks(page.search.text, "anais")
    qtbot.waitUntil(lambda: page._content.currentIndex() == 1)
    results = page.search.results
    assert [results.record_at(r).name for r in range(results.proxy.rowCount())] == ["Anaïs Dubois"]
    assert page.search.count.text() == "1 gevonden"
    qtmodeltester.check(results.source)
    qtbot.keyClick(page.search.text, Qt.Key.Key_Escape)
    assert page.search.text.text() == "" and page._content.currentIndex() == 0
    qtbot.keyClicks(page.search.text, "anais")
    qtbot.waitUntil(lambda: page._content.currentIndex() == 1)
    page.search.hit_activated.emit(results.record_at(0))
    assert page._content.currentIndex() == 0 and page.search.text.text() == ""
    assert page.partners.selected_record().contact.name == "Anaïs Dubois"


def test_the_mandate_filter_shows_who_cannot_decide(qtbot, page):
    page.search.mandate.setChecked(True)
    results = page.search.results
    assert page._content.currentIndex() == 1
    row = [results.proxy.index(0, c) for c in range(results.proxy.columnCount())]
    assert results.record_at(0).name == "Sven Lemmens"
    assert any(results.proxy.data(i).startswith("Mandaat verlopen op") and
               results.proxy.data(i, Qt.ItemDataRole.ForegroundRole) is not None for i in row)


def test_import_shows_the_differences_first_and_applies_on_request(qtbot, qtmodeltester, page, tmp_path,
                                                                   monkeypatch, demo_services):
    path = tmp_path / "nieuw.csv"
    path.write_text("Rol;Soort;Organisatie;Vaste contactpersoon;Telefoon\r\n"
                    "Logopedie;incidenteel;Logopediepraktijk Heerlen;Iris Peters;045 850 7777\r\n",
                    encoding="utf-8-sig")
    monkeypatch.setattr(messages, "choose_open_file", lambda *a, **k: path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.exchange.preview is not None and page.exchange.preview.isVisible())
    preview = page.exchange.preview
    assert isinstance(preview, ImportPreviewDialog)
    assert "4 nieuw, 0 gewijzigd, 0 verwijderd" in preview.summary.text()
    shown = {(c.what, c.name) for c in preview.table.source.records()}
    assert shown == {("Soort organisatie", "Overig"), ("Organisatie", "Logopediepraktijk Heerlen"),
                     ("Contactpersoon", "Iris Peters"), ("Rol", "Logopedie")}
    qtmodeltester.check(preview.table.source)
    assert all(v.partner.role != "Logopedie" for v in page.partners.source.records())  # not yet applied
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    assert not preview.isVisible()
    logopedie = next(v for v in page.partners.source.records() if v.partner.role == "Logopedie")
    assert logopedie.contact.name == "Iris Peters"
    assert page.status.text().startswith("Geïmporteerd")


def test_a_refused_file_shows_the_row_report_and_changes_nothing(qtbot, page, tmp_path, monkeypatch):
    path = tmp_path / "fout.csv"
    path.write_text("Rol;Organisatie;Vaste contactpersoon;E-mail\nLeerplicht;Bureau;Ans;ans@@bureau\n",
                    encoding="utf-8")
    shown = []
    monkeypatch.setattr(messages, "choose_open_file", lambda *a, **k: path)
    monkeypatch.setattr(messages, "show_error", lambda parent, error, title="": shown.append(error))
    before = [v.partner for v in page.partners.source.records()]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(shown[0], ImportRefused)
    assert "Regel 2, E-mail: ‘ans@@bureau’ is geen geldig e-mailadres" in shown[0].message
    assert page.exchange.preview is None
    assert [v.partner for v in page.partners.source.records()] == before


def test_the_contact_list_is_rendered_in_the_background_and_saved(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "contactlijst.pdf"
    monkeypatch.setattr(messages, "choose_save_file", lambda *a, **k: target)
    with qtbot.waitSignal(page.exchange.finished, timeout=20000):
        page.export_actions["pdf"].trigger()
        assert page.status.text() == "Contactlijst wordt gemaakt…"
    assert target.read_bytes().startswith(b"%PDF")
    assert page.status.text() == f"Contactlijst opgeslagen: {target}"


def test_removing_a_role_asks_first_and_keeps_roles_in_use(qtbot, page, demo_services, monkeypatch):
    asked = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, question, **k: asked.append(question) or False)
    page.partners.selectRow(0)
    qtbot.mouseClick(page.remove_role_button, Qt.MouseButton.LeftButton)
    assert "Jeugdgezondheidszorg (JGZ)" in asked[0]
    assert page.partners.source.rowCount() == 6  # declined: nothing removed
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    errors = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, *a, **k: errors.append(str(exc)))
    qtbot.mouseClick(page.remove_role_button, Qt.MouseButton.LeftButton)
    assert "komt voor in besprekingen" in errors[0]  # JGZ sat at the table: the role stays
    assert page.partners.source.rowCount() == 6
    location_id = page.selected_location_id()
    demo_services.locations.add_role(location_id, "Logopedie", PartnerKind.INCIDENTAL)
    page.reload()
    assert page.partners.source.rowCount() == 7
    row = next(r for r in range(page.partners.source.rowCount())
               if page.partners.source.record(r).partner.role == "Logopedie")
    page.partners.selectRow(row)
    qtbot.mouseClick(page.remove_role_button, Qt.MouseButton.LeftButton)
    assert page.partners.source.rowCount() == 6 and len(errors) == 1


def test_an_ib_laptop_without_the_location_imports_the_directory_file(qtbot, demo_services, services_factory,
                                                                       tmp_path, monkeypatch):
    path = tmp_path / "vlinderboom.knooppunt-adresboek.json"
    demo_services.directory.export(demo_services.locations.location_by_name(DEMO).id, path, "directory")
    laptop = services_factory()
    page = LocationsPage(services=laptop, hub=SignalHub())
    qtbot.addWidget(page)
    page.show()
    assert page.location_list.count() == 0 and page.import_button.isVisible()
    monkeypatch.setattr(messages, "choose_open_file", lambda *a, **k: path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.exchange.preview is not None)
    preview = page.exchange.preview
    assert "nieuwe locatie ‘Kindcentrum De Vlinderboom’ (wordt aangemaakt)" in preview.summary.text()
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    assert page.location_list.count() == 1
    assert "We praten mét ouders" in page.details.text()
    assert [v.contact.name for v in page.partners.source.records()][:2] == ["Marieke Hendriks", "Fatima Bouzid"]
