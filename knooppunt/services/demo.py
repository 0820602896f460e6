"""A fictional demo location: partners, six children, one held and one upcoming meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from ..domain.children import Case, Child, Consent, Guardian
from ..domain.directory import ContactPerson, Location, Organisation
from ..domain.enums import (
    AgendaKind,
    AgreementStatus,
    Attendance,
    CasePhase,
    ConsentGiver,
    ConsentMethod,
    DecisionStatus,
    DiscussionStatus,
    LocationType,
    MeetingStatus,
    OwnerKind,
    ParticipantKind,
    Position,
    Role,
    Visibility,
)
from ..domain.meetings import DEFAULT_AGENDA, AgendaItem, Discussion, Meeting, Note, Participant
from ..domain.outcomes import Agreement, Decision
from ..storage import UnitOfWork
from .container import Services
from .demo_cycle import add_cycle_demo, add_demo_plan
from .directory.locations import PartnerView
from .outcomes.cases import CaseEvent, EventKind

# (organisation, type code, contact, function, phone, e-mail, substitute, mandate category, mandate)
_PARTNERS = [
    ("JGZ Heuvelland", "JGZ", "Marieke Hendriks", "Jeugdverpleegkundige", "045 850 1234",
     "m.hendriks@jgz-heuvelland.example", "Ruud Claessens", "Onderzoek en advies",
     "Extra JGZ-consult, onderzoek en verwijzing naar de jeugdarts"),
    ("Wijkteam Maasheuvel", "WIJK", "Fatima Bouzid", "Schoolmaatschappelijk werker", "045 850 2345",
     "f.bouzid@wijkteam-maasheuvel.example", "Tom Vliegen", "Lichte ondersteuning",
     "Opvoedondersteuning tot 10 gesprekken; toegang tot jeugdhulp zonder verwijzing"),
    ("Peuterspeelzaal Het Kastanjetje", "VVE", "Ingrid Schoonbrood", "Pedagogisch medewerker", "045 850 3456",
     "ingrid@kastanjetje.example", "", "Overdracht", "Overdracht en afstemming voorschool–school"),
    ("Bureau Leerplicht Parkstad", "LP", "Jeroen Smeets", "Leerplichtambtenaar", "045 850 4567",
     "j.smeets@leerplicht-parkstad.example", "", "Verzuim", "Verzuimaanpak en vrijstellingen"),
    ("Samenwerkingsverband Heuvelland PO", "SWV", "Anaïs Dubois", "Orthopedagoog", "045 850 5678",
     "a.dubois@swv-heuvelland.example", "Peter Kusters", "Arrangementen",
     "Arrangement extra ondersteuning tot € 5.000 per schooljaar"),
    ("Jeugdhulp De Brug", "ZORG", "Sven Lemmens", "Gezinscoach", "045 850 6789",
     "s.lemmens@debrug.example", "", "Jeugdhulp", "Inzet gezinscoach, tot 3 maanden"),
]


def build_demo(services: Services, today: date | None = None) -> int:
    """Fill an empty database with demo data; returns the demo location's id."""
    today = today or date.today()
    store = services.store
    if not services.profile.user_name:
        services.profile.save("Annelies Vermeulen", Role.IB)
    location, _ = services.locations.create_location(
        Location(
            None, "Kindcentrum De Vlinderboom", LocationType.PO, address="Lindenlaan 12",
            postcode="6411 AB", city="Heerlen", phone="045 571 0000", frequency_weeks=6,
            composition="IB'er (voorzitter), ouders en kind, JGZ, wijkteam/SMW, voorschool; "
            "leerplicht, SWV en zorg op uitnodiging.",
            working_agreements="We praten mét ouders, niet over ouders. Ouders krijgen de agenda een week "
            "vooraf. Elke partner komt met mandaat van de eigen organisatie. Afspraken staan binnen twee "
            "werkdagen in de afsprakenbrief.",
        )
    )
    types = {t.code: t.id for t in services.locations.organisation_types() if t.id is not None}
    assert location.id is not None
    partners = services.locations.partners(location.id)
    with store.unit_of_work() as uow:
        for view, spec in zip(partners, _PARTNERS, strict=True):
            org, code, name, function, phone, email, substitute, category, mandate = spec
            org_id = uow.insert("organisation", Organisation(None, org, types[code], phone=phone))
            contact_id = uow.insert(
                "contact_person",
                ContactPerson(None, name, org_id, function, phone, email, availability="ma, di en do"),
            )
            substitute_id = None
            if substitute:
                substitute_id = uow.insert(
                    "contact_person", ContactPerson(None, substitute, org_id, function, phone, "")
                )
            # One mandate expired the day before the held meeting: its decision there stayed provisional,
            # and the warning is visible in the demo (and on Vandaag, within the month).
            expired = held_meeting_date(today) - timedelta(days=1)
            valid_until = expired if code == "ZORG" else date(today.year + 1, 7, 31)
            assert view.partner.id is not None
            uow.update(
                "location_partner",
                view.partner.id,
                {
                    "organisation_id": org_id, "contact_id": contact_id, "substitute_id": substitute_id,
                    "mandate_category": category, "mandate_description": mandate,
                    "mandate_valid_from": date(today.year - 1, 8, 1) if mandate else None,
                    "mandate_valid_until": valid_until if mandate else None,
                },
            )
        children = _add_children(uow, location.id, today)
        upcoming = _add_meetings(uow, location.id, children, services.locations.partners(location.id), today)
        add_cycle_demo(uow, children, today, location.id)
        uow.audit("demodata aangemaakt", "location", location.id, location.name)
    # The upcoming meeting is planned the way a user plans it: participants and agenda are ready to run.
    for child_id, _guardians, _name in children[1:4]:
        services.planning.add_child(upcoming, child_id)
    _social_map(services, location.id)
    return location.id


