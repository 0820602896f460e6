"""One family of expected failures, each with a clear Dutch message for the user.

Anything that is not a ``KnooppuntError`` is a bug: logged and shown in the crash dialog.
"""

from __future__ import annotations


class KnooppuntError(Exception):
    """An expected failure (bad input, wrong passphrase, locked file) with a Dutch message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphrase(KnooppuntError):
    def __init__(self) -> None:
        super().__init__(
            "De wachtwoordzin klopt niet, of dit bestand is geen Knooppunt-database. "
            "Er is niets aan het bestand veranderd."
        )


class NewerSchema(KnooppuntError):
    def __init__(self, unknown: list[str]) -> None:
        super().__init__(
            "Deze database is gemaakt met een nieuwere versie van Knooppunt "
            f"({', '.join(unknown)}). Werk Knooppunt bij; de database is niet aangeraakt."
        )
        self.unknown = unknown


class DatabaseUnavailable(KnooppuntError):
    """The file is missing, locked by another program or not writable."""


class DatabaseDamaged(KnooppuntError):
    """SQLite found damage (a flipped byte, a file cut short): reading on would not help."""

    def __init__(self, path: object, detail: Exception | str) -> None:
        where = f"Het databasebestand {path}" if path else "Het databasebestand"
        super().__init__(
            f"{where} is beschadigd ({detail}). Er is niets aan veranderd; zet de laatste reservekopie "
            "terug (Bestand → Back-up terugzetten…, of knooppunt-cli terugzetten) of vraag uw beheerder om hulp."
        )


class DiskFull(KnooppuntError):
    """SQLite could not write: the disk (or the user's quota) is full. Nothing was saved."""

    def __init__(self) -> None:
        super().__init__(
            "De schijf is vol: er is niets opgeslagen. Maak ruimte vrij (leeg de prullenbak, verwijder grote "
            "bestanden) en probeer het opnieuw."
        )


class DatabaseBusy(DatabaseUnavailable):
    """Another program kept the database busy longer than the busy timeout."""

    def __init__(self, *, writing: bool = True) -> None:
        what = "er is niets opgeslagen" if writing else "de gegevens zijn niet gelezen"
        super().__init__(
            f"De database is bezet door een ander programma (bijvoorbeeld een tweede Knooppunt-venster of "
            f"knooppunt-cli); {what}. Wacht even en probeer het opnieuw, of sluit het andere programma."
        )


class ValidationError(KnooppuntError):
    """Bad input for one field; ``field`` names it so the UI can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(KnooppuntError):
    pass


class NoAccess(KnooppuntError):
    """The organisation's server refuses: the user does not belong to the location (row-level security)."""


class RecordLocked(KnooppuntError):
    """A finalised (vastgesteld) record cannot be changed, only amended with an addendum."""


class ConsentMissing(KnooppuntError):
    """Toestemming ontbreekt: ``missing`` names each person and scope that is lacking."""

    def __init__(self, child_name: str, missing: list[str], *, child_id: int | None = None,
                 day: object = None, organisation_ids: tuple[int, ...] = ()) -> None:
        super().__init__(
            f"{child_name} kan nog niet besproken worden: er ontbreekt toestemming.\n- " + "\n- ".join(missing)
        )
        self.missing = missing
        # What was asked, so the screen can offer to record exactly the missing consent.
        self.child_id = child_id
        self.day = day
        self.organisation_ids = organisation_ids


class TransferConsentMissing(ConsentMissing):
    """Geen toestemming voor overdracht: het overdrachtsdossier wordt niet gemaakt."""

    def __init__(self, child_name: str, missing: list[str]) -> None:
        super().__init__(child_name, missing)
        self.message = (
            f"Het overdrachtsdossier van {child_name} is niet gemaakt: er ontbreekt toestemming voor "
            "de overdracht naar de volgende locatie.\n- " + "\n- ".join(missing)
        )
        self.args = (self.message,)


class IntakeMissing(KnooppuntError):
    """Geen aanmelding: een kind wordt pas ingepland als het is aangemeld (signaal, vraag, ouders)."""

    def __init__(self, child_name: str, child_id: int) -> None:
        super().__init__(f"{child_name} is nog niet aangemeld. Meld het kind eerst aan: wat is er opgevallen, "
                         "wat is de vraag en hebben de ouders toestemming gegeven?")
        self.child_id = child_id
