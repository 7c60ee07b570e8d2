"""Special-category detection through a real Presidio AnalyzerEngine on blank spaCy pipelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from spacy.tokens import Span

from recognizers.special import (
    CATEGORIES,
    SPECIAL_ENTITY_TYPES,
    SpecialCategoryRecognizer,
    analyse,
    classify_sentences,
    load_lexicon,
)
from recognizers.special.evaluate import evaluate, load, main
from recognizers.special.nlp import BlankSpacyNlpEngine

DATA = Path(__file__).parent / "data" / "special"
LANGUAGES = ("nb", "nn", "da", "en")
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.95


@pytest.fixture(scope="module")
def engine() -> AnalyzerEngine:
    nlp_engine = BlankSpacyNlpEngine(LANGUAGES)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
    for language in LANGUAGES:
        registry.add_recognizer(SpecialCategoryRecognizer(language))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=list(LANGUAGES))


def _special(engine: AnalyzerEngine, text: str, language: str) -> list[RecognizerResult]:
    return [
        result
        for result in engine.analyze(text, language=language, entities=list(SPECIAL_ENTITY_TYPES))
        if result.entity_type in SPECIAL_ENTITY_TYPES
    ]


def _labelled() -> list[dict]:
    return load(sorted(DATA.glob("sentences_*.jsonl")))


def test_labelled_set_is_large_balanced_and_covers_every_category() -> None:
    items = _labelled()
    assert len(items) >= 400
    assert {item["lang"] for item in items} == set(LANGUAGES)
    negatives = sum(not item["categories"] for item in items)
    assert 0.35 <= negatives / len(items) <= 0.65
    for language in LANGUAGES:
        covered = {c for item in items if item["lang"] == language for c in item["categories"]}
        assert covered == set(CATEGORIES), language
    assert all(set(item["categories"]) <= set(CATEGORIES) for item in items)


def test_precision_and_recall_per_category_through_the_analyzer(engine: AnalyzerEngine) -> None:
    counts = {category: [0, 0, 0] for category in CATEGORIES}  # tp, fp, fn
    for item in _labelled():
        expected = set(item["categories"])
        found = {SPECIAL_ENTITY_TYPES[r.entity_type] for r in _special(engine, item["text"], item["lang"])}
        for category in CATEGORIES:
            if category in expected and category in found:
                counts[category][0] += 1
            elif category in found:
                counts[category][1] += 1
            elif category in expected:
                counts[category][2] += 1
    for category, (tp, fp, fn) in counts.items():
        assert tp / (tp + fp) >= PRECISION_FLOOR, (category, tp, fp, fn)
        assert tp / (tp + fn) >= RECALL_FLOOR, (category, tp, fp, fn)


def test_plain_function_agrees_with_the_recognizer(engine: AnalyzerEngine) -> None:
    text = "Kari Nordmann har brystkreft. Hun er medlem av Fellesforbundet. Kreft er en alvorlig sykdom."
    sentences = classify_sentences(text, "nb")
    assert [categories for _, _, categories in sentences] == [{"health"}, {"trade_union"}, set()]
    results = _special(engine, text, "nb")
    assert {(r.recognition_metadata["sentence_start"], r.entity_type) for r in results} == {
        (sentences[0][0], "HEALTH"),
        (sentences[1][0], "TRADE_UNION"),
    }


def test_heldout_sentences_stay_close_to_the_labelled_set() -> None:
    result = evaluate(load(sorted(DATA.glob("heldout*.jsonl"))))
    assert result.sentences >= 140
    assert result.micro.precision >= 0.90
    assert result.micro.recall >= 0.85


@pytest.mark.parametrize(
    ("path", "language"),
    [("personvernerklaering_nb.txt", "nb"), ("privatlivspolitik_da.txt", "da")],
)
def test_privacy_statement_listing_all_categories_yields_nothing(engine, path: str, language: str) -> None:
    text = (DATA / path).read_text(encoding="utf-8")
    # The statement does name the categories (the evidence is there and dropped); it is
    # just not about anybody.
    mentioned = {evidence.category for sentence in analyse(text, language) for evidence in sentence.evidence}
    assert len(mentioned) >= 6, mentioned
    assert _special(engine, text, language) == []


def test_result_span_metadata_and_score(engine: AnalyzerEngine) -> None:
    text = "Søknad om tilrettelegging. Ola Hansen er sykmeldt og går til psykolog."
    results = _special(engine, text, "nb")
    assert {text[r.start : r.end] for r in results} == {"sykmeldt", "psykolog"}
    for result in results:
        metadata = result.recognition_metadata
        assert metadata["category"] == "health"
        assert metadata["evidence"] == text[result.start : result.end]
        assert text[metadata["sentence_start"] : metadata["sentence_end"]] == "Ola Hansen er sykmeldt og går til psykolog."
        assert metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] is True
        assert 0.5 <= result.score <= 1.0


def test_an_identity_number_is_a_person_signal(engine: AnalyzerEngine) -> None:
    # 17051451066 is a fictitious fødselsnummer (valid check digits); without it nothing names a person.
    assert _special(engine, "Diagnose: diabetes type 1.", "nb") == []
    found = _special(engine, "Fnr. 17051451066, diagnose: diabetes type 1.", "nb")
    assert "diabetes" in {r.recognition_metadata["evidence"] for r in found}
    assert all("id" in r.recognition_metadata["person_signals"] for r in found)


def test_entities_argument_filters_types(engine: AnalyzerEngine) -> None:
    text = "Han er muslim og har diabetes."
    assert {r.entity_type for r in _special(engine, text, "nb")} == {"RELIGION", "HEALTH"}
    only = engine.analyze(text, language="nb", entities=["HEALTH"])
    assert {r.entity_type for r in only} == {"HEALTH"}


def test_person_entities_of_a_trained_pipeline_count_as_evidence() -> None:
    recognizer = SpecialCategoryRecognizer("nb")
    nlp_engine = BlankSpacyNlpEngine(("nb",))
    nlp_engine.load()
    text = "Zyrkon Brattvoll har diabetes."  # a made-up name in no name list
    blank = nlp_engine.process_text(text, "nb")
    assert recognizer.analyze(text, ["HEALTH"], blank) == []
    doc = spacy.blank("nb")(text)
    doc.ents = [Span(doc, 0, 2, label="PER")]
    with_ner = nlp_engine._doc_to_nlp_artifact(doc, "nb")
    results = recognizer.analyze(text, ["HEALTH"], with_ner)
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [("HEALTH", "diabetes")]
    named = recognizer.analyze("Kari Hansen har diabetes.", ["HEALTH"], nlp_engine.process_text("Kari Hansen har diabetes.", "nb"))
    assert results[0].score > named[0].score


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Kari har brystkreft.", "brystkreft"),
        ("Kreftbehandlingen hans starter i mai.", "Kreftbehandlingen"),
        ("Han er diabetespasient.", "diabetespasient"),
        ("Jeg er sykmeldt.", "sykmeldt"),
        ("Hun er fagforeningsmedlem.", "fagforeningsmedlem"),
        ("Pasienten har fått diagnosen DC50.9.", "DC50.9"),
    ],
)
def test_compounds_inflection_and_codes(engine, text: str, evidence: str) -> None:
    assert evidence in {text[r.start : r.end] for r in _special(engine, text, "nb")}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Hun stemmer på Høyre.", "nb", {"POLITICAL"}),
        ("Hun svinger til høyre ved kirken.", "nb", set()),
        ("Han er representant for Venstre i bystyret.", "nb", {"POLITICAL"}),
        ("Han gikk til venstre.", "nb", set()),
        ("Ola er medlem av Senterpartiet.", "nb", {"POLITICAL"}),
        ("Ola bor i sentrum.", "nb", set()),
        ("Hun er medlem av Den norske kirke.", "nb", {"RELIGION"}),
        ("Hun giftet seg i kirken i Lom.", "nb", set()),
        ("Hun har time hos legen i morgen.", "nb", {"HEALTH"}),
        ("Han er lege på Ullevål.", "nb", set()),
        ("Såret trenger tid til å lege seg.", "nb", set()),
        ("Han ba om innsyn i pasientjournalen sin.", "nb", {"HEALTH"}),
        ("Han leste journalen fra styremøtet.", "nb", set()),
        ("Han bekreftet avtalen.", "nb", set()),
        ("Hun brukte alle kreftene sine.", "nb", set()),
        ("Hun jobber i Kreftforeningen.", "nb", set()),
        ("Kreft er en alvorlig sykdom.", "nb", set()),
        ("Sykehuset har 300 senger.", "nb", set()),
        ("Kode C50 står i prislisten.", "nb", set()),
        ("Han bekræftede aftalen.", "da", set()),
        ("Hun ga meg et eksempel på dette.", "nb", set()),
        ("Saken skal forelegges ham i morgen.", "nb", set()),
        ("Han satt i kommisjonen som ekspert.", "nb", set()),
        ("Hun er en svært tiltalende person.", "nb", set()),
        ("Han viste stor medlidelse med henne.", "nb", set()),
        ("She moved to Romania with her husband.", "en", set()),
        ("Jeg syntes han var kjekk, og hun var enig.", "nb", set()),
        ("Hun er medlem af folkekirken.", "da", {"RELIGION"}),
        ("Drej til venstre ved kirken.", "da", set()),
        ("The therapist I see weekly helps with my depression.", "en", {"HEALTH"}),
        ("He was convicted of theft.", "en", {"CRIMINAL"}),
        ("She has a strong conviction that it will work.", "en", set()),
        ("He charged the customer a fee.", "en", set()),
        ("He said that Muslim groups criticised the plan.", "en", set()),
        ("He said that he is Muslim.", "en", {"RELIGION"}),
    ],
)
def test_ambiguous_words_need_context(engine, text: str, language: str, expected: set[str]) -> None:
    assert {r.entity_type for r in _special(engine, text, language)} == expected


def test_listing_sentence_with_a_person_noun_is_still_a_listing(engine: AnalyzerEngine) -> None:
    text = "Før oppdraget må pasienten ikke sende oss opplysninger om helse, religion eller straffedommer."
    assert _special(engine, text, "nb") == []
    assert {r.entity_type for r in _special(engine, "Legen sendte opplysninger om hans diagnose til NAV.", "nb")} == {"HEALTH"}


def test_every_lexicon_covers_every_category_with_sources_documented() -> None:
    readme = (Path(__file__).parents[1] / "recognizers" / "data" / "special" / "README.md").read_text(encoding="utf-8")
    for language in LANGUAGES:
        lexicon = load_lexicon(language)
        assert {term.category for term in lexicon.terms} == set(CATEGORIES), language
        assert len(lexicon) >= 300
        assert f"{language}.tsv" in readme or language == "nn"
    assert "licen" in readme.lower()


def test_evaluation_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "nn"]) == 0
    output = capsys.readouterr().out
    assert "precision" in output and "recall" in output
    for category in CATEGORIES:
        assert category in output


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        SpecialCategoryRecognizer("sv")


def test_labelled_files_are_valid_json_lines() -> None:
    for path in DATA.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            assert set(item) == {"lang", "text", "categories"}


def test_a_danish_iban_is_not_a_diagnosis_code() -> None:
    from recognizers.special.codes import find_codes

    assert find_codes("Erstatningen bedes udbetalt til IBAN DK50 0040 0440 1162 43 efter skaden.") == []
    assert [c for _, _, c in find_codes("Diagnose DK50.9 (Crohns sygdom) er registreret.")] == ["DK50.9"]
