"""What the verslag and the afsprakenbrief say, read back from the PDF as a reader would."""

from __future__ import annotations

import io

import pypdf

from knooppunt.documents import DocumentKind, DocumentTarget

from .documents_helpers import pdf_text, squash

INTERNAL_NOTE = "Vader werkt in ploegendienst; onrust in huis rond 23 uur."


def render(docs, kind, discussion_id, **kwargs):
    return docs.document(DocumentTarget(kind, discussion_id=discussion_id), **kwargs)


def test_letter_tells_parents_what_was_decided_by_whom_and_who_does_what_when(docs, zoe):
    pdf = render(docs, DocumentKind.LETTER, zoe).pdf
    text = " ".join(pdf_text(pdf).split())
    assert "m.hendriks@jgz-heuvelland.example" in squash(pdf_text(pdf))
    for expected in [
        "Afspraken over Zoë",
        "Beste Sandra Janssen en Mark Janssen",
        "maandag 26 oktober 2026",  # the meeting (four weeks before TODAY), in Dutch
        "Extra consult bij de jeugdverpleegkundige over slaap",
        "Marieke Hendriks van JGZ Heuvelland heeft dit besloten",
        "Houden twee weken een slaapdagboek bij",
        "16 november 2026",  # its due date
        "juf Mirjam (groep 3)",
        "maandag 23 november 2026",  # when we look again (evaluation date: the next meeting)
        "Marieke Hendriks", "045 850 1234",  # fixed contact
        "Fatima Bouzid", "045 850 2345",
        "U mag altijd lezen wat wij over Zoë hebben opgeschreven",  # right to see and correct
        "JGZ: jeugdgezondheidszorg",  # abbreviation explained
    ]:
        assert expected in text, expected


def test_letter_never_contains_internal_notes_but_internal_minutes_do_marked_intern(docs, zoe):
    letter = squash(pdf_text(render(docs, DocumentKind.LETTER, zoe).pdf))
    minutes = squash(pdf_text(render(docs, DocumentKind.MINUTES, zoe).pdf))
    internal = pdf_text(render(docs, DocumentKind.MINUTES_INTERNAL, zoe).pdf)
    assert squash(INTERNAL_NOTE) not in letter
    assert squash(INTERNAL_NOTE) not in minutes
    assert squash("INTERN – Partner: " + INTERNAL_NOTE) in squash(internal)
    # Shared notes are in all three.
    shared = squash("Ze ligt lang wakker en is 's ochtends moeilijk wakker te krijgen.")
    assert shared in letter and shared in minutes and shared in squash(internal)


def test_minutes_show_presence_mandate_parents_position_and_agreements(docs, demo_services):
    anais = demo_services.store.scalar(
        "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id WHERE c.first_name = 'Anaïs' "
        "AND d.status = 'vastgesteld'"
    )
    text = " ".join(pdf_text(render(docs, DocumentKind.MINUTES, anais).pdf).split())
    for expected in [
        "Verslag knooppuntoverleg – Anaïs Bakker",
        "Voorzitter Annelies Vermeulen",
        "Afwezig: Ingrid Schoonbrood",  # absent, with a category instead of the reason
        "afwezig met bericht",
        "Besloten door Fatima Bouzid namens Wijkteam Maasheuvel",
        "Opvoedondersteuning tot 10 gesprekken",  # the mandate
        "VOORLOPIG – nog te bevestigen door Jeugdhulp De Brug",
        "Eens, met opmerkingen",
        "Goed, als we eerst kennis kunnen maken met de gezinscoach.",
        "meester Rik (groep 5)", "Richt een rustplek in de klas in",
    ]:
        assert expected in text, expected


def test_absence_reasons_are_categories_for_participants_and_free_text_only_internally(docs, demo_services):
    anais = demo_services.store.scalar(
        "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id WHERE c.first_name = 'Anaïs' "
        "AND d.status = 'vastgesteld'"
    )
    reason = demo_services.store.scalar(
        "SELECT absence_reason FROM participant WHERE discussion_id = ? AND attendance = 'afwezig'", [anais])
    assert reason == "Ziek"
    meeting_id = demo_services.store.scalar("SELECT meeting_id FROM discussion WHERE id = ?", [anais])
    shared = [pdf_text(render(docs, kind, anais).pdf) for kind in (DocumentKind.MINUTES, DocumentKind.LETTER)]
    shared.append(pdf_text(docs.document(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting_id)).pdf))
    for text in shared:
        assert "Ziek" not in text
    assert "afwezig met bericht" in " ".join(shared[0].split())
    internal = " ".join(pdf_text(render(docs, DocumentKind.MINUTES_INTERNAL, anais).pdf).split())
    assert "Afwezig: Ingrid Schoonbrood" in internal and "Ziek" in internal


