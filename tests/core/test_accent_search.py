"""One accent-folded search everywhere: ‘anais’ finds Anaïs and ‘yilmaz’ Yılmaz in Kinderen and Afspraken."""

from __future__ import annotations

from datetime import date

import pytest

from knooppunt.composition import open_services
from knooppunt.domain.children import Child
from knooppunt.services.outcomes.agreement_overview import AgreementFilter
from tests.conftest import PASSPHRASE, TEST_KDF_ITER


def _names(services, text: str) -> list[str]:
    return [v.child.full_name for v in services.children.children(search=text)]


def _add_child(services, first: str, last: str) -> int:
    location_id = services.locations.locations()[0].id
    child, _ = services.children.create_child(Child(None, location_id, first, last, date(2018, 3, 1), "groep 3"))
    return child.id


def test_children_are_found_without_accents_from_the_first_letter(demo_services):
    assert _names(demo_services, "anais") == ["Anaïs Bakker"]
    assert _names(demo_services, "ANAÏS bakker") == ["Anaïs Bakker"]
    assert _names(demo_services, "yilmaz") == ["Şükrü Yılmaz"]
    assert _names(demo_services, "sukru yıl") == ["Şükrü Yılmaz"]
    assert "Anaïs Bakker" in _names(demo_services, "ai")  # two letters: no trigram, still folded
    assert "Zoë Janssen" in _names(demo_services, "e")
    assert _names(demo_services, "%") == [] and _names(demo_services, '"a"') == []


def test_a_renamed_child_is_found_by_the_new_name_only(demo_services):
    child_id = _add_child(demo_services, "Kaan", "Aydın")
    assert _names(demo_services, "aydin") == ["Kaan Aydın"]
    child = demo_services.children.child(child_id)
    demo_services.children.update_child(Child(**{**child.__dict__, "last_name": "Öztürk"}))
    assert _names(demo_services, "ozturk") == ["Kaan Öztürk"]
    assert _names(demo_services, "aydin") == []


def test_agreements_are_found_by_folded_child_owner_and_text(demo_services):
    overview = demo_services.agreements
    everything = AgreementFilter(bucket="alle")
    anais = next(v.child.id for v in demo_services.children.children() if v.child.first_name == "Anaïs")
    hers = set(overview.overview_ids(AgreementFilter(bucket="alle", child_id=anais)))
    assert hers, "the demo gives Anaïs agreements"
    assert hers <= set(overview.overview_ids(AgreementFilter(bucket="alle", search="anais")))

    some = overview.overview_ids(everything)[0]
    with demo_services.store.unit_of_work() as uow:
        uow.update("agreement", some, {"owner_name": "Fatma Yılmaz", "description": "Gesprek in het café plannen"})
        uow.audit("test", "agreement", some)
    assert overview.overview_ids(AgreementFilter(bucket="alle", search="yilmaz")) == [some]
    assert overview.overview_ids(AgreementFilter(bucket="alle", search="in het cafe")) == [some]
    assert overview.bucket_counts(AgreementFilter(bucket="alle", search="yilmaz"))["alle"] == 1


def test_meetings_are_found_by_folded_place_and_chair(demo_services):
    meeting = demo_services.meetings.meetings()[0].meeting
    with demo_services.store.unit_of_work() as uow:
        uow.update("meeting", meeting.id, {"place": "Café De Gieter", "chair_name": "Renée Çelik"})
        uow.audit("test", "meeting", meeting.id)
    for typed in ("cafe de", "celik", "RENEE"):
        assert [v.meeting.id for v in demo_services.meetings.meetings(search=typed)] == [meeting.id], typed
    assert demo_services.meetings.meetings(search="%") == []


@pytest.mark.sqlite_only(reason="an SQLite migration upgrading an older file")
def test_an_older_database_gets_the_search_index_filled_when_opened(demo_services, db_path):
    db = demo_services.store.db
    for trigger in ("insert", "update", "delete"):
        for index in ("child_search", "agreement_search"):
            db.execute(f"DROP TRIGGER {index}_{trigger}")
    db.execute("DROP TABLE child_search")
    db.execute("DROP TABLE agreement_search")
    db.execute("DROP INDEX child_name_search")
    db.execute("ALTER TABLE child DROP COLUMN search_name")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_search_index'")
    db.conn.commit()
    demo_services.close()
    with open_services(db_path, PASSPHRASE, kdf_iter=TEST_KDF_ITER) as reopened:
        assert _names(reopened, "anais") == ["Anaïs Bakker"]
