"""Indicators of what follows a discussion: agreements, lead times, referrals and closing."""

from __future__ import annotations

from collections import Counter
from datetime import date

from .figures import count, median_days
from .model import NO_DATA, Chart, Entry, Figure, Indicator
from .records import AgreementFact, CaseFact, Facts

OWNER_KINDS = (("partner", "Partner"), ("school", "School"), ("ouder", "Ouders"), ("kind", "Kind"))
OUTCOMES = (("op_tijd", "Op tijd gedaan"), ("te_laat", "Te laat"), ("open", "Open"),
            ("niet_gedaan", "Niet gedaan of gewijzigd"))
LEVELS = (("universeel", "Universeel"), ("selectief", "Selectief"), ("geindiceerd", "Geïndiceerd"))
CLOSING_REASONS = (("opgelost", "Opgelost"), ("overgedragen", "Overgedragen"))


def agreement_outcome(a: AgreementFact, today: date) -> str:
    """Op tijd: done, its outcome recorded by the evaluation date (or the due date, or with no date
    known). Te laat: done later than that, or still open after the due date. Open: not yet due."""
    if a.status == "gedaan":
        limit = a.evaluation_date or a.due_date
        return "te_laat" if a.outcome_day and limit and a.outcome_day > limit else "op_tijd"
    if a.status in ("open", "loopt_door"):
        return "te_laat" if a.due_date and a.due_date < today else "open"
    return "niet_gedaan"


def agreements(facts: Facts) -> Indicator:
    grouped: dict[tuple[str, str], list[Entry]] = {}
    for a in facts.agreements:
        outcome = agreement_outcome(a, facts.today)
        due = f"uiterlijk {a.due_date:%d-%m-%Y}" if a.due_date else "geen datum"
        entry = Entry(a.child_name, a.day, f"{a.description} ({due}; {a.status})")
        grouped.setdefault((a.owner_kind, outcome), []).append(entry)
    figures = [count("afspraken.totaal", "Afspraken",
                      (e for entries in grouped.values() for e in entries))]
    for outcome, label in OUTCOMES:
        figures.append(count(f"afspraken.{outcome}", label,
                              (e for (_k, o), entries in grouped.items() if o == outcome for e in entries)))
    for kind, kind_label in OWNER_KINDS:
        for outcome, label in OUTCOMES:
            figures.append(count(f"afspraken.{kind}.{outcome}", f"{kind_label}: {label.lower()}",
                                  grouped.get((kind, outcome), [])))
    per_kind = {f.key: f.value or 0 for f in figures}
    chart = Chart("Afspraken per eigenaar", tuple(label for _k, label in OWNER_KINDS),
                  tuple((label, tuple(per_kind[f"afspraken.{kind}.{outcome}"] for kind, _l in OWNER_KINDS))
                        for outcome, label in OUTCOMES), stacked=True,
                  keys=tuple(tuple(f"afspraken.{kind}.{outcome}" for kind, _l in OWNER_KINDS)
                             for outcome, _o in OUTCOMES))
    return Indicator(
        "afspraken", "Afspraken: op tijd, te laat, open",
        "De afspraken die in deze periode zijn gemaakt, per soort eigenaar: op tijd gedaan, te laat (of nog "
        "open na de termijn), open, of niet gedaan of gewijzigd.",
        tuple(figures), note="De datum waarop een afspraak is uitgevoerd wordt niet vastgelegd; ‘op tijd’ "
        "betekent dat de uitkomst uiterlijk op de evaluatiedatum is vastgelegd.", chart=chart)


