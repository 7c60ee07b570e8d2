"""A Presidio NLP engine over blank spaCy pipelines (tokens only, no model download).

Presidio's ``SpacyNlpEngine.load`` calls ``spacy.load`` on a model name; the lexicon-based
recognizers of this package need only tokens, so tests and tools without a trained
model use ``spacy.blank``. Bokmål and Nynorsk share spaCy's ``nb`` language.
"""

from __future__ import annotations

import spacy
from presidio_analyzer.nlp_engine import SpacyNlpEngine

SPACY_LANGUAGE = {"nb": "nb", "nn": "nb", "da": "da", "en": "en"}


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """``SpacyNlpEngine`` whose pipelines are ``spacy.blank`` per Presidio language code."""

    def __init__(self, languages: tuple[str, ...] = ("nb", "nn", "da", "en")) -> None:
        super().__init__(models=[{"lang_code": code, "model_name": f"blank:{SPACY_LANGUAGE[code]}"} for code in languages])
        self.languages = languages

    def load(self) -> None:
        self.nlp = {code: spacy.blank(SPACY_LANGUAGE[code]) for code in self.languages}
