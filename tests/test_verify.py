"""The leftover search of the verification: narrowed for speed, it must find what a plain search finds."""

from __future__ import annotations

import random
import re

from screening.verify import _digits, _is_numeric, search_values

_GENITIVE = r"(?:'s|’s|s|'|’)?"


def _plain_search(texts: list[str], values: dict[str, str]) -> set[str]:
    """The straightforward search: one alternation of all values over the joined texts, no narrowing."""
    text = "\n".join(t for t in texts if t)
    hits: set[str] = set()
    numeric = {_digits(v): t for v, t in values.items() if _is_numeric(v)}
    for match in re.finditer(r"\+?\d(?:[\d]|[ .\-/](?=\d)){4,}", text):
        if _digits(match.group()) in numeric:
            hits.add(numeric[_digits(match.group())])
    words = {v: t for v, t in values.items() if not _is_numeric(v) and len(v.strip()) >= 2}
    groups = (
        ({v: t for v, t in words.items() if "@" not in v}, 0, None),
        ({v.casefold(): t for v, t in words.items() if "@" in v}, re.IGNORECASE, str.casefold),
        ({v.upper(): t for v, t in words.items() if len(v) >= 4 and "@" not in v}, 0, None),
    )
    for types, flags, key in groups:
        if not types:
            continue
        alternatives = "|".join(map(re.escape, sorted(types, key=len, reverse=True)))
        for match in re.finditer(rf"(?<!\w)(?P<v>{alternatives}){_GENITIVE}(?!\w)", text, flags):
            hits.add(types[key(match.group("v")) if key else match.group("v")])
    return hits


VALUES = {
    "Kari Nordmann": "PERSON",
    "Nordmann": "PERSON",
    "Øyvind Ås-Ødegård": "PERSON",
    "Kirkeveien 48 B": "ADDRESS",
    "0368 Oslo": "ADDRESS",
    "kari.nordmann@eksempel.no": "EMAIL_ADDRESS",
    "Ola@Firma.NO": "EMAIL_ADDRESS",
    "150387 23585": "NO_FODSELSNUMMER",
    "+47 412 55 983": "PHONE_NUMBER",
    "AB 12345": "NO_LICENSE_PLATE",
    "(Jensen)": "PERSON",
    "Li": "PERSON",
}

FILLERS = ["", " ", "\n", "x", "s", "'s", "’s", "’", "-", "@", ".", ":", "AS", "ø", "_", "2", "<w:t>", "\"", "é"]


def _variants(value: str) -> list[str]:
    return [value, value.upper(), value.lower(), value.swapcase(), value[:-1], value[1:], value.replace(" ", "  ")]


def test_narrowed_search_finds_what_the_plain_search_finds() -> None:
    rng = random.Random(11)
    pieces = [v for value in VALUES for v in _variants(value)] + FILLERS
    for _ in range(1500):
        texts = ["".join(rng.choice(pieces) + rng.choice(FILLERS) for _ in range(rng.randint(0, 8)))
                 for _ in range(rng.randint(1, 3))]
        chosen = dict(rng.sample(sorted(VALUES.items()), rng.randint(1, len(VALUES))))
        found = {leftover.entity_type for leftover in search_values(texts, chosen)}
        assert found == _plain_search(texts, chosen), (texts, chosen)


def test_leftovers_in_a_large_text_are_found_and_clean_text_passes() -> None:
    clean = " ".join(["[PERSON_1] bor i [ADDRESS_1] og har e-post [EMAIL_ADDRESS_1]."] * 30000)
    assert search_values([clean], VALUES) == []
    for value, entity_type in VALUES.items():
        dirty = clean[:400000] + f" {value}s " + clean[400000:]
        assert {leftover.entity_type for leftover in search_values([dirty], VALUES)} == {entity_type}, value
    shouted = clean + " KIRKEVEIEN 48 B "
    assert {leftover.entity_type for leftover in search_values([shouted], VALUES)} == {"ADDRESS"}
    mail = clean + " <w:t>KARI.NORDMANN@EKSEMPEL.NO</w:t>"
    assert {leftover.entity_type for leftover in search_values([mail], VALUES)} == {"EMAIL_ADDRESS", "PERSON"}
