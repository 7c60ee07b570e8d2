"""SE_PERSONNUMMER: Swedish personnummer and samordningsnummer.

Legal basis: folkbokföringslagen (1991:481) § 18 (personnummer); samordningsnummer
§ 18 a, for people who are not or have not been registered in Sweden (day + 60).

Format: ``YYMMDD-NNNC``, ``YYMMDD+NNNC`` (the ``+`` from the year the person turns 100),
or with the century ``YYYYMMDD-NNNC`` / ``YYYYMMDDNNNC``. Rule: Luhn over the ten
digits YYMMDDNNNC and a real date. ``stdnum.se.personnummer`` rejects samordningsnummer,
so the rule is implemented here.

Collision: ``YYMMDD-NNNC`` has the layout of a Danish CPR number. The 10-digit form
therefore needs Swedish context ("svensk", "Sverige", "samordningsnummer") unless the
digits cannot be a CPR date; the 12-digit form does not collide.

Fictitious examples: 811218-9876, 19811218-9876, 701063-2391 (samordningsnummer).

Scoring: 12-digit form 0.8 (0.95 with context); 10-digit with Swedish context 0.9, with
generic id context and no CPR reading 0.85, otherwise 0.3; reference context: dropped.
"""

from __future__ import annotations

import datetime
from typing import Optional

from stdnum import luhn

from recognizers import dk_cpr
from recognizers.base import NordicRecognizer, digits
from recognizers.context import NEGATIVE_REFERENCES, Context, ContextHit

SWEDISH = ("svensk", "sverige", "swedish", "sweden", "samordningsnummer", "skatteverket", "folkbokf")
GENERIC_ID = ("personnummer", "personnr", "pnr", "personal identity", "id-nummer", "identitetsnummer")


def birth_date(number: str, today: Optional[datetime.date] = None) -> Optional[datetime.date]:
    """Birth date of a valid personnummer or samordningsnummer, else None."""
    today = today or datetime.date.today()
    d = digits(number)
    if len(d) == 12:
        century, d = int(d[:2]) * 100, d[2:]
    elif len(d) == 10:
        century = None
    else:
        return None
    if not luhn.is_valid(d):
        return None
    yy, month, day = int(d[0:2]), int(d[2:4]), int(d[4:6])
    if day > 60:
        day -= 60
    if century is None:
        century = (today.year - yy) // 100 * 100
        if century + yy > today.year:
            century -= 100
        if "+" in number:
            century -= 100
    try:
        return datetime.date(century + yy, month, day)
    except ValueError:
        return None


def is_valid(number: str) -> bool:
    return birth_date(number) is not None


def is_samordningsnummer(number: str) -> bool:
    d = digits(number)[-10:]
    return is_valid(number) and int(d[4:6]) > 60


class SePersonnummerRecognizer(NordicRecognizer):
    """Swedish personnummer and samordningsnummer; see the module docstring."""

    ENTITY = "SE_PERSONNUMMER"
    PATTERNS = (
        ("12 digits", r"(?<!\d)(?:18|19|20)\d{6}[-]?\d{4}(?!\d)"),
        ("10 digits", r"(?<!\d)\d{6}[-+]\d{4}(?!\d)"),
    )
    CONTEXT = Context(SWEDISH + GENERIC_ID, NEGATIVE_REFERENCES + ("kennitala", "kt.", "cpr"))

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value) or hit.negative:
            return None
        if pattern == "12 digits":
            return 0.95 if hit.positive else 0.8
        if self.CONTEXT.mentions(SWEDISH, text, start, start + len(value)):
            return 0.9
        if hit.positive and not dk_cpr.is_valid(value):
            return 0.85
        return 0.3
