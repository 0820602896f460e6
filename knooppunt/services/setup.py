"""First run (eerste start): a new encrypted database with the user's profile and first location."""

from __future__ import annotations

from pathlib import Path

from ..domain.directory import Location
from ..domain.enums import Role
from ..errors import KnooppuntError
from ..storage.database import MIN_PASSPHRASE_LENGTH
from .container import Services, open_services


def check_new_passphrase(passphrase: str, repeated: str) -> str | None:
    """Dutch reason why this passphrase cannot be used, or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_LENGTH} tekens; een korte zin werkt goed."
    if passphrase != repeated:
        return "De twee wachtwoordzinnen zijn niet gelijk."
    return None


def first_run(
    path: Path,
    *,
    passphrase: str,
    user_name: str,
    role: Role,
    location: Location | None,
    kdf_iter: int | None = None,
) -> Services:
    """Create the database; if the profile or location is refused, no file is left behind."""
    problem = check_new_passphrase(passphrase, passphrase)
    if problem:
        raise KnooppuntError(problem)
    services = open_services(path, passphrase, create=True, kdf_iter=kdf_iter)
    try:
        services.profile.save(user_name, role)
        if location is not None and location.name.strip():
            services.locations.create_location(location)
    except BaseException:
        services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return services
