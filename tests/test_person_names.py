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


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A first name that is also a word, capitalised inside a sentence, after a label or on a line
        # of its own, belongs to the name; a sentence's first word does not.
        ("nn", "Ver venleg og stadfest tidspunktet til kontaktlærar Elv Hovden, tlf. 464 82 019.", ["Elv Hovden"]),
        ("nn", "Med venleg helsing\nElv Hovden\nkontaktlærar", ["Elv Hovden"]),
        ("nb", "Fra: Håp Elise Strand <hap.strand@eksempelpost.no>", ["Håp Elise Strand"]),
        ("nb", "Fornærmede: Elv Marie Sæther, født 23.03.2001", ["Elv Marie Sæther"]),
        ("nb", "Ring Kari Nordmann på 915 42 318.", ["Kari Nordmann"]),
        ("en", "1. Leave requests.\n2. Fatima Zahra Benali asks for leave on 31 March.", ["Fatima Zahra Benali"]),
        ("en", "Defence: Advocate Sol Ingrid Brenna.", ["Sol Ingrid Brenna"]),
        # Hard-wrapped prose goes on over the line break; a name heading its lines does not.
        ("en", "I was taken ill and flown home on 7 February. My partner, Mathias Storm\nKjær, travelled with me.",
         ["Mathias Storm\nKjær"]),
        ("da", "Han kørte ind i min bil med registreringsnummer AB 12 345. Føreren af varevognen, Ahmed Rashid\n"
               "Hussaini (CPR 050593-3105), erkendte ansvaret.", ["Ahmed Rashid\nHussaini"]),
        ("nb", "Kari Nordmann\nStorgata 1\n0150 Oslo", ["Kari Nordmann"]),
        ("nb", "Til: Kari Nordmann\nBergen", ["Kari Nordmann"]),
    ],
)
def test_names_grow_over_words_that_are_names_here(analyzer, language: str, text: str, expected: list[str]) -> None:
    found = [f.text for f in analyzer.analyze_text(text, language) if f.entity_type == "PERSON"]
    assert found == expected


@pytest.mark.parametrize(
    "span",
    ["B", "Friday", "Systemutvikler", "Skattestyrelsen", "Anmeldelsen", "Kosthald", "Bufetat. He",
     "Borgarting Court of Appeal"],
)
def test_words_bodies_and_sentence_ends_are_no_person(analyzer, span: str) -> None:
    assert not analyzer.plausible_person(span)


@pytest.mark.parametrize("span", ["Haugen", "Kari A. Nordmann", "Elv Hovden", "Line", "Bakken"])
def test_names_stay_plausible(analyzer, span: str) -> None:
    assert analyzer.plausible_person(span)
