"""Schema as migrations (sqlite-utils ``Migrations``): an older database upgrades in place."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("knooppunt")


def _run(db: Database, statements: str) -> None:
    # executescript() would commit half-way; one execute per statement keeps the migration atomic.
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    _run(db, INITIAL_SCHEMA)
    # Organisation types differ per municipality: these are a starting point, editable later.
    # Written out here, not imported: a migration's content never changes once released.
    types = (
        ("JGZ", "Jeugdgezondheidszorg (JGZ/GGD)"),
        ("SMW", "Schoolmaatschappelijk werk"),
        ("WIJK", "Gemeentelijke toegang / wijkteam"),
        ("VVE", "Voorschoolse voorziening"),
        ("LP", "Leerplicht"),
        ("SWV", "Samenwerkingsverband passend onderwijs"),
        ("ZORG", "Zorgaanbieder"),
        ("SCHOOL", "School / kinderopvang"),
    )
    db.table("organisation_type").insert_all({"code": c, "name": n} for c, n in types)


@MIGRATIONS(name="0002_documents")
def _documents(db: Database) -> None:
    """Vastgestelde verslagen en brieven: exacte PDF-bytes en hun hash, voor identieke herdruk."""
    _run(
        db,
        """
CREATE TABLE document (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER REFERENCES discussion(id) ON DELETE RESTRICT,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('verslag','verslag_intern','afsprakenbrief','overlegverslag')),
    pdf BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    finalised_at TEXT NOT NULL,
    finalised_by TEXT NOT NULL,
    CHECK (discussion_id IS NOT NULL OR meeting_id IS NOT NULL)
);
CREATE UNIQUE INDEX document_once ON document(coalesce(discussion_id, 0), coalesce(meeting_id, 0), kind)
""",
    )


@MIGRATIONS(name="0003_directory")
def _directory(db: Database) -> None:
    """Who is contact or substitute where: indexes for replacing a person and for the search box."""
    _run(
        db,
        """
CREATE INDEX location_partner_contact ON location_partner(contact_id);
CREATE INDEX location_partner_substitute ON location_partner(substitute_id);
CREATE INDEX location_partner_history_partner ON location_partner_history(location_partner_id)
""",
    )


INITIAL_SCHEMA = """
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE location (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL CHECK (type IN ('kinderopvang','voorschool','PO','VO','MBO','SO')),
    address TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    frequency_weeks INTEGER NOT NULL DEFAULT 6 CHECK (frequency_weeks BETWEEN 1 AND 52),
    composition TEXT NOT NULL DEFAULT '',
    working_agreements TEXT NOT NULL DEFAULT '',
    retention_months INTEGER NOT NULL DEFAULT 24,
    archived_on TEXT
);
CREATE TABLE organisation_type (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type_id INTEGER NOT NULL REFERENCES organisation_type(id) ON DELETE RESTRICT,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contact_person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
    function TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    availability TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    left_on TEXT
);
CREATE INDEX contact_person_organisation ON contact_person(organisation_id);
CREATE TABLE location_partner (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('structureel','incidenteel')),
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
    contact_id INTEGER REFERENCES contact_person(id) ON DELETE RESTRICT,
    substitute_id INTEGER REFERENCES contact_person(id) ON DELETE RESTRICT,
    mandate_category TEXT NOT NULL DEFAULT '',
    mandate_description TEXT NOT NULL DEFAULT '',
    mandate_valid_from TEXT,
    mandate_valid_until TEXT,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX location_partner_location ON location_partner(location_id);