# The demo's sociale kaart: (offer, organisation, level, target group, ages, how to refer, linked decision text)
_OFFERS = [
    ("Spreekuur jeugdverpleegkundige", "JGZ Heuvelland", "universeel", "Alle ouders en kinderen", (4, 12),
     "Ouders maken zelf een afspraak; school kan met toestemming aanmelden.", ""),
    ("Extra JGZ-consult slaap en gedrag", "JGZ Heuvelland", "selectief", "Kinderen met slaap- of gedragsvragen",
     (4, 12), "Via de jeugdverpleegkundige aan tafel.", "Extra consult bij de jeugdverpleegkundige over slaap"),
    ("Opvoedondersteuning thuis", "Wijkteam Maasheuvel", "selectief", "Gezinnen met opvoedvragen", (0, 18),
     "Besluit aan tafel door het wijkteam; geen verwijzing nodig.",
     "Opvoedondersteuning thuis door het wijkteam (6 gesprekken)"),
    ("Weerbaarheidstraining Rots en Water", "Wijkteam Maasheuvel", "universeel", "Groepen 5 t/m 8", (8, 12),
     "Aanmelden per groep via het wijkteam.", ""),
    ("Verzuimspreekuur", "Bureau Leerplicht Parkstad", "selectief", "Leerlingen met zorgelijk verzuim", (5, 18),
     "Melding in het verzuimregister; spreekuur op school.", ""),
    ("Gezinscoach", "Jeugdhulp De Brug", "geindiceerd", "Gezinnen met meervoudige problemen", (0, 18),
     "Na besluit met mandaat of beschikking van de gemeente.", "Inzet gezinscoach van Jeugdhulp De Brug"),
]


def _social_map(services: Services, location_id: int) -> None:
    """A few offers around the demo location, linked to the demo's decisions (and one agreement)."""
    organisations = {o.name: o.id for o in services.locations.organisations()}
    with services.store.unit_of_work() as uow:
        for name, organisation, level, group, (age_from, age_to), refer, decision_text in _OFFERS:
            offer_id = uow.insert("offer", {
                "location_id": location_id, "name": name, "organisation_id": organisations.get(organisation),
                "level": level, "target_group": group, "age_from": age_from, "age_to": age_to,
                "how_to_refer": refer, "contact": f"Via {organisation}"})
            if decision_text:
                uow.execute("UPDATE decision SET offer_id = ? WHERE text = ?", [offer_id, decision_text])
            if name == "Opvoedondersteuning thuis":
                uow.execute("UPDATE agreement SET offer_id = ? WHERE description LIKE 'Maakt een afspraak voor "
                            "het eerste huisbezoek%'", [offer_id])
        uow.audit("demo: sociale kaart", "location", location_id, f"{len(_OFFERS)} aanbod")


def held_meeting_date(today: date) -> date:
    """The demo's held meeting: four weeks before the upcoming one, so its agreements are due by now."""
    return upcoming_meeting_date(today) - timedelta(days=28)


def upcoming_meeting_date(today: date) -> date:
    """The demo's next meeting is today, so a new user can chair it at once (time is real)."""
    return today


