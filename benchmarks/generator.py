"""A reproducible generator of large, realistic, encrypted Knooppunt databases.

The database is created through the real schema (``knooppunt.storage.create_database`` with the
default key derivation, like the app) and filled with bulk inserts: one transaction per table,
``executemany`` on tuples, ``PRAGMA synchronous = OFF`` while generating. It writes through the
storage layer directly, not through the services, because a service call per row would take
hours at full size; one audit-log entry records that the data was generated.

The same seed and size always give the same rows. A generated database is cached in
``benchmarks/results/`` under a name made of size, seed and schema version.
"""

from __future__ import annotations

import hashlib
import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from knooppunt.domain.directory import DEFAULT_ORGANISATION_TYPES, INCIDENTAL_ROLES, STRUCTURAL_ROLES
from knooppunt.domain.meetings import DEFAULT_AGENDA
from knooppunt.storage import create_database
from knooppunt.storage.audit_log import append_audit
from knooppunt.storage.schema import MIGRATIONS

from . import names

PASSPHRASE = "benchmark-wachtwoordzin (fictieve gegevens)"
TODAY = date(2026, 11, 23)
RESULTS_DIR = Path(__file__).resolve().parent / "results"
CHILDREN_PER_MEETING = (3, 4, 5, 6, 8)  # an 8-child meeting is the report benchmark
NOTES_PER_DISCUSSION = 3


@dataclass(frozen=True)
class Size:
    name: str
    locations: int
    organisations: int
    contacts: int
    children: int
    meetings: int
    agreements: int


SIZES = {
    "tiny": Size("tiny", locations=2, organisations=10, contacts=50, children=200, meetings=50, agreements=1_000),
    "full": Size("full", locations=50, organisations=300, contacts=2_000, children=20_000, meetings=5_000,
                 agreements=100_000),
}


def schema_version() -> str:
    """A short hash of the migration names: a new migration means a new cached database."""
    migration_names = ",".join(m.name for m in MIGRATIONS._migrations)
    return hashlib.sha256(migration_names.encode()).hexdigest()[:10]


def cache_path(size: Size, seed: int, results_dir: Path = RESULTS_DIR) -> Path:
    return results_dir / f"db-{size.name}-seed{seed}-schema{schema_version()}.db"


def plain_path(encrypted: Path) -> Path:
    """The unencrypted copy (same rows) used as the baseline for unlocking."""
    return encrypted.with_name(encrypted.stem + "-plain.sqlite")


def ensure_database(size: Size, seed: int, results_dir: Path = RESULTS_DIR) -> tuple[Path, float | None]:
    """The cached database for ``size`` and ``seed``; generated first when missing.

    Returns the path and the generation time in seconds (None when it came from the cache).
    """
    path = cache_path(size, seed, results_dir)
    if path.is_file() and plain_path(path).is_file():
        return path, None
    started = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, plain_path(path), path):
        leftover.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(leftover) + suffix).unlink(missing_ok=True)
    generate(partial, size, seed)
    export_plain(partial, plain_path(path))
    partial.rename(path)
    return path, time.perf_counter() - started


def export_plain(encrypted: Path, target: Path) -> None:
    """Write an unencrypted copy with SQLCipher's ``sqlcipher_export``."""
    from knooppunt.storage import open_database

    db = open_database(encrypted, PASSPHRASE)
    try:
        quoted = str(target).replace("'", "''")
        db.execute(f"ATTACH DATABASE '{quoted}' AS plaintext KEY ''")
        db.execute("SELECT sqlcipher_export('plaintext')")
        db.execute("DETACH DATABASE plaintext")
    finally:
        db.close()


def generate(path: Path, size: Size, seed: int) -> None:
    db = create_database(path, PASSPHRASE)
    try:
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA foreign_keys = OFF")  # rows arrive table by table; checked below
        rows = _Rows(size, random.Random(seed))
        for table, columns, values in rows.tables():
            _bulk(db, table, columns, values)
        _bulk(db, "setting", ("key", "value"), [("user_name", "Benchmark Gebruiker"), ("user_role", "ib")])
        with db.atomic():  # the audit log is a hash chain: appended the one way it is appended
            append_audit(db, datetime.combine(TODAY, datetime.min.time()), "benchmarks.generator", "benchmarkdata gegenereerd",
                         "location", None, f"grootte {size.name}, seed {seed} (fictieve gegevens)")
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"generated rows break {len(problems)} foreign keys, e.g. {problems[:3]}")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _bulk(db, table: str, columns: tuple[str, ...], values: list[tuple]) -> None:
    sql = f"INSERT INTO [{table}] ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with db.atomic():
        db.conn.executemany(sql, values)


