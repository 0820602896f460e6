"""Server passwords in the operating system's keyring (``keyring``), never in a file of ours.

Where no keyring is available (a server without a desktop session) nothing is stored: the program
asks for the password at start and forgets it on exit.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

from .connection import ServerAddress

SERVICE = "knooppunt-server"


def stored_password(address: ServerAddress) -> str | None:
    try:
        return keyring.get_password(SERVICE, address.describe())
    except KeyringError:
        return None  # no usable keyring: the caller asks


def store_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the keyring; False when there is no keyring to keep it in."""
    try:
        keyring.set_password(SERVICE, address.describe(), password)
    except KeyringError:
        return False
    return True

