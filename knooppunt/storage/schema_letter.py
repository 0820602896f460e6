"""Migration 0017: the parents' letter (issue 17).

- ``guardian.lives_apart``: a parent with gezag who lives apart gets a letter of their own, also when
  no (different) address is recorded.
- ``parent_input``: what parents bring *before* the meeting (their answers to the invitation's
  "Wat wilt u bespreken?" and "Wat gaat goed?"), per discussion and agenda kind.
"""

from __future__ import annotations

from sqlite_utils import Database

from .schema import MIGRATIONS, _run


@MIGRATIONS(name="0017_parents_letter")
def _parents_letter(db: Database) -> None:
    _run(
        db,
        """
ALTER TABLE guardian ADD COLUMN lives_apart INTEGER NOT NULL DEFAULT 0;
CREATE TABLE parent_input (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussion(id) ON DELETE CASCADE,
    agenda_kind TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    given_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX parent_input_discussion ON parent_input(discussion_id)
""",
    )
