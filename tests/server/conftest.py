"""The server tests' keyring: in memory (the program's is the operating system's)."""

from __future__ import annotations

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
