"""The indicators, computed from the recorded facts of one location and period (no SQL here).

Every figure keeps the records it counts (``Figure.entries``), so the window can open the list
behind it. What each indicator counts, exactly, is written in ``docs/monitoring.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .figures import count, day_text, median_days, share
from .indicators_follow_up import agreements, closing, lead_times, referrals
from .model import Chart, Entry, Indicator, Monitor
from .records import DecisionFact, DiscussionFact, Facts, MeetingFact


def compute(facts: Facts) -> Monitor:
    indicators = (children_and_meetings(facts), parents(facts.discussions), decisions(facts.decisions),
                  agreements(facts), lead_times(facts), referrals(facts), closing(facts))
    return Monitor(facts.location_id, facts.location_name, facts.period, indicators)


def children_and_meetings(facts: Facts) -> Indicator:
    first_in_period: dict[int, DiscussionFact] = {}
    for d in sorted(facts.discussions, key=lambda d: d.day):
        first_in_period.setdefault(d.child_id, d)
    start = facts.period.start
    new = count("kinderen.nieuw", "Nieuw besproken kinderen",
                (Entry(d.child_name, d.day, "eerste bespreking")
                 for d in first_in_period.values() if d.first_day >= start))
    repeat = count("kinderen.herhaald", "Opnieuw besproken kinderen",
                   (Entry(d.child_name, d.day, f"eerder besproken op {day_text(d.first_day)}")
                    for d in first_in_period.values() if d.first_day < start))
    children = count("kinderen.totaal", "Besproken kinderen", [*new.entries, *repeat.entries])
    discussed = count("kinderen.besprekingen", "Besprekingen",
                      (Entry(d.child_name, d.day, "") for d in facts.discussions))
    by_status = {s: [m for m in facts.meetings if m.status == s] for s in ("gehouden", "gepland", "geannuleerd")}
    past_planned = [m for m in by_status["gepland"] if m.day < facts.today]
    planned = count("kinderen.overleggen_gepland", "Overleggen gepland", map(_meeting, facts.meetings))
    held = count("kinderen.overleggen_gehouden", "Overleggen gehouden", map(_meeting, by_status["gehouden"]))
    cancelled = count("kinderen.overleggen_geannuleerd", "Overleggen geannuleerd",
                      map(_meeting, by_status["geannuleerd"]))
    not_closed = count("kinderen.overleggen_niet_afgerond", "Overleggen voorbij maar niet als gehouden vastgelegd",
                       map(_meeting, past_planned))
    chart = Chart("Kinderen en overleggen", ("Nieuw", "Opnieuw", "Overleggen gepland", "Gehouden"),
                  (("Aantal", (new.value or 0, repeat.value or 0, planned.value or 0, held.value or 0)),),
                  keys=((new.key, repeat.key, planned.key, held.key),))
    return Indicator(
        "kinderen", "Kinderen en overleggen",
        "Hoeveel kinderen zijn besproken, voor het eerst of opnieuw, en hoeveel van de geplande overleggen "
        "zijn gehouden.",
        (children, new, repeat, discussed, planned, held, cancelled, not_closed), chart=chart)


def _meeting(m: MeetingFact) -> Entry:
    return Entry("", m.day, f"overleg: {m.discussions} besprekingen ({m.status})")


def parents(discussions: Sequence[DiscussionFact]) -> Indicator:
    total = count("ouders.besprekingen", "Besprekingen", (Entry(d.child_name, d.day, "") for d in discussions))
    present = count("ouders.aanwezig", "Besprekingen met ouders aan tafel",
                    (Entry(d.child_name, d.day, "ouders aanwezig") for d in discussions if d.parents_present))
    absent = [d for d in discussions if not d.parents_present]
    without = count("ouders.afwezig", "Besprekingen zonder ouders",
                    (Entry(d.child_name, d.day, d.absent_reason or "geen reden genoteerd") for d in absent))
    with_reason = count("ouders.afwezig_met_reden", "… met een reden genoteerd",
                        (Entry(d.child_name, d.day, d.absent_reason) for d in absent if d.absent_reason))
    no_reason = count("ouders.afwezig_zonder_reden", "… zonder reden genoteerd",
                      (Entry(d.child_name, d.day, "geen reden genoteerd") for d in absent if not d.absent_reason))
    chart = Chart("Ouders aan tafel", ("Met ouders", "Zonder ouders"),
                  (("Besprekingen", (present.value or 0, without.value or 0)),), keys=((present.key, without.key),))
    return Indicator(
        "ouders", "Ouders aan tafel",
        "In hoeveel besprekingen de ouders (of een van hen) aanwezig waren, en waarom niet als ze er niet "
        "bij waren (de reden staat in de lijst achter het cijfer).",
        (total, present, share("ouders.aandeel", "Aandeel besprekingen met ouders", present, total),
         without, with_reason, no_reason), chart=chart)


def decisions(facts: Sequence[DecisionFact]) -> Indicator:
    def entry(d: DecisionFact, extra: str = "") -> Entry:
        return Entry(d.child_name, d.day, f"{d.organisation}: {d.text}{extra}")

    total = count("besluiten.totaal", "Besluiten", map(entry, facts))
    direct = count("besluiten.direct", "Direct definitief (met mandaat aan tafel)",
                   (entry(d) for d in facts if d.status == "definitief" and d.confirmed_on is None))
    confirmed = [d for d in facts if d.confirmed_on is not None]
    later = count("besluiten.later_bevestigd", "Voorlopig, later bevestigd",
                  (entry(d, f" (bevestigd {day_text(d.confirmed_on)})") for d in confirmed))
    still = count("besluiten.voorlopig", "Nog voorlopig", (entry(d) for d in facts if d.status == "voorlopig"))
    waited = median_days("besluiten.bevestigingstijd", "Tijd tot bevestiging (mediaan)",
                         [(entry(d, f" ({(d.confirmed_on - d.day).days} dagen)"), (d.confirmed_on - d.day).days)
                          for d in confirmed if d.confirmed_on is not None])
    chart = Chart("Besluiten", ("Direct definitief", "Later bevestigd", "Nog voorlopig"),
                  (("Besluiten", (direct.value or 0, later.value or 0, still.value or 0)),),
                  keys=((direct.key, later.key, still.key),))
    return Indicator(
        "besluiten", "Besluiten aan tafel",
        "Hoeveel besluiten direct definitief waren omdat de partner aan tafel mandaat had, hoeveel voorlopig "
        "en hoe lang de bevestiging door de organisatie duurde.",
        (total, direct, share("besluiten.aandeel_direct", "Aandeel direct definitief", direct, total),
         later, still, waited), chart=chart)
