"""Aanvullingen in verslag and afsprakenbrief; the finalised PDF stays as it was, an aanvulling
document shows what was added after; the overlegverslag is marked internal on every page."""

from __future__ import annotations

import pytest

from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.documents.model import INTERNAL_REPORT_LABEL
from knooppunt.errors import KnooppuntError

from .documents_helpers import page_texts, pdf_text, squash


def add(services, discussion_id, text="Moeder belde: de logopedie start pas in januari.",
        reason="Na het overleg doorgegeven"):
    services.records.add_addendum(discussion_id, "bespreking", None, text, reason)


def test_minutes_show_addenda_with_who_when_why(demo_services, docs, zoe):
    add(demo_services, zoe)
    text = squash(pdf_text(docs.document(DocumentTarget(DocumentKind.MINUTES, discussion_id=zoe)).pdf))
    assert squash("Aanvullingen na vaststelling") in text
    assert squash("23 november 2026, 09.30 uur") in text
    assert squash(demo_services.store.actor) in text
    assert squash("Moeder belde: de logopedie start pas in januari.") in text
    assert squash("Waarom: Na het overleg doorgegeven") in text


def test_letter_says_in_plain_words_what_was_added(demo_services, docs, zoe):
    add(demo_services, zoe)
    text = squash(pdf_text(docs.document(DocumentTarget(DocumentKind.LETTER, discussion_id=zoe)).pdf))
    assert squash("Na het gesprek is dit nog aangevuld") in text
    assert squash("de logopedie start pas in januari") in text
    assert squash("Aanvullingen na vaststelling") not in text


def test_no_addenda_no_section(docs, zoe):
    text = squash(pdf_text(docs.document(DocumentTarget(DocumentKind.MINUTES, discussion_id=zoe)).pdf))
    assert squash("Aanvullingen na vaststelling") not in text


def test_finalised_stays_identical_and_an_aanvulling_document_shows_later_addenda(demo_services, docs, zoe, clock):
    target = DocumentTarget(DocumentKind.MINUTES, discussion_id=zoe)
    finalised, _ = docs.finalise(target)
    assert docs.addenda_after_finalising(target) == ()
    with pytest.raises(KnooppuntError, match="geen aanvullingen"):
        docs.prepare_supplement(target)
    clock.now = clock.now.replace(day=25)
    add(demo_services, zoe)
    assert docs.document(target).pdf == finalised.pdf  # the legal record does not change
    assert [a.text for a in docs.addenda_after_finalising(target)] == [
        "Moeder belde: de logopedie start pas in januari."]
    supplement = docs.supplement(target)
    assert supplement.supplement and not supplement.finalised
    assert supplement.file_name.startswith("aanvulling-")
    pages = page_texts(supplement.pdf)
    assert all(squash("Aanvulling op het vastgestelde verslag van 23 november 2026") in p for p in pages)
    text = squash(pdf_text(supplement.pdf))
    assert squash("de logopedie start pas in januari") in text and "CONCEPT" not in text


def test_meeting_report_is_labelled_internal_on_every_page(demo_services, docs):
    meeting_id = demo_services.store.scalar("SELECT meeting_id FROM discussion WHERE status = 'vastgesteld'")
    pdf = docs.document(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting_id)).pdf
    pages = page_texts(pdf)
    assert len(pages) > 1
    assert all(squash(INTERNAL_REPORT_LABEL) in p for p in pages)
    assert INTERNAL_REPORT_LABEL == (
        "Intern overlegverslag — alle besproken kinderen; niet aan ouders of incidentele partners geven")


def test_child_documents_carry_no_internal_report_label(docs, zoe):
    for kind in (DocumentKind.MINUTES, DocumentKind.LETTER):
        text = squash(pdf_text(docs.document(DocumentTarget(kind, discussion_id=zoe)).pdf))
        assert squash("Intern overlegverslag") not in text
