"""The parents' invitation in their language (gettext catalogs in resources/locale).

Besides who, when and where it asks the parents' own points: "Wat wilt u bespreken?" and "Wat
gaat goed?", with room to answer. What they send back is recorded before the meeting as their
input (``ParentInputService``) and comes first under the matching agenda items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.enums import ParticipantKind

if TYPE_CHECKING:
    from .invitations import Invitation

ANSWER_LINES = ["   ........................................................................"] * 3


def parents_text(inv: Invitation, language: str, interpreter: bool) -> str:
    from babel.dates import format_date

    from ...documents.i18n import check_language, translations

    code = check_language(language)
    _ = translations(code).gettext
    day = format_date(inv.meeting.date, format="full", locale=code)
    from .invitations import _who

    people = [f"- {_who(i.participant, inv)}" for i in inv.invitees if i.participant.kind != ParticipantKind.CHILD]
    lines = [
        _("Uitnodiging voor een gesprek over %(kind)s") % {"kind": inv.child_first_name},
        "",
        _("Wanneer: %(datum)s, %(van)s–%(tot)s uur") % {"datum": day, "van": f"{inv.start:%H:%M}",
                                                         "tot": f"{inv.end:%H:%M}"},
        _("Waar: %(plaats)s, %(school)s") % {"plaats": inv.meeting.place, "school": inv.location_name},
        _("Wie praten er mee:"),
        *people,
        "",
    ]
    if interpreter:
        lines += [_("Er is een tolk bij het gesprek."), ""]
    lines += [
        _("U kent %(kind)s het best. Daarom willen we graag vooraf weten wat u belangrijk vindt.")
        % {"kind": inv.child_first_name},
        _("Schrijf het hieronder op of vertel het aan de voorzitter. Dan bespreken we dat als eerste."),
        "",
        _("Wat wilt u bespreken?"),
        *ANSWER_LINES,
        "",
        _("Wat gaat goed?"),
        *ANSWER_LINES,
        "",
        _("Kunt u niet? Laat het de voorzitter dan zo snel mogelijk weten."),
        _("Met vriendelijke groet,"),
        inv.meeting.chair_name,
    ]
    if code != "nl":
        from ...documents.i18n import is_draft

        if is_draft(code):
            lines.append("(vertaling: concept)")
    return "\n".join(lines) + "\n"
