"""Names that start with a known given name, and the pipeline's checks on every name."""

from __future__ import annotations

import pytest

from recognizers.person_names import NameListRecognizer


@pytest.fixture(scope="module")
def recognizer() -> NameListRecognizer:
    common = {"espresso", "konferanse", "telefon", "nordic"}
    found = NameListRecognizer("nb", is_common_word=lambda word: word.lower() in common)
    found.load()
    return found


def _names(recognizer: NameListRecognizer, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosessfullmektig: advokat Jostein Håp Lunde møtte.", ["Jostein Håp Lunde"]),
        ("Tingrettsdommer Astrid Lunde avsa dommen.", ["Astrid Lunde"]),
        ("advokat Jon Arild\nTveit.", ["Jon Arild\nTveit"]),
        ("Kontakt Grace Okonkwo-Lie i dag.", ["Grace Okonkwo-Lie"]),
        ("Ola Elvestad\nOrg.nr. 998 877 601", ["Ola Elvestad"]),
    ],
)
def test_given_name_sequences_are_names(recognizer, text: str, expected: list[str]) -> None:
    assert _names(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Per time koster det 900 kroner.",  # a lone given name that is a word
        "Storm Espresso AS leverer kaffe.",  # followed by a common word and a company form
        "Møtet i Liv Konferanse ble avlyst.",  # "Konferanse" is a common word
        "Kari\nTelefon: 912 34 567",  # the next line is a label, not a surname
    ],
)
def test_words_and_companies_are_not_names(recognizer, text: str) -> None:
    assert _names(recognizer, text) == []


def test_pipeline_drops_labels_and_institutions_taken_for_names(analyzer) -> None:
    texts = {
        "Fødselsnummer": [],
        "Saken ble sendt til Københavns Kommune i går.": [],
        "Tingrettsdommer Astrid Lunde avsa dommen.": ["Astrid Lunde"],
        "Prosessfullmektig: advokat Siri\nHaugland-Moe.": ["Siri\nHaugland-Moe"],
    }
    for text, expected in texts.items():
        found = [f.text for f in analyzer.analyze_text(text, "nb") if f.entity_type == "PERSON"]
        assert found == expected, text
