"""Dialogs opened from a page are deleted after closing."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog

from ui.documents.document_dialog import DocumentDialog
from ui.hub import SignalHub
from ui.modal import run_modal
from ui.pages.meetings_page import MeetingsPage


def test_run_modal_deletes_the_dialog_after_closing(qtbot, monkeypatch):
    parent = QDialog()
    qtbot.addWidget(parent)
    dialog = QDialog(parent)
    monkeypatch.setattr(dialog, "exec", lambda: 1)
    assert run_modal(dialog) == 1
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=2000)


def test_document_dialog_from_the_meetings_page_is_deleted_after_closing(qtbot, demo_services, monkeypatch):
    page = MeetingsPage(services=demo_services, hub=SignalHub())
    qtbot.addWidget(page)
    opened = []
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: opened.append(self) or 0)
    page.table.selectRow(0)
    page.documents_button.click()
    assert len(opened) == 1
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened[0]), timeout=5000)
    assert not page.findChildren(DocumentDialog)