_CHILDREN = [
    # first, last, age in years, group, parents [(name, relation, gezag, phone, e-mail)]
    ("Zoë", "Janssen", 6, "groep 3", [("Sandra Janssen", "moeder", True, "06 1234 5601", "sandra.janssen@example.nl"),
                                       ("Mark Janssen", "vader", True, "06 1234 5602", "mark.janssen@example.nl")]),
    ("Anaïs", "Bakker", 8, "groep 5", [("Eline Bakker", "moeder", True, "06 1234 5603", "eline.bakker@example.nl")]),
    ("Şükrü", "Yılmaz", 10, "groep 7", [("Ayşe Yılmaz", "moeder", True, "06 1234 5604", "ayse.yilmaz@example.nl"),
                                         ("Mehmet Yılmaz", "vader", True, "06 1234 5605", "")]),
    ("Daan", "de Vries", 4, "groep 1", [("Kim de Vries", "moeder", True, "06 1234 5606", "kim.devries@example.nl"),
                                         ("Bas Hermans", "stiefvader", False, "06 1234 5607", "")]),
    ("Noor", "El Amrani", 12, "groep 8", [("Samira El Amrani", "moeder", True, "06 1234 5608", "samira@example.nl")]),
    ("Łukasz", "Nowak", 7, "groep 4", [("Agnieszka Nowak", "moeder", True, "06 1234 5609", "a.nowak@example.nl"),
                                        ("Piotr Nowak", "vader", True, "06 1234 5610", "p.nowak@example.nl")]),
]


def _add_children(uow: UnitOfWork, location_id: int, today: date) -> list[tuple[int, list[int], str]]:
    out = []
    for index, (first, last, age, group, parents) in enumerate(_CHILDREN):
        born = date(today.year - age - 1, 3 + index, 10 + index)
        child_id = uow.insert("child", Child(None, location_id, first, last, born, group, date(born.year + 4, 9, 1)))
        guardian_ids = []
        for name, relation, gezag, phone, email in parents:
            gid = uow.insert(
                "guardian",
                Guardian(None, child_id, name, relation, gezag, phone, email, address="Heerlen",
                         preferred_language="Turks" if last == "Yılmaz" else "Nederlands",
                         needs_interpreter=name == "Mehmet Yılmaz"),
            )
            guardian_ids.append(gid)
            if gezag:
                _consent(uow, child_id, ConsentGiver.GUARDIAN, gid, today - timedelta(days=60))
        if age + 1 >= 12:
            _consent(uow, child_id, ConsentGiver.CHILD, None, today - timedelta(days=60))
        out.append((child_id, guardian_ids, f"{first} {last}"))
    return out


def _consent(uow: UnitOfWork, child_id: int, giver: ConsentGiver, guardian_id: int | None, on: date) -> None:
    consent_id = uow.insert(
        "consent",
        Consent(None, child_id, giver, guardian_id, on, ConsentMethod.WRITTEN, note="Toestemmingsformulier getekend"),
    )
    for org_id in uow.column("SELECT id FROM organisation"):
        uow.insert("consent_organisation", {"consent_id": consent_id, "organisation_id": org_id})


def _add_meetings(uow: UnitOfWork, location_id: int, children: list[tuple[int, list[int], str]],
                  partners: list[PartnerView], today: date) -> int:
    """The held meeting with its outcomes; returns the id of the (still empty) upcoming meeting."""
    held_on = held_meeting_date(today)
    next_on = upcoming_meeting_date(today)
    held = uow.insert("meeting", Meeting(None, location_id, held_on, time(8, 30), "Teamkamer, 1e verdieping",
                                         "Annelies Vermeulen", MeetingStatus.HELD))
    upcoming = uow.insert("meeting", Meeting(None, location_id, next_on, time(8, 30),
                                             "Teamkamer, 1e verdieping", "Annelies Vermeulen"))
    structural = [p for p in partners if p.partner.kind == "structureel" and p.contact]
    for slot, (child_id, guardian_ids, _name) in enumerate(children[:2]):
        _held_discussion(uow, held, child_id, guardian_ids, slot, structural, partners, held_on, next_on)
        hulpvraag, strengths, concerns, signal_by = _CASES[slot]
        signalled = held_on - timedelta(days=30)
        case_id = uow.insert("child_case", Case(None, child_id, signalled, "leerkracht", hulpvraag,
                                                strengths=strengths, concerns=concerns, signal_by=signal_by,
                                                regie_holder="ouders", phase=CasePhase.EXECUTION))
        uow.insert("case_event", CaseEvent(None, case_id, signalled, EventKind.OPENED, "Signaal van leerkracht"))
        uow.insert("case_event", CaseEvent(None, case_id, held_on, EventKind.PHASE,
                                           "Afspraken gemaakt in het knooppunt"))
        if slot == 1:
            discussion_id = uow.scalar("SELECT max(id) FROM discussion")
            regie = structural[1].contact
            assert regie is not None and regie.id is not None  # every demo role is filled
            add_demo_plan(uow, case_id, discussion_id, held_on, regie.id)
    return upcoming


