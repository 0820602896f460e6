"""Uitchecken, inchecken en overnemen: a meeting taken to a laptop for a meeting where the network
is poor, under a lease on the server (storage/postgres/checkout.py, checkin.py; docs/server.md).

Offline the laptop's file is an ordinary Knooppunt database: every service works on it as always.
On the server the meeting reads "uitgecheckt door … sinds …" and its rows refuse changes, from the
program (``ensure_writable``) and from the server itself (a trigger checks the lease).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ...dates import dutch_date
from ...errors import KnooppuntError
from ...storage.postgres import checkin, checkout
from ...storage.postgres.connection import ServerAddress, connect

Lease = checkout.Lease
Checkout = checkout.Checkout
CheckIn = checkin.CheckIn


def describe(lease: Lease) -> str:
    """``uitgecheckt door Anna de Vries sinds 23 november 2026 om 09:30``"""
    return f"uitgecheckt door {lease.holder} sinds {dutch_date(lease.since.date(), 'long')} om {lease.since:%H:%M}"


class CheckoutService:
    """One user's connection to the server (``address``, ``password``) for checking meetings out and in."""

    def __init__(self, address: ServerAddress, password: str, *, clock: Callable[[], datetime] = datetime.now,
                 kdf_iter: int | None = None) -> None:
        self._address = address
        self._password = password
        self._clock = clock
        self._kdf_iter = kdf_iter  # tests: fewer key-derivation rounds for the laptop's file

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def lease(self, meeting_id: int) -> Lease | None:
        with connect(self._address, self._password) as conn:
            return checkout.lease_of(conn, meeting_id)

    def status(self, meeting_id: int) -> str:
        """What others see of the meeting: ``uitgecheckt door … sinds …``, or empty when it is not out."""
        lease = self.lease(meeting_id)
        return describe(lease) if lease else ""

    def ensure_writable(self, meeting_id: int) -> None:
        """Refuse (Dutch) a change to a checked-out meeting before the server has to."""
        lease = self.lease(meeting_id)
        if lease is not None:
            raise KnooppuntError(f"Deze vergadering is {describe(lease)}: op de server alleen te lezen tot ze "
                                 "is ingecheckt.")

    def check_out(self, meeting_id: int, target: Path, passphrase: str, *, holder: str) -> Checkout:
        """The meeting, its children's files and the location's directory into the new file ``target``."""
        if not holder.strip():
            raise KnooppuntError("Vul uw naam in: anderen zien wie de vergadering heeft uitgecheckt.")
        return checkout.check_out(self._address, self._password, meeting_id, Path(target), passphrase,
                                  holder=holder.strip(), now=self._now(), kdf_iter=self._kdf_iter)

    def check_in(self, path: Path, passphrase: str) -> CheckIn:
        """Every change in the laptop's file back to the server in one transaction; the lease ends.
        (The file names its server and user; ``address`` of this service is not used.)"""
        return checkin.check_in(Path(path), passphrase, self._password, now=self._now(), kdf_iter=self._kdf_iter)

    @staticmethod
    def checkout_of_file(path: Path, passphrase: str, *, kdf_iter: int | None = None) -> Checkout:
        """Which server, user and meeting a laptop's file was checked out from."""
        return checkout.checkout_of_file(Path(path), passphrase, kdf_iter=kdf_iter)

    def take_over(self, meeting_id: int, *, by: str) -> str:
        """A coordinator ends another's lease (laptop lost); returns whose lease it was."""
        return checkout.take_over(self._address, self._password, meeting_id, by=by, now=self._now())
