"""The parents' screen never shows internal notes or another child, over generated meetings."""

from __future__ import annotations

import itertools
from datetime import date, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.domain.children import Child
from knooppunt.domain.directory import Location
from knooppunt.domain.enums import AgendaKind, DiscussionStatus, LocationType, OwnerKind, Visibility
from knooppunt.domain.meetings import AgendaItem, Discussion, Meeting, Note
from knooppunt.domain.outcomes import Agreement
from ui.meeting.parents_screen import ParentsScreen

_counter = itertools.count(1)
# Names start with Q/X so they cannot hide inside the screen's own Dutch words.
first_names = st.from_regex(r"Q[a-zëïöü]{4,7}", fullmatch=True)
last_names = st.from_regex(r"X[a-zşł]{4,7}", fullmatch=True)
words = st.lists(st.from_regex(r"[a-p]{2,8}", fullmatch=True), min_size=1, max_size=6).map(" ".join)
note = st.tuples(st.sampled_from([Visibility.SHARED, Visibility.INTERNAL]),
                 st.sampled_from(["", "ouders", "kind", "school", "partner"]), words)
child_spec = st.fixed_dictionaries({
    "notes": st.lists(st.tuples(st.integers(0, 7), note), max_size=10),
    "agreements": st.lists(words, max_size=3),
    "current": st.one_of(st.none(), st.integers(0, 7)),
})
meetings = st.tuples(
    st.lists(st.tuples(first_names, last_names), min_size=2, max_size=4, unique_by=(lambda n: n[0], lambda n: n[1])),
    st.lists(child_spec, min_size=4, max_size=4),
)


def _build(services, names, specs):
    """A location, a meeting and one discussion per child, written straight into the database."""
    n = next(_counter)
    internal: list[str] = []
    with services.store.unit_of_work() as uow:
        location_id = uow.insert("location", Location(None, f"Locatie {n}", LocationType.PO))
        meeting_id = uow.insert("meeting", Meeting(None, location_id, date(2026, 12, 1), time(9), "Teamkamer", "IB"))
        discussions = []
        for index, ((first, last), spec) in enumerate(zip(names, specs, strict=False)):  # 2-4 children, 4 specs to draw from
            child_id = uow.insert("child", Child(None, location_id, first, last, date(2016, 5, 1)))
            discussion_id = uow.insert("discussion", Discussion(None, meeting_id, child_id, time(9, index),
                                                                status=DiscussionStatus.IN_PROGRESS))
            items = [uow.insert("agenda_item", AgendaItem(None, discussion_id, pos, kind, kind.label, minutes))
                     for pos, (kind, minutes) in enumerate(
                         [(k, 3) for k in (AgendaKind.OPENING, AgendaKind.GOAL, AgendaKind.REVIEW,
                                           AgendaKind.GOES_WELL, AgendaKind.CONCERNS, AgendaKind.NEEDS,
                                           AgendaKind.DECISIONS, AgendaKind.CLOSING)])]
            for k, (item_index, (visibility, perspective, text)) in enumerate(spec["notes"]):
                if visibility == Visibility.INTERNAL:
                    text = f"internx{n}x{index}x{k} {text}"
                    internal.append(text)
                uow.insert("note", Note(None, items[item_index], text, visibility, perspective))
            for what in spec["agreements"]:
                uow.insert("agreement", Agreement(None, child_id, discussion_id, OwnerKind.PARENT,
                                                  f"{first} {last}", what))
            # an earlier, still open agreement of this child (shown in the review item)
            uow.insert("agreement", Agreement(None, child_id, None, OwnerKind.CHILD, first, "eerder afgesproken"))
            if spec["current"] is not None:
                uow.update("discussion", discussion_id, {"current_item_id": items[spec["current"]]})
            discussions.append(discussion_id)
        uow.audit("test", "meeting", meeting_id)
    return discussions, internal


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(meeting=meetings)
def test_parents_screen_shows_no_internal_note_and_no_other_child(qtbot, services, meeting):
    names, specs = meeting
    discussions, internal = _build(services, names, specs)
    screen = ParentsScreen(services=services)
    qtbot.addWidget(screen)
    for index, discussion_id in enumerate(discussions):
        screen.show_discussion(discussion_id)
        shown = screen.visible_text() + "\n" + screen.content.all_text()
        assert "internx" not in shown
        for other, (first, last) in enumerate(names):
            if other != index:
                assert first not in shown and last not in shown
        assert names[index][0] in shown  # it is about this child
        current = specs[index]["current"]
        if current is not None:
            shared = [text for item, (vis, _p, text) in specs[index]["notes"]
                      if item == current and vis == Visibility.SHARED and text.strip()]
            assert all(text in screen.content.all_text() for text in shared)


def test_parents_screen_follows_the_chair_and_shows_agreements(qtbot, services):
    discussions, _ = _build(services, [("Qanna", "Xberg"), ("Qbert", "Xdijk")], [
        {"notes": [(3, (Visibility.SHARED, "ouders", "ze lacht veel")),
                   (3, (Visibility.INTERNAL, "partner", "zorgen thuis"))],
         "agreements": ["oefent elke dag lezen"], "current": 3},
        {"notes": [], "agreements": [], "current": None},
    ])
    screen = ParentsScreen(services=services)
    qtbot.addWidget(screen)
    screen.show_discussion(discussions[0])
    text = screen.visible_text()
    assert "Wat gaat goed" in text and "Ouders:</b> ze lacht veel" in text
    assert "oefent elke dag lezen" in text and "internx" not in text
    screen.show_discussion(discussions[1])
    assert "Het gesprek begint zo." in screen.visible_text()
