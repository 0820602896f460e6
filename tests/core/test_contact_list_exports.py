"""The printed contact list (PDF) and the vCards a phone or Outlook reads."""

from __future__ import annotations

import io

import vobject
from pypdf import PdfReader

DEMO = "Kindcentrum De Vlinderboom"


def test_contact_list_groups_partners_and_shows_mandate_validity(demo_services, tmp_path):
    path = tmp_path / "contactlijst.pdf"
    demo_services.directory.export(demo_services.locations.location_by_name(DEMO).id, path, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    structural, incidental = text.index("Structurele kernpartners"), text.index("Incidentele kernpartners")
    assert structural < text.index("Fatima Bouzid") < incidental < text.index("Jeroen Smeets")
    for expected in ("045 850 2345", "f.bouzid@wijkteam-maasheuvel.example", "Tom Vliegen",
                     "geldig t/m 31-07-2027", "Mandaat verlopen op", "Anaïs Dubois", "bij 1 rol(len) ontbreekt"):
        assert expected in text
    assert "Zoë" not in text  # no children on a contact list


def test_vcards_hold_each_person_once_with_organisation_phone_and_email(demo_services, tmp_path):
    path = tmp_path / "contacten.vcf"
    demo_services.directory.export(demo_services.locations.location_by_name(DEMO).id, path, "vcard")
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    names = [c.fn.value for c in cards]
    assert len(names) == len(set(names)) == 9  # 6 contacts and 3 substitutes
    anais = next(c for c in cards if c.fn.value == "Anaïs Dubois")
    assert anais.org.value == ["Samenwerkingsverband Heuvelland PO"]
    assert anais.tel.value == "045 850 5678" and anais.email.value == "a.dubois@swv-heuvelland.example"
    assert "Samenwerkingsverband passend onderwijs" in anais.note.value


def test_exports_are_written_in_the_audit_log(demo_services, tmp_path):
    demo_services.directory.export(1, tmp_path / "x.csv", "csv")
    entry = demo_services.audit.recent(1)[0]
    assert (entry.action, entry.detail) == ("adresboek geëxporteerd (csv)", "x.csv")
