"""Signals that a text holds data about a child (under 16 on the screening date).

The agencies' privacy statements treat persons under 16 as children (the age of consent
to information-society services in Norway and Denmark, GDPR art. 8 with
personopplysningsloven § 5 and databeskyttelsesloven § 6). Three kinds of signal:

* a birth date decoded from a fødselsnummer, D-nummer or CPR number (the caller decodes
  it; :func:`age_on` and :func:`is_child` give the answer);
* a birth date written next to a person ("født 12.03.2015", "born 3 May 2014");
* words: "barnet", "eleven", "mindreårig", "under 16 år", "12 år gammel", "Ola (7)",
  "går i 5. klasse", "a minor", "aged 12".

A child word counts when it is the *head* of a compound ("skolebarn", "fosterbarnet",
"barnehagen"), not when it is the first part: "barnehagelærer" is an adult,
"barnelege" a doctor, "Barne- og familiedepartementet" a ministry. Indefinite and plural
mentions ("for barn", "children under 12") are reported as generic: a medicine leaflet
is not data about a child. :func:`child_data` gives the file-level answer
(``child_data: true`` and the reasons) from the specific signals and the birth dates the
caller decoded from identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .lexicon import INFLECTIONS
from .text import split_sentences, tokenize

CHILD_AGE_LIMIT = 16

# Child nouns; a token counts when it is one of them or ends with one (compound head).
_CHILD_WORDS: dict[str, tuple[str, ...]] = {
    "nb": ("barn", "barna", "barnehage", "elev", "elevene", "mindreårig", "umyndig", "spedbarn", "nyfødt",
           "baby", "babyen", "gutten", "jenta", "pjokk", "skolebarn", "tenåring"),
    "nn": ("barn", "barna", "barnehage", "elev", "elevane", "mindreårig", "umyndig", "spedbarn", "nyfødd",
           "baby", "babyen", "guten", "jenta", "skulebarn", "tenåring"),
    "da": ("barn", "barnet", "børn", "børnene", "børnehave", "vuggestue", "elev", "eleven", "mindreårig",
           "umyndig", "spædbarn", "nyfødt", "baby", "babyen", "drengen", "pigen", "skolebarn", "teenager"),
    "en": ("child", "children", "kid", "kids", "pupil", "pupils", "schoolboy", "schoolgirl", "baby",
           "toddler", "infant", "minors", "juvenile", "teenager", "stepchild", "grandchild"),
}
# Compounds that end in a child word but name an adult, an institution or a thing.
_NOT_CHILD: dict[str, tuple[str, ...]] = {
    "nb": ("barnebarn",),
    "nn": ("barnebarn",),
    "da": ("barnebarn",),
    "en": (),
}
_WORD_ENDINGS = {"en": ("'s", "’s", "s")}

_AGE_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "nb": (
        re.compile(r"\b(\d{1,2}) år gammel\b", re.I),
        re.compile(r"\b(\d{1,2})[- ]?åring", re.I),
        re.compile(r"\bunder (\d{1,2}) år\b", re.I),
        re.compile(r"\b(?:går i|elev i|eleven i) (\d{1,2})\. (?:klasse|trinn)\b", re.I),
    ),
    "da": (
        re.compile(r"\b(\d{1,2}) år gammel\b", re.I),
        re.compile(r"\b(\d{1,2})[- ]?årig\b", re.I),
        re.compile(r"\bunder (\d{1,2}) år\b", re.I),
        re.compile(r"\b(?:går i|elev i) (\d{1,2})\. klasse\b", re.I),
    ),
    "en": (
        re.compile(r"\baged (\d{1,2})\b", re.I),
        re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b", re.I),
        re.compile(r"\bunder (?:the age of )?(\d{1,2})\b(?! (?:percent|per cent|%|minutes|hours|days|kg|km))", re.I),
        re.compile(r"\b(?:in )?(?:year|grade) (\d{1,2})\b(?= (?:at|pupil|student|class))", re.I),
    ),
}
_AGE_PATTERNS["nn"] = _AGE_PATTERNS["nb"][:2] + (
    re.compile(r"\bunder (\d{1,2}) år\b", re.I),
    re.compile(r"\b(?:går i|elev i|eleven i) (\d{1,2})\. (?:klasse|trinn)\b", re.I),
)
# A school class gives an age: first grade at six in Norway and Denmark.
_SCHOOL_CLASS = re.compile(r"klasse|trinn|year|grade", re.I)
# "Ola (7)", "datteren (12 år)": a capitalised word or a role noun followed by an age in brackets.
_AGE_IN_BRACKETS = re.compile(r"\b\w+ \((\d{1,2})(?: år| years)?\)")

_MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "mars": 3, "marts": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "maj": 5, "may": 5, "juni": 6, "june": 6,
    "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_BIRTH_CUE = r"(?:født|fødd|f\.|fødselsdato|fødselsdag|fødd den|født den|born(?: on)?|date of birth|DOB|d\.o\.b\.)"
_DATE = (
    r"(?:(?P<d1>\d{1,2})[./-](?P<m1>\d{1,2})[./-](?P<y1>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    r"|(?P<d3>\d{1,2})\.? (?:af |of )?(?P<m3>[A-Za-zæøå]{3,9})\.? (?P<y3>\d{4})"
    r"|(?P<m4>[A-Za-z]{3,9}) (?P<d4>\d{1,2}),? (?P<y4>\d{4}))"
)
_BIRTH_DATE = re.compile(_BIRTH_CUE + r":?\s*(?:den\s+)?" + _DATE, re.I)


@dataclass(frozen=True)
class ChildSignal:
    """A place in the text that says a child is concerned.

    ``specific`` is false for generic mentions ("oppbevares utilgjengelig for barn",
    "children under 12", "ungdom under 16 år"): a medicine leaflet is not data about a
    child. Definite forms ("barnet", "eleven", "the child"), ages of a person ("Ola (7)",
    "12 år gammel") and birth dates are specific.
    """

    start: int
    end: int
    reason: str
    age: int | None = None
    specific: bool = True


def age_on(birth: date, on: date) -> int:
    """Completed years of a person born on ``birth`` at the date ``on``."""
    if on < birth:
        raise ValueError("the date is before the birth date")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def is_child(birth: date, on: date) -> bool:
    """Under :data:`CHILD_AGE_LIMIT` years on ``on``."""
    return age_on(birth, on) < CHILD_AGE_LIMIT


@lru_cache(maxsize=None)
def _endings(language: str) -> tuple[str, ...]:
    return ("",) + _WORD_ENDINGS.get(language, INFLECTIONS.get(language, ()))


@lru_cache(maxsize=None)
def _child_word_forms(language: str) -> tuple[str, ...]:
    """Every child word with every ending: one ``endswith`` call rules out most tokens."""
    return tuple(word + ending for word in _CHILD_WORDS[language] for ending in _endings(language))


def _child_word(lower: str, language: str) -> str | None:
    if lower.endswith("-"):
        return None  # "Barne- og familiedepartementet"
    if not lower.endswith(_child_word_forms(language)) or lower.startswith(_NOT_CHILD[language]):
        return None
    endings = _endings(language)
    for word in _CHILD_WORDS[language]:
        for ending in endings:
            if lower.endswith(word + ending):
                head_start = len(lower) - len(word + ending)
                # English compounds are written apart: only the whole word counts there.
                if language == "en" and head_start:
                    continue
                return word
    return None


def _minor_en(tokens, index: int) -> bool:
    """'a minor' the person, not 'a minor injury'."""
    if index == 0 or tokens[index - 1].lower not in {"a", "the", "as", "unaccompanied", "is", "was"}:
        return False
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return following in {"", "who", "under", "aged", "and", "at", "in", "of", "with", "is", "was", "when"}


def child_signals(text: str, language: str, on: date | None = None) -> list[ChildSignal]:
    """Child words, ages and birth dates next to a person in ``text``."""
    language = language if language in _CHILD_WORDS else "nb"
    on = on or date.today()
    signals: list[ChildSignal] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        tokens = tokenize(sentence, offset=start)
        for token in tokens:
            # A capitalised child word mid-sentence is a name of an institution ("Barnehagen Solstua").
            if token.is_capitalised and token.index > 0 and language != "en":
                continue
            if language == "en" and token.is_capitalised and token.index > 0:
                continue
            word = _child_word(token.lower, language)
            if word:
                specific = _is_specific(tokens, token.index, word, language)
                reason = f"child word: {token.lower}" + ("" if specific else " (generic)")
                signals.append(ChildSignal(token.start, token.end, reason, specific=specific))
            elif language == "en" and token.lower == "minor" and _minor_en(tokens, token.index):
                signals.append(ChildSignal(token.start, token.end, "child word: minor"))
        for pattern in _AGE_PATTERNS[language]:
            for match in pattern.finditer(sentence):
                age = int(match.group(1))
                if match.group(0).lower().startswith("under"):
                    # "under 16 år": younger than the number, so a child when it is at most the limit.
                    if age <= CHILD_AGE_LIMIT:
                        signals.append(
                            ChildSignal(start + match.start(), start + match.end(), f"under {age} years (generic)", age - 1, False)
                        )
                    continue
                if _SCHOOL_CLASS.search(match.group(0)):
                    age += 5  # first class at six
                if age < CHILD_AGE_LIMIT:
                    signals.append(ChildSignal(start + match.start(), start + match.end(), f"age {age}", age))
        for match in _AGE_IN_BRACKETS.finditer(sentence):
            age = int(match.group(1))
            if age < CHILD_AGE_LIMIT:
                signals.append(ChildSignal(start + match.start(), start + match.end(), f"age {age}", age))
        for match in _BIRTH_DATE.finditer(sentence):
            birth = _parse_date(match)
            if birth is None or birth > on:
                continue
            age = age_on(birth, on)
            if age < CHILD_AGE_LIMIT:
                signals.append(
                    ChildSignal(start + match.start(), start + match.end(),
                                f"born {birth.isoformat()}: age {age} on {on.isoformat()}", age)
                )
    return signals


def find_child_signals(text: str, language: str, on: date | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` for each child signal of ``text``, generic ones included."""
    return [(signal.start, signal.end, signal.reason) for signal in child_signals(text, language, on)]


