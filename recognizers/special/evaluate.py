"""Sentence-level precision and recall of the special-category detection.

Run ``python -m recognizers.special.evaluate`` from the repository root. It reads the
labelled sentences of ``tests/data/special/sentences_*.jsonl`` (one JSON object a line:
``{"lang": "nb", "text": "...", "categories": ["health"]}``, an empty list for a
negative), classifies each text with :func:`classify_sentences` and prints, per
category, true positives, false positives, false negatives, precision, recall and F1.
``--heldout`` scores ``heldout*.jsonl`` instead (sentences written apart and scored only
after a round of lexicon work); ``--errors`` lists the misclassified sentences (all synthetic).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .classifier import classify_sentences
from .lexicon import CATEGORIES

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "special"


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Evaluation:
    per_category: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    sentences: int = 0
    negatives: int = 0
    errors: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.per_category.values():
            total.true_positive += counts.true_positive
            total.false_positive += counts.false_positive
            total.false_negative += counts.false_negative
        return total


def load(paths: list[Path]) -> list[dict]:
    items = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            items.extend(json.loads(line) for line in handle if line.strip())
    return items


def evaluate(items: list[dict]) -> Evaluation:
    result = Evaluation()
    for item in items:
        expected = set(item["categories"])
        found: set[str] = set()
        for _, _, categories in classify_sentences(item["text"], item["lang"]):
            found |= categories
        result.sentences += 1
        result.negatives += not expected
        for category in CATEGORIES:
            counts = result.per_category[category]
            if category in expected and category in found:
                counts.true_positive += 1
            elif category in found:
                counts.false_positive += 1
            elif category in expected:
                counts.false_negative += 1
        if found != expected:
            result.errors.append((item["lang"], item["text"], sorted(expected), sorted(found)))
    return result


def format_table(result: Evaluation, title: str) -> str:
    lines = [
        f"{title}: {result.sentences} sentences, {result.sentences - result.negatives} sensitive, "
        f"{result.negatives} negatives",
        f"{'category':<20}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}",
    ]
    rows = list(result.per_category.items()) + [("micro average", result.micro)]
    for name, counts in rows:
        lines.append(
            f"{name:<20}{counts.true_positive:>5}{counts.false_positive:>5}{counts.false_negative:>5}"
            f"{counts.precision:>11.3f}{counts.recall:>8.3f}{counts.f1:>7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of the labelled JSONL files")
    parser.add_argument("--heldout", action="store_true", help="score the held-out sentences")
    parser.add_argument("--lang", choices=("nb", "nn", "da", "en"), help="only this language")
    parser.add_argument("--errors", action="store_true", help="list misclassified sentences")
    args = parser.parse_args(argv)
    paths = sorted(args.data.glob("heldout*.jsonl" if args.heldout else "sentences_*.jsonl"))
    items = [item for item in load(paths) if not args.lang or item["lang"] == args.lang]
    result = evaluate(items)
    title = "held-out sets (" + ", ".join(path.name for path in paths) + ")" if args.heldout else "labelled set"
    print(format_table(result, title))
    if args.errors:
        for language, text, expected, found in result.errors:
            print(f"[{language}] expected {expected or '-'} found {found or '-'}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
