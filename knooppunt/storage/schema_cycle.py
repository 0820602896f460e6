"""Migration 0030: the whole knooppunt cycle (issue 18).

- ``case_intake``: the aanmelding of a case — what was noticed, the parents' words, whether the
  parents have been spoken to (the step before their consent).
- ``location_partner`` gets an age / school-group range (``range_set`` = 0: the default by role).
- ``child_partner_choice``: the chair adds or removes a partner for one child, with the reason.
- ``case_plan`` (safety check, regiehouder), ``case_goal`` (+ ``case_goal_agreement``) and
  ``goal_evaluation``: the plan van aanpak and its evaluation per meeting.
- ``case_closing``: the parents' and child's judgement, scale scores, what to do when questions return.
- ``location_cycle``: region, werkafspraken as numbers, the norm for waiting aanmeldingen.
- ``school_holiday``: the regional school holidays (seeded from resources/schoolvakanties.csv).

The free-text ``child_case.regie_holder`` is migrated into ``case_plan``: "ouder(s)" or a
parent's name becomes that parent, a directory person's name that person; anything else is
kept as the plan's ``regie_note``. The column itself stays (older code and transfers read it).
"""

from __future__ import annotations

from sqlite_utils import Database

from .schema import MIGRATIONS, _run


@MIGRATIONS(name="0030_cycle")
def _cycle(db: Database) -> None:
    _run(db, _TABLES)
    _migrate_regie(db)


_TABLES = """
CREATE TABLE case_intake (
    case_id INTEGER PRIMARY KEY REFERENCES child_case(id) ON DELETE CASCADE,
    noticed TEXT NOT NULL DEFAULT '',
    parents_words TEXT NOT NULL DEFAULT '',
    parents_spoken INTEGER NOT NULL DEFAULT 0,
    parents_spoken_on TEXT,
    registered_on TEXT NOT NULL,
    registered_by TEXT NOT NULL DEFAULT ''
);
ALTER TABLE location_partner ADD COLUMN range_set INTEGER NOT NULL DEFAULT 0;
ALTER TABLE location_partner ADD COLUMN age_min INTEGER;
ALTER TABLE location_partner ADD COLUMN age_max INTEGER;
ALTER TABLE location_partner ADD COLUMN group_min INTEGER;
ALTER TABLE location_partner ADD COLUMN group_max INTEGER;
CREATE TABLE child_partner_choice (
    id INTEGER PRIMARY KEY,
    child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
    location_partner_id INTEGER NOT NULL REFERENCES location_partner(id) ON DELETE CASCADE,
    choice TEXT NOT NULL CHECK (choice IN ('erbij','niet')),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    decided_on TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT
);
CREATE INDEX child_partner_choice_child ON child_partner_choice(child_id);
CREATE TABLE case_plan (
    case_id INTEGER PRIMARY KEY REFERENCES child_case(id) ON DELETE CASCADE,
    safety TEXT NOT NULL DEFAULT '' CHECK (safety IN ('','veilig','zorgen')),
    safety_note TEXT NOT NULL DEFAULT '',
    safety_checked_on TEXT,
    regie_kind TEXT NOT NULL DEFAULT '' CHECK (regie_kind IN ('','persoon','ouder')),
    regie_contact_id INTEGER REFERENCES contact_person(id) ON DELETE SET NULL,
    regie_guardian_id INTEGER REFERENCES guardian(id) ON DELETE SET NULL,
    regie_agreed_on TEXT,
    regie_note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE case_goal (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES child_case(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    who_does TEXT NOT NULL DEFAULT '',
    progress_sign TEXT NOT NULL DEFAULT '',
    discussion_id INTEGER REFERENCES discussion(id) ON DELETE SET NULL,
    created_on TEXT NOT NULL
);
CREATE INDEX case_goal_case ON case_goal(case_id, position);
CREATE TABLE case_goal_agreement (
    goal_id INTEGER NOT NULL REFERENCES case_goal(id) ON DELETE CASCADE,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, agreement_id)
);
CREATE TABLE goal_evaluation (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES case_goal(id) ON DELETE CASCADE,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    result TEXT NOT NULL CHECK (result IN ('bereikt','deels','niet')),
    words TEXT NOT NULL CHECK (length(trim(words)) > 0),
    on_date TEXT NOT NULL,
    UNIQUE (goal_id, discussion_id)
);
CREATE TABLE case_closing (
    case_id INTEGER PRIMARY KEY REFERENCES child_case(id) ON DELETE CASCADE,
    parents_judgement TEXT NOT NULL CHECK (parents_judgement IN ('ja','deels','nee')),
    parents_words TEXT NOT NULL DEFAULT '',
    child_words TEXT NOT NULL DEFAULT '',
    parents_before INTEGER CHECK (parents_before BETWEEN 0 AND 10),
    parents_after INTEGER CHECK (parents_after BETWEEN 0 AND 10),
    team_before INTEGER CHECK (team_before BETWEEN 0 AND 10),
    team_after INTEGER CHECK (team_after BETWEEN 0 AND 10),
    when_questions TEXT NOT NULL CHECK (length(trim(when_questions)) > 0),
    recorded_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE location_cycle (
    location_id INTEGER PRIMARY KEY REFERENCES location(id) ON DELETE CASCADE,
    region TEXT NOT NULL DEFAULT 'zuid' CHECK (region IN ('noord','midden','zuid')),
    agenda_days_before INTEGER NOT NULL DEFAULT 7 CHECK (agenda_days_before BETWEEN 0 AND 60),
    letter_working_days INTEGER NOT NULL DEFAULT 2 CHECK (letter_working_days BETWEEN 0 AND 30),
    intake_norm_days INTEGER NOT NULL DEFAULT 14 CHECK (intake_norm_days BETWEEN 1 AND 365),
    scale_enabled INTEGER NOT NULL DEFAULT 1,
    consent_months INTEGER NOT NULL DEFAULT 12 CHECK (consent_months BETWEEN 1 AND 60)
);
CREATE TABLE school_holiday (
    id INTEGER PRIMARY KEY,
    region TEXT NOT NULL CHECK (region IN ('noord','midden','zuid')),
    name TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX school_holiday_region ON school_holiday(region, first_day);
CREATE INDEX consent_given_on ON consent(given_on, withdrawn_on);
CREATE INDEX child_case_phase ON child_case(phase, child_id);
CREATE INDEX document_discussion_kind ON document(discussion_id, kind)
"""


def _migrate_regie(db: Database) -> None:
    rows = db.execute("SELECT id, child_id, regie_holder FROM child_case WHERE trim(regie_holder) != ''").fetchall()
    for case_id, child_id, holder in rows:
        text = holder.strip()
        guardian = db.execute(
            "SELECT id FROM guardian WHERE child_id = ? AND (lower(name) = lower(?) OR lower(?) IN "
            "('ouder', 'ouders', 'moeder', 'vader') AND has_authority) ORDER BY lower(name) != lower(?), id LIMIT 1",
            [child_id, text, text, text]).fetchone()
        person = None if guardian else db.execute(
            "SELECT id FROM contact_person WHERE lower(name) = lower(?) ORDER BY id LIMIT 1", [text]).fetchone()
        kind = "ouder" if guardian else "persoon" if person else ""
        db.execute(
            "INSERT INTO case_plan (case_id, regie_kind, regie_guardian_id, regie_contact_id, regie_note) "
            "VALUES (?, ?, ?, ?, ?)",
            [case_id, kind, guardian[0] if guardian else None, person[0] if person else None,
             "" if kind else text])
