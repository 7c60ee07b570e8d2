"""Party, union, belief, health and crime lexicon rows, and the evidence spans they give.

Every sentence is made up. They go through a real Presidio ``AnalyzerEngine`` on blank spaCy
pipelines with the shipped lexicons, as in ``test_special.py``.
"""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from recognizers.special import SPECIAL_ENTITY_TYPES, SpecialCategoryRecognizer, analyse
from recognizers.special.nlp import BlankSpacyNlpEngine

LANGUAGES = ("nb", "nn", "da", "en")


@pytest.fixture(scope="module")
def engine() -> AnalyzerEngine:
    nlp_engine = BlankSpacyNlpEngine(LANGUAGES)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
    for language in LANGUAGES:
        registry.add_recognizer(SpecialCategoryRecognizer(language))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=list(LANGUAGES))


def _found(engine: AnalyzerEngine, text: str, language: str) -> set[tuple[str, str]]:
    """(entity type, evidence text) of every special-category result."""
    return {
        (result.entity_type, text[result.start : result.end])
        for result in engine.analyze(text, language=language, entities=list(SPECIAL_ENTITY_TYPES))
        if result.entity_type in SPECIAL_ENTITY_TYPES
    }


def _types(engine: AnalyzerEngine, text: str, language: str) -> set[str]:
    return {entity_type for entity_type, _ in _found(engine, text, language)}


