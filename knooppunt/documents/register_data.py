"""What the verwerkingsregister (AVG art. 30) says about one location, read from what the program
actually stores: the tables and their columns, the partner organisations in the directory, the
location's retention term and the numbers of records."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage import Store

# Table -> (category of people, what it is). A table not listed here is not personal data.
PERSONAL_TABLES: dict[str, tuple[str, str]] = {
    "child": ("Kinderen/leerlingen", "Gegevens van het kind"),
    "guardian": ("Ouders/verzorgers", "Ouders en verzorgers"),
    "consent": ("Ouders/verzorgers, kinderen", "Toestemming (wie, wanneer, hoe, voor welke organisaties)"),
    "child_case": ("Kinderen/leerlingen", "Casus: signaal, hulpvraag, zorgen (bijzondere gegevens: gezondheid, "
                                          "gezinssituatie)"),
    "case_event": ("Kinderen/leerlingen", "Verloop van de casus"),
    "discussion": ("Kinderen/leerlingen", "Besprekingen in het knooppunt"),
    "participant": ("Ouders, kinderen, contactpersonen", "Deelnemers en aanwezigheid"),
    "note": ("Kinderen, ouders", "Notities (gedeeld en intern; bijzondere gegevens mogelijk)"),
    "parent_input": ("Ouders, kinderen", "Inbreng van ouders vóór het overleg (wat zij willen bespreken, wat goed gaat)"),
    "decision": ("Kinderen, contactpersonen", "Besluiten met mandaat en standpunt van ouders en kind"),
    "agreement": ("Kinderen, ouders, contactpersonen", "Afspraken en uitkomsten"),
    "addendum": ("Kinderen", "Aanvullingen op vastgestelde besprekingen"),
    "document": ("Kinderen, ouders", "Vastgestelde verslagen en brieven (PDF)"),
    "transfer_history": ("Kinderen", "Overdrachtsdossiers van een vorige locatie"),
    "avg_request": ("Ouders, kinderen", "Verzoeken om correctie, verwijdering en bezwaar"),
    "correction": ("Kinderen, ouders", "Correcties met de oude waarde"),
    "inzage_export": ("Kinderen", "Gemaakte inzages"),
    "contact_person": ("Contactpersonen van partners", "Naam, functie, telefoon, e-mail, bereikbaarheid"),
    "audit_log": ("Gebruikers", "Logboek: wie deed wat wanneer (zonder namen van kinderen)"),
    "case_intake": ("Kinderen, ouders", "Aanmelding: wat is opgevallen, woorden van ouders"),
    "case_plan": ("Kinderen, ouders, contactpersonen", "Plan van aanpak: veiligheid en regiehouder"),
    "case_goal": ("Kinderen", "Doelen van het plan van aanpak"),
    "goal_evaluation": ("Kinderen", "Evaluatie van de doelen per overleg"),
    "case_closing": ("Kinderen, ouders", "Afsluiting: oordeel van ouders en kind, cijfers"),
    "child_partner_choice": ("Kinderen", "Welke partners per kind wel of niet aan tafel, met reden"),
}
# Dutch names of the columns an FG reads; a column added later shows under its own name.
FIELD_NAMES: dict[str, str] = {
    "first_name": "voornaam", "last_name": "achternaam", "date_of_birth": "geboortedatum", "group_name": "groep",
    "start_date": "startdatum", "archived_on": "gearchiveerd op", "name": "naam", "relation": "relatie",
    "has_authority": "gezag", "phone": "telefoon", "email": "e-mail", "address": "adres",
    "preferred_language": "taal", "needs_interpreter": "tolk nodig", "lives_apart": "woont apart", "agenda_kind": "agendapunt",
    "given_by": "van wie", "recorded_at": "vastgelegd op", "giver": "gever", "given_on": "gegeven op",
    "method": "wijze", "for_discussion": "voor bespreking", "for_transfer": "voor overdracht", "note": "notitie",
    "withdrawn_on": "ingetrokken op", "withdrawal_note": "reden intrekken", "signal_date": "signaaldatum",
    "signal_source": "signaal van", "signal_by": "gemeld door", "hulpvraag": "hulpvraag", "strengths": "wat goed gaat",
    "concerns": "zorgen", "regie_holder": "regie", "phase": "fase", "closed_on": "afgesloten op",
    "closing_reason": "reden afsluiten", "on_date": "datum", "kind": "soort", "slot_start": "tijd",
    "slot_minutes": "duur", "status": "status", "parents_absent_reason": "reden afwezigheid ouders",
    "parents_absent_consent": "instemming ouders", "evaluation_date": "evaluatiedatum",
    "finalised_at": "vastgesteld op", "finalised_by": "vastgesteld door", "organisation": "organisatie",
    "role": "rol", "attendance": "aanwezigheid", "absence_reason": "reden afwezigheid", "text": "tekst",
    "visibility": "zichtbaarheid", "perspective": "perspectief", "updated_at": "gewijzigd op",
    "category": "categorie", "decided_by": "besloten door", "mandate_text": "mandaat",
    "parents_position": "standpunt ouders", "parents_words": "woorden ouders", "child_position": "standpunt kind",
    "child_words": "woorden kind", "confirmed_on": "bevestigd op", "confirmed_by": "bevestigd door",
    "owner_kind": "soort eigenaar", "owner_name": "eigenaar", "description": "omschrijving", "due_date": "klaar op",
    "outcome_note": "uitkomst", "target": "onderwerp", "reason": "reden", "author": "auteur",
    "created_at": "gemaakt op", "pdf": "PDF", "sha256": "controlegetal", "function": "functie",
    "availability": "bereikbaarheid", "left_on": "vertrokken op", "at": "tijdstip", "actor": "wie",
    "action": "actie", "table_name": "tabel", "detail": "omschrijving", "source_location": "vorige locatie",
    "source_type": "soort locatie", "exported_at": "gemaakt op", "imported_at": "ingelezen op",
    "imported_by": "ingelezen door", "format_version": "versie", "payload": "inhoud dossier",
    "requested_by": "gevraagd door", "requested_on": "gevraagd op", "about": "verzoek", "decision": "beslissing",
    "decision_note": "toelichting", "decided_on": "beslist op",
    "recorded_by": "vastgelegd door", "field": "gegeven", "old_value": "oude waarde", "new_value": "nieuwe waarde",
    "corrected_at": "gecorrigeerd op", "corrected_by": "gecorrigeerd door", "made_at": "gemaakt op",
    "made_by": "gemaakt door", "pdf_sha256": "controlegetal PDF", "json_sha256": "controlegetal JSON",
    "case_id": "casus", "noticed": "wat is opgevallen", "parents_spoken": "ouders gesproken",
    "parents_spoken_on": "ouders gesproken op", "registered_on": "aangemeld op", "registered_by": "aangemeld door",
    "safety": "veiligheid", "safety_note": "zorg over veiligheid", "safety_checked_on": "veiligheid besproken op",
    "regie_kind": "soort regiehouder", "regie_contact_id": "regiehouder (contactpersoon)",
    "regie_guardian_id": "regiehouder (ouder)", "regie_agreed_on": "regie afgesproken op",
    "regie_note": "regie (oude tekst)", "position": "volgorde", "who_does": "wie doet wat",
    "progress_sign": "zo merken ouders en kind het", "created_on": "gemaakt op", "result": "uitkomst",
    "words": "in woorden", "parents_judgement": "oordeel ouders", "parents_before": "cijfer ouders voor",
    "parents_after": "cijfer ouders na", "team_before": "cijfer team voor", "team_after": "cijfer team na",
    "when_questions": "als er weer vragen zijn", "choice": "keuze",
    "location_partner_id": "partnerrol",
}
# Per location: how many records (SQL with one parameter, the location id).
COUNTS: dict[str, str] = {
    "Kinderen": "SELECT count(*) FROM child WHERE location_id = ?",
    "Ouders/verzorgers": "SELECT count(*) FROM guardian g JOIN child c ON c.id = g.child_id WHERE c.location_id = ?",
    "Besprekingen": "SELECT count(*) FROM discussion d JOIN meeting m ON m.id = d.meeting_id WHERE m.location_id = ?",
    "Notities": "SELECT count(*) FROM note n JOIN agenda_item i ON i.id = n.agenda_item_id JOIN discussion d "
                "ON d.id = i.discussion_id JOIN meeting m ON m.id = d.meeting_id WHERE m.location_id = ?",
}
PURPOSES = (
    "Het voorbereiden, voeren en vastleggen van knooppuntoverleggen over kinderen, samen met ouders en "
    "partners (knooppuntenaanpak).",
    "Afspraken met ouders en partners volgen en evalueren.",
    "Ouders informeren (afsprakenbrief) en hun rechten uitvoeren (inzage, correctie, verwijdering, bezwaar).",
    "Overdracht naar een volgende school, alleen met toestemming (doorgaande lijn).",
)
SECURITY = (
    "Eén databasebestand, versleuteld met SQLCipher 4 (AES-256, sleutel uit een wachtwoordzin met "
    "PBKDF2-HMAC-SHA512); zonder wachtwoordzin onleesbaar.",
    "Alleen op de laptop van de gebruiker; het programma maakt geen netwerkverbinding.",
    "Logboek van elke wijziging en elke inzage, afdruk en export (wie, wanneer, wat), zonder namen van kinderen.",
    "Het venster vergrendelt na tien minuten zonder gebruik.",
    "Gewiste gegevens worden overschreven (secure_delete) en het WAL-bestand wordt geleegd.",
    "Exports worden in één stap geschreven en gelogd; geen tijdelijke onversleutelde kopieën.",
    "Back-ups en het wijzigen van de wachtwoordzin: zie de handleiding.",
)


@dataclass(frozen=True)
class RegisterRow:
    section: str
    item: str
    description: str


def register_rows(store: Store, location_id: int) -> list[RegisterRow]:
    loc = store.query("SELECT name, address, postcode, city, retention_months FROM location WHERE id = ?",
                      [location_id])[0]
    rows = [RegisterRow("Verwerking", "Naam", f"Knooppuntoverleg {loc['name']}"),
            RegisterRow("Verwerking", "Verantwoordelijke",
                        ", ".join(p for p in (loc["name"], loc["address"], f"{loc['postcode']} {loc['city']}".strip())
                                  if p)),
            RegisterRow("Verwerking", "Grondslag",
                        "Toestemming van de ouders (en van het kind vanaf 12 jaar), per kind vastgelegd met datum, "
                        "wijze en organisaties; intrekken kan altijd.")]
    rows += [RegisterRow("Doelen", f"Doel {n}", text) for n, text in enumerate(PURPOSES, start=1)]
    existing = set(store.tables())
    for table, (people, what) in PERSONAL_TABLES.items():
        if table in existing:
            columns = [c for c in store.columns(table) if c != "id" and not c.endswith("_id")]
            fields = ", ".join(FIELD_NAMES.get(c, c) for c in columns)
            rows.append(RegisterRow("Persoonsgegevens", what, f"Betrokkenen: {people}. Velden: {fields}"))
    for label, sql in COUNTS.items():
        rows.append(RegisterRow("Omvang", label, str(store.scalar(sql, [location_id]))))
    for r in store.query(
            "SELECT lp.role, lp.kind, o.name AS organisation, lp.mandate_category FROM location_partner lp "
            "LEFT JOIN organisation o ON o.id = lp.organisation_id WHERE lp.location_id = ? "
            "ORDER BY lp.kind DESC, lp.position, lp.id", [location_id]):
        if r["organisation"]:
            rows.append(RegisterRow("Ontvangers", r["organisation"],
                                    f"{r['role']} ({r['kind']}); krijgt alleen gegevens van kinderen waarvoor "
                                    "toestemming is gegeven, en alleen wat nodig is"))
    rows.append(RegisterRow("Ontvangers", "Doorgifte buiten de EU", "Geen"))
    rows.append(RegisterRow("Bewaartermijn", "Termijn",
                            f"{loc['retention_months']} maanden na het afsluiten van de casus (of na het laatste "
                            "overleg zonder casus); daarna gewist. Tellingen zonder namen blijven."))
    rows += [RegisterRow("Beveiliging", f"Maatregel {n}", text) for n, text in enumerate(SECURITY, start=1)]
    return rows
