"""What a regional publication holds and how its content is hashed (the same on both sides).

The publisher writes these tables to a plain SQLite file that Datasette serves; a laptop reads
them back through Datasette's JSON API, encodes them the same canonical way and checks the hash
and the signature before anything is shown or applied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import KnooppuntError

FORMAT = "knooppunt-regio"
FORMAT_VERSION = 1
DATABASE_NAME = "regio"  # Datasette names the database after the file regio.db

# Only the directory: nothing here refers to a child, a parent, a note or a meeting.
TABLES: dict[str, tuple[str, ...]] = {
    "location": ("id", "name", "type", "address", "postcode", "city", "phone", "frequency_weeks",
                 "composition", "working_agreements"),
    "organisation_type": ("id", "code", "name"),
    "organisation": ("id", "name", "type_id", "phone", "email", "address"),
    "contact_person": ("id", "name", "organisation_id", "function", "phone", "email", "availability", "note"),
    "location_partner": ("id", "location_id", "role", "kind", "organisation_id", "contact_id", "substitute_id",
                         "mandate_category", "mandate_description", "mandate_valid_from", "mandate_valid_until",
                         "position"),
}
SIGNED_META = ("format", "format_version", "publisher", "published_at", "public_key_fingerprint")

Rows = Mapping[str, Sequence[Mapping[str, Any]]]


class PublicationRefused(KnooppuntError):
    """A publication that cannot be trusted or read: nothing is changed."""


@dataclass(frozen=True)
class Publication:
    """The rows of every table and the ``meta`` key/values, as published or as fetched."""

    tables: dict[str, list[dict[str, Any]]]
    meta: dict[str, str]

    @property
    def publisher(self) -> str:
        return self.meta.get("publisher", "")

    @property
    def published_at(self) -> str:
        return self.meta.get("published_at", "")


def canonical(tables: Rows, meta: Mapping[str, str]) -> bytes:
    """One byte string for the same content, whatever order or extra columns the rows came in."""
    document: dict[str, Any] = {key: str(meta.get(key, "")) for key in SIGNED_META}
    document["tables"] = {}
    for table, columns in TABLES.items():
        rows = tables.get(table)
        if rows is None:
            raise PublicationRefused(f"De publicatie is onvolledig: de tabel ‘{table}’ ontbreekt.")
        try:
            encoded = sorted(([row[c] for c in columns] for row in rows), key=lambda r: r[0])
        except (KeyError, TypeError):
            raise PublicationRefused(f"De publicatie is onvolledig: in ‘{table}’ ontbreekt een kolom.") from None
        document["tables"][table] = encoded
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(tables: Rows, meta: Mapping[str, str]) -> str:
    return hashlib.sha256(canonical(tables, meta)).hexdigest()