@pytest.mark.parametrize(
    ("text", "language", "evidence"),
    [
        # Parties, with membership or voting words and a person.
        ("Kari Nordmann er medlem av Arbeiderpartiet.", "nb", "Arbeiderpartiet"),
        ("Han har vore medlem av Arbeidarpartiet i tjue år.", "nn", "Arbeidarpartiet"),
        ("Ho stemte på Framstegspartiet ved valet.", "nn", "Framstegspartiet"),
        ("Ola Hansen er kandidat for Miljøpartiet ved kommunevalget.", "nb", "Miljøpartiet"),
        ("Hun var leder i Unge Høyre i Bergen.", "nb", "Unge Høyre"),
        ("Han er medlem af Socialdemokratiet og sidder i byrådet.", "da", "Socialdemokratiet"),
        ("Hun stemte på Enhedslisten ved sidste valg.", "da", "Enhedslisten"),
        ("Hun er kasserer i partiforeningen på Amager.", "da", "partiforeningen"),
        ("He is a member of the Socialist Left Party.", "en", "Socialist Left Party"),
        ("She voted for the Danish People's Party.", "en", "Danish People's Party"),
        # Unions and confederations.
        ("Arbeidstakaren er medlem i Norsk Sjukepleiarforbund.", "nn", "Norsk Sjukepleiarforbund"),
        ("Hun er medlem av El og IT Forbundet.", "nb", "El og IT Forbundet"),
        ("Kari er organisert i Delta.", "nb", "Delta"),
        ("Han er medlem af HK Danmark.", "da", "HK Danmark"),
        ("Hun er tillidsrepræsentant for Dansk Sygeplejeråd.", "da", "Dansk Sygeplejeråd"),
        ("She is a member of Fagforbundet.", "en", "Fagforbundet"),
        # Religion and belief.
        ("Han ba om fri til fredagsbønnen i moskeen.", "nb", "moskeen"),
        ("Hun er aktiv i Pinsebevegelsen.", "nb", "Pinsebevegelsen"),
        ("Dattera hans skal ha borgerlig konfirmasjon i mai.", "nb", "konfirmasjon"),
        ("Hun er medlem af Humanistisk Samfund.", "da", "Humanistisk Samfund"),
        ("She will celebrate Eid with her family.", "en", "Eid"),
        # Health.
        ("Hun er langtidssykmeldt etter en operasjon i ryggen.", "nb", "operasjon"),
        ("Han har vondt i ryggen og går til fysioterapeut.", "nb", "vondt i ryggen"),
        ("Ho har demens og får heimesjukepleie to gonger dagleg.", "nn", "heimesjukepleie"),
        ("Elev har legetime måndag på grunn av epilepsien sin.", "nn", "epilepsien"),
        ("Han bruker insulinpumpe og har hatt føling to gonger.", "nn", "føling"),
        ("Hun fik konstateret nyresten i marts.", "da", "nyresten"),
        ("Patienten har atrieflimren og får blodfortyndende medicin.", "da", "blodfortyndende medicin"),
        ("Jeg har ondt i nakken efter uheldet.", "da", "ondt i nakken"),
        ("Skadelidte brækkede armen ved faldet.", "da", "brækkede armen"),
        ("His severe peanut allergy is recorded in the care plan.", "en", "peanut allergy"),
        ("Her mother had breast cancer at the age of 44.", "en", "breast cancer"),
        ("She is off work with long COVID.", "en", "long COVID"),
        ("I fell and suffered a fractured wrist.", "en", "fractured wrist"),
        ("The patient is on anticoagulant medication.", "en", "anticoagulant medication"),
        # Crime.
        ("Mannen er tidligere straffet for vinningskriminalitet.", "nb", "vinningskriminalitet"),
        ("Hun ble dømt for hærverk i fjor.", "nb", "dømt"),
        ("Tiltalte er tidligere straffet for vold.", "da", "Tiltalte"),
        ("Tiltalte findes skyldig og straffes med fængsel i 60 dage.", "da", "fængsel"),
        ("The court finds him guilty of the charge.", "en", "guilty"),
        # Genetic and sexual orientation.
        ("Tests showed that she carries a BRCA1 mutation.", "en", "BRCA1 mutation"),
        ("He and his husband are adopting a child.", "en", "husband"),
        ("Hun og kona hennes har flyttet til Tromsø.", "nb", "kona"),
    ],
)
def test_new_rows_are_found_about_a_person(engine: AnalyzerEngine, text: str, language: str, evidence: str) -> None:
    assert evidence in {value for _, value in _found(engine, text, language)}, _found(engine, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Directions, colours and verbs that are also party or union names.
        ("Ta til høyre ved kiosken, sa Kari.", "nb"),
        ("Kari brakk nesten venstre hånd på trening.", "nb"),
        ("Delta i møtet på fredag, Kari.", "nb"),
        ("Parat til start, sa Ola.", "nb"),
        ("Hun kjørte forbi det røde huset og tok til venstre.", "nb"),
        ("Drej til venstre ved kirken, sagde han.", "da"),
        ("Lederne i firmaet holdt møte med ham.", "da"),
        # News about a party or union with no person.
        ("Arbeiderpartiet la fram sitt nye program i dag.", "nb"),
        ("Fagforbundet krever høyere lønn for alle i kommunen.", "nb"),
        ("For SV sitt program og SV sine formuleringar har mykje felles med regjeringa sitt.", "nn"),
        ("Socialdemokratiet gik frem ved valget.", "da"),
        # Other senses of the new words.
        ("Per Dahl er journalist og dekker kriminalitet for lokalavisen.", "nb"),
        ("Hun tok fri fra jobben for å besøke søsteren sin.", "nb"),
        ("She took the day off work to visit her sister.", "en"),
        ("He felt guilty about forgetting her birthday.", "en"),
        ("He turned right at the Methodist chapel.", "en"),
        ("She told her husband, his brother and the boys.", "en"),
        ("Hans kone arbeider på sykehuset.", "nb"),
        ("Vi har god føling med hva kundene ønsker, sa Kari.", "nb"),
        ("Melder fortalde at nokon hadde knust ruta i bilen hennar, ein Volvo V70, natt til laurdag.", "nn"),
        # A guide's heading and a statement about a group, in a text that names someone.
        ("Kontakt: Kari Nordmann\n\nSykmeldt? Dette må du vite.", "nb"),
        ("Kontakt: Kari Nordmann\n\nMedlemmer av Fagforbundet får rabatt.", "nb"),
    ],
)
def test_hard_negatives_stay_quiet(engine: AnalyzerEngine, text: str, language: str) -> None:
    assert _found(engine, text, language) == set()


