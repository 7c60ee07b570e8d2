"""The recognizer set of this package, one instance per language."""

from __future__ import annotations

from typing import Iterable

from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from recognizers.address import AddressRecognizer
from recognizers.date_of_birth import DateOfBirthRecognizer
from recognizers.dk_cpr import DkCprRecognizer
from recognizers.dk_cvr import DkCvrRecognizer
from recognizers.fi_hetu import FiHetuRecognizer
from recognizers.iban import NordicIbanRecognizer
from recognizers.is_kennitala import IsKennitalaRecognizer
from recognizers.license_plate import DkLicensePlateRecognizer, NoLicensePlateRecognizer
from recognizers.no_fodselsnummer import NoFodselsnummerRecognizer
from recognizers.no_kontonummer import NoKontonummerRecognizer
from recognizers.no_organisasjonsnummer import NoOrganisasjonsnummerRecognizer
from recognizers.person import PersonRuleRecognizer
from recognizers.person_names import NameListRecognizer
from recognizers.phone import NordicPhoneRecognizer
from recognizers.se_personnummer import SePersonnummerRecognizer
from recognizers.web import web_recognizers

LANGUAGES = ("nb", "nn", "da", "en")

_COMMON = (
    NoFodselsnummerRecognizer,
    NoOrganisasjonsnummerRecognizer,
    NoKontonummerRecognizer,
    DkCprRecognizer,
    DkCvrRecognizer,
    SePersonnummerRecognizer,
    FiHetuRecognizer,
    IsKennitalaRecognizer,
    NordicIbanRecognizer,
    NordicPhoneRecognizer,
    AddressRecognizer,
    DateOfBirthRecognizer,
    PersonRuleRecognizer,
    NameListRecognizer,
)

ENTITY_TYPES = (
    "NO_FODSELSNUMMER", "NO_ORGANISASJONSNUMMER", "NO_KONTONUMMER", "DK_CPR", "DK_CVR",
    "SE_PERSONNUMMER", "FI_HETU", "IS_KENNITALA", "IBAN_CODE", "PHONE_NUMBER",
    "EMAIL_ADDRESS", "URL", "IP_ADDRESS", "CREDIT_CARD", "NO_LICENSE_PLATE",
    "DK_LICENSE_PLATE", "ADDRESS", "DATE_OF_BIRTH", "PERSON",
)


def nordic_recognizers(languages: Iterable[str] = LANGUAGES) -> list[EntityRecognizer]:
    """All recognizers of the package for each language (no spaCy NER recognizer)."""
    result: list[EntityRecognizer] = []
    for language in languages:
        result += [cls(supported_language=language) for cls in _COMMON]
        # "AB 12 345" is Danish and "AB 12345" Norwegian: the language decides the country.
        plate = DkLicensePlateRecognizer if language == "da" else NoLicensePlateRecognizer
        result.append(plate(supported_language=language))
        result += web_recognizers(language)
    return result


def nordic_registry(languages: Iterable[str] = LANGUAGES) -> RecognizerRegistry:
    """A RecognizerRegistry with :func:`nordic_recognizers`, for a plain AnalyzerEngine."""
    languages = list(languages)
    return RecognizerRegistry(recognizers=nordic_recognizers(languages), supported_languages=languages)
