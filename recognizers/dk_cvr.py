"""DK_CVR: Danish CVR number (company registration number).

Basis: lov om Det Centrale Virksomhedsregister (CVR-loven) § 1; Erhvervsstyrelsen assigns
it. A sole proprietorship's CVR number identifies its owner.

Format: 8 digits, ``12345678``, ``CVR-nr. 12345678``, VAT form ``DK12345678`` or
``DK 12 34 56 78``. Rule: mod 11 with weights 2,7,6,5,4,3,2,1 (``stdnum.dk.cvr``).

Collision: about three quarters of CVR numbers are also valid Danish phone numbers, so
an unlabelled 8-digit number is left to the phone recognizer (or to nobody).

Fictitious examples: CVR 13585628, DK13585628.

Scoring: DK prefix 0.85 (0.95 with context); CVR context 0.9; no context 0.2;
phone/reference context nearest: dropped.
"""

from __future__ import annotations

from typing import Optional

from stdnum.dk import cvr

from recognizers.base import NordicRecognizer, digits
from recognizers.context import BANK, DK_ORG, NEGATIVE_REFERENCES, PHONE, Context, ContextHit


def is_valid(number: str) -> bool:
    d = digits(number)
    return len(d) == 8 and d[0] != "0" and cvr.is_valid(d)


class DkCvrRecognizer(NordicRecognizer):
    """Danish CVR numbers; see the module docstring."""

    ENTITY = "DK_CVR"
    PATTERNS = (
        ("vat", r"\bDK[ \u00a0-]?(?:\d{8}|\d{2}(?:[ \u00a0]\d{2}){3})(?!\d)"),
        ("grouped", r"(?<!\d)\d{2}([ \u00a0])\d{2}\1\d{2}\1\d{2}(?!\d)"),
        ("plain", r"(?<!\d)\d{8}(?!\d)"),
    )
    CONTEXT = Context(DK_ORG, NEGATIVE_REFERENCES + PHONE + BANK)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        if pattern == "vat":
            return 0.95 if hit.positive else 0.85
        if hit.negative:
            return None
        return 0.9 if hit.positive else 0.2
