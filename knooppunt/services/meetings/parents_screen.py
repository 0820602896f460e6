"""What the parents' screen (ouderscherm) may show: one child, one agenda item, shared only.

The content is put together here, in the core, from exactly one discussion: the current
agenda item, its *shared* notes and the agreements of this child. Internal notes and other
children never enter it, so the screen cannot show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...dates import dutch_date
from ...domain.enums import AgendaKind, DecisionStatus, Position, Visibility
from ...domain.meeting_rules import PERSPECTIVE_LABELS
from ...domain.meetings import AgendaItem, Discussion, Note
from ...domain.outcomes import Agreement, Decision
from ...storage import Store
from ..children.children import ChildService

QUESTIONS = {
    AgendaKind.OPENING: "Welkom. We stellen ons even aan elkaar voor.",
    AgendaKind.GOAL: "Waarom praten we vandaag met elkaar?",
    AgendaKind.REVIEW: "Wat hadden we de vorige keer afgesproken? Hoe ging dat?",
    AgendaKind.GOES_WELL: "Wat gaat er goed? U vertelt eerst.",
    AgendaKind.CONCERNS: "Waar maken we ons zorgen over? Welke vragen heeft u? U vertelt eerst.",
    AgendaKind.NEEDS: "Wat heeft {name} nodig?",
    AgendaKind.DECISIONS: "Wat spreken we samen af?",
    AgendaKind.CLOSING: "Wanneer kijken we samen hoe het gaat?",
}


@dataclass(frozen=True)
class ParentsScreenContent:
    child_first_name: str
    item_title: str
    question: str
    shared_notes: tuple[tuple[str, str], ...]  # (who: "Ouders"/"School"/"", text)
    agreements: tuple[str, ...]
    earlier_agreements: tuple[str, ...]
    parents_input: tuple[str, ...] = ()  # what the parents brought beforehand, for this item: first
    decisions: tuple[tuple[str, str], ...] = ()  # (decision with who took it, the parents' position)

    def all_text(self) -> str:
        parts = [self.child_first_name, self.item_title, self.question, *self.parents_input]
        parts += [f"{who} {text}" for who, text in self.shared_notes]
        parts += [f"{decision} {position}" for decision, position in self.decisions]
        return "\n".join(parts + list(self.agreements) + list(self.earlier_agreements))


class ParentsScreenService:
    def __init__(self, store: Store, children: ChildService) -> None:
        self._store = store
        self._children = children

    def content(self, discussion_id: int) -> ParentsScreenContent:
        discussion = self._store.get(Discussion, "discussion", discussion_id)
        child = self._children.child(discussion.child_id)
        item = None
        if discussion.current_item_id is not None:
            found = self._store.select(AgendaItem, "agenda_item", "id = ? AND discussion_id = ?",
                                       [discussion.current_item_id, discussion_id])
            item = found[0] if found else None
        notes: tuple[tuple[str, str], ...] = ()
        question = "Het gesprek begint zo."
        earlier: tuple[str, ...] = ()
        if item is not None:
            shared = self._store.select(Note, "note", "agenda_item_id = ? AND visibility = ?",
                                        [item.id, Visibility.SHARED.value], order_by="id")
            notes = tuple((PERSPECTIVE_LABELS.get(n.perspective, ""), n.text.strip())
                          for n in shared if n.text.strip())
            question = QUESTIONS.get(item.kind, "").format(name=child.first_name)
            if item.kind == AgendaKind.CLOSING and discussion.evaluation_date:
                day = discussion.evaluation_date
                question = f"We kijken samen hoe het gaat op {dutch_date(day, 'EEEE d MMMM')}."
            if item.kind == AgendaKind.REVIEW:
                earlier = tuple(_agreement(a) for a in self._store.select(
                    Agreement, "agreement",
                    "child_id = ? AND status IN ('open', 'loopt_door') AND coalesce(discussion_id, 0) != ?",
                    [child.id, discussion_id], order_by="id"))
        # A partner's internal follow-up (confirming a provisional decision) is not for the parents.
        made = self._store.select(Agreement, "agreement", "discussion_id = ? AND child_id = ? AND decision_id IS NULL",
                                  [discussion_id, child.id], order_by="id")
        brought = tuple(r["text"] for r in self._store.query(
            "SELECT text FROM parent_input WHERE discussion_id = ? AND agenda_kind = ? ORDER BY id",
            [discussion_id, item.kind.value if item else ""]))
        decisions = tuple(
            ((f"{d.text} (besloten door {d.decided_by}{', ' + d.organisation if d.organisation else ''}"
              f"{'; nog niet zeker' if d.status == DecisionStatus.PROVISIONAL else ''})"), _position(d))
            for d in self._store.select(Decision, "decision", "discussion_id = ?", [discussion_id], order_by="id"))
        return ParentsScreenContent(child.first_name, item.title if item else "Welkom", question, notes,
                                    tuple(_agreement(a) for a in made), earlier, brought, decisions)


def _position(d: Decision) -> str:
    """The parents' position in their own words on the screen ("U bent het eens")."""
    said = f": “{d.parents_words.strip()}”" if d.parents_words.strip() else ""
    return {
        Position.AGREE: "U bent het eens",
        Position.DISAGREE: "U bent het niet eens",
        Position.AGREE_WITH_REMARKS: "U bent het eens, met een opmerking",
        Position.NOT_ASKED: "Nog niet gevraagd",
    }[d.parents_position] + said


def _agreement(a: Agreement) -> str:
    when = f" (vóór {a.due_date:%d-%m-%Y})" if a.due_date else ""
    return f"{a.owner_name}: {a.description}{when}"
