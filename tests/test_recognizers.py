"""Tests of the recognizers package: validation rules, spellings, collisions and traps.

All numbers are fictitious (computed to have valid or deliberately wrong check digits).
The engine is a real Presidio AnalyzerEngine with blank spaCy pipelines, built once.
"""

from __future__ import annotations

import datetime

import pytest
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from stdnum.no import fodselsnummer as stdnum_fnr

import recognizers
from recognizers import (
    dk_cpr,
    dk_cvr,
    fi_hetu,
    iban,
    is_kennitala,
    no_fodselsnummer,
    no_kontonummer,
    no_organisasjonsnummer,
    phone,
    se_personnummer,
)
from recognizers.evaluate import build_analyzer

FNR = "15076500565"  # 15.07.1965
FNR_D = "55076500559"
FNR_H = "15476500548"
FNR_TENOR = "15876500520"
FNR_FH = "92459571193"
FNR_2032 = ("02013299997", "30108299939")
KONTO = "3260.18.15906"
ORGNR = "909139090"
CPR_MOD11 = "050451-0786"
CPR_NO_MOD11 = "170975-3617"
CVR = "31468817"  # also a valid Danish phone number: the collision case
SE_PNR = "811218-9876"
SE_SAMORDNING = "701063-2391"
FI = "131052-308T"
KENNITALA = "220195-2369"
IBAN_NO = "NO93 8601 1117 947"


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer()


def found(analyzer, text: str, lang: str = "nb", threshold: float = 0.5) -> set[tuple[str, str]]:
    return {
        (r.entity_type, text[r.start : r.end])
        for r in analyzer.analyze(text, language=lang)
        if r.score >= threshold
    }


def scores(analyzer, text: str, entity: str, lang: str = "nb") -> list[float]:
    return [r.score for r in analyzer.analyze(text, language=lang, score_threshold=0.0) if r.entity_type == entity]


def wrong(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


# -- validation rules ------------------------------------------------------------------


class TestFodselsnummer:
    def test_kinds(self):
        assert no_fodselsnummer.kind(FNR) == "fnr"
        assert no_fodselsnummer.kind(FNR_D) == "d"
        assert no_fodselsnummer.kind(FNR_H) == "h"
        assert no_fodselsnummer.kind(FNR_TENOR) == "tenor"
        assert no_fodselsnummer.kind(FNR_FH) == "fh"

    def test_gaps_of_stdnum_are_covered(self):
        for number in (FNR_TENOR, FNR_FH, *FNR_2032):
            assert not stdnum_fnr.is_valid(number)
            assert no_fodselsnummer.is_valid(number)

    def test_wrong_check_digits_and_dates(self):
        assert not no_fodselsnummer.is_valid(wrong(FNR))
        assert not no_fodselsnummer.is_valid(FNR[:9] + FNR[10] + FNR[9])
        assert not no_fodselsnummer.is_valid(FNR[:10])

    def test_impossible_date_with_valid_checks(self):
        # 31.04.1965 does not exist; check digits computed for it.
        nine = [int(c) for c in "310465005"]
        k1 = (11 - sum(w * n for w, n in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), nine)) % 11) % 11
        k2 = (11 - sum(w * n for w, n in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), nine + [k1])) % 11) % 11
        assert k1 < 10 and k2 < 10
        assert not no_fodselsnummer.is_valid("310465005" + f"{k1}{k2}")

    def test_birth_dates(self):
        expected = datetime.date(1965, 7, 15)
        for number in (FNR, FNR_D, FNR_H, FNR_TENOR):
            assert no_fodselsnummer.birth_date(number) == expected
        assert no_fodselsnummer.birth_date(FNR_FH) is None
        assert no_fodselsnummer.birth_date("02013299997") == datetime.date(2032, 1, 2)