def test_a_party_name_mid_sentence_needs_a_membership_cue(engine: AnalyzerEngine) -> None:
    assert _types(engine, "Kari Nordmann gikk til Høyre for å høre på talen.", "nb") == set()
    assert _types(engine, "Kari Nordmann stemte på Høyre.", "nb") == {"POLITICAL"}
    # First in the sentence a preposition cue is not enough for "Delta", a membership word is.
    assert _types(engine, "Delta er forbundet Kari er medlem av.", "nb") == {"TRADE_UNION"}


def test_subjectless_lines_are_about_the_person_the_text_names(engine: AnalyzerEngine) -> None:
    sheet = "Ansatte\n\nKari Nordmann\n\nSykmeldt\n\nTillitsvalgt for Fellesforbundet"
    assert _found(engine, sheet, "nb") == {
        ("HEALTH", "Sykmeldt"),
        ("TRADE_UNION", "Tillitsvalgt"),
        ("TRADE_UNION", "Fellesforbundet"),
    }
    cv = "Jens Holm Larsen\n\nTillidshverv\n\nMedlem af Socialdemokratiet og kasserer i partiforeningen siden 2019."
    assert _found(engine, cv, "da") == {("POLITICAL", "Socialdemokratiet"), ("POLITICAL", "partiforeningen")}
    team = "Mikko Hansen\n\nMember of the union Unio\n\nOn sick leave until 31 March"
    # "the union" only introduces the name: the name is the evidence.
    assert _found(engine, team, "en") == {("TRADE_UNION", "Unio"), ("HEALTH", "sick leave")}
    # The same lines in a text that names nobody say nothing about anybody.
    assert _found(engine, "Sykmeldt\n\nTillitsvalgt for Fellesforbundet", "nb") == set()


def test_neighbouring_evidence_of_one_category_is_one_span() -> None:
    (sentence,) = analyse("Hun er i behandling hos psykiater og får antidepressiv medicin.", "da")
    assert [finding.evidence for finding in sentence.findings] == ["psykiater", "antidepressiv medicin"]
    # A comma between: two facts, two findings.
    (sentence,) = analyse("Han har astma, diabetes og høyt blodtrykk.", "nb")
    assert [finding.evidence for finding in sentence.findings] == ["astma", "diabetes", "høyt blodtrykk"]


def test_a_preposition_is_not_part_of_the_evidence(engine: AnalyzerEngine) -> None:
    found = _found(engine, "Ejeren af bilen, Mikkel Holt, er tidligere dømt for indbrudstyveri.", "da")
    assert ("CRIMINAL", "dømt") in found and ("CRIMINAL", "dømt for") not in found
    found = _found(engine, "Storm Berg er tidligere straffet for vold.", "nb")
    assert ("CRIMINAL", "straffet") in found and ("CRIMINAL", "tidligere straffet") not in found


def test_an_abbreviation_ending_a_compound_does_not_end_the_sentence(engine: AnalyzerEngine) -> None:
    text = "Forurettede (CPR-nr. 300652-0838) fik en brækket næse og hjernerystelse."
    assert [(s.start, s.end) for s in analyse(text, "da")] == [(0, len(text))]
    assert {("HEALTH", "brækket næse"), ("HEALTH", "hjernerystelse")} <= _found(engine, text, "da")


def test_diagnosis_codes_need_a_medical_cue_not_any_health_cue(engine: AnalyzerEngine) -> None:
    assert _types(engine, "Han kjørte en Volvo V70 til hytta natt til lørdag.", "nb") == set()
    assert _found(engine, "Pasienten Ola Hansen har diagnosekode F32.1.", "nb") >= {("HEALTH", "F32.1")}
    assert _found(engine, "Hun er sygemeldt med diagnosen DF43.2.", "da") >= {("HEALTH", "DF43.2")}


def test_a_signature_role_and_a_system_message_are_not_health_data(engine: AnalyzerEngine) -> None:
    assert _found(engine, "Rune Aasland\nfastlege, Kolbotn legesenter", "nb") == set()
    assert _found(engine, "Sykefraværet ditt er registrert.", "nb") == set()
    assert _types(engine, "Kari Nordmann var hos fastlegen sin i går.", "nb") == {"HEALTH"}
