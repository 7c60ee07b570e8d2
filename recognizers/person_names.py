"""PERSON: a known given name followed by more name words, in running text ("Jon Arild Tveit").

Basis: a name is the first kind of personal data. The statistical model misses names it has not seen
in training (foreign names, names that are also words: "Stein Magnus Hovland", "Storm Andreas Berg");
a list of given names from Faker's person providers (MIT, see ``data/names/``) catches the commonest
shape of a name without any label around it.

Format: a given name from the list, then one to three capitalised name words (hyphenated names and
particles such as ``van``, ``de``, ``af`` allowed), all on one line. A lone given name is not enough
("Per", "Liv" and "Sol" are also words), and a sequence that ends in a company form ("Storm AS") or
whose following words are common words (``is_common_word``, when the caller gives one) is refused.

Fictitious examples: "Siri Haugland-Moe", "Jostein Håp Lunde", "Grace Okonkwo-Lie".

Scoring: 0.7 when the last word is a known surname, 0.6 when every word is a known name,
0.55 otherwise.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.company_forms import COMPANY_FORMS
from recognizers.context import NO_CONTEXT, mark_enhanced
from recognizers.names import given_names, surnames

_WORD = r"[A-ZÆØÅÄÖÜÉÀ-ÖØ-Þ][\w'’]*(?:-[A-ZÆØÅÄÖÜÉÀ-ÖØ-Þ][\w'’]*)*"
_PARTICLE = r"(?:van|von|de|der|den|af|la|le|di|da|dos|du|ter|ten|bin|ibn|al|el)"
# Words of a name are separated by a space, or by one line break (a name wrapped in a PDF or a mail).
_GAP = r"(?:[ \u00a0]|[ \t]*\n[ \t]*)"
_SEQUENCE = re.compile(rf"(?<![\w.@/-])(?P<first>{_WORD})(?P<rest>(?:{_GAP}(?:{_PARTICLE}[ \u00a0])?{_WORD}){{1,3}})(?![\w@/-])")


def _cut_at_complete_line(sequence: str) -> str:
    """Keep a line break inside a name only after a given name that still needs its surname."""
    lines = sequence.split("\n")
    kept = lines[0]
    for line in lines[1:]:
        last = kept.split()[-1] if kept.split() else ""
        if last not in given_names() or last in surnames():
            break
        kept += "\n" + line
    return kept.rstrip()


class NameListRecognizer(LocalRecognizer):
    """Names that start with a known given name; see the module docstring."""

    ENTITY = "PERSON"

    def __init__(
        self,
        supported_language: str = "nb",
        name: Optional[str] = None,
        is_common_word: Callable[[str], bool] | None = None,
    ) -> None:
        self.is_common_word = is_common_word
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            name=name or f"{type(self).__name__}_{supported_language}",
        )

    def load(self) -> None:
        given_names(), surnames()

    def score(self, words: list[str]) -> float | None:
        names, family = given_names(), surnames()
        if words[0] not in names:
            return None
        following = [w for w in words[1:] if not re.fullmatch(_PARTICLE, w)]
        if not following or following[-1] in COMPANY_FORMS:
            return None
        if self.is_common_word is not None:
            for word in following:
                if word not in names and word not in family and self.is_common_word(word):
                    return None
        if following[-1] in family or following[-1].split("-")[-1] in family:
            return 0.7
        if all(w in names or w in family for w in following):
            return 0.6
        return 0.55

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts] = None) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        results = []
        for match in _SEQUENCE.finditer(text):
            text_of_match = _cut_at_complete_line(match.group(0))
            words = text_of_match.split()
            starts = [m.start() for m in re.finditer(r"\S+", text_of_match)]
            # The sequence may start one word early ("Tingrettsdommer Astrid Lunde"): try from each word.
            for skip in range(len(words) - 1):
                score = self.score(words[skip:])
                if score is None:
                    continue
                start = match.start() + starts[skip]
                explanation = AnalysisExplanation(
                    recognizer=self.name, original_score=score, pattern_name="given_name_sequence",
                    textual_explanation=f"{self.name}: known given name followed by name words",
                )
                result = RecognizerResult(
                    self.ENTITY, start, match.start() + len(text_of_match), score, analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
                results.append(mark_enhanced(result, NO_CONTEXT))
                break
        return results
