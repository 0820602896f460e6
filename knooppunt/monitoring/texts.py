"""A short sentence per indicator for the yearly report, in plain Dutch."""

from __future__ import annotations

from .model import Figure, Indicator


def _n(figure: Figure) -> str:
    return figure.text


def _over(figure: Figure) -> str:
    """'30 dagen (mediaan over 12 casussen)', or 'nog geen gegevens'."""
    if figure.value is None:
        return figure.text
    return f"{figure.text} (mediaan over {figure.base} {'casus' if figure.base == 1 else 'casussen'})"


def summary(indicator: Indicator) -> str:
    f = indicator.figure
    key = indicator.key
    if key == "kinderen":
        return (f"Er zijn {_n(f('kinderen.totaal'))} kinderen besproken, van wie {_n(f('kinderen.nieuw'))} voor het "
                f"eerst, in {_n(f('kinderen.besprekingen'))} besprekingen. Van de "
                f"{_n(f('kinderen.overleggen_gepland'))} geplande overleggen zijn er "
                f"{_n(f('kinderen.overleggen_gehouden'))} gehouden.")
    if key == "ouders":
        share = f("ouders.aandeel")
        return (f"Bij {_n(f('ouders.aanwezig'))} van de {_n(f('ouders.besprekingen'))} besprekingen zaten de ouders "
                f"aan tafel ({share.text}). Zonder ouders: {_n(f('ouders.afwezig'))}, waarvan "
                f"{_n(f('ouders.afwezig_met_reden'))} met een genoteerde reden.")
    if key == "besluiten":
        return (f"Van de {_n(f('besluiten.totaal'))} besluiten waren er {_n(f('besluiten.direct'))} direct definitief "
                f"({f('besluiten.aandeel_direct').text}); {_n(f('besluiten.later_bevestigd'))} zijn later bevestigd, "
                f"{_n(f('besluiten.voorlopig'))} zijn nog voorlopig. Tijd tot bevestiging (mediaan): "
                f"{f('besluiten.bevestigingstijd').text}.")
    if key == "afspraken":
        return (f"Van de {_n(f('afspraken.totaal'))} afspraken zijn er {_n(f('afspraken.op_tijd'))} op tijd gedaan, "
                f"{_n(f('afspraken.te_laat'))} te laat of nog open na de termijn, {_n(f('afspraken.open'))} nog open "
                f"en {_n(f('afspraken.niet_gedaan'))} niet gedaan of gewijzigd.")
    if key == "doorlooptijd":
        start, close = f("doorlooptijd.start"), f("doorlooptijd.afsluiting")
        return (f"Van signaal tot eerste bespreking: {_over(start)}. Van eerste bespreking tot afsluiting: "
                f"{_over(close)}.")
    if key == "verwijzingen":
        return (f"Er is {_n(f('verwijzingen.aanbod'))} keer aanbod van de sociale kaart ingezet: "
                f"{_n(f('verwijzingen.niveau.universeel'))} universeel, {_n(f('verwijzingen.niveau.selectief'))} "
                f"selectief en {_n(f('verwijzingen.niveau.geindiceerd'))} geïndiceerd.")
    if key == "afsluiting":
        return (f"Er zijn {_n(f('afsluiting.totaal'))} casussen afgesloten: {_n(f('afsluiting.opgelost'))} opgelost "
                f"en {_n(f('afsluiting.overgedragen'))} overgedragen.")
    return ""
