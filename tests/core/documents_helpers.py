"""Building discussions with chosen notes, decisions and agreements, and reading PDFs back."""

from __future__ import annotations

import io
import re
from datetime import date, time

import pypdf

from knooppunt.documents import DocumentService
from knooppunt.documents.render import TemplateRenderer
from knooppunt.domain.enums import (
    AgendaKind,
    Attendance,
    DecisionStatus,
    DiscussionStatus,
    OwnerKind,
    ParticipantKind,
    Position,
    Visibility,
)
from knooppunt.domain.meetings import AgendaItem, Discussion, Meeting, Note, Participant
from knooppunt.domain.outcomes import Agreement, Decision


def document_service(services, tmp_path) -> DocumentService:
    """Documents with an override folder of our own, so the user's real folder never plays a part."""
    return DocumentService(services.store, TemplateRenderer(override_root=tmp_path / "sjablonen"))


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def page_texts(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def body_text(pdf: bytes) -> str:
    """The squashed text of all pages without their header and footer, so text running on from
    one page to the next reads as one piece."""
    bodies = []
    for page in page_texts(pdf):
        head, _, body = page.partition(re.search(r"Pagina\d+van\d+", page).group(0))
        bodies.append(body)
    return "".join(bodies)


def squash(text: str) -> str:
    """Without any whitespace: line wrapping in the PDF does not matter for a comparison."""
    return "".join(text.split())


def add_discussion(
    services,
    *,
    notes=(),
    agreements=(),
    decisions=(),
    child_name: tuple[str, str] | None = None,
    meeting_day: date = date(2026, 11, 30),
    status: DiscussionStatus = DiscussionStatus.FINALISED,
) -> int:
    """A discussion of the demo's first child in a new meeting; notes are (kind, text, visibility, perspective)."""
    store = services.store
    location_id = store.scalar("SELECT id FROM location ORDER BY id LIMIT 1")
    child_id = store.scalar("SELECT id FROM child ORDER BY id LIMIT 1")
    with store.unit_of_work() as uow:
        if child_name:
            uow.update("child", child_id, {"first_name": child_name[0], "last_name": child_name[1]})
        meeting_id = uow.insert("meeting", Meeting(None, location_id, meeting_day, time(8, 30), "Teamkamer",
                                                   "Annelies Vermeulen"))
        discussion_id = uow.insert("discussion", Discussion(None, meeting_id, child_id, time(8, 30), status=status,
                                                            evaluation_date=date(2027, 1, 11)))
        uow.insert("participant", Participant(None, discussion_id, ParticipantKind.PARENT, "Sandra Janssen",
                                              role="ouder", attendance=Attendance.PRESENT))
        items = {}
        for position, kind in enumerate(AgendaKind):
            items[kind] = uow.insert("agenda_item", AgendaItem(None, discussion_id, position, kind, kind.label, 5))
        for kind, text, visibility, perspective in notes:
            uow.insert("note", Note(None, items[kind], text, visibility, perspective))
        for text, who, organisation, status_ in decisions:
            uow.insert("decision", Decision(None, discussion_id, text, "", None, who, organisation, "mandaat",
                                            status_, Position.AGREE))
        for owner, what, due in agreements:
            uow.insert("agreement", Agreement(None, child_id, discussion_id, OwnerKind.PARTNER, owner, what, due))
        uow.audit("testdata", "discussion", discussion_id)
    return discussion_id


__all__ = ["DecisionStatus", "Visibility", "add_discussion", "body_text", "document_service", "page_texts", "pdf_text", "squash"]
