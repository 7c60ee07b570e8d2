"""The value index finds the job's values as whole words, also in the genitive, never inside a word."""

from __future__ import annotations

from screening.values import ValueIndex


def _found(values: list[str], text: str) -> list[tuple[str, str]]:
    index = ValueIndex()
    for value in values:
        index.add(value)
    return [(m.value, text[m.start:m.end]) for m in index.finditer(text)]


def test_whole_words_longest_first_and_genitive() -> None:
    values = ["Kari", "Kari Nordmann", "Nordmann", "+47 412 55 983"]
    text = "Kari Nordmanns bil. Karianne ringte. Ring +47 412 55 983 eller Kari's kontor, og Nordmann."
    assert _found(values, text) == [
        ("Kari Nordmann", "Kari Nordmanns"),
        ("+47 412 55 983", "+47 412 55 983"),
        ("Kari", "Kari's"),
        ("Nordmann", "Nordmann"),
    ]


def test_a_hyphen_joins_a_name() -> None:
    assert _found(["Al", "Hassan", "Amira Al-Hassan"], "Amira Al-Hassan og Al-Hassan-familien") == [
        ("Amira Al-Hassan", "Amira Al-Hassan"),
    ]
