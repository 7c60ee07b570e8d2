"""A hand-made plan for adapter tests: what the job's placeholder book would give the planted values."""

from __future__ import annotations

import re

from screening.document import Document, Plan, Replacement


def make_plan(document: Document, values: dict[str, str]) -> tuple[Plan, dict[str, str]]:
    """Every occurrence of each value (longest first, never overlapping), one placeholder per value."""
    numbers: dict[str, int] = {}
    labels: dict[str, str] = {}
    replacements = []
    for segment in document.segments:
        taken: list[tuple[int, int]] = []
        for value in sorted(values, key=len, reverse=True):
            for match in re.finditer(re.escape(value), segment.text):
                if any(match.start() < e and match.end() > s for s, e in taken):
                    continue
                kind = values[value]
                if value not in labels:
                    numbers[kind] = numbers.get(kind, 0) + 1
                    labels[value] = f"[{kind}_{numbers[kind]}]"
                taken.append((match.start(), match.end()))
                replacements.append(Replacement(segment.id, match.start(), match.end(), value, labels[value],
                                                labels[value], kind))
    return Plan(replacements), labels
