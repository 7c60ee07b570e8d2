"""Precision and recall of the recognizers alone on the labelled sentences.

Run ``python -m recognizers.evaluate [FILES...]`` (default: tests/data/recognizers/*.jsonl).
Each line is ``{"lang": "nb", "text": ..., "entities": [{"type": ..., "text": ...}]}``;
a finding counts as correct when its entity type and exact text match an expected
entity of the sentence. The engine is a plain Presidio AnalyzerEngine with blank spaCy
pipelines, so the figures are those of the rules, without any NER model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from recognizers.registry import LANGUAGES, nordic_registry

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "recognizers"
THRESHOLD = 0.5
# The types the ≥ 0.97 target applies to (identifiers, phone and e-mail).
TARGET_TYPES = (
    "NO_FODSELSNUMMER", "NO_ORGANISASJONSNUMMER", "NO_KONTONUMMER", "DK_CPR", "DK_CVR",
    "SE_PERSONNUMMER", "FI_HETU", "IS_KENNITALA", "IBAN_CODE", "PHONE_NUMBER", "EMAIL_ADDRESS",
    "CREDIT_CARD",
)


def build_analyzer(languages: Sequence[str] = LANGUAGES) -> AnalyzerEngine:
    """AnalyzerEngine with this package's registry and blank spaCy tokenizers."""
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": lang, "model_name": "blank"} for lang in languages])
    # spaCy has no "nn" language; Nynorsk is tokenized with the Bokmål rules.
    nlp_engine.nlp = {lang: spacy.blank("nb" if lang == "nn" else lang) for lang in languages}
    return AnalyzerEngine(
        registry=nordic_registry(languages),
        nlp_engine=nlp_engine,
        supported_languages=list(languages),
        default_score_threshold=THRESHOLD,
    )


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)

    def precision(self, t: str) -> float:
        return self.tp[t] / (self.tp[t] + self.fp[t]) if self.tp[t] + self.fp[t] else 1.0

    def recall(self, t: str) -> float:
        return self.tp[t] / (self.tp[t] + self.fn[t]) if self.tp[t] + self.fn[t] else 1.0

    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def total(self, types: Iterable[str]) -> tuple[float, float]:
        types = list(types)
        tp = sum(self.tp[t] for t in types)
        fp = sum(self.fp[t] for t in types)
        fn = sum(self.fn[t] for t in types)
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def load(paths: Iterable[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def evaluate(rows: list[dict], analyzer: AnalyzerEngine | None = None) -> Scores:
    analyzer = analyzer or build_analyzer()
    scores = Scores()
    for i, row in enumerate(rows):
        found = Counter(
            (r.entity_type, row["text"][r.start : r.end])
            for r in analyzer.analyze(row["text"], language=row["lang"])
        )
        expected = Counter((e["type"], e["text"]) for e in row["entities"])
        for key in found | expected:
            hit = min(found[key], expected[key])
            scores.tp[key[0]] += hit
            scores.fp[key[0]] += found[key] - hit
            scores.fn[key[0]] += expected[key] - hit
            if found[key] != expected[key]:
                scores.errors.append((i, key[0], "FP" if found[key] > expected[key] else "FN"))
    return scores


def table(scores: Scores) -> str:
    lines = [f"{'entity type':24} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}"]
    for t in scores.types():
        p, r = scores.precision(t), scores.recall(t)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{t:24} {p:6.3f} {r:6.3f} {f1:6.3f} {scores.tp[t]:5d} {scores.fp[t]:4d} {scores.fn[t]:4d}")
    p, r = scores.total(TARGET_TYPES)
    lines.append(f"{'identifiers+phone+email':24} {p:6.3f} {r:6.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list sentence numbers of misses (no values)")
    args = parser.parse_args(argv)
    files = args.files or sorted(DEFAULT_DATA.glob("*.jsonl"))
    rows = load(files)
    scores = evaluate(rows)
    print(f"{len(rows)} sentences from {len(files)} files, threshold {THRESHOLD}")
    print(table(scores))
    if args.errors:
        for i, t, kind in scores.errors:
            print(f"sentence {i}: {kind} {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
