"""The parents' say before the meeting: what they want to discuss and what goes well.

Their invitation asks "Wat wilt u bespreken?" and "Wat gaat goed?". What they send back (or tell
the chair) is recorded here per discussion, before the meeting, as *their* input: it comes first
under the matching agenda item in the chair's view and on the parents' screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ...domain.enums import AgendaKind
from ...errors import ValidationError
from ...storage import Store
from ..changes import Change, Entity
from ..outcomes.records import ensure_editable

# Which agenda item each question of the invitation belongs to.
QUESTIONS: dict[AgendaKind, str] = {
    AgendaKind.CONCERNS: "Wat wilt u bespreken?",
    AgendaKind.GOES_WELL: "Wat gaat goed?",
}
MAX_LENGTH = 4000


@dataclass(frozen=True)
class ParentInputLine:
    id: int
    discussion_id: int
    agenda_kind: AgendaKind
    text: str
    given_by: str
    recorded_at: datetime

    @property
    def question(self) -> str:
        return QUESTIONS[self.agenda_kind]


class ParentInputService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def inputs(self, discussion_id: int, kind: AgendaKind | None = None) -> list[ParentInputLine]:
        where = "discussion_id = ?"
        params: list[object] = [discussion_id]
        if kind is not None:
            where += " AND agenda_kind = ?"
            params.append(kind.value)
        return [ParentInputLine(r["id"], r["discussion_id"], AgendaKind(r["agenda_kind"]), r["text"], r["given_by"],
                                datetime.fromisoformat(r["recorded_at"]))
                for r in self._store.query(f"SELECT * FROM parent_input WHERE {where} ORDER BY id", params)]

    def replace(self, discussion_id: int, answers: dict[AgendaKind, str], given_by: str) -> Change:
        """Record the parents' answers for this discussion (replacing what was recorded before)."""
        ensure_editable(self._store, discussion_id, "de inbreng van de ouders")
        for kind, text in answers.items():
            if kind not in QUESTIONS:
                raise ValidationError("agenda_kind", f"Inbreng van ouders hoort bij {', '.join(QUESTIONS.values())}")
            if len(text) > MAX_LENGTH:
                raise ValidationError("text", f"De inbreng is te lang (meer dan {MAX_LENGTH} tekens); maak hem korter.")
        now = self._store.now().isoformat(timespec="seconds")
        with self._store.unit_of_work() as uow:
            uow.delete("parent_input", "discussion_id = ?", [discussion_id])
            for kind, text in answers.items():
                if text.strip():
                    uow.insert("parent_input", {"discussion_id": discussion_id, "agenda_kind": kind.value,
                                                "text": text.strip(), "given_by": given_by.strip(),
                                                "recorded_at": now})
            uow.audit("inbreng ouders vastgelegd", "discussion", discussion_id,
                      ", ".join(QUESTIONS[k] for k, t in answers.items() if t.strip()) or "leeg")
        return Change.updated(Entity.PARENT_INPUT, discussion_id)
