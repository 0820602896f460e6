"""Complete Outlook contact exports (all ~90 columns, English and Dutch, UTF-8 and Windows-1252)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from knooppunt.directory.report import ImportRefused

DEMO = "Kindcentrum De Vlinderboom"
DATA = Path(__file__).parent / "data" / "outlook"
EXPORTS = sorted(DATA.glob("outlook-*.csv"))

# name → (organisation, function, phone, mobile, e-mail, note)
EXPECTED = {
    "Renée Çelik": ("GGD Zuid Limburg", "Jeugdarts", "045 850 6600", "06 12345678", "r.celik@ggdzl.example",
                    "Maandag en dinsdag op locatie.\r\nNiet in schoolvakanties."),
    # Business Phone empty → Primary Phone; E-mail Address empty → E-mail 2 Address.
    "Joost van der Meer": ("Jeugdhulp De Brug", "Gezinscoach", "043 321 4455", "", "j.vandermeer@debrug.example", ""),
    # Only Business Phone 2; an Exchange-internal address (E-mail Type EX) gives way to E-mail 2.
    "Fatma Yılmaz": ("Bureau Leerplicht Parkstad", "Leerplichtambtenaar", "045 560 4000", "06 28765432",
                     "f.yilmaz@parkstad.example", ""),
    # A home number is private: not read. The mobile is.
    "Ingrid Dijkstra-Hermans": ("Samenwerkingsverband Heuvelland", "Orthopedagoog", "", "06 55443322",
                                "i.dijkstra@swv-heuvelland.example",
                                'Spreekt ook "Plat", Duits en Frans; belt terug binnen twee werkdagen.'),
}


def _people(services, names) -> dict[str, tuple[str, ...]]:
    organisations = {o.id: o.name for o in services.locations.organisations()}
    return {c.name: (organisations[c.organisation_id], c.function, c.phone, c.mobile, c.email, c.note)
            for c in services.locations.contacts() if c.name in names}


def test_the_fixtures_are_complete_outlook_exports():
    assert [p.name for p in EXPORTS] == ["outlook-en-cp1252.csv", "outlook-en-utf8.csv",
                                         "outlook-nl-cp1252.csv", "outlook-nl-utf8.csv"]
    for path in EXPORTS:
        encoding = "utf-8-sig" if "utf8" in path.name else "cp1252"
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))
        assert len(rows[0]) == 92 and {len(r) for r in rows} == {92} and len(rows) == 5


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_a_complete_outlook_export_imports_every_person_with_the_right_values(demo_services, path):
    brug_phone = next(o.phone for o in demo_services.locations.organisations() if o.name == "Jeugdhulp De Brug")
    data = demo_services.directory.read(path)
    plan = demo_services.directory.plan_import(DEMO, data)
    demo_services.directory.apply_import(plan)

    expected = dict(EXPECTED)
    if "cp1252" in path.name:  # Outlook's ANSI export writes '?' for the ı that Windows-1252 lacks
        expected["Fatma Y?lmaz"] = expected.pop("Fatma Yılmaz")
    assert _people(demo_services, expected) == expected
    organisations = {o.name: o for o in demo_services.locations.organisations()}
    ggd = organisations["GGD Zuid Limburg"]
    assert (ggd.phone, ggd.address) == ("088 880 5000", "Het Overloon 2, 6411 TE Heerlen")  # Company Main Phone
    assert organisations["Jeugdhulp De Brug"].phone == brug_phone != ""  # an empty cell erases nothing


def test_the_mobile_number_is_kept_beside_the_work_number_in_every_export(demo_services, services_factory,
                                                                          tmp_path):
    role_file = tmp_path / "jgz.csv"
    role_file.write_text("Rol;Organisatie;Vaste contactpersoon;Telefoon;Mobiel;E-mail\r\n"
                         "Jeugdgezondheidszorg (JGZ);JGZ Heuvelland;Lotte Vos;045 850 9999;06-1234 5678;"
                         "l.vos@jgz.example\r\n", encoding="utf-8-sig")
    demo_services.directory.apply_import(demo_services.directory.plan_import(DEMO, demo_services.directory.read(role_file)))
    location = demo_services.locations.location_by_name(DEMO)

    exported = tmp_path / "partners.csv"
    demo_services.directory.export(location.id, exported, "csv")
    rows = list(csv.DictReader(io.StringIO(exported.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    lotte = next(r for r in rows if r["Vaste contactpersoon"] == "Lotte Vos")
    assert (lotte["Telefoon"], lotte["Mobiel"]) == ("045 850 9999", "06 12345678")

    card = tmp_path / "partners.vcf"
    demo_services.directory.export(location.id, card, "vcard")
    assert "TEL;TYPE=CELL:06 12345678" in card.read_text(encoding="utf-8")

    # The directory file carries it to another laptop.
    directory_file = tmp_path / "adresboek.knooppunt-adresboek.json"
    demo_services.directory.export(location.id, directory_file, "directory")
    other = services_factory()
    other.directory.apply_import(other.directory.plan_import(DEMO, other.directory.read(directory_file)))
    assert [(c.phone, c.mobile) for c in other.locations.contacts() if c.name == "Lotte Vos"] == [
        ("045 850 9999", "06 12345678")]


def test_only_a_column_that_is_literally_there_twice_is_refused(demo_services, tmp_path):
    path = tmp_path / "dubbel.csv"
    path.write_text('"First Name","Last Name","Company","Business Phone","Business Phone"\r\n'
                    '"Ans","Vos","Bureau A","045 850 1234","045 850 9999"\r\n', encoding="utf-8")
    with pytest.raises(ImportRefused, match="twee keer voor: ‘Business Phone’"):
        demo_services.directory.read(path)


@pytest.mark.sqlite_only(reason="an SQLite migration upgrading an older file")
def test_an_older_database_gets_the_mobile_field_when_opened(demo_services, db_path):
    from knooppunt.composition import open_services
    from tests.conftest import PASSPHRASE, TEST_KDF_ITER

    before = {c.name: c.phone for c in demo_services.locations.contacts()}
    db = demo_services.store.db
    db.execute("ALTER TABLE contact_person DROP COLUMN mobile")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_contact_mobile'")
    db.conn.commit()
    demo_services.close()
    with open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as reopened:
        contacts = reopened.locations.contacts()
        assert {c.name: c.phone for c in contacts} == before
        assert {c.mobile for c in contacts} == {""}
