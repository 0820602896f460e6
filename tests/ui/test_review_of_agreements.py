"""The terugblik: the earlier agreements, ready for an outcome."""

from __future__ import annotations


def test_terugblik_selects_the_first_agreement_without_outcome(app, hub, demo_services, qtbot):
    from knooppunt.domain.enums import MeetingStatus
    from ui.widgets.outcomes_panel import OutcomesPanel

    upcoming = next(v.meeting for v in demo_services.meetings.meetings() if v.meeting.status == MeetingStatus.PLANNED)
    anais = next(d for d in demo_services.meeting_mode.discussions(upcoming.id)
                 if demo_services.children.child(d.child_id).first_name == "Anaïs")
    panel = OutcomesPanel(services=demo_services, hub=hub, discussion_id=anais.id)
    qtbot.addWidget(panel)
    panel.show_sections(review=True, outcomes=False)
    panel.show()
    assert panel.review.proxy.rowCount() == 3
    assert panel.review.selected_record() == panel.review.record_at(0)
    assert panel.outcome_button.isEnabled()  # the chair can press it straight away
    panel.show_sections(review=False, outcomes=True)
    assert panel.decisions_box.title() == "Besluiten (nog geen – kies ‘Besluit vastleggen…’)"
    assert panel.agreements_box.title() == "Afspraken (nog geen – kies ‘Afspraak maken…’)"
