"""Score the shipped pipelines: ``python -m models.evaluate``.

For each test split (NorNE Bokmål test with ``models/nb``, NorNE Nynorsk test with ``models/nn``,
UNER Danish test with ``models/da``) the pipeline reads the raw sentence text, so its own
tokenizer is part of what is measured. An entity counts as correct when its character span and
label equal the gold entity exactly. Precision, recall and F1 are given per label and "overall"
micro-averaged over PER, ORG and LOC (MISC is reported for NorNE but not counted, and UNER
Danish has no MISC in its gold column). Speed is words per second of ``nlp.pipe`` on one core:
the BLAS/OpenMP pools are limited to one thread before numpy is imported.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from models.datasets import CORE_LABELS, find_datasets_dir, norne_docs, uner_danish_docs  # noqa: E402

MODELS_DIR = Path(__file__).resolve().parent
Entity = tuple[int, int, int, str]  # sentence index, start char, end char, label


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _entities(docs: list[Doc]) -> set[Entity]:
    return {(i, ent.start_char, ent.end_char, ent.label_) for i, doc in enumerate(docs) for ent in doc.ents}


def score(gold: list[Doc], predicted: list[Doc], labels: tuple[str, ...]) -> dict[str, Scores]:
    """Exact-span scores per label plus ``overall`` over ``CORE_LABELS``."""
    gold_ents, pred_ents = _entities(gold), _entities(predicted)
    result = {label: Scores() for label in labels}
    result["overall"] = Scores()
    for label in labels:
        g = {e for e in gold_ents if e[3] == label}
        p = {e for e in pred_ents if e[3] == label}
        counts = result[label]
        counts.tp, counts.fp, counts.fn = len(g & p), len(p - g), len(g - p)
        if label in CORE_LABELS:
            result["overall"].tp += counts.tp
            result["overall"].fp += counts.fp
            result["overall"].fn += counts.fn
    return result


def words_per_second(nlp: Language, texts: list[str], repeat: int = 2) -> float:
    """Best of ``repeat`` passes of ``nlp.pipe`` over ``texts``, counted in whitespace words."""
    words = sum(len(text.split()) for text in texts)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = min(best, time.perf_counter() - started)
    return words / best


def lemma_accuracy(gold: list[Doc], predicted: list[Doc]) -> float:
    """Share of tokens whose predicted lemma equals the gold one (where tokenisations agree)."""
    hits = Counter()
    for g, p in zip(gold, predicted):
        if [t.text for t in g] != [t.text for t in p]:
            continue
        for gt, pt in zip(g, p):
            hits["total"] += 1
            hits["ok"] += gt.lemma_ == pt.lemma_
    return hits["ok"] / hits["total"] if hits["total"] else 0.0


def evaluate(models_dir: Path, datasets: Path, speed: bool = True) -> list[str]:
    lines = [f"{'split':<20} {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    print(lines[0], flush=True)
    for name, lang, loader, labels in (
        ("NorNE nob test", "nb", lambda v: norne_docs(datasets, "nob", "test", v), CORE_LABELS + ("MISC",)),
        ("NorNE nno test", "nn", lambda v: norne_docs(datasets, "nno", "test", v), CORE_LABELS + ("MISC",)),
        ("UNER Danish test", "da", lambda v: uner_danish_docs(datasets, "test", v), CORE_LABELS),
    ):
        start = len(lines)
        nlp = spacy.load(models_dir / lang)
        gold = loader(nlp.vocab)
        texts = [doc.text for doc in gold]
        predicted = list(nlp.pipe(texts, batch_size=256))
        for label, counts in score(gold, predicted, labels).items():
            lines.append(f"{name:<20} {label:<8} {counts.precision:6.3f} {counts.recall:6.3f} "
                         f"{counts.f1:6.3f} {counts.tp + counts.fn:5d}")
        if lang != "da":
            lines.append(f"{name:<20} lemma accuracy {lemma_accuracy(gold, predicted):.3f}")
        if speed:
            lines.append(f"{name:<20} speed {words_per_second(nlp, texts):,.0f} words/s (1 thread)")
        print("\n".join(lines[start:]), flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=MODELS_DIR)
    parser.add_argument("--datasets", type=Path, default=None)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    spacy.util.fix_random_seed(0)
    evaluate(args.models, args.datasets or find_datasets_dir(MODELS_DIR.parent), speed=not args.no_speed)


if __name__ == "__main__":
    main()
