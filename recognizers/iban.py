"""IBAN_CODE: International Bank Account Numbers, with Nordic context words.

Basis: ISO 13616; Norwegian IBAN NO + 2 check digits + 11-digit kontonummer, Danish
IBAN DK + 2 + 14 digits. A person's IBAN identifies their bank relationship.

Format: country code, two check digits, the national account (BBAN), written compact or
in groups of four: ``NO93 8601 1117 947``. Rule: the country's BBAN length and mod 97
(``stdnum.iban``). Presidio's IbanRecognizer knows English context only; this one
scores Norwegian and Danish context too and tries shorter spans when a trailing word in
capitals was swallowed by the pattern.

Fictitious examples: NO93 8601 1117 947 (the ISO example), DK50 0040 0440 1162 43.

Scoring: valid 0.9, with context 1.0; an IBAN-like string with a wrong check: dropped.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from stdnum import iban

from recognizers.base import NordicRecognizer
from recognizers.context import BANK, Context, ContextHit

_GROUPS = re.compile(r"\S+")


def is_valid(number: str) -> bool:
    return iban.is_valid(number)


class NordicIbanRecognizer(NordicRecognizer):
    """IBANs of every country; see the module docstring."""

    ENTITY = "IBAN_CODE"
    PATTERNS = (("iban", r"\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{1,4}){3,8}\b"),)
    FLAGS = 0
    CONTEXT = Context(BANK + ("swift", "bic"), ())

    def candidates(self, text: str) -> Iterable[tuple[str, int, int]]:
        for name, regex in self._compiled:
            for m in regex.finditer(text):
                # Shrink from the right until the candidate validates: "NO93 8601 1117 947 DNB".
                ends = [m.start() + g.end() for g in _GROUPS.finditer(m.group())]
                for end in reversed(ends):
                    if is_valid(text[m.start() : end]):
                        yield name, m.start(), end
                        break

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        return 1.0 if hit.positive else 0.9
