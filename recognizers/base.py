"""A regex-plus-validation recognizer that scores with its own context window.

Subclasses give the entity type, named regexes (the value is the named group ``v`` if
present, else the whole match), a :class:`~recognizers.context.Context` and a
``score`` method. The base class finds candidates, throws away those that are part
of a longer digit run or an amount, asks the subclass for a score and returns
Presidio results already marked as context-enhanced.

Scoring bands used throughout the package (the engine's threshold is 0.5):

* >= 0.85: a valid identifier with supporting context.
* 0.6 - 0.8: valid, no context, but a format nobody writes for anything else.
* < 0.4: valid but ambiguous (undashed, undotted, colliding) and no context.
* None / dropped: invalid checksum or date, or negative context on an ambiguous form.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.context import NO_CONTEXT, Context, ContextHit, mark_enhanced

_RUN_BEFORE = re.compile(r"(?:[\w@/+\-]|\d[ \u00a0.,])$")
_RUN_AFTER = re.compile(r"^(?:[\w@]|[ \u00a0.,/\-]\d)")
_AMOUNT_BEFORE = re.compile(
    r"(?:\bkr|\bnok|\bdkk|\bsek|\beur|\busd|€|\$|£|beløp|beløb|\bsum|\btotal)[.:]?\s*$", re.I
)
_AMOUNT_AFTER = re.compile(
    r"^\s*(?:kr\b|kr\.|kroner|kronor|nok\b|dkk\b|sek\b|eur\b|euro|,-|,\d\d\b|€)", re.I
)


def in_longer_run(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is glued to more digits/letters or is an amount."""
    before, after = text[max(0, start - 12) : start], text[end : end + 6]
    return bool(
        _RUN_BEFORE.search(before)
        or _RUN_AFTER.search(after)
        or _AMOUNT_BEFORE.search(before)
        or _AMOUNT_AFTER.search(after)
    )


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class NordicRecognizer(LocalRecognizer):
    """Base class: see the module docstring."""

    ENTITY: str = ""
    PATTERNS: tuple[tuple[str, str], ...] = ()
    CONTEXT: Context = Context(())
    FLAGS: int = re.IGNORECASE
    CHECK_RUNS: bool = True

    def __init__(self, supported_language: str = "nb", name: Optional[str] = None) -> None:
        self._compiled: list[tuple[str, re.Pattern[str]]] = []
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            name=name or f"{type(self).__name__}_{supported_language}",
            context=list(self.CONTEXT.positive),
        )

    def load(self) -> None:
        self._compiled = [(n, re.compile(p, self.FLAGS)) for n, p in self.PATTERNS]

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        """Final score for a candidate, or None to drop it."""
        raise NotImplementedError

    def candidates(self, text: str) -> Iterable[tuple[str, int, int]]:
        for name, regex in self._compiled:
            for m in regex.finditer(text):
                group = "v" if "v" in regex.groupindex and m.group("v") is not None else 0
                yield name, m.start(group), m.end(group)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        results: list[RecognizerResult] = []
        for pattern, start, end in self.candidates(text):
            if self.CHECK_RUNS and in_longer_run(text, start, end):
                continue
            hit = self.CONTEXT.check(text, start, end) if self.CONTEXT.positive else NO_CONTEXT
            score = self.score(text[start:end], pattern, hit, text, start)
            if score is None or score <= 0:
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=score,
                pattern_name=pattern,
                textual_explanation=f"{self.name}: {pattern}, context {hit.polarity:+d}",
            )
            result = RecognizerResult(
                self.ENTITY,
                start,
                end,
                round(score, 2),
                analysis_explanation=explanation,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            results.append(mark_enhanced(result, hit))
        return _best_per_span(results)


def _best_per_span(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Of overlapping results of one recognizer keep the highest-scored, then longest."""
    kept: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (-r.score, -(r.end - r.start), r.start)):
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)
