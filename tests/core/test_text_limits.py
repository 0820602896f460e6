"""Free text has a limit per field (Dutch message at the field); the largest allowed note still prints."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.documents.render import text_block, text_parts
from knooppunt.domain.limits import NOTE_MAX, TEXT_MAX
from knooppunt.errors import ValidationError
from knooppunt.services.outcomes.agreements import AgreementInput


def _upcoming(services) -> int:
    upcoming = next(v for v in services.meetings.meetings() if v.meeting.status == "gepland")
    return services.meetings.discussions(upcoming.meeting.id)[0].id


def _note_item(services):
    discussion_id = _upcoming(services)
    services.planning.ensure_prepared(discussion_id)
    return discussion_id, services.meeting_mode.agenda(discussion_id)[0].id


def test_a_note_over_the_limit_is_refused_with_advice_and_nothing_is_saved(demo_services):
    _, item_id = _note_item(demo_services)
    note, _ = demo_services.meeting_mode.add_note(item_id, text="begin")
    with pytest.raises(ValidationError) as refused:
        demo_services.meeting_mode.save_note_text(note.id, "x" * (NOTE_MAX + 1))
    assert refused.value.field == "text"
    assert "20.001 tekens, hoogstens 20.000" in refused.value.message and "apart document" in refused.value.message
    assert [n.text for n in demo_services.meeting_mode.notes(item_id)] == ["begin"]
    demo_services.meeting_mode.save_note_text(note.id, "x" * NOTE_MAX)  # exactly the limit is fine


def test_an_agreement_over_the_limit_is_refused_at_its_field(demo_services):
    discussion_id = _upcoming(demo_services)
    with pytest.raises(ValidationError) as refused:
        demo_services.agreements.create(discussion_id, AgreementInput("ouder", "Moeder", "a" * (TEXT_MAX + 1)))
    assert refused.value.field == "description" and "te lang" in refused.value.message


@given(st.text(alphabet=st.sampled_from("ab <&\n"), max_size=3000), st.integers(5, 700))
def test_text_parts_read_as_the_whole_text(text, size):
    parts = text_parts(text, size)
    assert all(len(Markup(p).unescape().replace("<br/>", "")) <= size for p in parts)
    # Printed one after the other (each part a paragraph of its own) they say the same as one block.
    joined = "".join(str(p) + "<br/>" for p in parts)
    whole = str(text_block(text)) + "<br/>"
    assert joined.replace("<br/>", "").replace(" ", "") == whole.replace("<br/>", "").replace(" ", "")


def test_the_letter_with_the_largest_notes_finishes_in_seconds(demo_services):
    discussion_id, item_id = _note_item(demo_services)
    for _ in range(4):
        demo_services.meeting_mode.add_note(item_id, text=("Ouders vertellen over thuis. " * 800)[:NOTE_MAX])
    started = time.monotonic()
    document = demo_services.documents.document(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion_id))
    # Not a timing target (that is benchmarks/): only that it ends, where 1,000,000 characters once did not.
    assert time.monotonic() - started < 60
    assert document.pdf.startswith(b"%PDF")
