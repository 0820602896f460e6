"""The parents' letter speaks to them: second person, whom to call, one letter per parent living apart."""

from __future__ import annotations

import re

import pytest

from knooppunt.documents import DocumentKind, DocumentTarget
from knooppunt.domain.enums import AgendaKind, Visibility

from .documents_helpers import DecisionStatus, add_discussion, body_text, page_texts, pdf_text, squash

ANAIS_SQL = ("SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id "
             "WHERE c.first_name = 'Anaïs' AND d.status = 'vastgesteld'")


def letter(docs, discussion_id: int, **kwargs) -> bytes:
    return docs.document(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion_id), **kwargs).pdf


def text_of(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def contact_table(pdf: bytes) -> str:
    body = body_text(pdf)
    return body[body.index(squash("Wie kunt u bellen of mailen?")):body.index(squash("Wat mag u altijd?"))]


@pytest.fixture
def anais(demo_services) -> int:
    return demo_services.store.scalar(ANAIS_SQL)


def test_the_letter_speaks_to_the_parents_and_quotes_the_child_by_name(docs, zoe):
    text = text_of(letter(docs, zoe))
    assert "Ouders:" not in text and "Ouders :" not in text
    assert "U vertelde: Ze ligt lang wakker" in text
    assert "Wat vindt Zoë zelf?" in text and "Zoë vertelde: Ik vind tekenen leuk." in text
    assert re.search(r"Wie doet wat\?.*\bU Houden twee weken een slaapdagboek bij", text)


def test_internal_follow_up_is_left_out_but_the_provisional_decision_says_who_lets_them_know(docs, anais):
    text = text_of(letter(docs, anais))
    assert "Besluit laten bevestigen" not in text
    assert "Sven Lemmens laat u uiterlijk 16 november 2026 weten of het doorgaat." in text


def test_every_decider_and_agreement_owner_is_in_the_contact_table_with_a_number(docs, anais):
    table = contact_table(letter(docs, anais))
    for name, reach in [("Sven Lemmens", "045 850 6789"),  # decided, was not at the table
                        ("Fatima Bouzid", "045 850 2345"),  # decided and owns an agreement
                        ("meester Rik (groep 5)", "045 571 0000")]:  # owns an agreement: via the school
        assert squash(name) in table and squash(reach) in table[table.index(squash(name)):], name
    assert squash("Anaïs") not in table  # the child owns an agreement; not a contact


def test_the_fixed_point_of_contact_heads_the_table_and_can_be_the_cases_regiehouder(docs, zoe, demo_services):
    table = contact_table(letter(docs, zoe))
    assert table.startswith(squash("Wie kunt u bellen of mailen?Heeft u een vraag? Bel of mail dan eerst uw "
                                   "vaste aanspreekpunt.NaamWerkt bijTelefoon en e-mailUw vaste aanspreekpunt"
                                   "Annelies Vermeulen"))
    store = demo_services.store
    child_id = store.scalar("SELECT child_id FROM discussion WHERE id = ?", [zoe])
    with store.unit_of_work() as uow:
        uow._db.execute("UPDATE child_case SET regie_holder = 'Fatima Bouzid' WHERE child_id = ?", [child_id])
        uow.audit("testdata", "child", child_id)
    table = contact_table(letter(docs, zoe))
    assert squash("Uw vaste aanspreekpuntFatima Bouzidschoolmaatschappelijk werker") in table
    assert table.index(squash("Fatima Bouzid")) < table.index(squash("Annelies Vermeulen"))
    assert table.count(squash("Fatima Bouzid")) == 1


def test_evaluation_dates_per_agreement_and_the_next_meeting(docs, zoe):
    text = text_of(letter(docs, zoe))
    assert "We kijken samen op" in text
    assert re.search(r"Geeft Zoë na de pauze een actieve taak \d+ \w+ 2026 23 november 2026", text)
    assert "Rond maandag 23 november 2026 kijken we samen hoe het gaat met Zoë." in text


def test_job_titles_are_explained(docs, zoe):
    text = text_of(letter(docs, zoe))
    assert "jeugdverpleegkundige: verpleegkundige van de JGZ" in text
    assert "intern begeleider: regelt op school de extra zorg voor leerlingen" in text


def _set_guardians(store, zoe_discussion: int, **values) -> None:
    child_id = store.scalar("SELECT child_id FROM discussion WHERE id = ?", [zoe_discussion])
    with store.unit_of_work() as uow:
        for name, fields in values.items():
            sets = ", ".join(f"{key} = ?" for key in fields)
            uow._db.execute(f"UPDATE guardian SET {sets} WHERE child_id = ? AND name = ?",
                            [*fields.values(), child_id, name])
        uow.audit("testdata", "child", child_id)


def _letters(pdf: bytes) -> list[str]:
    """The body of each letter: a letter starts on a page with a salutation."""
    pages = page_texts(pdf)
    starts = [i for i, page in enumerate(pages) if squash("Beste") in page]
    return ["".join(pages[a:b]) for a, b in zip(starts, [*starts[1:], len(pages)], strict=True)]


def test_parents_living_together_get_one_joint_letter(docs, zoe):
    letters = _letters(letter(docs, zoe))
    assert len(letters) == 1 and squash("Beste Sandra Janssen en Mark Janssen,") in letters[0]


@pytest.mark.parametrize("how", ["addresses", "flag"])
def test_parents_with_gezag_living_apart_each_get_the_same_letter_at_their_own_address(docs, zoe, demo_services, how):
    if how == "addresses":
        _set_guardians(demo_services.store, zoe, **{"Sandra Janssen": {"address": "Lindenlaan 3, Heerlen"},
                                                    "Mark Janssen": {"address": "Kerkstraat 8, Kerkrade"}})
    else:
        _set_guardians(demo_services.store, zoe, **{"Mark Janssen": {"lives_apart": 1}})
    letters = _letters(letter(docs, zoe))
    assert len(letters) == 2
    assert squash("Beste Sandra Janssen,") in letters[0] and squash("Mark Janssen krijgt dezelfde brief") in letters[0]
    assert squash("Beste Mark Janssen,") in letters[1] and squash("Sandra Janssen krijgt dezelfde brief") in letters[1]
    if how == "addresses":
        assert squash("Lindenlaan 3, Heerlen") in letters[0] and squash("Kerkstraat 8, Kerkrade") in letters[1]
    for body in letters:  # the same content in each
        for part in ("Extra consult bij de jeugdverpleegkundige over slaap", "Houden twee weken een slaapdagboek bij",
                     "Wat mag u altijd?", "Met vriendelijke groet,"):
            assert squash(part) in body, part


def test_a_parent_without_gezag_gets_no_letter_of_their_own(docs, zoe, demo_services):
    _set_guardians(demo_services.store, zoe, **{"Mark Janssen": {"address": "Kerkstraat 8", "has_authority": 0}})
    letters = _letters(letter(docs, zoe))
    assert len(letters) == 1 and squash("Beste Sandra Janssen,") in letters[0]


def test_the_letter_says_an_interpreter_was_there(docs, zoe, demo_services):
    assert "tolk" not in text_of(letter(docs, zoe))
    _set_guardians(demo_services.store, zoe, **{"Mark Janssen": {"needs_interpreter": 1}})
    assert "Bij het gesprek was een tolk." in text_of(letter(docs, zoe))


CLOSING = squash("Met vriendelijke groet, Annelies Vermeulen intern begeleider, Kindcentrum De Vlinderboom")


@pytest.mark.parametrize("extra_notes", range(0, 24, 2))
def test_no_page_holds_only_the_closing(docs, demo_services, extra_notes):
    notes = [(AgendaKind.CONCERNS, f"Zorg nummer {i}: " + "een wat langere zin over de week " * 3,
              Visibility.SHARED, "ouders") for i in range(extra_notes)]
    discussion = add_discussion(demo_services, notes=notes, agreements=[("Marieke Hendriks", "Belt de ouders", None)])
    pages = page_texts(letter(docs, discussion))
    for page in pages:
        body = page.split(re.search(r"Pagina\d+van\d+", page).group(0), 1)[1]
        assert body != CLOSING and len(body.replace(CLOSING, "")) > 40


def test_each_letter_in_the_pdf_has_its_own_page_numbers_and_language(docs, zoe, demo_services):
    _set_guardians(demo_services.store, zoe, **{"Mark Janssen": {"lives_apart": 1, "preferred_language": "Engels"}})
    pages = page_texts(letter(docs, zoe))
    per_letter = len(pages) // 2
    assert len(pages) == 2 * per_letter  # the same content, the same number of pages
    for number, page in enumerate(pages[:per_letter], start=1):
        assert squash(f"Pagina {number} van {per_letter}") in page and squash("VERTROUWELIJK") in page
    for number, page in enumerate(pages[per_letter:], start=1):
        assert squash(f"Page {number} of {per_letter}") in page and squash("CONFIDENTIAL") in page
    assert squash("Dear Mark Janssen,") in pages[per_letter]


def test_a_decider_outside_the_directory_is_reachable_through_their_organisation(docs, demo_services):
    discussion = add_discussion(demo_services, decisions=[("Logopedie-onderzoek", "Dr. Vos", "JGZ Heuvelland",
                                                          DecisionStatus.FINAL)])
    table = contact_table(letter(docs, discussion))
    phone = demo_services.store.scalar("SELECT phone FROM organisation WHERE name = 'JGZ Heuvelland'")
    assert phone and squash(f"Dr. Vos nam een besluit JGZ Heuvelland {phone}") in table
