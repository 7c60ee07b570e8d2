"""Canonical values and encoded birth dates, for consistent placeholders and child flags.

``normalize`` maps the spellings of one value to one key, so that "+47 912 34 567" and
"91234567" get the same placeholder; ``birth_date`` reads the birth date carried by a
national identity number (or parses a DATE_OF_BIRTH).
"""

from __future__ import annotations

import datetime
import re
from typing import Callable, Optional

from recognizers import dk_cpr, fi_hetu, is_kennitala, no_fodselsnummer, phone, se_personnummer
from recognizers.base import digits
from recognizers.date_of_birth import parse_date

_DIGIT_TYPES = {
    "NO_FODSELSNUMMER", "NO_KONTONUMMER", "NO_ORGANISASJONSNUMMER", "DK_CPR", "DK_CVR",
    "IS_KENNITALA", "CREDIT_CARD",
}


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalize(entity_type: str, text: str) -> str:
    """Canonical form of a value of the given entity type."""
    value = text.strip()
    if entity_type in _DIGIT_TYPES:
        return digits(value) or _collapse(value)
    if entity_type == "SE_PERSONNUMMER":
        return digits(value)[-10:]
    if entity_type == "PHONE_NUMBER":
        return phone.e164(value) or digits(value)
    if entity_type in ("IBAN_CODE", "FI_HETU", "NO_LICENSE_PLATE", "DK_LICENSE_PLATE"):
        return re.sub(r"[\s\-]", "", value).upper()
    if entity_type in ("EMAIL_ADDRESS", "URL"):
        return value.lower()
    if entity_type == "DATE_OF_BIRTH":
        parsed = parse_date(value)
        return parsed.isoformat() if parsed else _collapse(value)
    return _collapse(value)


_BIRTH_DATES: dict[str, Callable[[str], Optional[datetime.date]]] = {
    "NO_FODSELSNUMMER": no_fodselsnummer.birth_date,
    "DK_CPR": dk_cpr.birth_date,
    "SE_PERSONNUMMER": se_personnummer.birth_date,
    "FI_HETU": fi_hetu.birth_date,
    "IS_KENNITALA": is_kennitala.birth_date,
    "DATE_OF_BIRTH": parse_date,
}


def birth_date(entity_type: str, text: str) -> Optional[datetime.date]:
    """Birth date encoded in an identity number or written as DATE_OF_BIRTH, else None."""
    reader = _BIRTH_DATES.get(entity_type)
    return reader(text) if reader else None