class TestOtherRules:
    def test_kontonummer_orgnr_cvr(self):
        assert no_kontonummer.is_valid(KONTO) and not no_kontonummer.is_valid(wrong(KONTO))
        assert no_organisasjonsnummer.is_valid(ORGNR) and not no_organisasjonsnummer.is_valid(wrong(ORGNR))
        assert dk_cvr.is_valid(CVR) and not dk_cvr.is_valid(wrong(CVR))

    def test_every_fodselsnummer_is_a_kontonummer(self):
        assert no_kontonummer.is_valid(FNR)

    def test_cpr_without_mod11_and_century_rule(self):
        assert dk_cpr.is_valid(CPR_NO_MOD11) and not dk_cpr.mod11_ok(CPR_NO_MOD11)
        assert dk_cpr.mod11_ok(CPR_MOD11)
        assert not dk_cpr.is_valid("310290-1234")  # 31 February
        assert dk_cpr.birth_date("010110-4123") == datetime.date(2010, 1, 1)  # 4, 00-36
        assert dk_cpr.birth_date("010150-4123") == datetime.date(1950, 1, 1)  # 4, 37-99
        assert dk_cpr.birth_date("010160-5123") == datetime.date(1860, 1, 1)  # 5-8, 58-99
        assert dk_cpr.birth_date("010130-6123") == datetime.date(2030, 1, 1)  # 5-8, 00-57
        assert dk_cpr.birth_date("610190-1234") == datetime.date(1990, 1, 1)  # replacement

    def test_swedish_samordningsnummer_and_plus(self):
        assert se_personnummer.is_valid(SE_PNR)
        assert se_personnummer.is_samordningsnummer(SE_SAMORDNING)
        assert not se_personnummer.is_valid(wrong(SE_PNR))
        today = datetime.date(2024, 6, 1)
        assert se_personnummer.birth_date(SE_PNR, today) == datetime.date(1981, 12, 18)
        assert se_personnummer.birth_date(SE_PNR.replace("-", "+"), today) == datetime.date(1881, 12, 18)
        assert se_personnummer.birth_date("19" + SE_PNR, today) == datetime.date(1981, 12, 18)

    def test_finnish_and_icelandic(self):
        assert fi_hetu.is_valid(FI) and not fi_hetu.is_valid(FI[:-1] + "U")
        assert fi_hetu.birth_date(FI) == datetime.date(1952, 10, 13)
        assert is_kennitala.is_valid(KENNITALA) and not is_kennitala.is_valid(wrong(KENNITALA[:-1]) + "9")
        assert is_kennitala.birth_date(KENNITALA) == datetime.date(1995, 1, 22)

    def test_iban(self):
        assert iban.is_valid(IBAN_NO)
        assert not iban.is_valid("NO94 8601 1117 947")

    def test_phone_validity(self):
        assert phone.is_valid("+47 912 34 567") and phone.is_valid("22 33 44 55")
        assert not phone.is_valid("12 34 56 78")  # not in the NO or DK plan


# -- recognizers in the engine --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Fødselsnummer: {FNR}",
        f"fnr. {FNR[:6]} {FNR[6:]}",
        f"Fødselsnummer:\n{FNR}",
        f"Pasientjournal: {FNR_D} (D-nummer)",
        f"H-nummer {FNR_H}",
        f"Tenor-testperson, fnr {FNR_TENOR}",
        f"FH-nummer {FNR_FH}",
        f"Personnummer {FNR_2032[0]}",
    ],
)
def test_fodselsnummer_spellings(analyzer, text):
    values = {v for t, v in found(analyzer, text) if t == "NO_FODSELSNUMMER"}
    assert len(values) == 1


