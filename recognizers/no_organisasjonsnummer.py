"""NO_ORGANISASJONSNUMMER: Norwegian organisation number (organisasjonsnummer).

Basis: enhetsregisterloven § 3-1 (Brønnøysundregistrene assign it). The number of a sole
proprietorship (enkeltpersonforetak) identifies a person, so it is screened.

Format: 9 digits, ``912345678`` or ``912 345 678``; as VAT number ``NO 912 345 678 MVA``.
Rule: mod 11 with weights 3,2,7,6,5,4,3,2 (``stdnum.no.orgnr``). Numbers are issued
from the 8 and 9 series, which raises confidence of an unlabelled value.

Fictitious examples: 998 877 660, NO 909139090 MVA (valid checksums, made up).

Scoring: MVA form 0.95; context 0.9; grouped 3-3-3 without context 0.6;
plain 9 digits without context 0.4 (8/9 series) or 0.25; invoice/order context nearest
0.2.
"""

from __future__ import annotations

from typing import Optional

from stdnum.no import orgnr

from recognizers.base import NordicRecognizer, digits
from recognizers.context import BANK, NEGATIVE_REFERENCES, NO_ID, ORG, PHONE, Context, ContextHit


def is_valid(number: str) -> bool:
    d = digits(number)
    return len(d) == 9 and orgnr.is_valid(d)


class NoOrganisasjonsnummerRecognizer(NordicRecognizer):
    """Norwegian organisation numbers; see the module docstring."""

    ENTITY = "NO_ORGANISASJONSNUMMER"
    PATTERNS = (
        ("mva", r"\bNO[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?MVA\b"),
        ("grouped", r"(?<!\d)\d{3}([ \u00a0])\d{3}\1\d{3}(?!\d)"),
        ("plain", r"(?<!\d)\d{9}(?!\d)"),
    )
    CONTEXT = Context(ORG, NEGATIVE_REFERENCES + BANK + NO_ID + PHONE)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        if pattern == "mva":
            return 0.95
        if hit.negative:
            return 0.2
        if hit.positive:
            return 0.9
        if pattern == "grouped":
            return 0.6
        return 0.4 if digits(value)[0] in "89" else 0.25
