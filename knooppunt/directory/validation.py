"""Phone numbers, e-mail addresses and dates as people type them, checked and normalised.

Each function returns the normalised text or raises ``ValueError`` with a Dutch reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# phonenumbers and email_validator are imported at the first check, not when the app starts.

REGION = "NL"
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y")
FIRST_YEAR, LAST_YEAR = 1990, 2199  # a mandate outside these years is a typo


def normalise_phone(text: str) -> str:
    """Dutch numbers as ``045 850 1234`` / ``06 12345678``, foreign ones as ``+32 ...``; '' stays ''."""
    text = (text or "").strip()
    if not text:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise ValueError(f"‘{_short(text)}’ is geen telefoonnummer.") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"‘{_short(text)}’ is geen geldig telefoonnummer (controleer het aantal cijfers).")
    if phonenumbers.region_code_for_number(number) == REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(text: str) -> str:
    """A syntactically valid address (no DNS lookup: laptops are often offline); '' stays ''."""
    text = (text or "").strip()
    if not text:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError(f"‘{_short(text)}’ is geen geldig e-mailadres.") from None


def parse_date(text: str) -> date | None:
    """``31-07-2027``, ``31/7/2027`` or ``2027-07-31``; '' is no date."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        check_year(day)
        return day
    raise ValueError(f"‘{_short(text)}’ is geen datum; schrijf bijvoorbeeld 31-07-2027.")


def check_year(day: date | None) -> None:
    if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{format_date(day)}: controleer het jaar (tussen {FIRST_YEAR} en {LAST_YEAR}).")


def format_date(day: date | None) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day else ""


def _short(text: str, limit: int = 40) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
