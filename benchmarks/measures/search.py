"""Search-as-you-type over children and contacts: the time per keystroke through the service
the UI uses, against the same SQL run directly on the connection.

Each keystroke is one query for what has been typed so far (a whole name, letter by letter).
"""

from __future__ import annotations

from collections.abc import Callable

from . import NOT_AVAILABLE, Context, Result, Target, open_services, timed
from .sql_replay import captured_reads, replay

SEARCH_LIMIT = 50  # rows the contact search asks for
TARGET = Target(20, "value", "ms")
CHILD_NAMES_SQL = "SELECT first_name || ' ' || last_name AS name FROM child ORDER BY id"
CONTACT_SQL = (
    "SELECT * FROM contact_person WHERE name LIKE ? AND left_on IS NULL ORDER BY name COLLATE NOCASE LIMIT ?"
)


def child_limit() -> int:
    """What the Kinderen page asks for: the rows it shows, plus one to know there are more."""
    from ui.pages.children_page import SHOWN_AT_ONCE

    return SHOWN_AT_ONCE + 1


def child_search(services) -> Callable[[str], object]:
    limit = child_limit()
    return lambda text: services.children.children(search=text, limit=limit)


def contact_search(services) -> Callable[[str], object] | None:
    """The directory search behind the Locaties & partners search box (names, organisations, roles)."""
    directory = getattr(services, "directory", None)
    if directory is None:
        return None
    return lambda text: directory.search(text, limit=SEARCH_LIMIT)


def _prefixes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1)]


def _typed(services, sql: str, index: int) -> str:
    rows = services.store.query(sql)
    return rows[index % len(rows)]["name"]


def typed_names(services, runs: int) -> list[str]:
    """One child's full name per run, the same in every run of the same database."""
    return [_typed(services, CHILD_NAMES_SQL, 7919 * (run + 1)) for run in range(runs)]


def _measure_search(result: Result, store, search, words: list[str]) -> None:
    for prefix in (p for word in words for p in _prefixes(word)):
        statements = captured_reads(store, lambda prefix=prefix: search(prefix))  # also warms the cache
        result.samples += timed(lambda prefix=prefix: search(prefix), 1)
        result.baseline_samples += timed(replay(store, statements), 1)


def measure(ctx: Context) -> list[Result]:
    services = open_services(ctx)
    store = services.store
    try:
        children = Result("search children, per keystroke", "ms", "same SQL on the connection", TARGET)
        contacts = Result("search contacts, per keystroke", "ms", "same SQL on the connection", TARGET)
        for run, word in enumerate(typed_names(services, ctx.runs)):
            _measure_search(children, store, child_search(services), [word])
            contact = _typed(services, "SELECT name FROM contact_person ORDER BY id", 131 * (run + 1))
            search = contact_search(services)
            if search is not None:
                _measure_search(contacts, store, search, [contact])
            else:
                for prefix in _prefixes(contact):
                    params = [f"%{prefix}%", SEARCH_LIMIT]
                    contacts.baseline_samples += timed(lambda params=params: store.query(CONTACT_SQL, params), 1)
        children.note = f"worst keystroke {max(children.samples):.1f} ms; limit {child_limit()} (as the Kinderen page)"
        if contacts.samples:
            contacts.note = f"worst keystroke {max(contacts.samples):.1f} ms; limit {SEARCH_LIMIT}"
        else:
            contacts.note = f"{NOT_AVAILABLE}: no contact search service; baseline is a LIKE query"
        return [children, contacts]
    finally:
        services.close()
