"""Sentences and tokens, without spaCy.

The recognizer must work on a blank spaCy pipeline, which has no sentencizer, and the
evaluation command must work without spaCy at all, so both are done here with regular
expressions. Sentences end at ``.``, ``!``, ``?`` followed by space and an upper-case
letter, digit or quote, and at line breaks; common abbreviations ("f.eks.", "dr.",
"nr.", "Mr.") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end with a dot but rarely end a sentence (lowercase, without the dot).
_ABBREVIATIONS = frozenset(
    """f.eks ca dvs bl.a jf mht nr dr mr mrs ms prof st kl tlf osv evt inkl ekskl
    etc e.g i.e vs no fig mv pga vedr ref adv adm dir sr jr ph.d cand.med
    """.split()
)

# A line break ends a sentence unless the next line goes on in lower case: hard-wrapped prose
# ("Hun er\ndiagnostisert med ...") stays one sentence, form lines ("Navn: ...\nTelefon: ...") do not.
_BOUNDARY = re.compile(
    r"(?<=[.!?…])[\"'»”)]*\s+(?=[\"'«“(]?[A-ZÆØÅÄÖÜ0-9])|\n[ \t]*\n\s*|\n[ \t]*(?![a-zæøåäöüé])"
)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*-?", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word of the text with its character offsets and lowercased form."""

    text: str
    start: int
    end: int
    index: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text``, stripped of spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if "\n" not in match.group(0):
            before = text[start : match.start()]
            last_word = before.rsplit(None, 1)[-1] if before.strip() else ""
            word = last_word.rstrip(".").lower().lstrip("([\"'«")
            # "(CPR-nr. 300652-0838)", "Tlf.nr.": the abbreviation ends a compound.
            if word in _ABBREVIATIONS or word.rsplit("-", 1)[-1] in _ABBREVIATIONS:
                continue
            # "3. mars", initials ("K. Nordmann"): a single letter or number before the dot.
            stripped = last_word.rstrip(".")
            if last_word.endswith(".") and (len(stripped) == 1 or stripped.isdigit()):
                continue
        _add_span(text, start, match.start(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split into word tokens; hyphenated and dotted words ("HIV-positiv", "DC50.9") stay one token."""
    tokens = []
    for index, match in enumerate(_TOKEN.finditer(text)):
        # A trailing hyphen is kept: "Barne- og familiedepartementet" is a truncated compound.
        tokens.append(Token(match.group(0), offset + match.start(), offset + match.end(), index))
    return tokens
