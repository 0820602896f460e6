"""Enum labels: members of different enums with the same stored value keep their own Dutch label."""

from knooppunt.domain.enums import AgendaKind, CasePhase, Role


def test_closed_case_phase_is_not_labelled_as_the_closing_agenda_item():
    # Both are stored as "afsluiting"; the case summary once read "Fase: Evaluatiedatum en afsluiting".
    assert CasePhase.CLOSED.label == "Afgesloten"
    assert AgendaKind.CLOSING.label == "Evaluatiedatum en afsluiting"
    assert (Role.OTHER.label, AgendaKind.OTHER.label) == ("Anders", "Overig")
