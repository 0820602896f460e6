"""Unlocking: opening the encrypted database with SQLCipher's default (deliberately slow) key
derivation, against opening an unencrypted copy of the same rows with plain sqlite3."""

from __future__ import annotations

import sqlite3

from knooppunt.storage import open_database

from . import REPORT, Context, Result, timed


def _unlock(ctx: Context) -> None:
    open_database(ctx.database, ctx.passphrase).close()


def _plain_open(ctx: Context) -> None:
    conn = sqlite3.connect(ctx.plain_database)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def measure(ctx: Context) -> list[Result]:
    result = Result("unlock (open_database, default KDF)", "ms", "sqlite3 open, unencrypted copy", REPORT)
    for _ in range(ctx.runs):
        result.baseline_samples += timed(lambda: _plain_open(ctx), 1)
        result.samples += timed(lambda: _unlock(ctx), 1)
    return [result]
