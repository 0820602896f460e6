"""CSV exchange of a location's partners: Dutch Excel round trip and refused files."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knooppunt.directory import csv_io
from knooppunt.directory.entries import PartnerEntry, PersonEntry
from knooppunt.directory.report import ImportRefused
from knooppunt.domain.directory import Location
from knooppunt.domain.enums import LocationType, PartnerKind
from knooppunt.errors import KnooppuntError

DEMO = "Kindcentrum De Vlinderboom"
HEADER = "Rol;Soort;Organisatie;Vaste contactpersoon;Telefoon;E-mail\r\n"


def directory(services, location_name=DEMO):
    """What a coordinator sees: per role the organisation, people and mandate."""
    location = services.locations.location_by_name(location_name)
    out = []
    for v in services.locations.partners(location.id):
        people = [(p.name, p.function, p.phone, p.email, p.availability, p.note) if p else None
                  for p in (v.contact, v.substitute)]
        organisation = (v.organisation.name, v.organisation.phone, v.organisation.email,
                        v.organisation.address) if v.organisation else None
        out.append((v.partner.role, v.partner.kind, organisation, *people, v.partner.mandate))
    return out


def fingerprint(services):
    """Everything an import could touch, to prove a refused file changed nothing."""
    store = services.store
    return [store.query(f"SELECT * FROM {t} ORDER BY id") for t in
            ("location", "organisation", "organisation_type", "contact_person", "location_partner",
             "location_partner_history")]


def import_file(services, path, location=DEMO):
    data = services.directory.read(path)
    plan = services.directory.plan_import(location, data)
    services.directory.apply_import(plan)
    return plan


def test_export_opens_in_dutch_excel_and_round_trips(demo_services, services_factory, tmp_path):
    path = tmp_path / "partners.csv"
    location = demo_services.locations.location_by_name(DEMO)
    demo_services.directory.export(location.id, path, "csv")

    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["Rol", "Soort", "Organisatie"]
    assert {len(r) for r in rows} == {len(rows[0])}  # columns intact on every row
    assert any("Anaïs Dubois" in r for r in rows)

    empty = services_factory()
    empty.locations.create_location(Location(None, DEMO, LocationType.PO))
    plan = import_file(empty, path)
    assert plan.count("nieuw") > 0
    assert directory(empty) == directory(demo_services)
    assert directory(empty)[0][2] == ("JGZ Heuvelland", "045 850 1234", "", "")


def test_importing_the_same_file_twice_changes_nothing(demo_services, tmp_path):
    path = tmp_path / "partners.csv"
    demo_services.directory.export(demo_services.locations.location_by_name(DEMO).id, path, "csv")
    plan = demo_services.directory.plan_import(DEMO, demo_services.directory.read(path))
    assert plan.changes == ()
    assert "Geen verschillen" in plan.summary


def test_windows_1252_comma_file_with_outlook_columns(demo_services, tmp_path):
    text = ('"First Name","Last Name","Company","Job Title","Business Phone","E-mail Address"\r\n'
            '"Renée","Çelik","GGD Zuid Limburg","Jeugdarts","046-1234567","r.celik@ggdzl.example"\r\n')
    path = tmp_path / "outlook.csv"
    path.write_bytes(text.encode("cp1252"))
    before = len(demo_services.locations.contacts())
    plan = import_file(demo_services, path)
    assert [str(c) for c in plan.changes if c.what == "Contactpersoon"] == ["Contactpersoon ‘Renée Çelik’ nieuw"]
    hits = demo_services.directory.search("çelik")
    assert [(h.name, h.organisation, h.phone) for h in hits] == [("Renée Çelik", "GGD Zuid Limburg", "046 123 4567")]
    assert len(demo_services.locations.contacts()) == before + 1


def test_dutch_outlook_columns_and_semicolons(demo_services, tmp_path):
    text = ("Voornaam;Tussenvoegsel;Achternaam;Bedrijf;Mobiele telefoon;E-mailadres\n"
            "Sanne;van der;Berg;Jeugdhulp De Brug;06 11 22 33 44;sanne@debrug.example\n")
    path = tmp_path / "contacten.csv"
    path.write_text(text, encoding="utf-8")
    import_file(demo_services, path)
    person = next(c for c in demo_services.locations.contacts() if c.name == "Sanne van der Berg")
    assert (person.phone, person.mobile) == ("", "06 11223344")  # a mobile stays a mobile


def test_a_role_row_fills_the_role_and_keeps_the_previous_contact_in_history(demo_services, tmp_path):
    path = tmp_path / "jgz.csv"
    path.write_text(HEADER + "Jeugdgezondheidszorg (JGZ);structureel;JGZ Heuvelland;Lotte Vos;045 850 9999;"
                    "l.vos@jgz.example\r\n", encoding="utf-8-sig")
    plan = import_file(demo_services, path)
    assert any(c.action == "gewijzigd" and "Marieke Hendriks" in c.detail for c in plan.changes)
    view = next(v for v in demo_services.locations.partners(1) if v.partner.role.startswith("Jeugd"))
    assert view.contact.name == "Lotte Vos"
    history = demo_services.locations.partner_history(view.partner.id)
    assert history[0]["contact"] == "Marieke Hendriks"


BAD_FILES = {
    "wrong delimiter": ("Rol|Organisatie|Vaste contactpersoon\nJGZ|JGZ Heuvelland|Ans\n", "Ontbrekende kolommen"),
    "missing columns": ("Naam;Telefoon\nAns;045 850 1234\n", "Ontbrekende kolommen: Organisatie"),
    "invalid phone": (HEADER + "Leerplicht;incidenteel;Bureau Leerplicht;Ans;12345;\r\n",
                      "Regel 2, Telefoon: ‘12345’ is geen geldig telefoonnummer"),
    "invalid e-mail": (HEADER + "Leerplicht;incidenteel;Bureau Leerplicht;Ans;;ans@@bureau\r\n",
                       "Regel 2, E-mail: ‘ans@@bureau’ is geen geldig e-mailadres"),
    "duplicate role": (HEADER + "Leerplicht;;Bureau A;Ans;;\r\nLeerplicht;;Bureau B;Bob;;\r\n",
                       "Regel 3, Rol: dubbel: staat ook al in regel 2"),
    "bad kind": (HEADER + "Leerplicht;soms;Bureau A;Ans;;\r\n", "Regel 2, Soort: ‘soms’ is geen soort"),
    "person without organisation": (HEADER + "Leerplicht;;;Ans;;\r\n", "Regel 2, Organisatie: ontbreekt"),
    "only a header": (HEADER, "alleen kopregels"),
    "empty": ("", "is leeg"),
    "only whitespace": ("  \r\n \r\n", "leeg"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_malformed_files_give_a_dutch_report_and_change_nothing(demo_services, tmp_path, name):
    content, expected = BAD_FILES[name]
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    before = fingerprint(demo_services)
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_services, path)
    assert expected in refused.value.message
    assert "Er is niets veranderd" in refused.value.message
    assert fingerprint(demo_services) == before


def test_every_bad_row_is_reported_not_just_the_first(demo_services, tmp_path):
    rows = "".join(f"Rol {i};;Org;Persoon {i};0{i}23;\r\n" for i in range(1, 6))
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        demo_services.directory.read(path)
    assert [p.row for p in refused.value.problems] == [2, 3, 4, 5, 6]
    assert all(p.field == "Telefoon" for p in refused.value.problems)


def test_broken_encoding_is_refused_with_its_line(demo_services, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(codecs.BOM_UTF8 + HEADER.encode() + b"Leerplicht;;Bureau \xff\xfe;Ans;;\r\n")
    with pytest.raises(ImportRefused) as refused:
        demo_services.directory.read(path)
    assert "Regel 2: onleesbare tekens" in refused.value.message


def test_a_50_mb_file_is_refused_before_it_is_read(demo_services, tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.write(HEADER.encode())
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the shared disk
    before = fingerprint(demo_services)
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_services, path)
    assert "te groot (50.0 MB)" in refused.value.message
    assert fingerprint(demo_services) == before


def test_csv_for_an_unknown_location_is_refused(demo_services, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + "Leerplicht;;Bureau A;Ans;;\r\n", encoding="utf-8")
    with pytest.raises(KnooppuntError, match="Er is geen locatie ‘Nergens’"):
        import_file(demo_services, path, location="Nergens")


def test_excel_formulas_are_neutralised_on_export_and_restored_on_import(demo_services, tmp_path):
    location = demo_services.locations.location_by_name(DEMO)
    demo_services.locations.add_role(location.id, "=HYPERLINK(\"x\")", PartnerKind.INCIDENTAL)
    path = tmp_path / "out.csv"
    demo_services.directory.export(location.id, path, "csv")
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
    assert demo_services.directory.plan_import(DEMO, demo_services.directory.read(path)).changes == ()


_cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.one_of(_cells, st.sampled_from(["Rol", "Organisatie", "Naam", "Telefoon", "E-mail",
                                                          "Soort", "Mandaat geldig tot"])), max_size=8),
       rows=st.lists(st.lists(_cells, max_size=9), max_size=6),
       delimiter=st.sampled_from([";", ",", "\t", "|"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_random_csv_content_never_raises_an_unexpected_error(header, rows, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    data = buffer.getvalue().encode(encoding, errors="replace")
    try:
        result = csv_io.parse_csv(data)
    except ImportRefused as refused:
        assert refused.problems and "Er is niets veranderd" in refused.message
    else:
        assert result.partners


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_an_unexpected_error(data):
    with contextlib.suppress(ImportRefused):
        csv_io.parse_csv(data)


_names = st.text(alphabet="abcdeéëïöüçşłĳ ABCÉ'\";,-\n\t0123456789", max_size=25)
_phones = st.sampled_from(["", "045 850 1234", "06 12345678", "+32 470 12 34 56", "12", "bel me"])
_emails = st.sampled_from(["", "a@b.nl", "x@y", "geen"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_names, st.sampled_from(["", "structureel", "incidenteel", "x"]), _names, _names,
                               _phones, _emails, st.sampled_from(["", "31-07-2027", "2027-02-30"])), max_size=6))
def test_random_rows_are_either_refused_whole_or_imported_whole(demo_services, rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(
        [["Rol", "Soort", "Organisatie", "Vaste contactpersoon", "Telefoon", "E-mail", "Mandaat geldig tot"],
         *rows])
    before = fingerprint(demo_services)
    try:
        plan = demo_services.directory.plan_import(DEMO, csv_io.parse_csv(buffer.getvalue().encode()))
    except KnooppuntError:
        assert fingerprint(demo_services) == before
        return
    assert fingerprint(demo_services) == before  # the preview changed nothing
    demo_services.directory.apply_import(plan)


_text = st.text(alphabet="abcéëïçşłĳ ABÉ'\";,=+-@\n0123", min_size=1, max_size=14).map(str.strip).filter(bool)
_person = st.builds(PersonEntry, _text, _text, st.sampled_from(["", "045 850 1234", "06 12345678",
                                                                "+32 470 12 34 56"]),
                    st.sampled_from(["", "a@b.nl", "x.y@gemeente.example"]), st.sampled_from(["", "ma-di"]))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(roles=st.lists(st.tuples(_text, st.sampled_from(list(PartnerKind)), _text, st.none() | _person,
                                st.none() | _person, _text, st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31))), max_size=5,
                      unique_by=lambda r: r[0].casefold()))
def test_any_directory_survives_the_csv_round_trip(services_factory, tmp_path, roles):
    source, target = services_factory(), services_factory()
    for services in (source, target):
        services.locations.create_location(Location(None, DEMO, LocationType.PO))
    location = source.locations.location_by_name(DEMO)
    for role, kind, organisation, contact, substitute, category, until in roles:
        if any(v.partner.role.casefold() == role.casefold() for v in source.locations.partners(location.id)):
            continue
        if contact and substitute and contact.name.casefold() == substitute.name.casefold():
            substitute = None
        source.locations.add_role(location.id, role, kind)
        partner = next(v for v in source.locations.partners(location.id) if v.partner.role == role)
        source.locations.fill_partner(partner.partner.id, PartnerEntry(
            role, organisation, kind, contact=contact, substitute=substitute, mandate_category=category,
            mandate_valid_until=until))
    path = tmp_path / f"rondje{len(roles)}.csv"
    source.directory.export(location.id, path, "csv")
    target.directory.apply_import(target.directory.plan_import(DEMO, target.directory.read(path)))
    assert directory(target) == directory(source)
