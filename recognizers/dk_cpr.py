"""DK_CPR: Danish CPR number (personnummer).

Legal basis: CPR-loven (lov om Det Centrale Personregister), §§ 3-4; CPR-kontoret assigns
the number. Erstatningspersonnumre (replacement numbers, day + 60) are issued by
authorities to people without a CPR number.

Format: ``DDMMYY-SSSS`` or ``DDMMYYSSSS`` (also ``DDMMYY SSSS``).
Rule: a real date; the century comes from the 7th digit and the year (0-3: 1900s;
4 and 9: 00-36 -> 2000s, else 1900s; 5-8: 00-57 -> 2000s, 58-99 -> 1800s). The mod 11
check (weights 4,3,2,7,6,5,4,3,2,1) is no longer required since 2007, so it only raises
confidence here. ``stdnum.dk.cpr`` checks the same date rule but knows no replacement
numbers.

About 3 % of random 10-digit strings pass the date rule, so the undashed form needs
context; the dash is a strong format sign. Icelandic kennitala, Swedish personnummer and
Finnish henkilötunnus share the ``NNNNNN-NNNN`` layout: a mention of those countries or
numbers anywhere in the window drops the candidate, unless the nearest label names the
CPR number itself ("dansk CPR-nr.").

Fictitious examples: 170975-3617 (no mod 11), 0307503034 and 050451-0786 (mod 11 ok).

Scoring: dashed with context 0.95; dashed without context 0.7 (mod 11) or 0.6;
undashed with context 0.95 (mod 11) or 0.85; undashed without context 0.35 or 0.15;
negative context nearest 0.2 (dashed) or dropped.
"""

from __future__ import annotations

import datetime
from typing import Optional

from recognizers.base import NordicRecognizer, digits
from recognizers.context import BANK, DK_ID, NEGATIVE_REFERENCES, PHONE, Context, ContextHit

_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
FOREIGN_ID = (
    "kennitala", "kt.", "island", "iceland", "svensk", "sverige", "swedish", "samordning",
    "finsk", "finnish", "finland", "henkilötunnus", "hetu", "personbeteckning",
)

# Stems that name the CPR number itself, as opposed to the generic "personnummer".
SPECIFIC_ID = ("cpr", "sygesikring", "sundhedskort", "erstatningspersonnummer", "civilregistrering")


def _century(seventh: int, yy: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def birth_date(number: str) -> Optional[datetime.date]:
    """Birth date of a CPR or replacement number, or None if the date is impossible."""
    d = digits(number)
    if len(d) != 10:
        return None
    day, month, yy = int(d[0:2]), int(d[2:4]), int(d[4:6])
    if day > 60:
        day -= 60
    try:
        return datetime.date(_century(int(d[6]), yy) + yy, month, day)
    except ValueError:
        return None


def is_replacement(number: str) -> bool:
    return int(digits(number)[0:2]) > 60


def mod11_ok(number: str) -> bool:
    return sum(w * int(c) for w, c in zip(_WEIGHTS, digits(number))) % 11 == 0


def is_valid(number: str) -> bool:
    return birth_date(number) is not None


class DkCprRecognizer(NordicRecognizer):
    """Danish CPR numbers; see the module docstring."""

    ENTITY = "DK_CPR"
    PATTERNS = (
        ("dashed", r"(?<!\d)\d{6}[-\u2010\u2011\u2013][ ]?\d{4}(?!\d)"),
        ("undashed", r"(?<!\d)\d{6}[ \u00a0]?\d{4}(?!\d)"),
    )
    CONTEXT = Context(DK_ID, NEGATIVE_REFERENCES + FOREIGN_ID + PHONE + BANK)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        # "svensk personnummer 811218-9876": the country word outranks the nearer "personnummer".
        specific = hit.positive and hit.stem in SPECIFIC_ID
        if not specific and self.CONTEXT.mentions(FOREIGN_ID, text, start, start + len(value)):
            return None
        checked = mod11_ok(value)
        if is_replacement(value):
            return 0.85 if hit.positive else None
        if pattern == "dashed":
            if hit.negative:
                return 0.2
            if hit.positive:
                return 0.95
            return 0.7 if checked else 0.6
        if hit.negative:
            return None
        if hit.positive:
            return 0.95 if checked else 0.85
        return 0.35 if checked else 0.15
