"""First run (eerste start): what a new passphrase must be. Creating the database: composition.first_run."""

from __future__ import annotations

from ..storage.database import MIN_PASSPHRASE_LENGTH


def check_new_passphrase(passphrase: str, repeated: str) -> str | None:
    """Dutch reason why this passphrase cannot be used, or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_LENGTH} tekens; een korte zin werkt goed."
    if passphrase != repeated:
        return "De twee wachtwoordzinnen zijn niet gelijk."
    return None
