"""Signals that a sentence is about a specific person.

A diagnosis is special-category data only when it belongs to someone: "Kari Nordmann har
brystkreft" is, "Kreft er en alvorlig sykdom" is not. Strong signals are person entities
from a trained NER model (when the pipeline has one), given names and surnames, a title
followed by a capitalised word, third-person and first-person-singular pronouns, role nouns
in the definite singular ("pasienten", "den ansatte") and personal identification numbers.
Second person ("du", "din") is a weaker signal: it is also the voice of privacy notices.

Given names and surnames come from Faker's person providers for Norway, Denmark and the
United States (MIT licence), an installed, well-kept list; no name data is kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, word_matches
from .text import Token

TITLES = frozenset(
    "fru herr frk frøken dr mr mrs ms miss sir professor prof advokat statsminister".split()
)
# Fødselsnummer / D-nummer (11 digits, often 6+5) and CPR (6-4).
_ID_NUMBER = re.compile(r"(?<!\d)(?:\d{6}[ -]?\d{5}|\d{6}-\d{4})(?!\d)")


@dataclass(frozen=True)
class PersonSignal:
    """Why a sentence is taken to be about a person."""

    kind: str  # entity | name | title | pronoun | role | id | addressee
    start: int
    end: int
    strong: bool = True


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    from faker.providers.person.da_DK import Provider as Danish
    from faker.providers.person.en_US import Provider as English
    from faker.providers.person.no_NO import Provider as Norwegian

    names: set[str] = set()
    for provider in (Norwegian, Danish, English):
        for attribute in ("first_names", "first_names_male", "first_names_female", "last_names"):
            values = getattr(provider, attribute, ())
            names.update(values.keys() if isinstance(values, dict) else values)
    return frozenset(name for name in names if len(name) > 1)


def has_id_number(text: str) -> bool:
    """A fødselsnummer, D-nummer or CPR number shape anywhere in ``text``."""
    return _ID_NUMBER.search(text) is not None


def is_name(token: Token) -> bool:
    """A capitalised token that is a known given name or surname, also in the genitive."""
    if not token.is_capitalised or token.text.isupper():
        return False
    text = token.text.rstrip("’'")
    names = _names()
    return text in names or (text.endswith("s") and text[:-1] in names)


def _phrase_at(tokens: list[Token], index: int, parts: tuple[str, ...], language: str) -> bool:
    if index + len(parts) > len(tokens):
        return False
    return all(
        word_matches(tokens[index + offset].lower, part, language)
        for offset, part in enumerate(parts)
    )


def person_signals(
    tokens: list[Token],
    sentence: str,
    sentence_start: int,
    lexicon: Lexicon,
    entity_spans: tuple[tuple[int, int], ...] = (),
) -> list[PersonSignal]:
    """All person signals of one sentence (offsets are document offsets)."""
    language = lexicon.language
    signals: list[PersonSignal] = []
    sentence_end = sentence_start + len(sentence)
    for start, end in entity_spans:
        if start < sentence_end and end > sentence_start:
            signals.append(PersonSignal("entity", start, end))
    for match in _ID_NUMBER.finditer(sentence):
        signals.append(PersonSignal("id", sentence_start + match.start(), sentence_start + match.end()))
    for kind, strong in (("person", True), ("addressee", False)):
        for term in lexicon.helper(kind):
            parts = tuple(part.lower() for part in term.parts)
            for token in tokens:
                if not token.lower.startswith(parts[0]):
                    continue  # cheap test first: every match starts with the first word
                if _phrase_at(tokens, token.index, parts, language):
                    end_token = tokens[token.index + len(parts) - 1]
                    if term.case_sensitive and token.text != term.parts[0]:
                        continue
                    signals.append(PersonSignal("pronoun" if strong else "addressee", token.start, end_token.end, strong))
    for token in tokens:
        following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
        if token.lower.rstrip(".") in TITLES and following is not None and following.is_capitalised:
            signals.append(PersonSignal("title", token.start, following.end))
        elif is_name(token) and not (token.index == 0 and following is not None and not following.is_capitalised and _is_common_word(token, language)):
            signals.append(PersonSignal("name", token.start, token.end))
    return signals


@lru_cache(maxsize=None)
def _stop_words(language: str) -> frozenset[str]:
    import importlib

    module = importlib.import_module(f"spacy.lang.{'nb' if language == 'nn' else language}.stop_words")
    return frozenset(module.STOP_WORDS)


def _is_common_word(token: Token, language: str) -> bool:
    """A sentence-initial name that is also an ordinary word ("Will", "May", "Per" in "Per dag")."""
    return token.lower in _stop_words(language) or token.lower in {"per", "bo", "kim", "tor", "mai", "may", "will", "grant", "rose", "hope", "church", "young", "king", "long", "white", "black", "green", "brown", "rich"}


def has_strong_signal(signals: list[PersonSignal]) -> bool:
    return any(signal.strong for signal in signals)


__all__ = ["PersonSignal", "TITLES", "has_id_number", "has_strong_signal", "is_name", "person_signals"]
