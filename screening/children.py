"""Does a file hold data about a child (under 16 on the screening date)? And why, without values.

Three kinds of evidence: the birth date inside a national identity number; a stated date of birth;
words that name a child ("eleven", "barnet", "mindreårig") next to personal data about someone.
"""

from __future__ import annotations

import datetime as dt

import recognizers
from screening.document import CATEGORY_SPECIAL, Document, Finding

CHILD_AGE_LIMIT = 16
_BIRTH_DATE_TYPES = frozenset(
    {"NO_FODSELSNUMMER", "DK_CPR", "SE_PERSONNUMMER", "FI_HETU", "IS_KENNITALA", "DATE_OF_BIRTH"}
)


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _text_signals(text: str, language: str | None, on: dt.date) -> list[str]:
    """Reasons from words that name a particular child ("eleven", "barnet", "Ola (7)").

    Generic mentions ("oppbevares utilgjengelig for barn") do not count.
    """
    from recognizers.special.children import child_signals

    # An age says enough; a reason that quotes a birth date would put personal data into the report.
    return [
        f"age {signal.age}" if signal.age is not None else signal.reason
        for signal in child_signals(text, language or "nb", on)
        if signal.specific
    ]


def child_reasons(document: Document, findings: list[Finding], on: dt.date) -> list[str]:
    """Reasons, for the report, to believe the file holds data about a child; empty when none."""
    reasons: list[str] = []
    for finding in findings:
        if finding.entity_type not in _BIRTH_DATE_TYPES:
            continue
        birth = recognizers.birth_date(finding.entity_type, finding.text)
        if birth is None or birth > on:
            continue
        age = age_on(birth, on)
        if age < CHILD_AGE_LIMIT:
            reason = f"{finding.entity_type} of a person aged {age}"
            if reason not in reasons:
                reasons.append(reason)
    personal_segments = {f.segment_id for f in findings if f.category != CATEGORY_SPECIAL}
    for segment in document.segments:
        if segment.id not in personal_segments:
            continue
        language = next((f.language for f in findings if f.segment_id == segment.id and f.language), None)
        for reason in _text_signals(segment.text, language, on):
            text = f"child named in {segment.location.kind} text next to personal data ({reason})"
            if text not in reasons:
                reasons.append(text)
    return reasons
