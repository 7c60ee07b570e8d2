"""`screen eval CORPUS`: precision and recall of the whole pipeline against gold annotations.

A gold file ``<name>.expected.json`` beside a document lists the personal data it holds (format in
``docs/gold-format.md``). Every document is run through the same code path as ``screen redact``
(``Job.process`` with an output folder), then:

- findings and gold are compared as sets of (entity type, value) per document: a value found once is
  replaced everywhere, so each distinct value counts once;
- the leak rate is the share of gold values (personal data, not special-category terms) still present
  anywhere in the delivered copy, searched like the verification does; quarantined copies are not
  delivered and are counted apart;
- the over-redaction rate is the share of the characters outside gold values that differ in the copy.
"""

from __future__ import annotations

import difflib
import json
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from screening.analysis import Analyzer
from screening.document import Document
from screening.formats import adapter_for
from screening.pipeline import STATUS_OK, STATUS_QUARANTINED, Job, Settings
from screening.verify import search_values

GOLD_SUFFIX = ".expected.json"
SPECIAL_TYPES = frozenset(
    {"HEALTH", "RELIGION", "ETHNICITY", "POLITICAL", "TRADE_UNION", "SEXUAL_ORIENTATION", "CRIMINAL", "GENETIC", "BIOMETRIC"}
)


def document_of(gold: Path) -> Path | None:
    """``x.docx.expected.json`` describes ``x.docx``; ``x.expected.json`` the single file ``x.*`` beside it."""
    target = gold.with_name(gold.name[: -len(GOLD_SUFFIX)])
    if target.is_file():
        return target
    candidates = [p for p in gold.parent.glob(target.name + ".*") if not p.name.endswith(".json")]
    return candidates[0] if len(candidates) == 1 else None


