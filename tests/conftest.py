"""Shared fixtures: real, encrypted temporary databases with all migrations applied."""

from __future__ import annotations

import gc
import logging
import os
from datetime import date, datetime

import pytest

# Headless Qt for every test, set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Deterministic Dutch formatting regardless of the machine.
os.environ.setdefault("LANG", "nl_NL.UTF-8")

from knooppunt.composition import Services, open_services
from knooppunt.services.demo import build_demo
from ui.garbage import collect_if_due

# The real PostgreSQL server (pg_server, pg_database): tests/support/pg_fixtures.py.
pytest_plugins = ("tests.support.pg_fixtures", "tests.support.memory_keyring")  # fixtures: the test server, the keyring

# Tests derive keys with fewer PBKDF2 rounds so the suite stays fast; the app uses SQLCipher's default.
TEST_KDF_ITER = 4000
PASSPHRASE = "correct paard batterij niet"
TODAY = date(2026, 11, 23)


def pytest_configure(config):
    # As in the app (ui/garbage.py): no automatic cycle collection at arbitrary moments, but
    # collection at a quiet point, here between tests.
    gc.disable()


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests():
    yield
    collect_if_due()


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(request):
    """A log record at WARNING or above fails the test, unless the test expects it: marked
    ``expect_log``, or it takes ``caplog`` and checks the records itself (as qutebrowser's logfail)."""
    collected = _Collected()
    root = logging.getLogger()
    root.addHandler(collected)
    yield
    root.removeHandler(collected)
    if request.node.get_closest_marker("expect_log") or "caplog" in request.fixturenames:
        return
    if collected.records:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in collected.records)
        pytest.fail(f"Unexpected log records (mark the test expect_log if they belong to it):\n{lines}")


class FixedClock:
    def __init__(self, now: datetime = datetime(2026, 11, 23, 9, 30)) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "knooppunt.db"


@pytest.fixture
def clock():
    return FixedClock()


@pytest.fixture
def services(db_path, clock) -> Services:
    """An empty, encrypted database with the current schema, and the services on it."""
    services = open_services(db_path, PASSPHRASE, create=True, kdf_iter=TEST_KDF_ITER, clock=clock,
                             actor="Test Gebruiker")
    yield services
    services.close()


@pytest.fixture
def demo_services(services) -> Services:
    """The demo database (one location, six children, a held and an upcoming meeting)."""
    build_demo(services, today=TODAY)
    return services


@pytest.fixture
def services_factory(tmp_path, clock):
    """More empty databases, as on another laptop: ``make()`` opens one, all are closed afterwards."""
    opened = []

    def make():
        other = open_services(tmp_path / f"laptop{len(opened)}.db", PASSPHRASE, create=True,
                              kdf_iter=TEST_KDF_ITER, clock=clock, actor="Tweede Laptop")
        opened.append(other)
        return other

    yield make
    for other in opened:
        other.close()
