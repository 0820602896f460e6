"""The sociale kaart as CSV: Dutch Excel round trip, and a bad file refused with a row report
while nothing changes (the same rules as the directory import)."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from knooppunt.directory.report import ImportRefused
from knooppunt.domain.offers import PreventionLevel
from knooppunt.errors import ValidationError
from knooppunt.services.directory.offers import OfferInput

DEMO = "Kindcentrum De Vlinderboom"
HEADER = "Aanbod;Organisatie;Niveau;Doelgroep;Leeftijd vanaf;Leeftijd tot en met;Hoe verwijzen;Contact\r\n"


def catalogue(services, location_id):
    return [(v.offer.name, v.organisation, v.offer.level, v.offer.target_group, v.offer.age_from, v.offer.age_to,
             v.offer.how_to_refer, v.offer.contact) for v in services.offers.offers(location_id)]


def demo_location(services) -> int:
    return services.locations.location_by_name(DEMO).id


def test_export_opens_in_dutch_excel_and_round_trips_into_another_laptop(demo_services, services_factory, tmp_path):
    location_id = demo_location(demo_services)
    demo_services.offers.save(location_id, OfferInput("=Formule of niet", None, "universeel",
                                                      "Iedereen; ook \"ouders\"", how_to_refer="Bellen:\nna 9 uur"))
    path = tmp_path / "sociale-kaart.csv"
    assert demo_services.offers.export_csv(location_id, path) == 7
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == HEADER.strip().split(";")
    assert rows[1][:3] == ["'=Formule of niet", "", "Universeel"]  # Excel does not run it as a formula
    assert "Geïndiceerd" in {row[2] for row in rows}

    other = services_factory()
    with other.store.unit_of_work() as uow:
        type_id = uow._db.execute("SELECT id FROM organisation_type LIMIT 1").fetchone()[0]
        for name in {row[1] for row in rows[1:] if row[1]}:
            uow.insert("organisation", {"name": name, "type_id": type_id})
        target = uow.insert("location", {"name": DEMO, "type": "PO"})
        uow.audit("test", "location", target)
    other.offers.import_csv(target, path)
    assert catalogue(other, target) == catalogue(demo_services, location_id)
    # Importing the same file again changes nothing: offers are matched by name.
    other.offers.import_csv(target, path)
    assert catalogue(other, target) == catalogue(demo_services, location_id)


def test_a_malformed_file_is_refused_with_a_report_per_row_and_nothing_changes(demo_services, tmp_path):
    location_id = demo_location(demo_services)
    before = demo_services.store.query("SELECT * FROM offer ORDER BY id")
    path = tmp_path / "kapot.csv"
    path.write_text(HEADER +
                    "Huiswerkklas;Wijkteam Maasheuvel;selectief;Groep 6-8;10;12;Via de IB'er;\r\n"
                    ";JGZ Heuvelland;universeel;;;;;\r\n"
                    "Kookclub;Onbekende Stichting;middel;;4;drie;;\r\n"
                    "Zwemles;;universeel;;12;6;;\r\n"
                    "Huiswerkklas;Wijkteam Maasheuvel;selectief;;;;;\r\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        demo_services.offers.import_csv(location_id, path)
    report = [str(p) for p in refused.value.problems]
    assert report == [
        "Regel 3, Aanbod: ontbreekt.",
        "Regel 4, Niveau: ‘middel’ is geen niveau; kies universeel, selectief of geïndiceerd.",
        "Regel 4, Organisatie: ‘Onbekende Stichting’ staat niet in het adresboek; voeg de organisatie eerst toe.",
        "Regel 4, Leeftijd tot en met: ‘drie’ is geen leeftijd (een heel getal van 0 tot 30).",
        "Regel 5, Leeftijd tot en met: is lager dan de leeftijd vanaf.",
        "Regel 6, Aanbod: dubbel: staat ook al in regel 2.",
    ]
    assert "Er is niets veranderd" in refused.value.message
    assert demo_services.store.query("SELECT * FROM offer ORDER BY id") == before  # the good row is not in either


@pytest.mark.parametrize("content, message", [
    (b"", "is leeg"),
    (b"Naam;Telefoon\r\nIets;0612345678\r\n", "Ontbrekende kolommen: Niveau"),
    (HEADER.encode("utf-8"), "geen aanbod"),
    (b"Aanbod;Niveau\r\n\x81\x8dkapot;selectief\r\n", "onleesbare tekens"),
])
def test_files_that_are_not_an_offers_list_are_refused(demo_services, tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        demo_services.offers.import_csv(demo_location(demo_services), path)


def test_comma_separated_windows_1252_from_another_program_is_read(demo_services, tmp_path):
    path = tmp_path / "aanbod.csv"
    path.write_bytes("Naam,Organisatie,Preventieniveau\r\nOuderavond,JGZ Heuvelland,Geïndiceerd\r\n".encode("cp1252"))
    location_id = demo_location(demo_services)
    demo_services.offers.import_csv(location_id, path)
    found = [v for v in demo_services.offers.offers(location_id) if v.offer.name == "Ouderavond"]
    assert [(v.organisation, v.offer.level) for v in found] == [("JGZ Heuvelland", PreventionLevel.INDICATED)]


def test_offer_form_refuses_bad_input_at_the_field(demo_services):
    location_id = demo_location(demo_services)
    with pytest.raises(ValidationError) as missing:
        demo_services.offers.save(location_id, OfferInput(" ", None, "universeel"))
    assert missing.value.field == "name"
    with pytest.raises(ValidationError) as level:
        demo_services.offers.save(location_id, OfferInput("Iets", None, None))
    assert level.value.field == "level"
    with pytest.raises(ValidationError) as ages:
        demo_services.offers.save(location_id, OfferInput("Iets", None, "selectief", age_from=12, age_to=4))
    assert ages.value.field == "age_to"


def test_search_as_you_type_folds_accents_and_archived_offers_are_not_offered(demo_services):
    location_id = demo_location(demo_services)
    assert [v.offer.name for v in demo_services.offers.search(location_id, "jgz slaap")] == [
        "Extra JGZ-consult slaap en gedrag"]
    coach = demo_services.offers.search(location_id, "gezinscoach")[0]
    assert demo_services.offers.search(location_id, "geindiceerd brug") == []  # level is not searched; org is
    assert [v.offer.name for v in demo_services.offers.search(location_id, "BRÜG")] == ["Gezinscoach"]
    demo_services.offers.archive(coach.offer.id)
    assert demo_services.offers.search(location_id, "gezinscoach") == []
    assert coach.offer.id in [v.offer.id for v in demo_services.offers.offers(location_id, include_archived=True)]
