"""Placeholders numbered consistently for a whole job, genitive endings, and masking.

The same value gets the same placeholder in every file of a job: values are compared in their canonical
form (``recognizers.normalize``: digits only for numbers, lower case for e-mail addresses...), and a
person named only by surname or first name elsewhere ("Nordmann", "Kari") gets the placeholder of the
full name when exactly one known full name fits. A Norwegian or Danish genitive ("Karis", "Lars'") or an
English one ("Kari's") stays outside the placeholder: "[PERSON_1]s".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import recognizers
from screening.names import given_names, surnames

# Values that are one person: a placeholder per person, not per spelling.
NAME_TYPES = frozenset({"PERSON"})
_GENITIVE = re.compile(r"^(?P<stem>.*\w)(?P<ending>'s|’s|s|'|’)$", re.UNICODE)


def split_genitive(value: str, known: set[str] | frozenset[str] = frozenset()) -> tuple[str, str]:
    """A name and its genitive ending: ("Karis" -> "Kari", "s"); names ending in s stay whole.

    "Lars" is a name and stays; "Olas" is "Ola" + "s" because "Ola" is a known name (in this job or
    in the name lists) and "Olas" is not.
    """
    match = _GENITIVE.match(value)
    if not match:
        return value, ""
    stem, ending = match.group("stem"), match.group("ending")
    if ending != "s":  # an apostrophe marks the genitive for sure
        return stem, ending
    names = given_names() | surnames()
    last_token = value.split()[-1]
    stem_last = stem.split()[-1]
    if value in known or (last_token in names and stem not in known):
        return value, ""
    if stem in known or stem_last in names:
        return stem, ending
    return value, ""


def mask(value: str, keep_digits: int = 2) -> str:
    """The shape of a value without its content: "Kari Nordmann" -> "K*** N*******", "0101..." -> "01*********".

    ``keep_digits`` leading digits stay (6 shows the birth date of an identity number: "150786*****").
    """
    out = []
    word_start = True
    digits_seen = 0
    for char in value:
        if char.isdigit():
            out.append(char if digits_seen < keep_digits else "*")
            digits_seen += 1
            word_start = False
        elif char.isalpha():
            out.append(char if word_start else "*")
            word_start = False
        else:
            out.append(char)
            word_start = True
    return "".join(out)


@dataclass
class PlaceholderBook:
    """The job-wide numbering: (entity type, canonical value) -> "[TYPE_n]"."""

    _numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)
    _name_tokens: dict[str, set[str]] = field(default_factory=dict)  # token -> labels of full names
    _known: set[str] = field(default_factory=set)  # person values seen and their single names

    def __post_init__(self) -> None:
        # A book restored from a vault knows its names again.
        for label, original in self._originals.items():
            if label.startswith("[PERSON_"):
                self._known.add(original)
                self._known.update(original.split())

    def key(self, entity_type: str, value: str) -> str:
        canonical = recognizers.normalize(entity_type, value)
        return canonical.casefold() if entity_type in NAME_TYPES else canonical

    def known_names(self) -> set[str]:
        """Person values of the job and their single names, for telling a genitive from a name."""
        return self._known

    def label(self, entity_type: str, value: str) -> str:
        """The placeholder of a value, numbering it when it is new to the job."""
        key = self.key(entity_type, value)
        number = self._numbers.get((entity_type, key))
        if number is None and entity_type in NAME_TYPES:
            number = self._partial_name(key)
        if number is None:
            number = self._counters.get(entity_type, 0) + 1
            self._counters[entity_type] = number
        self._numbers[(entity_type, key)] = number
        placeholder = f"[{entity_type}_{number}]"
        self._originals.setdefault(placeholder, value)
        if entity_type in NAME_TYPES and placeholder.startswith("[PERSON_"):
            self._known.add(value)
            self._known.update(value.split())
        if entity_type in NAME_TYPES and " " in key:
            for token in key.split():
                if len(token) > 1 and not token.endswith("."):
                    self._name_tokens.setdefault(token, set()).add(placeholder)
        return placeholder

    def _partial_name(self, key: str) -> int | None:
        """The number of the one known full name that this single name or "K. Nordmann" is part of."""
        tokens = key.split()
        surname = tokens[-1]
        candidates = self._name_tokens.get(surname, set())
        if len(tokens) > 1:
            initials = [t.rstrip(".") for t in tokens[:-1]]
            if not all(len(i) == 1 for i in initials):
                return None
            candidates = {
                label for label in candidates
                if self.key("PERSON", self._originals[label]).split()[0].startswith(initials[0])
            }
        if len(candidates) != 1:
            return None
        (label,) = candidates
        return int(label.rsplit("_", 1)[1].rstrip("]"))

    def originals(self) -> dict[str, str]:
        """Placeholder -> the first original value seen for it (for the vault)."""
        return dict(self._originals)
