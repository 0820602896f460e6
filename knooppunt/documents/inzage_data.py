"""Everything recorded about one child, as plain JSON-able data (the inzage, AVG art. 15).

Only rows that belong to this child are read: its own record, parents, consents, case, its own
discussions (never another child's discussion in the same meeting), agreements, documents of its
discussions, transfer files and the audit entries about those records. Absence reasons of other
participants are given as a category (they are someone else's data, art. 15(4)).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..storage import Store
from .inzage_cycle import case_cycle, partner_choices
from .model import DocumentKind
from .read_model import absence_category

FORMAT = "knooppunt-inzage"
VERSION = 1

Row = dict[str, Any]


def _rows(store: Store, sql: str, params: list[Any]) -> list[Row]:
    return store.query(sql, params)


def _ids(rows: list[Row]) -> list[int]:
    return [int(r["id"]) for r in rows]


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids)) or "NULL"


def collect(store: Store, child_id: int, withheld: Mapping[int, str]) -> dict[str, Any]:
    """The whole dossier of ``child_id``; notes in ``withheld`` (note id -> reason) are left out
    and listed with their reason instead."""
    child = _rows(store, "SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.group_name, c.start_date, "
                         "c.archived_on, l.name AS location FROM child c JOIN location l ON l.id = c.location_id "
                         "WHERE c.id = ?", [child_id])[0]
    guardians = _rows(store, "SELECT id, name, relation, has_authority, phone, email, address, preferred_language, "
                             "needs_interpreter, lives_apart FROM guardian WHERE child_id = ? ORDER BY id", [child_id])
    consents = _rows(store, "SELECT c.id, c.giver, g.name AS guardian, c.given_on, c.method, c.for_discussion, "
                            "c.for_transfer, c.note, c.withdrawn_on, c.withdrawal_note FROM consent c "
                            "LEFT JOIN guardian g ON g.id = c.guardian_id WHERE c.child_id = ? ORDER BY c.id",
                     [child_id])
    for consent in consents:
        consent["organisations"] = store.column(
            "SELECT o.name FROM consent_organisation co JOIN organisation o ON o.id = co.organisation_id "
            "WHERE co.consent_id = ? ORDER BY o.name", [consent["id"]])
    cases = _rows(store, "SELECT id, signal_date, signal_source, signal_by, hulpvraag, strengths, concerns, "
                         "regie_holder, phase, closed_on, closing_reason FROM child_case WHERE child_id = ? "
                         "ORDER BY signal_date, id", [child_id])
    for case in cases:
        case["events"] = _rows(store, "SELECT on_date, kind, note FROM case_event WHERE case_id = ? "
                                      "ORDER BY on_date, id", [case["id"]])
        case.update(case_cycle(store, case["id"]))  # aanmelding, plan van aanpak, closing (issue 18)
    discussions = _rows(store, "SELECT d.id, m.id AS meeting_id, m.date, d.slot_start, d.slot_minutes, m.place, "
                               "m.chair_name, d.status, d.parents_absent_reason, d.parents_absent_consent, "
                               "d.evaluation_date, d.finalised_at, d.finalised_by FROM discussion d "
                               "JOIN meeting m ON m.id = d.meeting_id WHERE d.child_id = ? "
                               "ORDER BY m.date, d.slot_start, d.id", [child_id])
    withheld_out: list[Row] = []
    for d in discussions:
        _fill_discussion(store, d, withheld, withheld_out)
    agreements = _rows(store, "SELECT id, discussion_id, owner_kind, owner_name, description, due_date, "
                              "evaluation_date, status, outcome_note, outcome_discussion_id, decision_id "
                              "FROM agreement WHERE child_id = ? ORDER BY due_date IS NULL, due_date, id", [child_id])
    discussion_ids = _ids(discussions)
    documents = _rows(store, f"SELECT id, discussion_id, kind, finalised_at, finalised_by, sha256 FROM document "
                             f"WHERE discussion_id IN ({_marks(discussion_ids)}) ORDER BY finalised_at, id",
                      discussion_ids)
    transfers = _rows(store, "SELECT id, source_location, source_type, exported_at, imported_at, imported_by "
                             "FROM transfer_history WHERE child_id = ? ORDER BY imported_at", [child_id])
    requests = _rows(store, "SELECT id, kind, case_id, requested_by, requested_on, about, decision, decision_note, "
                            "decided_on, decided_by FROM avg_request WHERE child_id = ? ORDER BY requested_on, id",
                     [child_id])
    corrections = _rows(store, "SELECT id, request_id, table_name, record_id, field, old_value, new_value, "
                               "corrected_at, corrected_by FROM correction WHERE child_id = ? ORDER BY id", [child_id])
    records = {
        "child": [child_id], "guardian": _ids(guardians), "consent": _ids(consents), "child_case": _ids(cases),
        "discussion": discussion_ids, "agreement": _ids(agreements), "document": _ids(documents),
        "transfer_history": _ids(transfers), "avg_request": _ids(requests), "correction": _ids(corrections),
        "note": [n["id"] for d in discussions for item in d["agenda"] for n in item["notes"]],
        "decision": [int(b["id"]) for d in discussions for b in d["decisions"]],
        "addendum": [int(a["id"]) for d in discussions for a in d["addenda"]],
        "participant": [int(p["id"]) for d in discussions for p in d["participants"]],
        "agenda_item": [int(i["id"]) for d in discussions for i in d["agenda"]],
    }
    return {
        "format": FORMAT, "version": VERSION, "child": child, "guardians": guardians, "consents": consents,
        "cases": cases, "discussions": discussions, "agreements": agreements, "documents": documents,
        "transfers": transfers, "requests": requests, "corrections": corrections,
        "audit": _audit(store, records, sorted({int(d["meeting_id"]) for d in discussions})),
        "withheld": withheld_out, "partner_choices": partner_choices(store, child_id),
    }


def _fill_discussion(store: Store, d: Row, withheld: Mapping[int, str], withheld_out: list[Row]) -> None:
    participants = _rows(store, "SELECT id, kind, name, organisation, role, attendance, absence_reason "
                                "FROM participant WHERE discussion_id = ? ORDER BY id", [d["id"]])
    for p in participants:
        reason = p.pop("absence_reason")
        p["absence"] = absence_category(reason) if p["attendance"] == "afwezig" else ""
    d["participants"] = participants
    agenda = _rows(store, "SELECT id, position, title FROM agenda_item WHERE discussion_id = ? "
                          "ORDER BY position, id", [d["id"]])
    for item in agenda:
        notes = _rows(store, "SELECT id, visibility, perspective, text, updated_at FROM note "
                             "WHERE agenda_item_id = ? ORDER BY id", [item["id"]])
        for note in notes:
            reason = withheld.get(int(note["id"]))
            if reason is not None:
                note["text"] = None
                note["withheld"] = True
                withheld_out.append({"note_id": note["id"], "meeting_date": d["date"], "agenda_item": item["title"],
                                     "visibility": note["visibility"], "reason": reason})
            else:
                note["withheld"] = False
        item["notes"] = [n for n in notes if n["text"] is None or n["text"].strip()]
    d["agenda"] = agenda
    d["decisions"] = _rows(store, "SELECT id, text, category, decided_by, organisation, mandate_text, status, "
                                  "parents_position, parents_words, child_position, child_words, confirmed_on, "
                                  "confirmed_by FROM decision WHERE discussion_id = ? ORDER BY id", [d["id"]])
    d["addenda"] = _rows(store, "SELECT id, target, target_id, text, reason, author, created_at FROM addendum "
                                "WHERE discussion_id = ? ORDER BY created_at, id", [d["id"]])
    d["parents_input"] = _rows(store, "SELECT id, agenda_kind, text, given_by, recorded_at FROM parent_input "
                                      "WHERE discussion_id = ? ORDER BY id", [d["id"]])


def _audit(store: Store, records: Mapping[str, list[int]], meeting_ids: list[int]) -> list[Row]:
    """Who saw, printed, exported or changed this child's records (from the audit log), including
    prints and exports of the overlegverslagen of its meetings (they show this child too)."""
    clauses, params = [], []
    for table, ids in records.items():
        if ids:
            clauses.append(f"(table_name = ? AND record_id IN ({_marks(ids)}))")
            params += [table, *ids]
    if meeting_ids:
        clauses.append(f"(table_name = 'meeting' AND record_id IN ({_marks(meeting_ids)}) AND action LIKE ?)")
        params += [*meeting_ids, f"{DocumentKind.MEETING_REPORT.label} %"]
    # SQLite may give an erased child's ids to new records: entries from before this child was
    # created are about someone else.
    since = store.scalar("SELECT max(id) FROM audit_log WHERE table_name = 'child' AND record_id = ? "
                         "AND action LIKE 'kind aangemaakt%'", [records["child"][0]]) or 0
    return _rows(store, "SELECT at, actor, action, table_name, record_id, detail FROM audit_log WHERE id >= ? AND ("
                        + " OR ".join(clauses) + ") ORDER BY id", [since, *params])
