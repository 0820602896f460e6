"""What --smoke-test checks beyond the main window: that a parents' letter renders to PDF and its
first page to an image (the preview path). In a frozen bundle this proves the layout engine,
fonts, templates and PDF renderer all made it in."""

from __future__ import annotations

from knooppunt.documents.model import DocumentKind
from knooppunt.documents.service import DocumentTarget
from knooppunt.services import Services


def render_a_letter(services: Services) -> bool:
    held = next((m.meeting for m in services.meetings.meetings() if m.meeting.status == "gehouden"), None)
    if held is None or held.id is None:
        return False
    discussion = services.meetings.discussions(held.id)[0]
    rendered = services.documents.document(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion.id))
    from .documents.pdf_pages import page_images

    first = next(iter(page_images(rendered.pdf, 30)), None)
    return rendered.pdf.startswith(b"%PDF") and first is not None and not first.isNull()
