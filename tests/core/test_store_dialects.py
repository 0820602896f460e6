"""The dialect's fragments give the same answers on both backends (SQLite file, PostgreSQL server)."""

from __future__ import annotations

from knooppunt.storage.postgres.dialect import pyformat


def test_question_marks_become_psycopg_placeholders_outside_quotes_only():
    assert pyformat("SELECT a FROM t WHERE b = ? AND c LIKE '%?%' AND \"we?rd\" = ?") == (
        "SELECT a FROM t WHERE b = %s AND c LIKE '%%?%%' AND \"we?rd\" = %s")
    assert pyformat("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"


def test_the_fragments_answer_alike_on_both_backends(services):
    store, sql = services.store, services.store.sql

    def one(expression: str, *params):
        return store.scalar(f"SELECT {expression}", params)

    assert one(sql.year("?"), "2026-11-23") == 2026
    assert one(sql.days_between("?", "?"), "2026-11-23", "2026-10-24") == 30
    assert one(sql.add_days("?", "?"), "2026-12-30", 3) == "2027-01-02"
    assert one(sql.dmy("?"), "2026-03-05") == "05-03-2026"
    assert one(f"CASE WHEN {sql.nocase('?')} = {sql.nocase('?')} THEN 1 ELSE 0 END", "De Eik", "de eik") == 1
    assert one(f"CASE WHEN {sql.contains(sql.fold('?'), '?')} THEN 1 ELSE 0 END", "Anaïs Çelik", "celik") == 1
    assert one(f"CASE WHEN {sql.distinct_from('?', 'NULL')} THEN 1 ELSE 0 END", 1) == 1
    joined = store.scalar(f"SELECT {sql.joined('x', '; ')} FROM (SELECT 'a' AS x UNION ALL SELECT 'b') t")
    assert sorted(joined.split("; ")) == ["a", "b"]
    # A sum is a whole number on both (PostgreSQL computes it as numeric).
    total = store.scalar("SELECT sum(x) FROM (SELECT 1 AS x UNION ALL SELECT 2) t")
    assert total == 3 and isinstance(total, int)


def test_a_link_row_is_inserted_once_and_a_new_row_gets_its_id(demo_services):
    store = demo_services.store
    agreement_id = store.scalar("SELECT min(id) FROM agreement")
    case_id = store.scalar("SELECT min(id) FROM child_case")
    with store.unit_of_work() as uow:
        goal_id = uow.insert("case_goal", {"case_id": case_id, "text": "Slaapt beter", "position": 0,
                                           "created_on": "2026-11-23"})
        for _ in range(2):
            uow.insert_ignore("case_goal_agreement", {"goal_id": goal_id, "agreement_id": agreement_id})
        uow.audit("test", "case_goal", goal_id)
    assert goal_id == store.scalar("SELECT max(id) FROM case_goal")
    assert store.count("case_goal_agreement", "goal_id = ?", [goal_id]) == 1
