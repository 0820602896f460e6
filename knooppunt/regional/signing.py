"""Ed25519 keys for signing a regional publication (``cryptography``, not home-made crypto).

The public key travels as base64 of its 32 raw bytes; people compare a short fingerprint by phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from ..errors import KnooppuntError


def new_key_pair() -> tuple[str, str]:
    """(private, public), both base64 of the raw key bytes."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return _b64(raw_private), public_of(_b64(raw_private))


def public_of(private_b64: str) -> str:
    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return _b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def sign(private_b64: str, message: bytes) -> str:
    return _b64(Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64)).sign(message))


def parse_public_key(text: str) -> bytes:
    """The raw 32 bytes of a pasted public key; a Dutch refusal when it is not one."""
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KnooppuntError("Dit is geen geldige publieke sleutel van de coördinator "
                             "(verwacht: 44 tekens, zoals ‘knooppunt-cli adresboek sleutel’ die toont).")
    return raw


def fingerprint(public_b64: str) -> str:
    """A short, readable fingerprint: 16 hexadecimal characters in groups of four."""
    digest = hashlib.sha256(parse_public_key(public_b64)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def is_valid(public_b64: str, signature_b64: str, message: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(parse_public_key(public_b64))
        key.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError, KnooppuntError):
        return False
    return True


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
