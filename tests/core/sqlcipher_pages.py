"""Reading an SQLCipher 4 file page by page, as an attacker with the passphrase would.

SQLCipher 4's documented format: the first 16 bytes of the file are the KDF salt; the key is
PBKDF2-HMAC-SHA512(passphrase, salt, kdf_iter) (32 bytes); each page (4096 bytes) is
AES-256-CBC encrypted except its last 80 bytes (reserve: 16-byte IV, then a 64-byte HMAC);
page 1's first 16 bytes hold the salt instead of ciphertext. WAL frames (24-byte header + page)
carry pages encrypted the same way.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
SQLITE_HEADER = b"SQLite format 3\x00"


def derive_key(path: Path, passphrase: str, kdf_iter: int) -> bytes:
    salt = Path(path).read_bytes()[:16]
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, kdf_iter, 32)


def decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    start = 16 if number == 1 else 0
    iv = page[PAGE_SIZE - RESERVE:PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(page[start:PAGE_SIZE - RESERVE]) + decryptor.finalize()
    return (SQLITE_HEADER if number == 1 else b"") + plain


def database_pages(path: Path, key: bytes) -> Iterator[tuple[int, bytes]]:
    """Every page of the main file, free pages included: (page number, plaintext)."""
    data = Path(path).read_bytes()
    assert len(data) % PAGE_SIZE == 0
    for index in range(len(data) // PAGE_SIZE):
        yield index + 1, decrypt_page(key, data[index * PAGE_SIZE:(index + 1) * PAGE_SIZE], index + 1)


def wal_frames(path: Path, key: bytes) -> Iterator[tuple[int, bytes]]:
    """Every frame in the WAL file (if any): (page number, plaintext)."""
    wal = Path(f"{path}-wal")
    data = wal.read_bytes() if wal.exists() else b""
    offset = 32
    while offset + 24 + PAGE_SIZE <= len(data):
        (number,) = struct.unpack(">I", data[offset:offset + 4])
        page = data[offset + 24:offset + 24 + PAGE_SIZE]
        yield number, decrypt_page(key, page, number)
        offset += 24 + PAGE_SIZE


def plaintext_of_file(path: Path, passphrase: str, kdf_iter: int) -> list[bytes]:
    """All decrypted pages of the database and its WAL; page 1 is checked to prove the key is right."""
    key = derive_key(path, passphrase, kdf_iter)
    pages = [page for _, page in database_pages(path, key)]
    first = pages[0]
    # The SQLite header of a correctly decrypted page 1: page size 4096 and 80 reserved bytes.
    assert first[16:18] == struct.pack(">H", PAGE_SIZE) and first[20] == RESERVE, "wrong key or format"
    return pages + [page for _, page in wal_frames(path, key)]