class _Rows:
    """All generated rows, table by table, with explicit ids so rows can refer to each other."""

    def __init__(self, size: Size, rng: random.Random) -> None:
        self.size = size
        self.rng = rng

    def tables(self):
        yield from self._directory()
        yield from self._children()
        yield from self._meetings()

    # Locations, organisations, contact persons and the partners of each location ------------
    def _directory(self):
        rng, size = self.rng, self.size
        type_ids = {code: i for i, (code, _name) in enumerate(DEFAULT_ORGANISATION_TYPES, start=1)}
        organisations, self.orgs_by_type = [], {}
        for org_id in range(1, size.organisations + 1):
            word, code = names.ORGANISATION_KINDS[(org_id - 1) % len(names.ORGANISATION_KINDS)]
            city = names.CITIES[(org_id - 1) // len(names.ORGANISATION_KINDS) % len(names.CITIES)]
            name = f"{word} {city} {org_id}"
            organisations.append((org_id, name, type_ids[code], _phone(rng), f"info@org{org_id}.example"))
            self.orgs_by_type.setdefault(code, []).append(org_id)
        yield "organisation", ("id", "name", "type_id", "phone", "email"), organisations

        contacts, self.contacts_by_org = [], {}
        for contact_id in range(1, size.contacts + 1):
            org_id = (contact_id - 1) % size.organisations + 1
            name = f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.LAST_NAMES)}"
            contacts.append((contact_id, name, org_id, rng.choice(names.FUNCTIONS), _phone(rng),
                             f"contact{contact_id}@org{org_id}.example", "ma, di en do"))
            self.contacts_by_org.setdefault(org_id, []).append((contact_id, name))
        yield "contact_person", ("id", "name", "organisation_id", "function", "phone", "email", "availability"), \
            contacts

        locations, partners, template, self.partners_by_location = [], [], [], {}
        self.location_names = {}
        for location_id in range(1, size.locations + 1):
            kind, loc_type = names.LOCATION_KINDS[location_id % len(names.LOCATION_KINDS)]
            word = names.LOCATION_WORDS[(location_id - 1) % len(names.LOCATION_WORDS)]
            name = f"{kind} {word} {location_id}"
            self.location_names[location_id] = name
            locations.append((location_id, name, loc_type, f"Lindenlaan {location_id}", "6411 AB",
                              rng.choice(names.CITIES), _phone(rng), 6, "IB'er (voorzitter), ouders en kind, "
                              "JGZ, wijkteam/SMW, voorschool", "We praten mét ouders, niet over ouders."))
            for position, (role, code) in enumerate(STRUCTURAL_ROLES + INCIDENTAL_ROLES):
                kind_text = "structureel" if position < len(STRUCTURAL_ROLES) else "incidenteel"
                org_id = rng.choice(self.orgs_by_type.get(code) or self.orgs_by_type["WIJK"])
                contact_id, contact_name = rng.choice(self.contacts_by_org[org_id])
                partner_id = len(partners) + 1
                partners.append((partner_id, location_id, role, kind_text, org_id, contact_id, role.split()[0],
                                 f"Mandaat voor {role.lower()}", (TODAY - timedelta(days=400)).isoformat(),
                                 (TODAY + timedelta(days=250)).isoformat(), position))
                self.partners_by_location.setdefault(location_id, []).append(
                    (partner_id, kind_text, contact_id, contact_name, org_id, role))
            for position, (agenda_kind, minutes) in enumerate(DEFAULT_AGENDA):
                template.append((location_id, position, agenda_kind.value, agenda_kind.label, minutes))
        yield "location", ("id", "name", "type", "address", "postcode", "city", "phone", "frequency_weeks",
                           "composition", "working_agreements"), locations
        yield "location_partner", ("id", "location_id", "role", "kind", "organisation_id", "contact_id",
                                   "mandate_category", "mandate_description", "mandate_valid_from",
                                   "mandate_valid_until", "position"), partners
        yield "agenda_template_item", ("location_id", "position", "kind", "title", "minutes"), template

    # Children with parents, consents and cases ------------------------------------------------
    def _children(self):
        rng, size = self.rng, self.size
        children, guardians, consents, links = [], [], [], []
        self.children_by_location, self.child_names, self.guardians_of = {}, {}, {}
        for child_id in range(1, size.children + 1):
            location_id = (child_id - 1) % size.locations + 1
            first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
            age = rng.randint(2, 15)
            born = TODAY - timedelta(days=age * 365 + rng.randint(0, 364))
            children.append((child_id, location_id, first, last, born.isoformat(), rng.choice(names.GROUPS),
                             (born + timedelta(days=4 * 365)).isoformat()))
            self.children_by_location.setdefault(location_id, []).append(child_id)
            self.child_names[child_id] = (first, last)
            parents = [("moeder", True)] + ([("vader", rng.random() < 0.85)] if rng.random() < 0.7 else [])
            self.guardians_of[child_id] = []
            for relation, authority in parents:
                guardian_id = len(guardians) + 1
                name = f"{rng.choice(names.FIRST_NAMES)} {last}"
                guardians.append((guardian_id, child_id, name, relation, int(authority), _phone(rng),
                                  f"ouder{guardian_id}@example.nl", rng.choice(names.CITIES),
                                  "Nederlands" if rng.random() < 0.85 else "Arabisch", int(rng.random() < 0.05)))
                self.guardians_of[child_id].append((guardian_id, name))
                if authority:
                    consents.append(self._consent(len(consents) + 1, child_id, "ouder", guardian_id))
            if age >= 12:
                consents.append(self._consent(len(consents) + 1, child_id, "kind", None))
        for consent in consents:
            for org_id in rng.sample(range(1, size.organisations + 1), k=min(3, size.organisations)):
                links.append((consent[0], org_id))
        yield "child", ("id", "location_id", "first_name", "last_name", "date_of_birth", "group_name",
                        "start_date"), children
        yield "guardian", ("id", "child_id", "name", "relation", "has_authority", "phone", "email", "address",
                           "preferred_language", "needs_interpreter"), guardians
        yield "consent", ("id", "child_id", "giver", "guardian_id", "given_on", "method", "for_discussion",
                          "for_transfer", "note"), consents
        yield "consent_organisation", ("consent_id", "organisation_id"), links

    def _consent(self, consent_id: int, child_id: int, giver: str, guardian_id: int | None) -> tuple:
        given = TODAY - timedelta(days=self.rng.randint(10, 900))
        return (consent_id, child_id, giver, guardian_id, given.isoformat(),
                "schriftelijk" if self.rng.random() < 0.8 else "mondeling", 1, int(self.rng.random() < 0.3),
                "Toestemmingsformulier getekend")

    # Meetings with discussions, agenda, notes, decisions and agreements ------------------------
    def _meetings(self):
        rng, size = self.rng, self.size
        meetings, discussions, held = [], [], []
        for index in range(size.meetings):
            location_id = index % size.locations + 1
            weeks_back = 6 * (index // size.locations) - 6
            day = TODAY - timedelta(weeks=weeks_back, days=rng.randint(0, 4))
            status = "gehouden" if day < TODAY else "gepland"
            meeting_id = index + 1
            meetings.append((meeting_id, location_id, day.isoformat(), "08:30", "Teamkamer", "Benchmark Gebruiker",
                             status))
            pool = self.children_by_location[location_id]
            for slot, child_id in enumerate(rng.sample(pool, k=min(rng.choice(CHILDREN_PER_MEETING), len(pool)))):
                discussion_id = len(discussions) + 1
                start = f"{8 + (30 + 30 * slot) // 60:02d}:{(30 + 30 * slot) % 60:02d}"
                if status == "gehouden":
                    discussions.append((discussion_id, meeting_id, child_id, start, 30, "vastgesteld",
                                        (day + timedelta(days=42)).isoformat(), f"{day.isoformat()}T10:00:00",
                                        "Benchmark Gebruiker"))
                    held.append((discussion_id, child_id, location_id, day))
                else:
                    discussions.append((discussion_id, meeting_id, child_id, start, 30, "gepland", None, None, ""))
        yield "meeting", ("id", "location_id", "date", "start_time", "place", "chair_name", "status"), meetings
        yield "discussion", ("id", "meeting_id", "child_id", "slot_start", "slot_minutes", "status",
                             "evaluation_date", "finalised_at", "finalised_by"), discussions
        yield from self._cases(held)
        yield from self._discussion_contents(held)

    def _cases(self, held):
        first_signal: dict[int, date] = {}
        for _discussion_id, child_id, _location_id, day in held:
            first_signal[child_id] = min(day, first_signal.get(child_id, day))
        cases = []
        for child_id, day in sorted(first_signal.items()):
            first, _last = self.child_names[child_id]
            phase = self.rng.choice(["start", "uitvoering", "uitvoering", "afsluiting"])
            cases.append((len(cases) + 1, child_id, (day - timedelta(days=30)).isoformat(), "leerkracht",
                          self.rng.choice(names.HULPVRAGEN).format(n=first), "ouders", phase,
                          (TODAY - timedelta(days=20)).isoformat() if phase == "afsluiting" else None,
                          "opgelost" if phase == "afsluiting" else None))
        yield "child_case", ("id", "child_id", "signal_date", "signal_source", "hulpvraag", "regie_holder",
                             "phase", "closed_on", "closing_reason"), cases

    def _discussion_contents(self, held):
        rng = self.rng
        participants, items, notes, decisions, agreements = [], [], [], [], []
        decisions_of: dict[int, list[tuple[int, int, str]]] = {}
        for discussion_id, child_id, location_id, day in held:
            first, _last = self.child_names[child_id]
            for guardian_id, name in self.guardians_of[child_id]:
                participants.append((discussion_id, "ouder", name, "", "ouder", guardian_id, None, None, "aanwezig"))
            participants.append((discussion_id, "school", "Benchmark Gebruiker", self.location_names[location_id],
                                 "intern begeleider", None, None, None, "aanwezig"))
            partners = self.partners_by_location[location_id]
            for partner_id, kind, contact_id, contact_name, _org, role in partners:
                if kind == "structureel":
                    participants.append((discussion_id, "partner", contact_name, "", role, None, partner_id,
                                         contact_id, "aanwezig"))
            first_item = len(items) + 1
            for position, (agenda_kind, minutes) in enumerate(DEFAULT_AGENDA):
                items.append((len(items) + 1, discussion_id, position, agenda_kind.value, agenda_kind.label, minutes,
                              minutes * 55, 1))
            for _ in range(NOTES_PER_DISCUSSION):
                notes.append((first_item + rng.randint(1, 5), rng.choice(names.NOTES).format(n=first),
                              "intern" if rng.random() < 0.2 else "gedeeld", rng.choice(["ouders", "school", ""]),
                              f"{day.isoformat()}T08:45:00"))
            for _ in range(rng.choice((1, 1, 2))):
                partner_id, _kind, _contact_id, contact_name, _org, role = rng.choice(partners)
                text, category = rng.choice(names.DECISIONS)
                decision_id = len(decisions) + 1
                decisions.append((decision_id, discussion_id, text, category, partner_id, contact_name, role,
                                  f"Mandaat voor {role.lower()}", "definitief", "eens", "niet_gevraagd"))
                decisions_of.setdefault(discussion_id, []).append((decision_id, partner_id, contact_name))
        statuses = ["open", "gedaan", "gedaan", "gedaan", "niet_gedaan", "loopt_door", "gewijzigd"]
        owners = [("partner", None), ("ouder", "ouders"), ("school", "juf Mirjam"), ("kind", None)]
        for index in range(self.size.agreements):
            discussion_id, child_id, _location_id, day = held[index % len(held)]
            first, last = self.child_names[child_id]
            owner_kind, owner = rng.choice(owners)
            linked = decisions_of.get(discussion_id, [])
            decision_id = linked[0][0] if linked and index < len(held) else None
            if owner_kind == "partner":
                owner = linked[0][2] if linked else "Jeugdverpleegkundige"
            elif owner_kind == "kind":
                owner = first
            elif owner_kind == "ouder":
                owner = f"ouders {last}"
            due = day + timedelta(days=rng.choice((7, 14, 30, 42)))
            status = "open" if due >= TODAY else rng.choice(statuses)
            agreements.append((child_id, discussion_id, owner_kind, owner,
                               rng.choice(names.AGREEMENTS).format(n=first), due.isoformat(),
                               (day + timedelta(days=42)).isoformat(), status, decision_id))
        yield "participant", ("discussion_id", "kind", "name", "organisation", "role", "guardian_id",
                              "location_partner_id", "contact_id", "attendance"), participants
        yield "agenda_item", ("id", "discussion_id", "position", "kind", "title", "minutes", "seconds_spent",
                              "done"), items
        yield "note", ("agenda_item_id", "text", "visibility", "perspective", "updated_at"), notes
        yield "decision", ("id", "discussion_id", "text", "category", "location_partner_id", "decided_by",
                           "organisation", "mandate_text", "status", "parents_position", "child_position"), decisions
        yield "agreement", ("child_id", "discussion_id", "owner_kind", "owner_name", "description", "due_date",
                            "evaluation_date", "status", "decision_id"), agreements


def _phone(rng: random.Random) -> str:
    return f"06 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
