"""DATE_OF_BIRTH: a date written as someone's birth date.

Basis: a birth date together with anything else about a person identifies them, and it
tells whether the person is a child (under 16 in the agencies' statements).

Format: a birth label right before the date: ``født``, ``født den``, ``fødd``, ``f.``,
``fødselsdato``, ``fødselsdag``, Danish ``født``/``fødselsdato``, English ``born``,
``date of birth``, ``DOB``; then ``15.03.1987``, ``15/3/1987``, ``1987-03-15``,
``3. mars 1987``, ``15. marts 1987``, ``3 March 1987``, Danish ``3/4-1988``
(also after ``født d.``). A date alone is not personal data,
so nothing is found without the label.

Fictitious examples: "født 15.03.1987", "f. 3. mars 1987", "Fødselsdato: 1987-03-15".

Scoring: 0.85 (the label is part of the pattern).
"""

from __future__ import annotations

import datetime
import re
from typing import Optional

from recognizers.base import NordicRecognizer
from recognizers.context import ContextHit

MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "mars": 3,
    "marts": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "maj": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
    r"|\d{1,2}/\d{1,2}-\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}\.?[ \u00a0](?:{_MONTH_RE})\.?[ \u00a0]\d{{4}}"
)
_LABEL = (
    r"(?:født|fødd|fødselsdato|fødselsdag|fødselsdatoen|f\.|born|date of birth|birth date|"
    r"birthdate|dob|d\.o\.b\.)"
)


def parse_date(text: str) -> Optional[datetime.date]:
    """Parse the date formats above (day first), or None."""
    t = text.strip().lower().replace("\u00a0", " ")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})", t) or re.fullmatch(
            r"(\d{1,2})/(\d{1,2})-(\d{4})", t
        ):
            year = int(m[3])
            if year < 100:
                year += 1900 if year > datetime.date.today().year % 100 else 2000
            return datetime.date(year, int(m[2]), int(m[1]))
        if m := re.fullmatch(rf"(\d{{1,2}})\.? ({_MONTH_RE})\.? (\d{{4}})", t):
            return datetime.date(int(m[3]), MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


class DateOfBirthRecognizer(NordicRecognizer):
    """Birth dates after a birth label; see the module docstring."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (
        ("labelled date", rf"(?<![\w]){_LABEL}(?:[ \u00a0]+den|[ \u00a0]+d\.|[ \u00a0]+on)?[ \u00a0]*:?[ \u00a0\n]*(?P<v>{_DATE})(?!\d)"),
    )
    CHECK_RUNS = False

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        return 0.85 if parse_date(value) else None
