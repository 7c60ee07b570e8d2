"""IS_KENNITALA: Icelandic kennitala of a person.

Basis: lög um skráningu einstaklinga nr. 140/2019; assigned by Þjóðskrá Íslands.

Format: ``DDMMYY-RRCM`` or ``DDMMYYRRCM``: date, two random digits, check digit C
(mod 11, weights 3,2,7,6,5,4,3,2), century M (9 = 1900s, 0 = 2000s, 8 = 1800s)
(``stdnum.is_.kennitala``). Companies add 40 to the day; those are not persons and are
left out.

Collision: the layout is that of a Danish CPR number, so context decides.

Fictitious examples: 220195-2369, 2201952369.

Scoring: Icelandic context 0.9; no context 0.3 (dashed) or dropped; reference context:
dropped.
"""

from __future__ import annotations

import datetime
from typing import Optional

from stdnum.is_ import kennitala

from recognizers.base import NordicRecognizer, digits
from recognizers.context import NEGATIVE_REFERENCES, Context, ContextHit

_CENTURY = {"9": 1900, "0": 2000, "8": 1800}


def is_valid(number: str) -> bool:
    d = digits(number)
    return len(d) == 10 and int(d[:2]) <= 31 and kennitala.is_valid(d)


def birth_date(number: str) -> Optional[datetime.date]:
    if not is_valid(number):
        return None
    d = digits(number)
    return datetime.date(_CENTURY[d[9]] + int(d[4:6]), int(d[2:4]), int(d[0:2]))


class IsKennitalaRecognizer(NordicRecognizer):
    """Icelandic kennitala; see the module docstring."""

    ENTITY = "IS_KENNITALA"
    PATTERNS = (("kennitala", r"(?<!\d)\d{6}-?\d{4}(?!\d)"),)
    CONTEXT = Context(
        ("kennitala", "kt.", "kt:", "island", "iceland", "íslensk", "islandsk", "þjóðskrá"),
        NEGATIVE_REFERENCES + ("cpr",),
    )

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value) or hit.negative:
            return None
        if hit.positive:
            return 0.9
        return 0.3 if "-" in value else None
