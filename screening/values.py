"""Finding known values in text fast: the job's names and numbers, wherever they stand again.

A regex alternation of every value of a job would be compiled again whenever a value comes, which is
every few units of a translation memory. The index keys each value by its first word, so a text costs
one pass over its words, whatever the number of values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

_WORD = re.compile(r"\w+")
_GENITIVE = re.compile(r"'s|’s|s|'|’")


@dataclass(frozen=True)
class ValueMatch:
    """Where a value stands: ``value`` from ``start``, then an optional genitive ending to ``end``."""

    value: str
    start: int
    value_end: int
    end: int

    @property
    def genitive(self) -> str:
        return "" if self.end == self.value_end else "genitive"


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class ValueIndex:
    """The values of a job, keyed by their first word."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[tuple[int, str]]] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, value: str) -> None:
        first = _WORD.search(value)
        if first is None:
            return
        entries = self._by_word.setdefault(first.group(), [])
        if any(v == value for _, v in entries):
            return
        entries.append((first.start(), value))
        entries.sort(key=lambda entry: len(entry[1]), reverse=True)  # the longest value wins at a place
        self._count += 1

    def finditer(self, text: str) -> Iterator[ValueMatch]:
        """Non-overlapping whole-word occurrences, left to right, as a regex alternation would find them.

        A value neither starts nor stops inside a word or at a hyphen that joins two words
        ("Al-Hassan"), and may carry a genitive ending.
        """
        last_end = 0
        for word in _WORD.finditer(text):
            token = word.group()
            candidates = self._by_word.get(token)
            if not candidates and token.endswith("s"):  # "Olas": "Ola" with a genitive s
                candidates = self._by_word.get(token[:-1])
            if not candidates:
                continue
            for offset, value in candidates:
                start = word.start() - offset
                if start < last_end or not text.startswith(value, start):
                    continue
                if start > 0 and (_is_word_char(text[start - 1]) or (
                        text[start - 1] == "-" and start > 1 and _is_word_char(text[start - 2]))):
                    continue
                value_end = start + len(value)
                genitive = _GENITIVE.match(text, value_end)
                end = genitive.end() if genitive and not (genitive.end() < len(text) and _is_word_char(text[genitive.end()])) else value_end
                if end < len(text) and (_is_word_char(text[end]) or (
                        text[end] == "-" and end + 1 < len(text) and _is_word_char(text[end + 1]))):
                    continue
                yield ValueMatch(value, start, value_end, end)
                last_end = end
                break
