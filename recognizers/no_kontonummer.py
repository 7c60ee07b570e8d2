"""NO_KONTONUMMER: Norwegian bank account number (kontonummer).

Basis: Bits/Finans Norge standard for Norwegian account numbers; an account held by a
person is personal data (it identifies the customer relationship).

Format: 11 digits, bank code (4) + account group (2) + account (4) + check digit,
written ``1234.56.78903``, ``1234 56 78903`` or undotted ``12345678903``.
Rule: mod 11 with weights 5,4,3,2,7,6,5,4,3,2 (``stdnum.no.kontonr``).

Collision: every valid fødselsnummer also passes this check. The dotted/spaced account
layout decides for the account; an undotted value that is also a valid fødselsnummer is
an account only when the nearest context is about a bank account.

Fictitious examples: 3260.18.15906, 6301 66 13187 (valid checksums, made up).

Scoring: account layout 0.85 (0.95 with context); undotted with bank context 0.9;
undotted without context 0.35 (0 when it is also a fødselsnummer); reference context
nearest 0.2 (for the undotted form also id context).
"""

from __future__ import annotations

from typing import Optional

from stdnum.no import kontonr

from recognizers import no_fodselsnummer
from recognizers.base import NordicRecognizer, digits
from recognizers.context import BANK, NEGATIVE_REFERENCES, NO_ID, Context, ContextHit


def is_valid(number: str) -> bool:
    d = digits(number)
    return len(d) == 11 and kontonr.is_valid(d)


class NoKontonummerRecognizer(NordicRecognizer):
    """Norwegian bank account numbers; see the module docstring."""

    ENTITY = "NO_KONTONUMMER"
    PATTERNS = (
        ("account layout", r"(?<!\d)\d{4}([. \u00a0])\d{2}\1\d{5}(?!\d)"),
        ("undotted", r"(?<!\d)\d{11}(?!\d)"),
    )
    CONTEXT = Context(BANK, NO_ID + NEGATIVE_REFERENCES)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if not is_valid(value):
            return None
        if pattern == "account layout":
            # The dotted layout is decisive; only a reference label ("faktura") outweighs it.
            if hit.negative and hit.stem not in NO_ID:
                return 0.2
            return 0.95 if hit.positive else 0.85
        if hit.negative:
            return 0.2
        if hit.positive:
            return 0.9
        return None if no_fodselsnummer.is_valid(value) else 0.35