@pytest.mark.parametrize(
    "text,lang,entity,value",
    [
        (f"Konto {KONTO}", "nb", "NO_KONTONUMMER", KONTO),
        ("Lønnskonto 3260 18 15906", "nb", "NO_KONTONUMMER", "3260 18 15906"),
        (f"Org.nr. {ORGNR}", "nb", "NO_ORGANISASJONSNUMMER", ORGNR),
        ("Leverandør 909 139 090", "nb", "NO_ORGANISASJONSNUMMER", "909 139 090"),
        ("NO 909 139 090 MVA", "nb", "NO_ORGANISASJONSNUMMER", "NO 909 139 090 MVA"),
        (f"CPR-nr. {CPR_NO_MOD11}", "da", "DK_CPR", CPR_NO_MOD11),
        (f"Borgeren har oplyst {CPR_MOD11}.", "da", "DK_CPR", CPR_MOD11),
        ("CPR 0307503034", "da", "DK_CPR", "0307503034"),
        (f"CVR-nr. {CVR}", "da", "DK_CVR", CVR),
        (f"DK{CVR}", "da", "DK_CVR", f"DK{CVR}"),
        (f"Svensk personnummer {SE_PNR}", "da", "SE_PERSONNUMMER", SE_PNR),
        (f"samordningsnummer {SE_SAMORDNING}", "nb", "SE_PERSONNUMMER", SE_SAMORDNING),
        (f"Finsk henkilötunnus {FI}", "nb", "FI_HETU", FI),
        (f"kennitala {KENNITALA}", "da", "IS_KENNITALA", KENNITALA),
        (f"IBAN {IBAN_NO}.", "nb", "IBAN_CODE", IBAN_NO),
        ("NO9386011117947 DNB", "nb", "IBAN_CODE", "NO9386011117947"),
        ("Betal til DK50 0040 0440 1162 43", "da", "IBAN_CODE", "DK50 0040 0440 1162 43"),
        ("Kortnummer 4111 1111 1111 1111", "nb", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("E-post: Kari.Fjell@example.no.", "nb", "EMAIL_ADDRESS", "Kari.Fjell@example.no"),
        ("Se https://example.no/skjema.", "nb", "URL", "https://example.no/skjema"),
        ("Bilen med kjennemerke EL 12345", "nb", "NO_LICENSE_PLATE", "EL 12345"),
        ("Nummerplade: AB 12 345", "da", "DK_LICENSE_PLATE", "AB 12 345"),
        ("Adresse: Fjordveien 12B, 0450 Oslo", "nb", "ADDRESS", "Fjordveien 12B, 0450 Oslo"),
        ("bor på Solbærvej 7, 2. tv., 2100 København Ø", "da", "ADDRESS", "Solbærvej 7, 2. tv., 2100 København Ø"),
        ("Karl Johans gate 22, 0159 Oslo", "nb", "ADDRESS", "Karl Johans gate 22, 0159 Oslo"),
        ("Pasienten, født 15.03.1987, ble innlagt.", "nb", "DATE_OF_BIRTH", "15.03.1987"),
        ("f. 3. mars 1987", "nb", "DATE_OF_BIRTH", "3. mars 1987"),
        ("Fødselsdato: 1987-03-15", "da", "DATE_OF_BIRTH", "1987-03-15"),
        ("født den 15. marts 1987", "da", "DATE_OF_BIRTH", "15. marts 1987"),
        ("Navn: Kari Fjellstad-Berg\n", "nb", "PERSON", "Kari Fjellstad-Berg"),
        ("Kjære Ola Nordby,\n", "nb", "PERSON", "Ola Nordby"),
        ("Kære Mette", "da", "PERSON", "Mette"),
        ("Med vennlig hilsen\nIngrid van der Berg", "nb", "PERSON", "Ingrid van der Berg"),
        ("Arbeidstaker\tHenrik Berntsen\tFnr.", "nb", "PERSON", "Henrik Berntsen"),
        ("| Navn | Lars Kjærgaard |", "nb", "PERSON", "Lars Kjærgaard"),
        ("Pasient\n\nKari Nordby\n\nFødselsnummer\n\n15076500565", "nb", "PERSON", "Kari Nordby"),
        ("Pasient\n\nKari Nordby\n\nFødselsnummer\n\n15076500565", "nb", "NO_FODSELSNUMMER", "15076500565"),
        ("Undertegnede, Maja Vik, samtykker.", "da", "PERSON", "Maja Vik"),
        ("Jeg hedder Lone Krogh og bor i Aarhus.", "da", "PERSON", "Lone Krogh"),
        ("Mette Kjærgaard\nSolbærvej 7, 2. tv.\n8000 Aarhus C", "da", "PERSON", "Mette Kjærgaard"),
        ("Mette Kjærgaard\nSolbærvej 7, 2. tv.\n8000 Aarhus C", "da", "ADDRESS", "Solbærvej 7, 2. tv.\n8000 Aarhus C"),
        ("født d. 3/4-1988", "da", "DATE_OF_BIRTH", "3/4-1988"),
        ("he drove a Tesla Model Y, registration number EV 55012, with", "en", "NO_LICENSE_PLATE", "EV 55012"),
        ("Sæ 14, 5412 Stord", "nn", "ADDRESS", "Sæ 14, 5412 Stord"),
        ("Saksøker: Bjørn Håkon Eide, Fjellsiden 9, 5014 Bergen. Prosessfullmektig:", "nb", "ADDRESS",
         "Fjellsiden 9, 5014 Bergen"),
        ("CVR 37482900 · Åboulevarden 9, 8000 Aarhus C ·", "da", "ADDRESS", "Åboulevarden 9, 8000 Aarhus C"),
        (f"fødselsnummer {FNR[:6]}-{FNR[6:]}", "nb", "NO_FODSELSNUMMER", f"{FNR[:6]}-{FNR[6:]}"),
        ("Fødselsnummer\t15076500565\tKonto\t3260.18.15906", "nb", "NO_FODSELSNUMMER", "15076500565"),
    ],
)
def test_spellings(analyzer, text, lang, entity, value):
    assert (entity, value) in found(analyzer, text, lang)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Ring meg på +47 912 34 567", "nb"),
        ("mobil 91234567", "nb"),
        ("Tlf. 912 34 567", "nb"),
        ("Sentralbord 22 33 44 55", "nb"),
        ("Fra utlandet: 0047 912 34 567", "nb"),
        ("Tlf.: +4791234567", "nb"),
        ("Ring til 32 12 34 56", "da"),
        ("Mobil: +45 32 12 34 56", "da"),
        ("Kontor i London: +44 20 7946 0123", "da"),
        ("Ring (+47) 912 34 567", "nb"),
        ("Mobil +47-912-34-567", "nb"),
        ("Telefon:\u00a0912\u00a034\u00a0567", "nb"),
        ("Jeg heter Kari Vik, nummeret mitt er 91234567.", "nb"),
        ("Mit nummer er 31468817", "da"),
    ],
)
def test_phone_spellings(analyzer, text, lang):
    assert [t for t, _ in found(analyzer, text, lang) if t != "PERSON"] == ["PHONE_NUMBER"]


