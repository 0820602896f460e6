"""Ids from a block the server reserved, for a meeting checked out to this laptop.

At check-out the server takes a block of ids per table from its identity (``kp_reserve_ids``) and
the laptop's file keeps them in its settings (``id_block:<table>`` = ``next:last``). A row made
offline gets its id from that block, so at check-in it keeps its id (audit rows and documents that
name it stay right) and meets no id the server handed out meanwhile. An ordinary file has no
blocks, and SQLite chooses the id as always.
"""

from __future__ import annotations

from typing import Any

from ..errors import KnooppuntError

PREFIX = "id_block:"


def has_blocks(db: Any) -> bool:
    row = db.execute("SELECT 1 FROM setting WHERE key LIKE ? LIMIT 1", [PREFIX + "%"]).fetchone()
    return row is not None


def take(db: Any, table: str) -> int | None:
    """The next reserved id of ``table`` (used up in this transaction), or None without a block."""
    row = db.execute("SELECT value FROM setting WHERE key = ?", [PREFIX + table]).fetchone()
    if row is None:
        return None
    next_id, last = (int(part) for part in str(row[0]).split(":"))
    if next_id > last:
        raise KnooppuntError("De nummers die de server voor deze uitgecheckte vergadering reserveerde zijn op. "
                             "Check de vergadering in en check haar opnieuw uit.")
    db.execute("UPDATE setting SET value = ? WHERE key = ?", [f"{next_id + 1}:{last}", PREFIX + table])
    return next_id


def assign(db: Any, table: str, row: dict[str, Any]) -> None:
    """Give a new row of ``table`` its id from the table's block, if it has one."""
    if row.get("id") is None:
        reserved = take(db, table)
        if reserved is not None:
            row["id"] = reserved


def reserve(db: Any, table: str, first: int, size: int) -> None:
    db.execute("INSERT INTO setting (key, value) VALUES (?, ?)", [PREFIX + table, f"{first}:{first + size - 1}"])


def blocks(db: Any) -> dict[str, tuple[int, int]]:
    """Table -> (first, last) of each block as reserved (its first id is kept separately)."""
    found: dict[str, tuple[int, int]] = {}
    for key, value in db.execute("SELECT key, value FROM setting WHERE key LIKE ?", [PREFIX + "%"]).fetchall():
        next_id, last = (int(part) for part in str(value).split(":"))
        found[str(key)[len(PREFIX):]] = (next_id, last)
    return found
