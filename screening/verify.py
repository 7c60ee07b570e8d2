"""Fail-closed verification of a written copy.

Three checks, any failure keeps the copy from being delivered:

1. every replaced value is searched in every piece of text the adapter can find in the written file
   (all parts, attributes, metadata, decompressed streams): letters case-sensitively and as a whole word
   (also with a genitive ending), numbers by their digits whatever the spacing;
2. the copy is read back with the same adapter (it must still open);
3. the copy is analysed again: an identifier, contact datum or address found there that was not a
   placeholder is a leftover. (Names found again by the statistical model are not counted: replacing a
   name changes the context the model sees, so its output on the copy is not comparable.)

Problems are described by type and location, never by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from screening.document import Adapter, FormatError, Plan

_DIGIT_RUN = re.compile(r"\+?\d(?:[\d]|[ .\-/](?=\d)){4,}")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+(?:_\d+)?\]")
REANALYSED_TYPES_EXCLUDED = frozenset({"PERSON"})


@dataclass(frozen=True)
class Leftover:
    entity_type: str
    where: str

    def describe(self) -> str:
        return f"{self.entity_type} still present in {self.where}"


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _is_numeric(value: str) -> bool:
    digits = _digits(value)
    return len(digits) >= 5 and len(digits) >= len(re.sub(r"\s", "", value)) * 0.6


_GENITIVE = r"(?:'s|’s|s|'|’)?"


def _alternation(values: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """One regex for many values: each as a whole word, also with a genitive ending."""
    ordered = sorted(set(values), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(rf"(?<!\w)(?P<v>{'|'.join(map(re.escape, ordered))}){_GENITIVE}(?!\w)", flags)


def search_values(texts: Iterable[str], values: dict[str, str]) -> list[Leftover]:
    """Leftovers of ``values`` (value -> entity type) in ``texts``; each type reported once per place.

    Letters are matched case-sensitively (a name "Stein" must not match the word "stein"), also in
    capitals, e-mail addresses in any case; numbers by their digits, whatever the spacing.
    """
    numeric = {_digits(v): t for v, t in values.items() if _is_numeric(v)}
    words = {v: t for v, t in values.items() if not _is_numeric(v) and len(v.strip()) >= 2}
    exact = {v: t for v, t in words.items() if "@" not in v}
    folded = {v.casefold(): t for v, t in words.items() if "@" in v}
    upper = {v.upper(): t for v, t in words.items() if len(v) >= 4 and "@" not in v}
    any_case = _alternation(folded, re.IGNORECASE)
    longest_address = max((len(v) for v in folded), default=0)
    found: list[Leftover] = []
    for text in _joined(texts):
        hits: set[str] = set()
        if numeric:
            for match in _DIGIT_RUN.finditer(text):
                entity = numeric.get(_digits(match.group()))
                if entity:
                    hits.add(entity)
        # One regex over a megabyte tries every value at every word start: narrowed first to the values
        # whose first word stands in the text, it gives the same matches at a small part of the cost.
        words_here = set(_WORD_RUN.findall(text)) if exact or upper else set()
        for types in (exact, upper):
            pattern = _alternation(v for v in types if _may_occur(v, words_here))
            if pattern is not None:
                hits.update(types[match.group("v")] for match in pattern.finditer(text))
        if any_case is not None:
            hits.update(folded[value.casefold()] for value in _around_at_signs(any_case, text, longest_address))
        found.extend(Leftover(entity, "the written file") for entity in sorted(hits))
    return sorted(set(found), key=lambda leftover: leftover.entity_type)


_WORD_RUN = re.compile(r"\w+")


def _may_occur(value: str, words: set[str]) -> bool:
    """False only when ``value`` cannot match as a whole word (with a genitive) anywhere in the text.

    Where a value matches, the text's word at the place of the value's first word is that word, or
    that word plus the genitive "s" when the value is one word: the word boundaries of the pattern
    and the value's own non-word characters delimit it.
    """
    first = _WORD_RUN.search(value)
    return first is None or first.group() in words or first.group() + "s" in words


def _around_at_signs(pattern: re.Pattern[str], text: str, longest: int) -> Iterable[str]:
    """The e-mail addresses ``pattern`` finds in ``text``, searched only around its "@" signs.

    Every value of the pattern holds an "@", which no other character matches in any case, so a
    match lies within ``longest`` characters of one. Only matches over the window's own "@" count:
    they end far enough before the window does that the pattern's look-ahead still sees the text (and
    its look-behind sees the text before the window).
    """
    position = text.find("@")
    while position != -1:
        start, end = max(0, position - longest), min(len(text), position + longest + 4)
        for match in pattern.finditer(text, start, end):
            if match.start() <= position < match.end():
                yield match.group("v")
        position = text.find("@", position + 1)


def _joined(texts: Iterable[str], size: int = 1 << 20) -> Iterable[str]:
    """The texts joined by line breaks into pieces of about a megabyte: one regex pass each.

    A line break is no word character, so no value is found across two texts.
    """
    buffer: list[str] = []
    length = 0
    for text in texts:
        if not text:
            continue
        buffer.append(text)
        length += len(text) + 1
        if length >= size:
            yield "\n".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "\n".join(buffer)


def verify_copy(
    adapter: Adapter,
    out_path: Path,
    plan: Plan,
    reanalyse,
    search_types: Iterable[str] | None = None,
    exclude_values: Iterable[str] = (),
) -> list[Leftover]:
    """Everything that is wrong with a written copy; an empty list means it may be delivered.

    ``reanalyse(document) -> findings`` runs the analysis and policy on the re-read copy.
    ``exclude_values`` are not searched: a lone name that is also a word ("Storm") may rightly stay
    where it is the word.
    """
    excluded = set(exclude_values)
    values = {
        r.original: r.entity_type
        for r in plan
        if r.original.strip() and r.original not in excluded and (search_types is None or r.entity_type in search_types)
    }
    leftovers = search_values(adapter.raw_texts(out_path), values)
    try:
        copy = adapter.read(out_path)
    except FormatError as error:
        return leftovers + [Leftover("FILE", f"the copy, which no longer opens ({error})")]
    for finding in reanalyse(copy):
        if finding.entity_type in REANALYSED_TYPES_EXCLUDED or finding.category == "special":
            continue
        text = copy.segment(finding.segment_id).text
        if _PLACEHOLDER.search(text[max(0, finding.start - 1):finding.end + 1]):
            continue
        location = copy.segment(finding.segment_id).location.describe()
        leftovers.append(Leftover(finding.entity_type, location))
    return leftovers
