"""NO_FODSELSNUMMER: Norwegian fødselsnummer, D-nummer, H-nummer, Tenor and FH-numbers.

Legal basis: folkeregisterloven § 2-2 and folkeregisterforskriften § 2-2-1 ff. (Skatteetaten
assigns fødselsnummer and D-nummer); H-nummer (helseforetak) and FH-nummer (felles
hjelpenummer, Helsedirektoratet) identify patients without a fødselsnummer; Tenor numbers
are Skatteetaten's synthetic test population.

Format: 11 digits DDMMYY III KK, written ``01019012345``, ``010190 12345`` or
``010190-12345``.

* D-nummer: day + 40. H-nummer: month + 40. Tenor: month + 80.
* FH-nummer: first digit 8 or 9, no date; only the check digits apply.
* Century from the individnummer III: 000-499 -> 1900s; 500-749 with YY >= 54 -> 1800s;
  500-999 with YY <= 39 -> 2000s; 900-999 with YY >= 40 -> 1900s.
* Check digits (mod 11): K1 weights 3,7,6,1,8,9,4,5,2; K2 weights 5,4,3,2,7,6,5,4,3,2.
  From 2032 (Skatteetaten, "nytt fødselsnummer") K1 may be any digit whose weighted
  remainder is 0-3 and K2 is computed from the actual K1. Both rules are accepted.

python-stdnum's ``stdnum.no.fodselsnummer`` rejects Tenor, FH, 2032-rule numbers and
future dates, so the rules are implemented here.

Collision: every valid fødselsnummer also passes the kontonummer check. An undotted 11-digit
value is a fødselsnummer unless the nearest context is about a bank account.

Fictitious examples: 15076500565 (ordinary), 55076500559 (D), 15476500548 (H),
15876500520 (Tenor), 92459571193 (FH), 02013299997 and 30108299939 (2032 rule,
navikt/fnrvalidator test numbers).

Scoring: context -> 0.95 (FH 0.85); no context -> 0.65 (FH 0.35); bank or reference
context nearest -> 0.25.
"""

from __future__ import annotations

import datetime
from typing import Optional

from recognizers.base import NordicRecognizer, digits
from recognizers.context import BANK, NEGATIVE_REFERENCES, NO_ID, Context, ContextHit

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _checks_ok(d: str) -> bool:
    nums = [int(c) for c in d]
    r1 = (sum(w * n for w, n in zip(_W1, nums)) + nums[9]) % 11
    r2 = sum(w * n for w, n in zip(_W2, nums)) + nums[10]
    # r1 == 0 is the pre-2032 rule; 1..3 are the extra remainders allowed from 2032.
    return r1 in (0, 1, 2, 3) and r2 % 11 == 0


def _century(yy: int, individual: int) -> Optional[int]:
    if individual <= 499:
        return 1900
    if individual <= 749 and yy >= 54:
        return 1800
    if yy <= 39:
        return 2000
    if individual >= 900:
        return 1900
    return None


def _decode(d: str) -> Optional[tuple[str, Optional[datetime.date]]]:
    """(kind, birth date) of a digit string that passed the check digits, or None."""
    if d[0] in "89":
        return "fh", None
    day, month, yy = int(d[0:2]), int(d[2:4]), int(d[4:6])
    label = "fnr"
    if day > 40:
        day, label = day - 40, "d"
    if month > 80:
        month, label = month - 80, "tenor"
    elif month > 40:
        month, label = month - 40, "h"
    century = _century(yy, int(d[6:9]))
    if century is None:
        return None
    try:
        return label, datetime.date(century + yy, month, day)
    except ValueError:
        return None


def kind(number: str) -> Optional[str]:
    """'fnr', 'd', 'h', 'tenor' or 'fh' for a valid number, else None."""
    d = digits(number)
    if len(d) != 11 or not _checks_ok(d):
        return None
    decoded = _decode(d)
    return decoded[0] if decoded else None


def is_valid(number: str) -> bool:
    return kind(number) is not None


def birth_date(number: str) -> Optional[datetime.date]:
    """The birth date in a fødselsnummer, D-, H- or Tenor number (None for FH and invalid)."""
    d = digits(number)
    if len(d) != 11 or not _checks_ok(d):
        return None
    decoded = _decode(d)
    return decoded[1] if decoded else None


class NoFodselsnummerRecognizer(NordicRecognizer):
    """Norwegian national identity numbers; see the module docstring."""

    ENTITY = "NO_FODSELSNUMMER"
    PATTERNS = (
        ("fnr 11 digits", r"(?<!\d)\d{11}(?!\d)"),
        ("fnr 6+5", r"(?<!\d)\d{6}[ \u00a0-]\d{5}(?!\d)"),
    )
    CONTEXT = Context(NO_ID, BANK + NEGATIVE_REFERENCES)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        label = kind(value)
        if label is None:
            return None
        if hit.negative:
            return 0.25
        if label == "fh":
            return 0.85 if hit.positive else 0.35
        return 0.95 if hit.positive else 0.65