def lead_times(facts: Facts) -> Indicator:
    start = [(Entry(c.child_name, c.first_meeting, f"signaal {c.signal_date:%d-%m-%Y}, eerste bespreking "
                    f"{c.first_meeting:%d-%m-%Y}: {(c.first_meeting - c.signal_date).days} dagen"),
              (c.first_meeting - c.signal_date).days)
             for c in facts.cases if c.first_meeting is not None and c.first_meeting in facts.period]
    close = [(Entry(c.child_name, c.closed_on, f"eerste bespreking {c.first_meeting:%d-%m-%Y}, afgesloten "
                    f"{c.closed_on:%d-%m-%Y}: {(c.closed_on - c.first_meeting).days} dagen"),
              (c.closed_on - c.first_meeting).days)
             for c in facts.cases
             if c.closed_on is not None and c.closed_on in facts.period and c.first_meeting is not None]
    return Indicator(
        "doorlooptijd", "Doorlooptijd",
        "Hoe lang het duurde van het signaal tot de eerste bespreking, en van de eerste bespreking tot het "
        "afsluiten van de casus (mediaan: de helft duurde korter, de helft langer).",
        (median_days("doorlooptijd.start", "Van signaal tot eerste bespreking (mediaan)", start),
         median_days("doorlooptijd.afsluiting", "Van eerste bespreking tot afsluiting (mediaan)", close)),
        note="De datum van aanmelding wordt (nog) niet vastgelegd: de signaaldatum van de casus telt als begin.")


def referrals(facts: Facts) -> Indicator:
    uses = [(Entry(d.child_name, d.day, f"besluit: {d.offer.name} ({d.offer.organisation})"), d.offer)
            for d in facts.decisions if d.offer is not None]
    uses += [(Entry(a.child_name, a.day, f"afspraak: {a.offer.name} ({a.offer.organisation})"), a.offer)
             for a in facts.agreements if a.offer is not None]
    figures = [count("verwijzingen.aanbod", "Aanbod ingezet (besluiten en afspraken)", (e for e, _o in uses))]
    for level, label in LEVELS:
        figures.append(count(f"verwijzingen.niveau.{level}", f"Niveau {label.lower()}",
                              (e for e, o in uses if o.level == level)))
    organisations = Counter(o.organisation or "(geen organisatie)" for _e, o in uses)
    for name, _n in sorted(organisations.items(), key=lambda item: (-item[1], item[0])):
        figures.append(count(f"verwijzingen.aanbod_org.{name}", f"Aanbod van {name}",
                              (e for e, o in uses if (o.organisation or "(geen organisatie)") == name)))
    by_org = Counter(d.organisation for d in facts.decisions)
    for name, _n in sorted(by_org.items(), key=lambda item: (-item[1], item[0])):
        figures.append(count(f"verwijzingen.besluit_org.{name}", f"Besluiten van {name or '(onbekend)'}",
                              (Entry(d.child_name, d.day, d.text) for d in facts.decisions if d.organisation == name)))
    levels = {f.key: f.value or 0 for f in figures}
    chart = Chart("Aanbod per preventieniveau", tuple(label for _l, label in LEVELS),
                  (("Ingezet", tuple(levels[f"verwijzingen.niveau.{level}"] for level, _l in LEVELS)),),
                  keys=(tuple(f"verwijzingen.niveau.{level}" for level, _l in LEVELS),))
    note = "" if uses else ("Nog geen aanbod gekoppeld: kies bij een besluit of afspraak een aanbod van de "
                            "sociale kaart, dan telt het hier mee.")
    return Indicator(
        "verwijzingen", "Verwijzingen en ingezet aanbod",
        "Welk aanbod van de sociale kaart is ingezet, per preventieniveau en per organisatie, en welke "
        "organisaties besluiten namen.", tuple(figures), note=note, chart=chart)


def closing(facts: Facts) -> Indicator:
    closed: list[CaseFact] = [c for c in facts.cases if c.closed_on is not None and c.closed_on in facts.period]
    figures = [count("afsluiting.totaal", "Afgesloten casussen",
                      (Entry(c.child_name, c.closed_on, c.closing_reason or "") for c in closed))]
    for reason, label in CLOSING_REASONS:
        figures.append(count(f"afsluiting.{reason}", label,
                              (Entry(c.child_name, c.closed_on, label) for c in closed if c.closing_reason == reason)))
    figures.append(Figure("afsluiting.oordeel_ouders", "Oordeel van ouders bij afsluiting", None))
    return Indicator(
        "afsluiting", "Afsluiting en oordeel van ouders",
        "Hoeveel casussen zijn afgesloten en waarom, en hoe de ouders terugkijken.", tuple(figures),
        note=f"Oordeel van ouders: {NO_DATA}. Het afsluitgesprek met ouders wordt nog niet vastgelegd; "
             "tot dan staat hier de reden van afsluiten.")