def _slot(index: int) -> time:
    minutes = 8 * 60 + 30 + 30 * index
    return time(minutes // 60, minutes % 60)


# hulpvraag, wat gaat goed, zorgen, signaal door
_CASES = [
    ("Zoë slaapt slecht en is vaak moe in de klas. Wij willen weten hoe we haar kunnen helpen.",
     "Zoë leest al goed en speelt graag buiten.", "Moe in de klas; ligt 's avonds lang wakker.", "juf Mirjam"),
    ("Anaïs is thuis en op school snel boos. We zoeken samen wat haar rust geeft.",
     "Sterk in rekenen; zorgt lief voor haar broertje.", "Snel boos als iets anders loopt dan gepland.",
     "meester Rik"),
]


def _held_discussion(uow: UnitOfWork, meeting_id: int, child_id: int, guardian_ids: list[int], slot: int,
                     structural: list[PartnerView], partners: list[PartnerView], held_on: date, next_on: date) -> None:
    discussion_id = uow.insert("discussion", Discussion(
        None, meeting_id, child_id, _slot(slot), 30,
        DiscussionStatus.FINALISED, evaluation_date=next_on,
        finalised_at=datetime.combine(held_on, time(9, 0)), finalised_by="Annelies Vermeulen"))
    for gid in guardian_ids:
        name = uow.scalar("SELECT name FROM guardian WHERE id = ?", [gid])
        uow.insert("participant", Participant(None, discussion_id, ParticipantKind.PARENT, name, role="ouder",
                                              guardian_id=gid, attendance=Attendance.PRESENT))
    uow.insert("participant", Participant(None, discussion_id, ParticipantKind.SCHOOL, "Annelies Vermeulen",
                                          "Kindcentrum De Vlinderboom", "intern begeleider",
                                          attendance=Attendance.PRESENT))
    for view in structural:
        uow.insert("participant", Participant(
            None, discussion_id, ParticipantKind.PARTNER, _contact(view).name, _organisation(view).name,
            view.partner.role, location_partner_id=view.partner.id, contact_id=_contact(view).id,
            attendance=Attendance.ABSENT if view.partner.role.startswith("Voorschool") else Attendance.PRESENT,
            absence_reason="Ziek" if view.partner.role.startswith("Voorschool") else ""))
    notes = _NOTES[slot]
    for position, (kind, minutes) in enumerate(DEFAULT_AGENDA):
        item_id = uow.insert("agenda_item", AgendaItem(None, discussion_id, position, kind, kind.label, minutes,
                                                        seconds_spent=minutes * 55, done=True))
        for text, visibility, perspective in notes.get(kind, []):
            uow.insert("note", Note(None, item_id, text, visibility, perspective,
                                    datetime.combine(held_on, time(8, 45))))
    jgz, wijk = structural[0], structural[1]
    zorg = next(p for p in partners if p.partner.role.startswith("Zorg"))
    decisions = _DECISIONS[slot]
    deciders = {view.partner.id: view for _t, _c, view, _s in decisions(jgz, wijk, zorg)}
    for view in deciders.values():  # a decider is at the table: an incidental one was invited
        if view not in structural:
            assert view.contact is not None and view.organisation is not None  # every demo role is filled
            uow.insert("participant", Participant(
                None, discussion_id, ParticipantKind.PARTNER, view.contact.name, view.organisation.name,
                view.partner.role, location_partner_id=view.partner.id, contact_id=view.contact.id,
                attendance=Attendance.PRESENT))
    for text, category, view, status in decisions(jgz, wijk, zorg):
        decision_id = uow.insert("decision", Decision(
            None, discussion_id, text, category, view.partner.id, _contact(view).name, _organisation(view).name,
            view.partner.mandate_description or "geen geldig mandaat", status,
            Position.AGREE if status == DecisionStatus.FINAL else Position.AGREE_WITH_REMARKS,
            "" if status == DecisionStatus.FINAL else "Goed, als we eerst kennis kunnen maken met de gezinscoach.",
            provisional_reason="" if status == DecisionStatus.FINAL else
            f"Geen geldig mandaat op de datum van het overleg ({held_on:%d-%m-%Y}): "
            f"{view.partner.mandate.problem_on(held_on)}"))
        if status == DecisionStatus.PROVISIONAL:
            uow.insert("agreement", Agreement(
                None, child_id, discussion_id, OwnerKind.PARTNER, f"{_contact(view).name} ({_organisation(view).name})",
                "Besluit laten bevestigen door de eigen organisatie", held_on + timedelta(days=21),
                decision_id=decision_id))
    for owner_kind, owner, what, due, outcome in _AGREEMENTS[slot](jgz, wijk):
        uow.insert("agreement", Agreement(None, child_id, discussion_id, owner_kind, owner, what,
                                          held_on + timedelta(days=due), next_on, outcome))


def _contact(view: PartnerView) -> ContactPerson:
    assert view.contact is not None  # every demo role is filled
    return view.contact


def _organisation(view: PartnerView) -> Organisation:
    assert view.organisation is not None  # every demo role is filled
    return view.organisation


_NOTES = [
    {
        AgendaKind.GOAL: [("We willen samen kijken waarom Zoë zo moe is en wat helpt.", Visibility.SHARED, "")],
        AgendaKind.GOES_WELL: [
            ("Zoë speelt graag buiten en heeft een vriendinnetje in de straat.", Visibility.SHARED, "ouders"),
            ("Ik vind tekenen leuk.", Visibility.SHARED, "kind"),
            ("Zoë is behulpzaam en leest al goed.", Visibility.SHARED, "school"),
        ],
        AgendaKind.CONCERNS: [
            ("Ze ligt lang wakker en is 's ochtends moeilijk wakker te krijgen.", Visibility.SHARED, "ouders"),
            ("Na de pauze valt ze soms bijna in slaap.", Visibility.SHARED, "school"),
            ("Vader werkt in ploegendienst; onrust in huis rond 23 uur.", Visibility.INTERNAL, "partner"),
        ],
        AgendaKind.NEEDS: [("Een vast slaapritueel en rust in de avond.", Visibility.SHARED, "")],
    },
    {
        AgendaKind.GOAL: [("Samen zoeken wat Anaïs rust geeft, thuis en op school.", Visibility.SHARED, "")],
        AgendaKind.GOES_WELL: [
            ("Anaïs zorgt heel lief voor haar kleine broertje.", Visibility.SHARED, "ouders"),
            ("Ze is sterk in rekenen.", Visibility.SHARED, "school"),
        ],
        AgendaKind.CONCERNS: [
            ("Ze wordt snel boos als iets anders gaat dan gepland.", Visibility.SHARED, "ouders"),
            ("Moeder geeft aan zelf weinig steun te hebben in haar omgeving.", Visibility.INTERNAL, "partner"),
        ],
        AgendaKind.NEEDS: [("Voorspelbaarheid en een rustige plek om af te koelen.", Visibility.SHARED, "")],
    },
]

_Decisions = Callable[[PartnerView, PartnerView, PartnerView], list[tuple[str, str, PartnerView, DecisionStatus]]]
_DECISIONS: list[_Decisions] = [
    lambda jgz, wijk, zorg: [
        ("Extra consult bij de jeugdverpleegkundige over slaap", "Onderzoek en advies", jgz, DecisionStatus.FINAL),
    ],
    lambda jgz, wijk, zorg: [
        ("Opvoedondersteuning thuis door het wijkteam (6 gesprekken)", "Lichte ondersteuning", wijk,
         DecisionStatus.FINAL),
        ("Inzet gezinscoach van Jeugdhulp De Brug", "Jeugdhulp", zorg, DecisionStatus.PROVISIONAL),
    ],
]

_Agreements = Callable[[PartnerView, PartnerView], list[tuple[OwnerKind, str, str, int, AgreementStatus]]]
_AGREEMENTS: list[_Agreements] = [
    lambda jgz, wijk: [
        (OwnerKind.PARTNER, f"{_contact(jgz).name} (JGZ)", "Plant een consult met ouders en Zoë over slapen", 14,
         AgreementStatus.DONE),
        (OwnerKind.PARENT, "Sandra en Mark Janssen", "Houden twee weken een slaapdagboek bij", 21,
         AgreementStatus.OPEN),
        (OwnerKind.SCHOOL, "juf Mirjam (groep 3)", "Geeft Zoë na de pauze een actieve taak", 10,
         AgreementStatus.OPEN),
    ],
    lambda jgz, wijk: [
        (OwnerKind.PARTNER, f"{_contact(wijk).name} (wijkteam)", "Maakt een afspraak voor het eerste huisbezoek", 24,
         AgreementStatus.OPEN),
        (OwnerKind.CHILD, "Anaïs", "Zegt het tegen de juf als ze even naar de rustplek wil", 28,
         AgreementStatus.OPEN),
        (OwnerKind.SCHOOL, "meester Rik (groep 5)", "Richt een rustplek in de klas in", 7, AgreementStatus.DONE),
    ],
]
