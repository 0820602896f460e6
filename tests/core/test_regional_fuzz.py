"""Fuzzing the regional directory format (issue 21): whatever a directory server hands over — even
content correctly signed with the coordinator's key, and content whose signature no longer fits —
the laptop answers with the directory or a Dutch refusal, never a crash."""

from __future__ import annotations

import sqlite3
from typing import Any

from hypothesis import given

from knooppunt.errors import KnooppuntError
from knooppunt.regional import signing
from knooppunt.regional.conversion import colleagues, directory_data
from knooppunt.regional.publication import Publication, content_hash
from knooppunt.regional.verify import verify

from .fuzz_helpers import batch, fuzz_settings, mutated

TABLES = ("location", "organisation_type", "organisation", "contact_person", "location_partner")
_published: dict[str, Any] = {}


def _publication(services, tmp_path) -> tuple[dict[str, Any], dict[str, str], str, str]:
    """The demo's real publication (made once): its tables, meta and the key pair."""
    if not _published:
        public, _ = services.regional_publisher.make_key()
        out = tmp_path / "regio.db"
        services.regional_publisher.publish(out)
        conn = sqlite3.connect(out)
        conn.row_factory = sqlite3.Row
        _published["tables"] = {t: [dict(r) for r in conn.execute(f"SELECT * FROM [{t}]")] for t in TABLES}
        _published["meta"] = {r["key"]: r["value"] for r in conn.execute("SELECT * FROM meta")}
        conn.close()
        _published["public"] = public
        _published["private"] = services.store.scalar(
            "SELECT private_key FROM regional_signing_key WHERE retired_at IS NULL")
    return _published["tables"], _published["meta"], _published["public"], _published["private"]


def _read(publication: Publication, public: str) -> None:
    try:
        verify(publication, public)
        directory_data(publication)
        colleagues(publication)
    except KnooppuntError as exc:
        assert exc.message.strip()


def _template() -> dict[str, Any]:
    # A small template keeps each input cheap: one row of every table, as published.
    return {t: rows[:2] for t, rows in _published["tables"].items()}


def test_the_publication_under_test_reads(demo_services, tmp_path):
    tables, meta, public, _ = _publication(demo_services, tmp_path)
    assert directory_data(Publication(tables, meta)) and verify(Publication(tables, meta), public)


@fuzz_settings
@given(data=batch(mutated({t: [{"id": 1}] for t in TABLES})))
def test_hostile_content_signed_by_the_coordinator_is_read_or_refused(demo_services, tmp_path, data):
    _, meta, public, private = _publication(demo_services, tmp_path)
    template = _template()
    for shape in data:
        # Each generated shape names which tables and fields are hit; apply the hostile values to the
        # real rows, then sign the result as a (broken) coordinator would.
        tables = {t: [dict(row) for row in rows] for t, rows in template.items()}
        for table, rows in shape.items() if isinstance(shape, dict) else []:
            if table not in tables:
                continue
            if not isinstance(rows, list):
                tables[table] = rows  # a table that is not a list of rows
                continue
            for row in rows[:1]:
                if isinstance(row, dict) and tables[table]:
                    tables[table][0].update({k: v for k, v in row.items() if k != "id"} or {"id": row.get("id")})
                else:
                    tables[table] = [row]
        try:
            digest = content_hash(tables, meta)
        except KnooppuntError:
            continue
        signed = {**meta, "content_hash": digest, "signature": signing.sign(private, bytes.fromhex(digest))}
        _read(Publication(tables, signed), public)
        _read(Publication(tables, meta), public)  # changed content under the old signature