CREATE TABLE location_partner_history (
    id INTEGER PRIMARY KEY,
    location_partner_id INTEGER NOT NULL REFERENCES location_partner(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact_person(id) ON DELETE RESTRICT,
    substitute_id INTEGER REFERENCES contact_person(id) ON DELETE RESTRICT,
    valid_until TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE child (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE RESTRICT,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    group_name TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    archived_on TEXT
);
CREATE INDEX child_location ON child(location_id);
CREATE INDEX child_name ON child(last_name, first_name);
CREATE TABLE guardian (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    relation TEXT NOT NULL DEFAULT 'ouder',
    has_authority INTEGER NOT NULL DEFAULT 1,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    preferred_language TEXT NOT NULL DEFAULT 'Nederlands',
    needs_interpreter INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guardian_child ON guardian(child_id);
CREATE TABLE consent (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    giver TEXT NOT NULL CHECK (giver IN ('ouder','kind')),
    guardian_id INTEGER REFERENCES guardian(id) ON DELETE RESTRICT,
    given_on TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('schriftelijk','mondeling')),
    for_discussion INTEGER NOT NULL DEFAULT 1,
    for_transfer INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT,
    withdrawal_note TEXT NOT NULL DEFAULT '',
    CHECK ((giver = 'ouder') = (guardian_id IS NOT NULL))
);
CREATE INDEX consent_child ON consent(child_id);
CREATE TABLE consent_organisation (
    consent_id INTEGER NOT NULL REFERENCES consent(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE RESTRICT,
    PRIMARY KEY (consent_id, organisation_id)
);
CREATE TABLE child_case (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    signal_date TEXT NOT NULL,
    signal_source TEXT NOT NULL,
    signal_by TEXT NOT NULL DEFAULT '',
    hulpvraag TEXT NOT NULL DEFAULT '',
    strengths TEXT NOT NULL DEFAULT '',
    concerns TEXT NOT NULL DEFAULT '',
    regie_holder TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT 'start' CHECK (phase IN ('start','uitvoering','afsluiting')),
    closed_on TEXT,
    closing_reason TEXT CHECK (closing_reason IS NULL OR closing_reason IN ('opgelost','overgedragen'))
);
CREATE INDEX child_case_child ON child_case(child_id);
CREATE TABLE case_event (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES child_case(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agenda_template_item (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 120)
);
CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE RESTRICT,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    chair_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland','gehouden','geannuleerd'))
);
CREATE INDEX meeting_location_date ON meeting(location_id, date);
CREATE TABLE discussion (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE RESTRICT,
    slot_start TEXT NOT NULL,
    slot_minutes INTEGER NOT NULL DEFAULT 30,
    status TEXT NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland','bezig','vastgesteld','afgemeld')),
    current_item_id INTEGER,
    parents_absent_reason TEXT NOT NULL DEFAULT '',
    parents_absent_consent INTEGER NOT NULL DEFAULT 0,
    evaluation_date TEXT,
    finalised_at TEXT,
    finalised_by TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, child_id)
);
CREATE INDEX discussion_child ON discussion(child_id);
CREATE TABLE participant (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ouder','kind','school','partner')),
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    guardian_id INTEGER REFERENCES guardian(id) ON DELETE SET NULL,
    location_partner_id INTEGER REFERENCES location_partner(id) ON DELETE SET NULL,
    contact_id INTEGER REFERENCES contact_person(id) ON DELETE SET NULL,
    attendance TEXT NOT NULL DEFAULT 'onbekend' CHECK (attendance IN ('onbekend','aanwezig','afwezig','later')),
    absence_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participant_discussion ON participant(discussion_id);
CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    seconds_spent INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_item_discussion ON agenda_item(discussion_id);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    visibility TEXT NOT NULL DEFAULT 'gedeeld' CHECK (visibility IN ('gedeeld','intern')),
    perspective TEXT NOT NULL DEFAULT '',
    updated_at TEXT
);
CREATE INDEX note_item ON note(agenda_item_id);
CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    location_partner_id INTEGER REFERENCES location_partner(id) ON DELETE SET NULL,
    decided_by TEXT NOT NULL,
    organisation TEXT NOT NULL,
    mandate_text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'definitief' CHECK (status IN ('definitief','voorlopig')),
    parents_position TEXT NOT NULL DEFAULT 'niet_gevraagd',
    parents_words TEXT NOT NULL DEFAULT '',
    child_position TEXT NOT NULL DEFAULT 'niet_gevraagd',
    child_words TEXT NOT NULL DEFAULT '',
    confirmed_on TEXT,
    confirmed_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decision_discussion ON decision(discussion_id);
CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    discussion_id INTEGER REFERENCES discussion(id) ON DELETE SET NULL,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('partner','ouder','kind','school')),
    owner_name TEXT NOT NULL,
    description TEXT NOT NULL,
    due_date TEXT,
    evaluation_date TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','gedaan','niet_gedaan','loopt_door','gewijzigd')),
    outcome_note TEXT NOT NULL DEFAULT '',
    outcome_discussion_id INTEGER REFERENCES discussion(id) ON DELETE SET NULL,
    decision_id INTEGER REFERENCES decision(id) ON DELETE SET NULL
);
CREATE INDEX agreement_child ON agreement(child_id);
CREATE INDEX agreement_status_due ON agreement(status, due_date);
CREATE TABLE addendum (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    target_id INTEGER,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_record ON audit_log(table_name, record_id)
"""


@MIGRATIONS(name="0004_transfer")
def _transfer(db: Database) -> None:
    """Overdrachtsdossiers van een vorige locatie (doorgaande lijn), bewaard als geschiedenis."""
    _run(
        db,
        """
CREATE TABLE transfer_history (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    source_location TEXT NOT NULL,
    source_type TEXT NOT NULL DEFAULT '',
    exported_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    format_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX transfer_history_child ON transfer_history(child_id);
CREATE UNIQUE INDEX transfer_history_once ON transfer_history(child_id, sha256)
""",
    )


@MIGRATIONS(name="0006_outcomes")
def _outcomes(db: Database) -> None:
    """Indexes for the follow-up of agreements: the Afspraken overview over 100,000 agreements
    filters, counts and groups from covering indexes without reading the table itself."""
    _run(
        db,
        """
CREATE INDEX agreement_child_cover ON agreement(child_id, status, due_date, owner_kind, owner_name);
CREATE INDEX agreement_overview ON agreement(status, due_date, child_id);
CREATE INDEX agreement_outcome_discussion ON agreement(outcome_discussion_id);
CREATE INDEX agreement_discussion ON agreement(discussion_id);
CREATE INDEX agreement_decision ON agreement(decision_id);
CREATE INDEX addendum_discussion ON addendum(discussion_id)
""",
    )


@MIGRATIONS(name="0007_contact_mobile")
def _contact_mobile(db: Database) -> None:
    """A contact's mobile number beside the work number (Outlook's Mobile Phone was dropped before)."""
    _run(db, "ALTER TABLE contact_person ADD COLUMN mobile TEXT NOT NULL DEFAULT ''")


# Accent-folded search (Kinderen, Afspraken): FTS5 trigram indexes over names and texts as
# ``kp_fold`` folds them (‘Anaïs’ → ‘anais’, ‘Yılmaz’ → ‘yilmaz’), kept current by triggers. Every
# connection registers kp_fold before migrating (``database._configure``).
@MIGRATIONS(name="0008_search_index")
def _search_index(db: Database) -> None:
    for statement in (
        # Children: the folded name in a column too, so one or two typed letters (no trigram yet) walk
        # one covering index in the list's order and stop after the rows shown.
        "ALTER TABLE child ADD COLUMN search_name TEXT NOT NULL DEFAULT ''",
        "UPDATE child SET search_name = kp_fold(first_name || ' ' || last_name)",
        "CREATE INDEX child_name_search ON child(last_name COLLATE NOCASE, first_name COLLATE NOCASE, search_name)",
        "CREATE VIRTUAL TABLE child_search USING fts5(name, tokenize = 'trigram')",
        "INSERT INTO child_search(rowid, name) SELECT id, search_name FROM child",
        """CREATE TRIGGER child_search_insert AFTER INSERT ON child BEGIN
            UPDATE child SET search_name = kp_fold(new.first_name || ' ' || new.last_name) WHERE id = new.id;
            INSERT INTO child_search(rowid, name) VALUES (new.id, kp_fold(new.first_name || ' ' || new.last_name));
        END""",
        """CREATE TRIGGER child_search_update AFTER UPDATE OF first_name, last_name ON child BEGIN
            UPDATE child SET search_name = kp_fold(new.first_name || ' ' || new.last_name) WHERE id = new.id;
            DELETE FROM child_search WHERE rowid = old.id;
            INSERT INTO child_search(rowid, name) VALUES (new.id, kp_fold(new.first_name || ' ' || new.last_name));
        END""",
        """CREATE TRIGGER child_search_delete AFTER DELETE ON child BEGIN
            DELETE FROM child_search WHERE rowid = old.id;
        END""",
        "CREATE VIRTUAL TABLE agreement_search USING fts5(description, owner, tokenize = 'trigram')",
        "INSERT INTO agreement_search(rowid, description, owner) "
        "SELECT id, kp_fold(description), kp_fold(owner_name) FROM agreement",
        """CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreement BEGIN
            INSERT INTO agreement_search(rowid, description, owner)
            VALUES (new.id, kp_fold(new.description), kp_fold(new.owner_name));
        END""",
        """CREATE TRIGGER agreement_search_update AFTER UPDATE OF description, owner_name ON agreement BEGIN
            DELETE FROM agreement_search WHERE rowid = old.id;
            INSERT INTO agreement_search(rowid, description, owner)
            VALUES (new.id, kp_fold(new.description), kp_fold(new.owner_name));
        END""",
        """CREATE TRIGGER agreement_search_delete AFTER DELETE ON agreement BEGIN
            DELETE FROM agreement_search WHERE rowid = old.id;
        END""",
    ):
        db.execute(statement)


@MIGRATIONS(name="0008_privacy")
def _privacy(db: Database) -> None:
    """AVG: counts of erased children's records, kept for monitoring without names (see docs/privacy.md).

    Also blanks the detail of older audit entries about a child's records: before this version
    they could hold names and texts (a child's full name, a decision's text), which must not
    survive an erasure. Must run before the audit log becomes append-only (hash chain)."""
    _run(
        db,
        """
CREATE TABLE monitoring_tally (
    location_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    measure TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (location_id, year, measure)
);
UPDATE audit_log SET detail = '' WHERE table_name IN
    ('child', 'guardian', 'consent', 'child_case', 'agreement', 'decision', 'addendum', 'document', 'transfer_history')
    AND detail != ''
""",
    )
    # The whole discussion row's detail is not personal, except when a discussion was finalised.
    db.execute("UPDATE audit_log SET detail = '' WHERE action = 'bespreking vastgesteld'")


@MIGRATIONS(name="0009_inzage")
def _inzage(db: Database) -> None:
    """Inzage exports (AVG art. 15) and the passages the chair withheld, each with its reason."""
    _run(
        db,
        """
CREATE TABLE inzage_export (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    json_sha256 TEXT NOT NULL
);
CREATE INDEX inzage_export_child ON inzage_export(child_id);
CREATE TABLE inzage_withholding (
    id INTEGER PRIMARY KEY,
    export_id INTEGER NOT NULL REFERENCES inzage_export(id) ON DELETE CASCADE,
    note_id INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX inzage_withholding_export ON inzage_withholding(export_id)
""",
    )


@MIGRATIONS(name="0010_avg_requests")
def _avg_requests(db: Database) -> None:
    """Parents' requests (correction, removal, objection) with the decision on them, and corrections
    with the old value. Both belong to the child and go with it when it is erased."""
    _run(
        db,
        """
CREATE TABLE avg_request (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('correctie','verwijdering','bezwaar')),
    case_id INTEGER REFERENCES child_case(id) ON DELETE SET NULL,
    requested_by TEXT NOT NULL CHECK (length(trim(requested_by)) > 0),
    requested_on TEXT NOT NULL,
    about TEXT NOT NULL CHECK (length(trim(about)) > 0),
    decision TEXT CHECK (decision IS NULL OR decision IN ('toegewezen','deels','afgewezen')),
    decision_note TEXT NOT NULL DEFAULT '',
    decided_on TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL
);
CREATE INDEX avg_request_child ON avg_request(child_id);
CREATE TABLE correction (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES avg_request(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    corrected_at TEXT NOT NULL,
    corrected_by TEXT NOT NULL
);
CREATE INDEX correction_child ON correction(child_id)
""",
    )


@MIGRATIONS(name="0020_regional_signing_key")
def _regional_signing_key(db: Database) -> None:
    """Regionaal adresboek: the coordinator's Ed25519 key pair, kept inside the encrypted database."""
    _run(
        db,
        """
CREATE TABLE regional_signing_key (
    id INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    retired_at TEXT
)
""",
    )


# Registered after the migrations above, in order (a module of its own to keep this one short).
from . import schema_record  # noqa: E402,F401


@MIGRATIONS(name="monitoring_0001_offers")
def _monitoring_offers(db: Database) -> None:
    """Sociale kaart per locatie (aanbod met preventieniveau) and which offer a decision or an
    agreement uses, so monitoring can count referrals per organisation and level."""
    _run(
        db,
        """
CREATE TABLE offer (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES location(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
    level TEXT NOT NULL CHECK (level IN ('universeel','selectief','geindiceerd')),
    target_group TEXT NOT NULL DEFAULT '',
    age_from INTEGER CHECK (age_from IS NULL OR age_from BETWEEN 0 AND 30),
    age_to INTEGER CHECK (age_to IS NULL OR age_to BETWEEN 0 AND 30),
    how_to_refer TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    archived_on TEXT,
    UNIQUE (location_id, name)
);
CREATE INDEX offer_organisation ON offer(organisation_id);
ALTER TABLE decision ADD COLUMN offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL;
ALTER TABLE agreement ADD COLUMN offer_id INTEGER REFERENCES offer(id) ON DELETE SET NULL;
CREATE INDEX decision_offer ON decision(offer_id);
CREATE INDEX agreement_offer ON agreement(offer_id)
""",
    )


# The parents' letter (issue 17), the knooppunt cycle (issue 18) and erased children's share of the
# Monitoring indicators (0040): modules of their own, registered after the migrations above (they do
# not depend on each other).
from . import schema_cycle, schema_letter, schema_monitoring  # noqa: E402,F401