# -- collisions -----------------------------------------------------------------------


def test_eleven_digits_fodselsnummer_unless_account(analyzer):
    assert found(analyzer, f"Vi har mottatt {FNR} i dag.") == {("NO_FODSELSNUMMER", FNR)}
    assert found(analyzer, f"Kontonummer: {FNR}") == {("NO_KONTONUMMER", FNR)}
    dotted = f"{FNR[:4]}.{FNR[4:6]}.{FNR[6:]}"
    assert found(analyzer, f"Betal til {dotted}") == {("NO_KONTONUMMER", dotted)}


def test_eight_digits_phone_cvr_or_nothing(analyzer):
    assert found(analyzer, f"Tlf. {CVR}", "da") == {("PHONE_NUMBER", CVR)}
    assert found(analyzer, f"CVR-nr. {CVR}", "da") == {("DK_CVR", CVR)}
    assert found(analyzer, f"Koden er {CVR}.", "da") == set()


def test_cpr_like_phone_without_context(analyzer):
    # A Swedish-style national mobile number whose digits pass CPR's date rule.
    number = "0701234567"
    assert dk_cpr.is_valid(number)
    assert found(analyzer, f"Nummeret {number} er noteret.", "da") == set()


def test_foreign_ids_do_not_become_cpr(analyzer):
    assert found(analyzer, f"Svensk personnummer {SE_PNR}", "da") == {("SE_PERSONNUMMER", SE_PNR)}
    assert ("DK_CPR", KENNITALA) not in found(analyzer, f"kennitala {KENNITALA}", "da")


# -- traps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        (f"Fakturanummer {ORGNR}", "nb"),
        (f"Faktura {ORGNR} forfaller 15.03.2024", "nb"),
        (f"Ordrenummer {FNR}", "nb"),
        ("Ordrenummer 0307503034", "da"),
        (f"Bilagsnummer {CVR}", "da"),
        ("Order number 0307503034 was shipped.", "en"),
        ("Totalt kr 12 345 678", "nb"),
        ("Beløb: 91 234 567 kr.", "da"),
        ("Møtet er 23.11.2024.", "nb"),
        ("IBAN NO94 8601 1117 947", "nb"),
        (f"Fødselsnummer: {wrong(FNR)}", "nb"),
        (f"Konto {wrong(KONTO)}", "nb"),
        (f"CVR-nr. {wrong(CVR)}", "da"),
        (f"Serienummer 9{FNR}4", "nb"),
        (f"Ordre {FNR}{FNR}", "nb"),
        ("Postnummer 0450", "nb"),
        ("Kjære kunde,", "nb"),
        ("Dear Sir,", "en"),
        ("I 2019 Oslo-maraton deltok mange.", "nb"),
        ("Varekode AB 12345 er utsolgt.", "nb"),
        ("Se f.eks. org.nr og cpr.nr i skjemaet.", "nb"),
        ("Hilsen\nRegnskapsavdelingen", "nb"),
        ("Fra: Advokatfirmaet Nord", "nb"),
        ("Fra: Engelsk\nTil: Norsk bokmål", "nb"),
        ("Postboks 1234 Sentrum er adressen.", "nb"),
        ("Møtet starter kl. 14.30 i rom 301, jf. § 8-2.", "nb"),
        ("ISBN 978-82-02-12345-6, versjon 2.3.11", "nb"),
        ("Omsetningen økte med 1 234 567 kroner i 2023.", "nb"),
        ("Tabellen viser 22 33 44 55 66 77 88 som måleverdier.", "nb"),
        ("Systemutvikler i Bølgen Data 2016–2020 og 2020-2024.", "nb"),
        ("Saksnummer 2025/3310 og referanse 2025-0017.", "nb"),
        ("Kapittel 3, 2019 Oslo-maraton", "nb"),
    ],
)
def test_traps(analyzer, text, lang):
    assert found(analyzer, text, lang) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Send til kari.fjell@example.no", {("EMAIL_ADDRESS", "kari.fjell@example.no")}),  # no URL part
        ("Vedlegg\nStorgata 1 er solgt.", {("ADDRESS", "Storgata 1")}),  # a heading is no name
        ("Saken gjelder Strandveien 10 i sentrum.", {("ADDRESS", "Strandveien 10")}),
    ],
)
def test_partial_traps(analyzer, text, expected):
    assert found(analyzer, text) == expected


