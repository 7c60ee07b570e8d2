"""The shipped NER pipelines in models/ load offline and find people in plain sentences.

All names below are made up and occur neither in NorNE, UNER Danish nor Faker's name lists,
so a hit shows generalisation, not memorised training data.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
LANGS = ("nb", "nn", "da")
SIZE_BUDGET_BYTES = 60_000_000


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Language]:
    return {lang: spacy.load(MODELS_DIR / lang) for lang in LANGS}


def _people(nlp: Language, text: str) -> list[str]:
    return [ent.text for ent in nlp(text).ents if ent.label_ == "PER"]


@pytest.mark.parametrize("lang", LANGS)
def test_pipeline_has_ner_labels_and_lemmatizer(pipelines: dict[str, Language], lang: str) -> None:
    nlp = pipelines[lang]
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)
    expected_lemmatizer = "lemmatizer" if lang == "da" else "trainable_lemmatizer"
    assert expected_lemmatizer in nlp.pipe_names
    assert nlp.lang == ("da" if lang == "da" else "nb")


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("nb", "Saken gjelder Rønnaug Tveitnes, som flyttet til Bergen i fjor.", "Rønnaug Tveitnes"),
        ("nb", "Navn: Ingolf Vikeland\nAdresse: se vedlegg", "Ingolf Vikeland"),
        ("nn", "Haldis Strømsnes budde i Førde i mange år før ho flytte til Oslo.", "Haldis Strømsnes"),
        ("da", "Henrikke Bøgelund er ansat hos kommunen i Aarhus.", "Henrikke Bøgelund"),
        ("da", "Kære Valdis Lindskov\nTak for din henvendelse.", "Valdis Lindskov"),
    ],
)
def test_finds_person(pipelines: dict[str, Language], lang: str, text: str, person: str) -> None:
    assert person in _people(pipelines[lang], text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Kontrakten ble sendt til kunden i går."),
        ("da", "Kontrakten blev sendt til kunden i går."),
    ],
)
def test_no_person_in_plain_sentence(pipelines: dict[str, Language], lang: str, text: str) -> None:
    assert _people(pipelines[lang], text) == []


@pytest.mark.parametrize(
    ("lang", "word", "lemma"),
    [
        ("nb", "navnet", "navn"),
        ("nb", "adressen", "adresse"),
        ("nn", "namnet", "namn"),
        ("da", "navnet", "navn"),
        ("da", "adressen", "adresse"),
    ],
)
def test_lemmas_for_context_words(pipelines: dict[str, Language], lang: str, word: str, lemma: str) -> None:
    # Presidio's context enhancement compares lemmas, so inflected cue words must reduce.
    doc = pipelines[lang](f"Her står {word} til kunden.")
    assert doc[2].lemma_ == lemma


def test_models_fit_size_budget() -> None:
    total = sum(f.stat().st_size for lang in LANGS for f in (MODELS_DIR / lang).rglob("*") if f.is_file())
    assert total <= SIZE_BUDGET_BYTES
