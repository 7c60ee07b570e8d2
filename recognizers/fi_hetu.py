"""FI_HETU: Finnish personal identity code (henkilötunnus / personbeteckning).

Legal basis: laki väestötietojärjestelmästä (661/2009) § 11; assigned by the Digital and
Population Data Services Agency (DVV).

Format: ``DDMMYYCZZZQ``: date, century sign (``+`` 1800s; ``-``, ``Y``, ``X``, ``W``,
``V``, ``U`` 1900s; ``A``-``F`` 2000s, the extra signs since 2023), individual number
ZZZ (900-999 temporary) and check character Q = ``0123456789ABCDEFHJKLMNPRSTUVWXY``
[DDMMYYZZZ mod 31] (``stdnum.fi.hetu``, temporary numbers allowed).

Collision: with the ``-`` sign and a digit as check character the value looks like a
Danish CPR or Icelandic kennitala (``080740-2196``), and about one CPR number in 31
passes the mod 31 check; that layout needs Finnish context. A letter as sign or check
character is unique to Finland.

Fictitious examples: 131052-308T, 010594Y9032.

Scoring: unique layout 0.85, 0.95 with context; CPR-like layout 0.9 with Finnish context,
otherwise 0.3; reference context nearest 0.3.
"""

from __future__ import annotations

import datetime
from typing import Optional

from stdnum.fi import hetu

from recognizers.base import NordicRecognizer
from recognizers.context import NEGATIVE_REFERENCES, Context, ContextHit

FINNISH = ("henkilötunnus", "hetu", "personbeteckning", "finsk", "finnish", "finland", "suomi")
_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}


def is_valid(number: str) -> bool:
    return hetu.is_valid(number.upper(), allow_temporary=True)


def birth_date(number: str) -> Optional[datetime.date]:
    if not is_valid(number):
        return None
    n = number.upper()
    century = _CENTURY.get(n[6], 2000)
    return datetime.date(century + int(n[4:6]), int(n[2:4]), int(n[0:2]))


class FiHetuRecognizer(NordicRecognizer):
    """Finnish henkilötunnus; see the module docstring."""

    ENTITY = "FI_HETU"
    PATTERNS = (("hetu", r"(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\w-])"),)
    CONTEXT = Context(FINNISH + ("personnummer", "personal identity"), NEGATIVE_REFERENCES)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        if hit.negative:
            return 0.3
        if value[6] in "+-" and value[-1].isdigit():
            return 0.9 if self.CONTEXT.mentions(FINNISH, text, start, start + len(value)) else 0.3
        return 0.95 if hit.positive else 0.85
