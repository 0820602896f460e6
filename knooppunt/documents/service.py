"""Verslagen en afsprakenbrieven: concept bekijken, vaststellen (exacte PDF bewaren), herdrukken.

A concept is rendered fresh each time. *Vaststellen* renders once more, stores those exact bytes
with their SHA-256 in ``document`` and from then on every preview, print and export of that
document returns the stored bytes: a reprint months later is identical, whatever changed since.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..dates import dutch_date
from ..domain.changes import Change, Entity
from ..domain.enums import DiscussionStatus
from ..domain.meeting_rules import refuse_before_meeting_day
from ..domain.meetings import Discussion, Meeting
from ..errors import KnooppuntError, NotFound, RecordLocked
from ..exports import write_export
from ..storage import Store
from .glossary import used_in
from .i18n import RIGHT_TO_LEFT, check_language, is_draft
from .model import AddendumLine, Addressee, DiscussionDocument, DocumentKind, MeetingDocument
from .read_model import DocumentReader
from .render import TemplateRenderer

Progress = Callable[[int], None]


@dataclass(frozen=True)
class DocumentTarget:
    """Welk document: een soort plus de bespreking (per kind) of het overleg (overlegverslag)."""

    kind: DocumentKind
    discussion_id: int | None = None
    meeting_id: int | None = None

    def __post_init__(self) -> None:
        if self.kind.per_meeting != (self.meeting_id is not None) or (self.discussion_id is None) == (
            self.meeting_id is None
        ):
            raise ValueError(f"{self.kind} needs {'a meeting' if self.kind.per_meeting else 'a discussion'}")

    @property
    def record(self) -> tuple[str, int]:
        if self.meeting_id is not None:
            return "meeting", self.meeting_id
        assert self.discussion_id is not None  # __post_init__ requires one of the two
        return "discussion", self.discussion_id


@dataclass(frozen=True)
class RenderedDocument:
    target: DocumentTarget
    title: str
    pdf: bytes
    sha256: str
    finalised_at: datetime | None = None
    finalised_by: str = ""
    file_name: str = "document.pdf"
    supplement: bool = False  # an *aanvulling* document: rendered now, for a finalised one

    @property
    def finalised(self) -> bool:
        return self.finalised_at is not None

    @property
    def state(self) -> str:
        return "vastgesteld" if self.finalised else "aanvulling" if self.supplement else "concept"


@dataclass(frozen=True)
class RenderJob:
    """Everything needed to produce one PDF, read from the database beforehand.

    ``run`` touches no database, so the UI can call it on a worker thread (the SQLite connection
    belongs to the GUI thread). A finalised document carries its stored bytes and renders nothing.
    """

    target: DocumentTarget
    title: str
    file_name: str
    renderer: TemplateRenderer
    context: dict[str, Any]
    location_id: int
    stored: RenderedDocument | None = None
    supplement: bool = False
    parts: tuple[dict[str, Any], ...] = ()  # a letter per addressee: what differs per letter (``aan``, ``taal``)

    def run(self, progress: Progress | None = None) -> RenderedDocument:
        if self.stored is not None:
            if progress:
                progress(100)
            return self.stored
        if progress:
            progress(10)
        contexts = [{"kind": self.target.kind, **self.context, **part} for part in self.parts or ({},)]
        pdf = self.renderer.render_parts(self.target.kind.template, contexts, location_id=self.location_id,
                                         progress=progress)
        return RenderedDocument(self.target, self.title, pdf, hashlib.sha256(pdf).hexdigest(), file_name=self.file_name,
                                supplement=self.supplement)


class DocumentService:
    def __init__(self, store: Store, renderer: TemplateRenderer | None = None, *,
                 plan_of: Callable[[int], dict[str, Any] | None] | None = None) -> None:
        """``plan_of`` gives a discussion's plan van aanpak for the verslag (from the services above)."""
        self._store = store
        self._plan_of = plan_of
        self._reader = DocumentReader(store)
        self.renderer = renderer or TemplateRenderer()

    # Reading ---------------------------------------------------------------------------------
    def document(self, target: DocumentTarget, *, signature_line: bool = False,
                 progress: Progress | None = None, language: str | None = None) -> RenderedDocument:
        """The finalised bytes if this document was vastgesteld, else a fresh concept.

        ``language`` (letter only) overrides each parent's language, for a test print; such a
        print is always a concept, never the finalised document."""
        return self.prepare(target, signature_line=signature_line, language=language).run(progress)

    def prepare(self, target: DocumentTarget, *, signature_line: bool = False,
                language: str | None = None) -> RenderJob:
        """Read what the document needs now; render later (possibly on another thread)."""
        stored = self.stored(target) if language is None else None
        if stored is not None:
            return RenderJob(target, stored.title, stored.file_name, self.renderer, {}, 0, stored)
        return self._job(target, finalised=False, signature_line=signature_line, language=language)

    def letter_addressees(self, target: DocumentTarget) -> tuple[Addressee, ...]:
        """Who gets a letter (a parent with gezag living apart gets their own)."""
        doc = self._read(target, finalised=False)
        return doc.addressees if isinstance(doc, DiscussionDocument) else ()

    def stored(self, target: DocumentTarget) -> RenderedDocument | None:
        rows = self._store.query(
            "SELECT pdf, sha256, finalised_at, finalised_by FROM document WHERE kind = ? "
            "AND coalesce(discussion_id, 0) = ? AND coalesce(meeting_id, 0) = ?",
            [target.kind.value, target.discussion_id or 0, target.meeting_id or 0],
        )
        if not rows:
            return None
        row = rows[0]
        title, file_name = self._names(target, self._read(target, finalised=True))
        return RenderedDocument(target, title, bytes(row["pdf"]), row["sha256"],
                                datetime.fromisoformat(row["finalised_at"]), row["finalised_by"], file_name)

    def addenda_after_finalising(self, target: DocumentTarget) -> tuple[AddendumLine, ...]:
        """Aanvullingen made after this document was vastgesteld (the stored PDF does not show them)."""
        stored = self.stored(target)
        if stored is None:
            return ()
        doc = self._read(target, finalised=True)
        return tuple(a for a in doc.addenda if stored.finalised_at is not None and a.created_at > stored.finalised_at)

    def prepare_supplement(self, target: DocumentTarget, *, signature_line: bool = False) -> RenderJob:
        """The *aanvulling*: the same template rendered now, with all addenda, marked as a supplement to
        the finalised document. The finalised PDF itself stays exactly as it was (the legal record)."""
        stored = self.stored(target)
        if stored is None or stored.finalised_at is None:
            raise KnooppuntError(f"{target.kind.label} is nog niet vastgesteld: het concept toont alle aanvullingen al.")
        if not self.addenda_after_finalising(target):
            raise KnooppuntError(f"Er zijn na het vaststellen van {target.kind.label.lower()} geen aanvullingen gemaakt.")
        return self._job(target, finalised=False, signature_line=signature_line, supplement_of=stored)

    def supplement(self, target: DocumentTarget, *, signature_line: bool = False) -> RenderedDocument:
        return self.prepare_supplement(target, signature_line=signature_line).run()

    # Writing ---------------------------------------------------------------------------------
    def finalise(self, target: DocumentTarget, *, signature_line: bool = False,
                 progress: Progress | None = None) -> tuple[RenderedDocument, Change]:
        """Vaststellen: render once more, store the exact bytes and their hash; locked from now on."""
        job = self.prepare_finalise(target, signature_line=signature_line)
        return self.save_finalised(job.run(progress))

    def prepare_finalise(self, target: DocumentTarget, *, signature_line: bool = False) -> RenderJob:
        """Check that the document may be finalised and read it, marked as final (no CONCEPT)."""
        if self.stored(target) is not None:
            raise RecordLocked(f"{target.kind.label} is al vastgesteld; u kunt het alleen nog afdrukken.")
        self._check_ready(target)
        return self._job(target, finalised=True, signature_line=signature_line)

    def save_finalised(self, rendered: RenderedDocument) -> tuple[RenderedDocument, Change]:
        target = rendered.target
        if self.stored(target) is not None:
            raise RecordLocked(f"{target.kind.label} is al vastgesteld; u kunt het alleen nog afdrukken.")
        now = self._store.now()
        with self._store.unit_of_work() as uow:
            doc_id = uow.insert("document", {
                "discussion_id": target.discussion_id, "meeting_id": target.meeting_id,
                "kind": target.kind.value, "pdf": rendered.pdf, "sha256": rendered.sha256,
                "finalised_at": now.isoformat(timespec="seconds"), "finalised_by": self._store.actor,
            })
            uow.audit("document vastgesteld", "document", doc_id,
                      f"{target.kind.value} {target.record[0]} {target.record[1]} sha256={rendered.sha256}")
        stored = self.stored(target)
        assert stored is not None
        return stored, Change.created(Entity.DOCUMENT, doc_id)

    def record_output(self, rendered: RenderedDocument, how: str, detail: str = "") -> None:
        """Log a print or export (``afgedrukt``, ``opgeslagen als PDF``): who, when, which document."""
        action, table, record_id, text = self._output_entry(rendered, how, detail)
        with self._store.unit_of_work() as uow:
            uow.audit(action, table, record_id, text)

    def save_pdf(self, rendered: RenderedDocument, path: Path, detail: str = "") -> None:
        """Write the PDF to ``path`` with its audit entry, all or nothing (``ExportFailed`` in Dutch)."""
        action, table, record_id, text = self._output_entry(rendered, "opgeslagen als PDF", detail)
        write_export(self._store, Path(path), rendered.pdf, action=action, table=table, record_id=record_id,
                     detail=text)

    @staticmethod
    def _output_entry(rendered: RenderedDocument, how: str, detail: str) -> tuple[str, str, int, str]:
        table, record_id = rendered.target.record
        return (f"{rendered.target.kind.label} {how}", table, record_id,
                f"{rendered.state} sha256={rendered.sha256} {detail}".strip())

    # Internals -------------------------------------------------------------------------------
    def _check_ready(self, target: DocumentTarget) -> None:
        if target.discussion_id is not None:
            status = self._store.get(Discussion, "discussion", target.discussion_id).status
            if status != DiscussionStatus.FINALISED:
                raise KnooppuntError("Stel eerst de bespreking vast; daarna kunt u het verslag of de brief vaststellen.")
        else:
            open_count = self._store.count(
                "discussion", "meeting_id = ? AND status NOT IN ('vastgesteld', 'afgemeld')", [target.meeting_id])
            if open_count:
                raise KnooppuntError(f"Nog {open_count} bespreking(en) in dit overleg zijn niet vastgesteld.")
        refuse_before_meeting_day(self._store.now().date(), self._meeting(target).date, f"{target.kind.label.lower()} vaststellen")

    def _meeting(self, target: DocumentTarget) -> Meeting:
        meeting_id = target.meeting_id or self._store.scalar(
            "SELECT meeting_id FROM discussion WHERE id = ?", [target.discussion_id])
        return self._store.get(Meeting, "meeting", int(meeting_id))

    def _finalised_stamp(self, location_id: int | None) -> dict[str, Any]:
        """Who finalised it, when, and the head of its location's audit chain then (printed in the footer)."""
        head = self._store.audit_head(location_id)
        return {"op": self._store.now().date(), "door": self._store.actor, "logboek": head.describe(),
                "vingerafdruk": head.fingerprint, "rij": head.row_id}

    def _recorded_afterwards(self, target: DocumentTarget) -> bool:
        return self._meeting(target).recorded_afterwards

    def _read(self, target: DocumentTarget, *, finalised: bool) -> DiscussionDocument | MeetingDocument:
        internal = target.kind.shows_internal_notes
        if target.meeting_id is not None:
            return self._reader.meeting(target.meeting_id, internal=internal, finalised=finalised)
        assert target.discussion_id is not None
        return self._reader.discussion(target.discussion_id, internal=internal, finalised=finalised)

    def _job(self, target: DocumentTarget, *, finalised: bool, signature_line: bool,
             supplement_of: RenderedDocument | None = None, language: str | None = None) -> RenderJob:
        doc = self._read(target, finalised=finalised)
        title, file_name = self._names(target, doc)
        subject = title if target.kind.per_meeting or isinstance(doc, MeetingDocument) else f"{target.kind.label} – {doc.child_name}"
        supplement = None
        if supplement_of is not None and supplement_of.finalised_at is not None:
            supplement = {"soort": target.kind.noun, "op": supplement_of.finalised_at.date()}
            title, file_name = f"Aanvulling op {title}", f"aanvulling-{file_name}"
        context = {
            "doc": doc, "location": doc.location, "titel": title, "onderwerp": subject,
            "documentdatum": self._store.now().date(), "concept": not finalised and supplement is None,
            "vastgesteld": self._finalised_stamp(doc.location.id) if finalised else None,
            "naderhand": self._recorded_afterwards(target),
            "handtekening": signature_line, "afkortingen": _glossary(doc),
            "paginalabel": target.kind.page_label, "aanvulling_op": supplement,
            "plan": self._plan_of(target.discussion_id) if target.discussion_id and self._plan_of else None,
        }
        parts: tuple[dict[str, Any], ...] = ()
        if target.kind is DocumentKind.LETTER and isinstance(doc, DiscussionDocument):
            parts = letter_parts(doc, language)
        return RenderJob(target, title, file_name, self.renderer, context, doc.location.id,
                         supplement=supplement is not None, parts=parts)

    @staticmethod
    def _names(target: DocumentTarget, doc: DiscussionDocument | MeetingDocument) -> tuple[str, str]:
        day = dutch_date(doc.meeting_date, "long")
        if isinstance(doc, MeetingDocument):
            title = f"Verslag knooppuntoverleg {day}"
            stem = f"overlegverslag-{doc.meeting_date.isoformat()}"
        elif target.kind is DocumentKind.LETTER:
            title = f"Afspraken over {doc.child_name}, {day}"
            stem = f"afsprakenbrief-{_slug(doc.child_name)}-{doc.meeting_date.isoformat()}"
        else:
            title = f"{target.kind.label} {doc.child_name}, {day}"
            stem = f"{target.kind.value}-{_slug(doc.child_name)}-{doc.meeting_date.isoformat()}"
        return title, f"{stem}.pdf"


def letter_parts(doc: DiscussionDocument, language: str | None) -> tuple[dict[str, Any], ...]:
    """One letter per addressee, each in its own language (or the one asked for)."""
    forced = check_language(language) if language else None
    return tuple(
        {"aan": a, "taal": forced or a.language, "concept_vertaling": is_draft(forced or a.language),
         "rtl": (forced or a.language) in RIGHT_TO_LEFT}
        for a in doc.addressees
    )


def _glossary(doc: DiscussionDocument | MeetingDocument) -> list[tuple[str, str]]:
    if isinstance(doc, MeetingDocument):
        return []
    texts = [c.organisation for c in doc.contacts] + [c.role for c in doc.contacts]
    texts += [p.organisation for p in doc.participants] + [d.organisation for d in doc.decisions]
    texts += [a.owner for a in doc.agreements]
    texts += [p.function for p in doc.participants] + [c.function for c in doc.contacts]
    texts += [c.function for c in doc.letter_contacts]
    if doc.regiehouder is not None:
        texts.append(doc.regiehouder.function)
    return used_in(texts)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "kind"


__all__ = ["DocumentKind", "DocumentService", "DocumentTarget", "NotFound", "RenderJob", "RenderedDocument"]
