"""The letter in the parents' language: English complete, Arabic right to left and shaped, the
users' Dutch text untouched; a draft translation says so."""

from __future__ import annotations

import io
import re

import arabic_reshaper
import pypdf
import pypdfium2
import pytest
from PIL import ImageOps

from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.documents.i18n import UnknownLanguage, is_draft, translations

from .documents_helpers import pdf_text, squash

USER_TEXT = ["Houden twee weken een slaapdagboek bij", "Extra consult bij de jeugdverpleegkundige over slaap"]


def letter(docs, discussion_id: int, language: str | None = None) -> bytes:
    return docs.document(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion_id), language=language).pdf


def test_english_letter_has_english_fixed_text_and_the_users_dutch_text(docs, zoe):
    text = " ".join(pdf_text(letter(docs, zoe, "en")).split())
    for english in ["Agreements about Zoë", "Dear Sandra Janssen and Mark Janssen,", "Who does what?",
                    "Whom can you call or e-mail?", "Your fixed point of contact", "What may you always do?",
                    "Monday, October 26, 2026", "CONFIDENTIAL", "Page 1 of"]:
        assert english in text, english
    for typed in USER_TEXT:
        assert typed in text
    for dutch in ["Wie doet wat?", "Beste ", "Wat mag u altijd?", "vertaling: concept", "Pagina 1 van"]:
        assert dutch not in text, dutch


def test_arabic_letter_is_shaped_and_keeps_the_users_text(docs, zoe):
    pdf = letter(docs, zoe, "ar")
    text = pdf_text(pdf)
    heading = translations("ar").gettext("Wie doet wat?")
    assert arabic_reshaper.reshape(heading) in text  # joined letter forms (pypdf reads them back in order)
    assert heading not in text  # never the unjoined letters
    for typed in USER_TEXT:
        assert squash(typed) in squash(text)
    assert "vertaling: concept" in text  # the Arabic catalog is a draft until someone fluent checks it
    fonts = {str(f["/BaseFont"]) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
             for f in page["/Resources"]["/Font"].values()}
    assert all("DejaVuSans" in f for f in fonts)  # the glyphs come from the embedded font


def _right_aligned_share(pdf: bytes) -> float:
    """Rendered to an image: the share of text rows whose ink ends at (or just inside) the right margin."""
    document = pypdfium2.PdfDocument(pdf)
    image = ImageOps.invert(document[0].render(scale=1).to_pil().convert("L"))
    width, height = image.size
    right_margin = width - 2.2 * 72 / 2.54
    ends = []
    for y in range(int(3.6 * 72 / 2.54), height - int(2.6 * 72 / 2.54)):
        box = image.crop((0, y, width, y + 1)).point(lambda v: 255 if v > 100 else 0).getbbox()
        if box:
            ends.append(box[2])
    document.close()
    return sum(1 for end in ends if end >= right_margin - 20) / len(ends)  # 20: indented bullets


def test_arabic_text_runs_right_to_left_in_the_image(docs, zoe):
    arabic, dutch = _right_aligned_share(letter(docs, zoe, "ar")), _right_aligned_share(letter(docs, zoe, "nl"))
    assert arabic > 0.45 and dutch < 0.15, (arabic, dutch)


def test_draft_catalogs_are_marked_and_complete_ones_not():
    assert not is_draft("nl") and not is_draft("en")
    assert is_draft("tr") and is_draft("ar") and is_draft("pl")
    with pytest.raises(UnknownLanguage):
        translations("xx")


@pytest.mark.parametrize("code", ["nl", "en", "tr", "ar", "pl"])
def test_every_catalog_translates_every_message(code):
    from babel.messages.pofile import read_po

    from knooppunt import paths

    with paths.resource("locale", "knooppunt.pot").open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    with paths.resource("locale", f"{code}.po").open("rb") as handle:
        catalog = read_po(handle)
    done = {m.id for m in catalog if m.id and m.string}
    assert wanted <= done, sorted(wanted - done)[:5]
    for message in catalog:  # every placeholder and bold tag survives translation
        if message.id:
            for pattern in (r"%\(\w+\)s", r"</?b>"):
                assert sorted(re.findall(pattern, message.id)) == sorted(re.findall(pattern, message.string)), message.id


def test_the_parents_language_is_their_recorded_language(docs, zoe, demo_services):
    child_id = demo_services.store.scalar("SELECT child_id FROM discussion WHERE id = ?", [zoe])
    with demo_services.store.unit_of_work() as uow:
        uow._db.execute("UPDATE guardian SET preferred_language = 'Pools', address = 'Kerkstraat 8' "
                        "WHERE child_id = ? AND name = 'Mark Janssen'", [child_id])
        uow.audit("testdata", "child", child_id)
    text = " ".join(pdf_text(letter(docs, zoe)).split())
    assert "Beste Sandra Janssen," in text and "Szanowni Państwo Mark Janssen," in text


def test_catalogs_ship_in_the_wheel_and_the_bundle():
    """The .po files are read at run time: the wheel's data files and the bundle must carry them,
    and the bundle must keep Babel's data for the letter's languages (dates)."""
    import tomllib

    from knooppunt import paths

    root = paths.templates_dir().parent
    data_files = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    assert data_files["share/knooppunt/resources/locale"] == ["resources/locale/*.po"]
    spec = (root / "packaging" / "knooppunt.spec").read_text()
    assert 'plain_files("resources")' in spec  # all of resources/, locale included
    for code in ("tr", "ar", "pl"):
        assert f'"{code}.dat"' in spec
