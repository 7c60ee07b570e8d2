"""PHONE_NUMBER: Norwegian and Danish phone numbers, and any number with a + prefix.

Basis: telephone numbers of natural persons are personal data (GDPR art. 4(1)); the
numbering plans are Nkom's (Norway, 8 digits) and Energistyrelsen's (Denmark, 8 digits).

Format: ``+47 912 34 567``, ``0047 912 34 567``, ``912 34 567``, ``91234567``,
``22 33 44 55``, ``+45 32 12 34 56``, and other countries with ``+`` or ``00``. Found
with ``phonenumbers``: national forms in the NO and DK plans; Swedish, Finnish, Icelandic
and all other numbers with their country code (their national forms start with a trunk
0 and would collide with too many reference numbers).
National forms must be valid numbers of Norway or Denmark; internationally written ones
need only be possible numbers (new ranges appear before phonenumbers knows them).

Collision: an unlabelled undotted 8-digit number may as well be a CVR number, an order
number or a date, so it needs phone context; grouped national numbers do not.

Fictitious examples: +47 912 34 567, 22 33 44 55, +45 32 12 34 56.

A year and four digits joined by a dash, slash or dot are years or a case number ("2016–2020",
"2025/3310"), not a phone number.

Scoring: international 0.85 (0.95 with context); grouped national 0.6 (0.9); plain 8
digits 0.35 (0.85); organisation, bank, id or reference context nearest: dropped
(international: 0.5).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from recognizers.base import NordicRecognizer
from recognizers.context import BANK, DK_ID, DK_ORG, NEGATIVE_REFERENCES, NO_ID, ORG, PHONE, Context, ContextHit

# How Norwegians and Danes group 8-digit numbers; "31 162 763" is an amount, "23.11.2024" a date.
NATIONAL_GROUPINGS = {(8,), (3, 2, 3), (2, 2, 2, 2), (4, 4)}
_GROUP = re.compile(r"\d+")
_DATE_SHAPE = re.compile(r"^\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})$")
NATIONAL_REGIONS = ("NO", "DK")
# A year joined to four digits by a dash, slash or dot is a span of years ("2016–2020") or a case or
# invoice number ("2025/3310", "2025-0017"), not a phone number in 4+4 ("2233-4455").
_YEARS_OR_CASE = re.compile(r"^(?:19|20)\d\d\s*[-‐–—/.]\s*\d{4}$")


def _parse(raw: str) -> Optional[phonenumbers.PhoneNumber]:
    for region in NATIONAL_REGIONS:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def is_international(raw: str) -> bool:
    return raw.lstrip("( ").startswith(("+", "00"))


def is_valid(raw: str) -> bool:
    """True for a valid NO/DK national number or a possible international one."""
    if is_international(raw):
        try:
            return phonenumbers.is_possible_number(phonenumbers.parse(raw, "NO"))
        except phonenumbers.NumberParseException:
            return False
    return _parse(raw) is not None


def e164(raw: str) -> Optional[str]:
    """``+4791234567`` form of a phone number, or None."""
    try:
        number = phonenumbers.parse(raw, "NO") if is_international(raw) else _parse(raw)
    except phonenumbers.NumberParseException:
        return None
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class NordicPhoneRecognizer(NordicRecognizer):
    """Phone numbers; see the module docstring."""

    ENTITY = "PHONE_NUMBER"
    CONTEXT = Context(
        PHONE + (
            "når meg", "nå meg", "treff", "ringe", "oppringt", "mobiltelefon", "hjemme",
            "mitt nummer", "nummeret mitt", "mit nummer", "nummeret er", "telefonnummer",
            "mobilnummer", "nummer til", "my number",
        ),
        ORG + DK_ORG + BANK + NO_ID + DK_ID + NEGATIVE_REFERENCES + ("dato", "date"),
    )

    def candidates(self, text: str) -> Iterable[tuple[str, int, int]]:
        seen: set[tuple[int, int]] = set()
        for region in NATIONAL_REGIONS:
            for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
                span = (m.start, m.end)
                if span not in seen:
                    seen.add(span)
                    yield "phone", m.start, m.end

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        compact = "".join(c for c in value if c.isdigit())
        if is_international(value):
            if hit.negative:
                return 0.5
            return 0.95 if hit.positive else 0.85
        if len(compact) != 8 or hit.negative or _DATE_SHAPE.match(value):
            return None
        if tuple(len(g) for g in _GROUP.findall(value)) not in NATIONAL_GROUPINGS:
            return None
        if _YEARS_OR_CASE.match(value):
            return None
        grouped = any(not c.isdigit() for c in value)
        if grouped:
            return 0.9 if hit.positive else 0.6
        return 0.85 if hit.positive else 0.35
