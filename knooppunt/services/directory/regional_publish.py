"""The coordinator's side of the regional directory: a signing key, and publishing regio.db."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import KnooppuntError
from ...storage import Store
from ..changes import Change, Entity

if TYPE_CHECKING:
    from ...regional.child_guard import Sensitive

# Free-text columns where someone could type a child's name; name columns are the directory itself.
_FREE_TEXT = {
    "location": ("address", "composition", "working_agreements"),
    "organisation": ("address", "email"),
    "contact_person": ("function", "email", "availability", "note"),
    "location_partner": ("mandate_category", "mandate_description"),
}
_SENSITIVE_NAMES = ("SELECT first_name || ' ' || last_name FROM child UNION SELECT name FROM guardian "
                    "UNION SELECT name FROM participant WHERE kind IN ('ouder', 'kind')")
_SENSITIVE_TEXTS = ("SELECT email FROM guardian UNION SELECT text FROM note UNION SELECT text FROM decision "
                    "UNION SELECT description FROM agreement UNION SELECT hulpvraag FROM child_case "
                    "UNION SELECT concerns FROM child_case UNION SELECT text FROM addendum")


@dataclass(frozen=True)
class PublishResult:
    path: Path
    locations: int
    contacts: int
    content_hash: str
    fingerprint: str


class RegionalPublisher:
    def __init__(self, store: Store) -> None:
        self._store = store

    # The key ---------------------------------------------------------------------------------
    def public_key(self) -> str | None:
        key: str | None = self._store.scalar(
            "SELECT public_key FROM regional_signing_key WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1")
        return key

    def make_key(self, *, replace: bool = False) -> tuple[str, Change]:
        """A new Ed25519 key pair; the private key never leaves this (encrypted) database."""
        from ...regional import signing

        if self.public_key() and not replace:
            raise KnooppuntError("Er is al een sleutel. Een nieuwe sleutel betekent dat elke laptop de nieuwe "
                                 "publieke sleutel moet overnemen; gebruik daarvoor --vervangen.")
        private, public = signing.new_key_pair()
        now = self._store.now().isoformat(timespec="seconds")
        with self._store.unit_of_work() as uow:
            uow.execute("UPDATE regional_signing_key SET retired_at = ? WHERE retired_at IS NULL", [now])
            key_id = uow.insert("regional_signing_key", {"public_key": public, "private_key": private,
                                                         "created_at": now, "created_by": self._store.actor})
            uow.audit("sleutel regionaal adresboek gemaakt", "regional_signing_key", key_id,
                      f"vingerafdruk {signing.fingerprint(public)}")
        return public, Change.created(Entity.REGIONAL_SIGNING_KEY, key_id)

    # Publishing ------------------------------------------------------------------------------
    def publish(self, out: Path, location_names: Sequence[str] = ()) -> PublishResult:
        """Write regio.db with only the directory, signed; refused when it would carry children's data."""
        from ...regional import signing
        from ...regional.child_guard import findings
        from ...regional.conversion import colleagues, directory_data
        from ...regional.publication import FORMAT, FORMAT_VERSION, Publication, PublicationRefused, content_hash
        from ...storage.regional_file import write_publication

        row = self._store.query("SELECT public_key, private_key FROM regional_signing_key WHERE retired_at IS NULL "
                                "ORDER BY id DESC LIMIT 1")
        if not row:
            raise KnooppuntError("Maak eerst een sleutel: knooppunt-cli adresboek sleutel --db …")
        public, private = row[0]["public_key"], row[0]["private_key"]
        tables = self._tables(location_names)
        problems = findings({t: [{c: r[c] for c in _FREE_TEXT.get(t, ())} | {"name": r.get("name") or r.get("role")}
                                 for r in rows] for t, rows in tables.items() if t in _FREE_TEXT},
                            self._sensitive())
        if problems:
            raise KnooppuntError("Niet gepubliceerd: er staat iets over een kind of ouder in het adresboek. "
                                 "Haal het weg en publiceer opnieuw:\n- " + "\n- ".join(problems[:20]))
        try:  # what every laptop will check: refused here, the coordinator can still repair it
            directory_data(Publication(tables, {}))
            colleagues(Publication(tables, {}))
        except PublicationRefused as exc:
            raise KnooppuntError(f"Niet gepubliceerd: {exc.message}") from None
        meta = {"format": FORMAT, "format_version": str(FORMAT_VERSION), "publisher": self._store.actor,
                "published_at": self._store.now().isoformat(timespec="seconds"),
                "public_key_fingerprint": signing.fingerprint(public)}
        digest = content_hash(tables, meta)
        meta |= {"content_hash": digest, "signature": signing.sign(private, bytes.fromhex(digest)),
                 "public_key": public}
        write_publication(Path(out), tables, meta)
        with self._store.unit_of_work() as uow:
            uow.audit("regionaal adresboek gepubliceerd", "location", None,
                      f"{Path(out).name}: {len(tables['location'])} locaties, hash {digest[:16]}")
        return PublishResult(Path(out), len(tables["location"]), len(tables["contact_person"]), digest,
                             meta["public_key_fingerprint"])

    def _tables(self, location_names: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        from ...regional.publication import TABLES

        def rows(table: str, where: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
            columns = ", ".join(f'"{c}"' for c in TABLES[table])
            return self._store.query(f'SELECT {columns} FROM "{table}" WHERE {where} ORDER BY id', params)

        locations = rows("location", "archived_on IS NULL")
        if location_names:
            wanted = {n.strip().casefold(): n for n in location_names}
            locations = [r for r in locations if r["name"].casefold() in wanted]
            missing = set(wanted) - {r["name"].casefold() for r in locations}
            if missing:
                raise KnooppuntError("Onbekende locatie: " + ", ".join(sorted(wanted[m] for m in missing)))
        ids = [r["id"] for r in locations] or [0]
        partners = rows("location_partner", f"location_id IN ({','.join('?' * len(ids))})", ids)
        orgs = _ids(p["organisation_id"] for p in partners)
        if not location_names:  # the whole region: every organisation in the directory, used or not yet
            orgs = _ids(self._store.column("SELECT id FROM organisation"))
        people = _ids(i for p in partners for i in (p["contact_id"], p["substitute_id"]))
        organisations = rows("organisation", f"id IN ({','.join('?' * len(orgs))})", orgs)
        types = _ids(o["type_id"] for o in organisations)
        return {"location": locations,
                "organisation_type": rows("organisation_type", f"id IN ({','.join('?' * len(types))})", types),
                "organisation": organisations,
                # Everyone at the table, and their colleagues (possible substitutes): people who left are not.
                "contact_person": rows("contact_person", f"id IN ({','.join('?' * len(people))}) OR "
                                       f"(left_on IS NULL AND organisation_id IN ({','.join('?' * len(orgs))}))",
                                       [*people, *orgs]),
                "location_partner": partners}

    def _sensitive(self) -> Sensitive:
        from ...regional.child_guard import Sensitive

        return Sensitive.of((v for v in self._store.column(_SENSITIVE_NAMES) if v),
                            (v for v in self._store.column(_SENSITIVE_TEXTS) if v))


def _ids(values: Any) -> list[int]:
    return sorted({v for v in values if v is not None}) or [0]