def test_every_page_says_confidential_location_date_and_page_number(docs, demo_services):
    meeting_id = demo_services.store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    pdf = docs.document(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting_id)).pdf
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3  # overview + a new page per child
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert "VERTROUWELIJK" in text
        assert "Kindcentrum De Vlinderboom" in text and "Lindenlaan 12" in text
        assert "maandag 23 november 2026" in text
        assert f"Pagina {number} van {len(pages)}" in text
    whole = pdf_text(pdf)
    assert "Zoë Janssen" in whole and "Anaïs Bakker" in whole


def test_pdf_metadata_title_author_and_dutch_language(docs, zoe):
    rendered = render(docs, DocumentKind.LETTER, zoe)
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    assert reader.metadata.title == "Afspraken over Zoë Janssen, 26 oktober 2026"
    assert reader.metadata.author == "Kindcentrum De Vlinderboom"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert rendered.file_name == "afsprakenbrief-zoe-janssen-2026-10-26.pdf"


def test_the_dejavu_font_is_embedded(docs, zoe):
    reader = pypdf.PdfReader(io.BytesIO(render(docs, DocumentKind.LETTER, zoe).pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descendant.get_object(), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)


def test_signature_line_is_optional(docs, zoe):
    without = pdf_text(render(docs, DocumentKind.LETTER, zoe).pdf)
    with_line = pdf_text(render(docs, DocumentKind.LETTER, zoe, signature_line=True).pdf)
    assert "Voor gezien" not in without
    assert "Voor gezien" in with_line and "Handtekening" in with_line


def test_concept_is_marked_as_such(docs, zoe):
    assert "CONCEPT – nog niet vastgesteld" in pdf_text(render(docs, DocumentKind.LETTER, zoe).pdf)


def test_letter_names_every_right_recipients_retention_and_where_to_complain(docs, zoe, demo_services):
    text = " ".join(pdf_text(render(docs, DocumentKind.LETTER, zoe).pdf).split())
    for expected in [
        "Wat mag u altijd?",
        "U mag altijd lezen wat wij over Zoë hebben opgeschreven",  # inzage
        "Laten verbeteren.", "Laten weghalen.", "Bezwaar maken.", "Uw toestemming intrekken.",
        "Dan bespreken we Zoë niet meer in het knooppunt",  # what withdrawing means for the knooppunt
        "JGZ Heuvelland",  # an organisation that received information
        "Tot 24 maanden nadat de hulp is afgesloten",  # the location's retention term
        "functionaris gegevensbescherming (FG) van de school",
        "Autoriteit Persoonsgegevens",
    ]:
        assert expected in text, expected
    partners = demo_services.store.column(
        "SELECT DISTINCT p.organisation FROM participant p JOIN discussion d ON d.id = p.discussion_id "
        "WHERE d.child_id = (SELECT child_id FROM discussion WHERE id = ?) AND p.kind = 'partner'", [zoe])
    assert partners and all(" ".join(name.split()) in text for name in partners)


def test_a_location_adjusts_the_rights_wording_with_its_own_template(docs, zoe, demo_services):
    location = demo_services.store.scalar("SELECT location_id FROM child c JOIN discussion d ON d.child_id = c.id "
                                          "WHERE d.id = ?", [zoe])
    own = docs.renderer.override_root / str(location)
    own.mkdir(parents=True)
    (own / "_rechten.rml.j2").write_text(
        '<para style="kop">Wat mag u altijd?</para>\n'
        '<para style="tekst">Mail onze FG: fg@vlinderboom.example</para>\n', encoding="utf-8")
    text = " ".join(pdf_text(render(docs, DocumentKind.LETTER, zoe).pdf).split())
    assert "fg@vlinderboom.example" in text and "Laten weghalen" not in text