def gold_files(corpus: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) for every annotated document under a folder (or for one document)."""
    if corpus.is_file():
        gold = corpus.with_name(corpus.name + GOLD_SUFFIX)
        return [(corpus, gold)] if gold.exists() else []
    pairs = []
    for gold in sorted(corpus.rglob("*" + GOLD_SUFFIX)):
        document = document_of(gold)
        if document is not None:
            pairs.append((document, gold))
    return pairs


def _canonical(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip().rstrip(".,;:")).casefold()


@dataclass
class Scores:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "tp": self.true_positives, "fp": self.false_positives, "fn": self.false_negatives,
        }


@dataclass
class DocumentEvaluation:
    path: str
    status: str
    per_type: dict[str, Scores] = field(default_factory=dict)
    gold_values: int = 0
    leaked_values: int = 0
    leaked_types: list[str] = field(default_factory=list)
    changed_other_chars: int = 0
    other_chars: int = 0
    error: str | None = None


def compare(gold: Iterable[tuple[str, str]], found: Iterable[tuple[str, str]]) -> dict[str, Scores]:
    """Per-type scores of found (type, value) pairs against gold pairs, each distinct pair once."""
    gold_set = {(t, _canonical(v)) for t, v in gold}
    found_set = {(t, _canonical(v)) for t, v in found}
    scores: dict[str, Scores] = defaultdict(Scores)
    for pair in gold_set & found_set:
        scores[pair[0]].true_positives += 1
    for pair in found_set - gold_set:
        scores[pair[0]].false_positives += 1
    for pair in gold_set - found_set:
        scores[pair[0]].false_negatives += 1
    return dict(scores)


def _document_text(document: Document) -> str:
    return "\n".join(segment.text for segment in document.segments)


def changed_outside(original: str, copy: str, protected: Iterable[str]) -> tuple[int, int]:
    """(characters outside the protected values that the copy changed, characters outside them)."""
    mask = [False] * len(original)
    for value in protected:
        if not value.strip():
            continue
        for match in re.finditer(re.escape(value), original):
            for index in range(match.start(), match.end()):
                mask[index] = True
    other = mask.count(False)
    changed = 0
    matcher = difflib.SequenceMatcher(None, original, copy, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changed += sum(1 for index in range(i1, i2) if not mask[index])
    return changed, other


def evaluate_document(job: Job, document_path: Path, gold_path: Path, out_dir: Path) -> DocumentEvaluation:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold_pairs = [(e["type"], e["text"]) for e in gold.get("entities", [])]
    out_path = out_dir / document_path.name
    result = job.process(document_path, str(document_path), out_path)
    evaluation = DocumentEvaluation(path=str(document_path), status=result.status, error=result.error)
    found_pairs = [(f["entity_type"], f["value"]) for f in result.findings]
    evaluation.per_type = compare(gold_pairs, found_pairs)
    personal_gold = {v: t for t, v in gold_pairs if t not in SPECIAL_TYPES}
    evaluation.gold_values = len(personal_gold)
    if result.status == STATUS_OK and out_path.exists():
        adapter = adapter_for(out_path)
        for value, entity_type in personal_gold.items():
            if search_values(adapter.raw_texts(out_path), {value: entity_type}):
                evaluation.leaked_values += 1
                evaluation.leaked_types.append(entity_type)
        original = _document_text(adapter.read(document_path))
        copy = _document_text(adapter.read(out_path))
        evaluation.changed_other_chars, evaluation.other_chars = changed_outside(original, copy, [v for _, v in gold_pairs])
    return evaluation


def evaluate(corpus: Path, settings: Settings | None = None, analyzer: Analyzer | None = None) -> dict[str, Any]:
    """Evaluate every annotated document under ``corpus``; the result is what `screen eval` prints."""
    settings = settings or Settings()
    settings.include_values = True  # values stay in memory for matching; nothing is printed
    job = Job(settings, analyzer)
    documents: list[DocumentEvaluation] = []
    with tempfile.TemporaryDirectory(prefix="screen-eval-") as folder:
        for index, (document_path, gold_path) in enumerate(gold_files(corpus)):
            out_dir = Path(folder) / str(index)
            out_dir.mkdir()
            documents.append(evaluate_document(job, document_path, gold_path, out_dir))
    return summarise(documents)


def summarise(documents: list[DocumentEvaluation]) -> dict[str, Any]:
    totals: dict[str, Scores] = defaultdict(Scores)
    for evaluation in documents:
        for entity_type, scores in evaluation.per_type.items():
            total = totals[entity_type]
            total.true_positives += scores.true_positives
            total.false_positives += scores.false_positives
            total.false_negatives += scores.false_negatives
    overall = Scores(
        sum(s.true_positives for s in totals.values()),
        sum(s.false_positives for s in totals.values()),
        sum(s.false_negatives for s in totals.values()),
    )
    delivered = [d for d in documents if d.status == STATUS_OK]
    gold_values = sum(d.gold_values for d in delivered)
    leaked = sum(d.leaked_values for d in delivered)
    other = sum(d.other_chars for d in delivered)
    changed = sum(d.changed_other_chars for d in delivered)
    return {
        "documents": len(documents),
        "delivered": len(delivered),
        "quarantined": sum(1 for d in documents if d.status == STATUS_QUARANTINED),
        "errors": [d.error for d in documents if d.status not in (STATUS_OK, STATUS_QUARANTINED)],
        "per_type": {t: totals[t].to_dict() for t in sorted(totals)},
        "overall": overall.to_dict(),
        "leak_rate": round(leaked / gold_values, 4) if gold_values else 0.0,
        "leaked_values": leaked,
        "leaked_by_type": dict(Counter(t for d in delivered for t in d.leaked_types)),
        "gold_values": gold_values,
        "non_personal_changed": round(changed / other, 4) if other else 0.0,
        "files": [
            {"path": d.path, "status": d.status, "leaked": d.leaked_values,
             "per_type": {t: s.to_dict() for t, s in sorted(d.per_type.items())}}
            for d in documents
        ],
    }


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"{'type':<24}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    rows = list(summary["per_type"].items()) + [("overall", summary["overall"])]
    for entity_type, s in rows:
        lines.append(
            f"{entity_type:<24}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    lines.append("")
    lines.append(
        f"documents {summary['documents']}, delivered {summary['delivered']}, quarantined {summary['quarantined']}, "
        f"errors {len(summary['errors'])}"
    )
    lines.append(
        f"leak rate {summary['leak_rate']:.4f} ({summary['leaked_values']} of {summary['gold_values']} gold values "
        f"left in delivered copies); non-personal text changed {summary['non_personal_changed']:.4f}"
    )
    return "\n".join(lines) + "\n"
