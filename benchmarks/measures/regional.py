"""Regionaal adresboek: a pull through a real Datasette over HTTPS of the generator's directory
(50 locations, 2,000 contacts at full size), against the same publication read from the local
file — both verified, planned (the preview) and applied into an empty laptop database.

Needs the test extras (datasette, trustme). The directory is made from the generator's own
directory rows, so the measure does not need the children and meetings of the big database.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import Context, Result, Target

if TYPE_CHECKING:
    from knooppunt.composition import Services

TARGET = Target(5, "value", "s")


def _coordinator(ctx: Context) -> Path:
    from knooppunt.storage import create_database

    from ..generator import SIZES, _bulk, _Rows

    path = ctx.workdir / "regional-coordinator.db"
    path.unlink(missing_ok=True)
    db = create_database(path, ctx.passphrase)
    try:
        rows = _Rows(SIZES[ctx.size], random.Random(20261123))
        for table, columns, values in rows._directory():  # type: ignore[no-untyped-call]
            _bulk(db, table, columns, values)
        _bulk(db, "setting", ("key", "value"), [("user_name", "Regiocoördinator (benchmark)")])
        # The generator's "06 9…" numbers do not exist (06 1…–06 5… do); the directory import,
        # like a regional update, refuses them, so they are made valid here.
        with db.atomic():
            for table in ("organisation", "contact_person", "location"):
                db.execute(f"UPDATE [{table}] SET phone = '06 ' || (1 + CAST(substr(phone, 4, 1) AS INTEGER) % 5) "
                           "|| substr(phone, 5) WHERE phone LIKE '06 %'")
    finally:
        db.close()
    return path


def _laptop(ctx: Context, run: int, kind: str) -> Services:
    from knooppunt.composition import open_services

    return open_services(ctx.workdir / f"regional-laptop-{kind}-{run}.db", ctx.passphrase, create=True)


def measure(ctx: Context) -> list[Result]:
    from knooppunt.composition import open_services
    from knooppunt.regional.publication import TABLES, Publication
    from knooppunt.storage.regional_file import read_publication_rows
    from tests.regional_server import DatasetteServer

    coordinator = open_services(_coordinator(ctx), ctx.passphrase)
    try:
        public, _ = coordinator.regional_publisher.make_key()
        published = coordinator.regional_publisher.publish(ctx.workdir / "regio.db")
    finally:
        coordinator.close()
    result = Result("regional directory pull (Datasette, HTTPS)", "s",
                    "same publication from the local file", TARGET)
    server = DatasetteServer.start(published.path, ctx.workdir / "datasette")
    try:
        for run in range(ctx.runs):
            laptop = _laptop(ctx, run, "pull")
            try:
                started = time.perf_counter()
                plan = laptop.regional.plan(laptop.regional.fetch(url=server.url, cafile=server.cafile),
                                            public_key=public)
                laptop.regional.apply(plan)
                result.samples.append(time.perf_counter() - started)
            finally:
                laptop.close()
            laptop = _laptop(ctx, run, "file")
            try:
                started = time.perf_counter()
                tables, meta = read_publication_rows(published.path, list(TABLES))
                file_plan = laptop.regional.plan(Publication(tables, meta), public_key=public)
                laptop.regional.apply(file_plan)
                result.baseline_samples.append(time.perf_counter() - started)
            finally:
                laptop.close()
    finally:
        server.stop()
    result.note = (f"{published.locations} locations, {published.contacts} contacts, "
                   f"{len(plan.changes)} differences in the preview; applied all or nothing")
    return [result]