# -- scores and metadata ------------------------------------------------------------------


def test_score_bands(analyzer):
    assert min(scores(analyzer, f"Fødselsnummer: {FNR}", "NO_FODSELSNUMMER")) >= 0.85
    assert max(scores(analyzer, f"Mottatt {FNR}", "NO_FODSELSNUMMER")) >= 0.6
    assert max(scores(analyzer, f"Nummer {CPR_NO_MOD11.replace('-', '')}", "DK_CPR", "da")) < 0.4
    assert max(scores(analyzer, f"Koden {CVR}", "DK_CVR", "da")) < 0.4
    assert max(scores(analyzer, "Koden 91234567", "PHONE_NUMBER")) < 0.4


def test_results_are_marked_context_enhanced(analyzer):
    results = analyzer.analyze(f"Fødselsnummer: {FNR}", language="nb")
    assert results and all(r.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] for r in results)


# -- public interface -----------------------------------------------------------------------


def test_nordic_recognizers_per_language():
    recs = recognizers.nordic_recognizers(["nb", "da"])
    assert {r.supported_language for r in recs} == {"nb", "da"}
    assert not any(isinstance(r, SpacyRecognizer) for r in recs)
    produced = {e for r in recognizers.nordic_recognizers() for e in r.supported_entities}
    assert produced == set(recognizers.ENTITY_TYPES)
    assert {"EMAIL_ADDRESS", "URL", "IP_ADDRESS", "CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE"} <= produced
    registry = recognizers.nordic_registry(["nb", "da"])
    assert registry.supported_languages == ["nb", "da"]


@pytest.mark.parametrize(
    "entity,a,b",
    [
        ("PHONE_NUMBER", "+47 912 34 567", "91234567"),
        ("PHONE_NUMBER", "0047 912 34 567", "912 34 567"),
        ("NO_FODSELSNUMMER", f"{FNR[:6]} {FNR[6:]}", FNR),
        ("DK_CPR", CPR_MOD11, CPR_MOD11.replace("-", "")),
        ("NO_ORGANISASJONSNUMMER", "NO 909 139 090 MVA", ORGNR),
        ("EMAIL_ADDRESS", "Kari.Fjell@Example.no", "kari.fjell@example.no"),
        ("PERSON", "Kari  Nordby", "Kari Nordby"),
        ("IBAN_CODE", IBAN_NO, IBAN_NO.replace(" ", "")),
        ("SE_PERSONNUMMER", "19" + SE_PNR, SE_PNR),
    ],
)
def test_normalize(entity, a, b):
    assert recognizers.normalize(entity, a) == recognizers.normalize(entity, b)


def test_normalize_keeps_case_of_names():
    assert recognizers.normalize("PERSON", " Kari\n Nordby ") == "Kari Nordby"


def test_birth_date():
    assert recognizers.birth_date("NO_FODSELSNUMMER", FNR_D) == datetime.date(1965, 7, 15)
    assert recognizers.birth_date("DK_CPR", CPR_MOD11) == datetime.date(1951, 4, 5)
    assert recognizers.birth_date("SE_PERSONNUMMER", "19" + SE_PNR) == datetime.date(1981, 12, 18)
    assert recognizers.birth_date("FI_HETU", FI) == datetime.date(1952, 10, 13)
    assert recognizers.birth_date("IS_KENNITALA", KENNITALA) == datetime.date(1995, 1, 22)
    assert recognizers.birth_date("DATE_OF_BIRTH", "3. mars 1987") == datetime.date(1987, 3, 3)
    assert recognizers.birth_date("PHONE_NUMBER", "91234567") is None