def child_data(
    text: str, language: str, on: date | None = None, birth_dates: Iterable[date] = ()
) -> tuple[bool, list[str]]:
    """Whether ``text`` holds data about a child, with the reasons.

    ``birth_dates`` are those decoded from identifiers found in the text (fødselsnummer,
    D-nummer, CPR). Generic mentions of children do not count.
    """
    on = on or date.today()
    reasons = [
        f"identifier of a person born {birth.isoformat()}: age {age_on(birth, on)} on {on.isoformat()}"
        for birth in sorted(set(birth_dates))
        if birth <= on and is_child(birth, on)
    ]
    reasons += [signal.reason for signal in child_signals(text, language, on) if signal.specific]
    return bool(reasons), reasons


_DEFINITE_ENDINGS = {
    "nb": ("et", "en", "a", "ene"),
    "nn": ("et", "en", "a", "ane", "ene"),
    "da": ("et", "en", "ene", "erne", "ne"),
}
_EN_DETERMINERS = {"the", "this", "that", "my", "his", "her", "our", "their", "your", "whose"}


def _is_specific(tokens, index: int, word: str, language: str) -> bool:
    """A definite form or a determiner: "barnet", "eleven", "the child", "her son's pupil"."""
    lower = tokens[index].lower
    if language == "en":
        previous = tokens[index - 1].lower if index > 0 else ""
        return previous in _EN_DETERMINERS
    if word in ("mindreårig", "umyndig", "nyfødt", "nyfødd") and lower == word:
        return True  # "søkeren er mindreårig"
    if lower == word:
        # Words listed in a definite form: "gutten", "jenta", "babyen", "barna", Danish "barnet".
        return word.endswith(("et", "en", "a"))
    return lower.endswith(_DEFINITE_ENDINGS[language])


def _parse_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    for suffix in "1234":
        day, month, year = groups.get("d" + suffix), groups.get("m" + suffix), groups.get("y" + suffix)
        if day is None:
            continue
        month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        if month_number is None:
            return None
        try:
            return date(int(year), month_number, int(day))
        except ValueError:
            return None
    return None
