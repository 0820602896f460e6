"""Planning per child (issue 18): aanmelden on the spot, and taking a partner off with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from knooppunt.domain.enums import ParticipantKind
from knooppunt.errors import IntakeMissing
from knooppunt.services import Change, Services

from .. import messages
from ..hub import SignalHub
from ..modal import run_modal


def offer_intake(parent: QWidget, services: Services, hub: SignalHub, exc: IntakeMissing) -> bool:
    """Say the child is not aangemeld and offer to do it now; True when it is aangemeld."""
    if not messages.ask(parent, "Nog niet aangemeld", f"{exc.message}\n\nNu aanmelden?", confirm="Aanmelden…"):
        return False
    from ..dialogs.intake_dialog import IntakeDialog

    dialog = IntakeDialog(services=services, child_id=exc.child_id, parent=parent)
    return bool(run_modal(dialog, hub=hub)) and dialog.change is not None


def remove_participant(parent: QWidget, services: Services, participant_id: int, label: str) -> Change | None:
    """A partner is taken off this child's table with a one-line reason that is kept; others as before."""
    participant = services.cycle.partner_scope.participant(participant_id)
    if participant.kind == ParticipantKind.PARTNER and participant.location_partner_id is not None:
        reason = messages.ask_text(parent, "Partner niet aan tafel", f"{label}\n\nWaarom niet voor dit kind? "
                                   "(één regel; het blijft bewaard)")
        if reason is None:
            return None
        return services.cycle.partner_scope.remove_from_discussion(participant_id, reason)
    if not messages.ask(parent, "Deelnemer verwijderen", f"{label} niet uitnodigen voor dit kind?",
                        confirm="Verwijderen"):
        return None
    return services.planning.remove_participant(participant_id)
