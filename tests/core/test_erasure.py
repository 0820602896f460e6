"""Erasing a child (AVG art. 17): nothing of it survives in any decrypted page or WAL frame,
other children's records stay, monitoring counts stay the same, the audit log says who and why."""

from __future__ import annotations

import pytest

from knooppunt.errors import NotFound
from knooppunt.services.privacy.erasure import ErasureReason
from tests.conftest import PASSPHRASE, TEST_KDF_ITER

from .sqlcipher_pages import plaintext_of_file

ZOE_TRACES = ["Zoë", "Janssen", "Sandra", "sandra.janssen@example.nl", "06 1234 5601",
              "Ze ligt lang wakker", "slaapdagboek", "vriendinnetje in de straat"]


def _zoe(services) -> int:
    return services.store.scalar("SELECT id FROM child WHERE first_name = 'Zoë'")


def _found(services, words) -> set[str]:
    pages = plaintext_of_file(services.store.db.execute("PRAGMA database_list").fetchone()[2],
                              PASSPHRASE, TEST_KDF_ITER)
    return {w for w in words if any(w.encode("utf-8") in page for page in pages)}


def _snapshot(services, child_id):
    """Every row that is not about this child, per table (to compare before and after)."""
    rows = {}
    for table in ("child", "guardian", "consent", "discussion", "participant", "note", "decision", "agreement",
                  "meeting", "child_case", "agenda_item"):
        rows[table] = services.store.query(f"SELECT * FROM [{table}] ORDER BY rowid")
    erased = {r["id"] for r in rows["discussion"] if r["child_id"] == child_id}
    rows["child"] = [r for r in rows["child"] if r["id"] != child_id]
    for table in ("guardian", "consent", "discussion", "agreement", "child_case"):
        rows[table] = [r for r in rows[table] if r["child_id"] != child_id]
    for table in ("participant", "decision", "agenda_item"):
        rows[table] = [r for r in rows[table] if r["discussion_id"] not in erased]
    items = {r["id"] for r in rows["agenda_item"]}
    rows["note"] = [r for r in rows["note"] if r["agenda_item_id"] in items]
    for r in rows["agreement"]:
        if r["outcome_discussion_id"] in erased:
            r["outcome_discussion_id"] = None
    return rows


@pytest.mark.sqlite_only(reason="reads the SQLCipher file's pages")
def test_the_decryption_reads_known_content_before_erasure(demo_services):
    assert _found(demo_services, ZOE_TRACES) == set(ZOE_TRACES), "the page reader must see the names first"


@pytest.mark.sqlite_only(reason="the page-level erasure proof of the SQLCipher file and its WAL")
def test_erasing_a_child_leaves_no_trace_in_any_page_or_wal_frame(demo_services):
    zoe = _zoe(demo_services)
    assert demo_services.store.scalar("PRAGMA secure_delete") == 1
    preview = demo_services.erasure.preview(zoe)
    labels = dict(preview.counts)
    assert labels["ouder(s)/verzorger(s)"] == 2 and labels["notitie(s)"] >= 3 and labels["besluit(en)"] >= 1
    assert preview.shared_meetings == 1  # the held meeting also discussed other children
    before_counts = demo_services.monitoring_tally.counts()
    others = _snapshot(demo_services, zoe)

    demo_services.erasure.erase(zoe, ErasureReason.REQUEST)

    assert _found(demo_services, ZOE_TRACES) == set()
    assert _snapshot(demo_services, zoe) == others  # other children's records untouched
    assert demo_services.monitoring_tally.counts() == before_counts
    assert demo_services.store.count("meeting") == 2  # meetings with other children stay
    with pytest.raises(NotFound):
        demo_services.erasure.preview(zoe)


def test_the_audit_log_keeps_who_why_and_what_without_the_childs_name(demo_services):
    zoe = _zoe(demo_services)
    demo_services.erasure.erase(zoe, ErasureReason.RETENTION)
    entry = demo_services.audit.recent(1)[0]
    assert (entry.action, entry.table_name, entry.record_id, entry.actor) == (
        "kind gewist", "child", zoe, demo_services.store.actor)
    assert entry.detail.startswith("bewaartermijn verstreken; 2 ouder(s)/verzorger(s)")
    for row in demo_services.store.query("SELECT * FROM audit_log"):
        text = " ".join(str(v) for v in row.values())
        assert not any(word in text for word in ("Zoë", "Janssen", "Sandra", "slaap")), row


def test_a_meeting_report_naming_the_child_goes_with_it_and_other_documents_stay(demo_services, docs):
    from knooppunt.documents import DocumentKind, DocumentTarget

    meeting = demo_services.store.scalar("SELECT id FROM meeting WHERE status = 'gehouden'")
    anais = demo_services.store.scalar(
        "SELECT d.id FROM discussion d JOIN child c ON c.id = d.child_id WHERE c.first_name = 'Anaïs' "
        "AND d.meeting_id = ?", [meeting])
    docs.finalise(DocumentTarget(DocumentKind.MEETING_REPORT, meeting_id=meeting))
    docs.finalise(DocumentTarget(DocumentKind.MINUTES, discussion_id=anais))
    assert demo_services.erasure.preview(_zoe(demo_services)).meeting_reports == 1
    demo_services.erasure.erase(_zoe(demo_services), ErasureReason.REQUEST)
    kinds = {r["kind"] for r in demo_services.store.query("SELECT kind FROM document")}
    assert kinds == {"verslag"}
