"""Presidio recognizer for special-category data (GDPR art. 9) and criminal offences (art. 10).

One instance serves one language ("nb", "nn", "da", "en"). Each result is the evidence
term of a sentence that is about a person ("brystkreft" in "Kari Nordmann har
brystkreft"), typed HEALTH, RELIGION, ETHNICITY, POLITICAL, TRADE_UNION,
SEXUAL_ORIENTATION, CRIMINAL, GENETIC or BIOMETRIC. Person entities of a trained NER
pipeline (``PER``/``PERSON`` in ``nlp_artifacts.entities``) raise the score; without
them (a blank pipeline) names, pronouns, role nouns and identifiers are the evidence of
a person. The score is final: results are marked as already context-enhanced.
"""

from __future__ import annotations

from typing import Optional

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .classifier import analyse
from .lexicon import CATEGORIES, load_lexicon

SPECIAL_ENTITY_TYPES: dict[str, str] = {category.upper(): category for category in CATEGORIES}
_PERSON_LABELS = frozenset({"PER", "PERSON"})


class SpecialCategoryRecognizer(EntityRecognizer):
    """Special-category statements about a person, by lexicon, context and person signals.

    Legal basis: GDPR art. 9 (health, religion or belief, ethnic origin, political
    opinions, trade-union membership, sex life or sexual orientation, genetic and
    biometric data) and art. 10 (criminal convictions and offences); in Norway
    personopplysningsloven §§ 6-11, in Denmark databeskyttelsesloven §§ 7-8.
    """

    def __init__(self, supported_language: str = "nb", name: Optional[str] = None) -> None:
        load_lexicon(supported_language)  # fail early on an unknown language
        super().__init__(
            supported_entities=list(SPECIAL_ENTITY_TYPES),
            supported_language=supported_language,
            name=name or f"SpecialCategoryRecognizer_{supported_language}",
            version="1.0",
        )

    def load(self) -> None:
        """Lexicons are loaded lazily and cached per language."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> list[RecognizerResult]:
        wanted = set(entities or SPECIAL_ENTITY_TYPES) & set(SPECIAL_ENTITY_TYPES)
        if not wanted:
            return []
        results = []
        for sentence in analyse(text, self.supported_language, _person_spans(nlp_artifacts)):
            for finding in sentence.findings:
                entity_type = finding.category.upper()
                if entity_type not in wanted:
                    continue
                explanation = AnalysisExplanation(
                    recognizer=self.name,
                    original_score=finding.score,
                    textual_explanation=(
                        f"{finding.category} evidence ({finding.kind}: {finding.term}) in a sentence "
                        f"about a person ({', '.join(finding.person_signals)})"
                    ),
                )
                result = RecognizerResult(
                    entity_type=entity_type,
                    start=finding.start,
                    end=finding.end,
                    score=finding.score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                        "category": finding.category,
                        "evidence": finding.evidence,
                        "term": finding.term,
                        "kind": finding.kind,
                        "sentence_start": finding.sentence_start,
                        "sentence_end": finding.sentence_end,
                        "person_signals": finding.person_signals,
                    },
                )
                results.append(result)
        return results


def _person_spans(nlp_artifacts: Optional[NlpArtifacts]) -> tuple[tuple[int, int], ...]:
    if nlp_artifacts is None or not nlp_artifacts.entities:
        return ()
    return tuple(
        (entity.start_char, entity.end_char)
        for entity in nlp_artifacts.entities
        if getattr(entity, "label_", "") in _PERSON_LABELS
    )
