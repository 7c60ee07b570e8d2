"""Column headers that say what a spreadsheet column holds (the idea of presidio-structured).

Used by the XLSX and the CSV/TSV adapters alike.

A staff list has a column "Fødselsnummer" or "E-post"; every cell below such a header is that type
whatever its text looks like, so a number the recognizers would miss (a fødselsnummer stored as a number
that lost its leading zero, a phone number without context) is still replaced.

Headers are matched whole after normalisation (lower case, punctuation and extra spaces removed), in
Bokmål, Nynorsk, Danish and English. "Navn" alone is a person; "Firmanavn" or "Filnavn" are not in the
list on purpose: only headers that name a person's data are.
"""

from __future__ import annotations

import re

_PERSON = (
    "navn", "namn", "name", "fullt navn", "fullt namn", "fulde navn", "fuldt navn", "full name",
    "fornavn", "førenamn", "etternavn", "etternamn", "efternavn", "mellomnavn", "mellemnavn",
    "first name", "last name", "surname", "given name", "family name",
    "ansatt", "tilsett", "medarbeider", "medarbejder", "employee", "employee name", "ansattes navn",
    "kontaktperson", "contact person", "contact", "pasient", "patient", "klient", "elev", "student",
    "saksbehandler", "sagsbehandler", "leder", "nærmeste leder", "manager",
)
_TYPES: dict[str, tuple[str, ...]] = {
    "PERSON": _PERSON,
    "NO_FODSELSNUMMER": (
        "fødselsnummer", "fødselsnr", "fødselsnummer 11 siffer", "fnr", "f nr", "fødselsnummer d nummer",
        "d nummer", "personnummer no", "norsk personnummer", "personident",
    ),
    "DK_CPR": ("cpr", "cpr nummer", "cpr nr", "cprnr", "personnummer dk", "dansk personnummer"),
    "PHONE_NUMBER": (
        "telefon", "telefonnummer", "telefonnr", "tlf", "tlf nr", "tlfnr", "mobil", "mobilnummer",
        "mobilnr", "mobiltelefon", "phone", "phone number", "telephone", "mobile", "mobile phone", "cell",
        "telefon privat", "privat telefon",
    ),
    "EMAIL_ADDRESS": (
        "e post", "epost", "e postadresse", "epostadresse", "e mail", "email", "mail", "e mailadresse",
        "email address", "e mail address", "mailadresse",
    ),
    "ADDRESS": (
        "adresse", "adresser", "address", "gateadresse", "postadresse", "bostedsadresse",
        "hjemmeadresse", "privatadresse", "bopæl", "bopel", "home address", "street address",
        "vejadresse", "folkeregistrert adresse",
    ),
    "DATE_OF_BIRTH": ("fødselsdato", "fødselsdag", "fødd", "født", "date of birth", "birth date", "dob"),
    "NO_KONTONUMMER": ("kontonummer", "kontonr", "bankkonto", "bankkontonummer"),
    "IBAN_CODE": ("iban",),
}
HEADER_ROWS = 10  # a header row is looked for among the first rows of a table
_LOOKUP = {header: entity for entity, headers in _TYPES.items() for header in headers}
_PUNCTUATION = re.compile(r"[\s\-_.:;*()#/]+")
_ALNUM = re.compile(r"[^\W_]")


def normalise(header: str) -> str:
    return _PUNCTUATION.sub(" ", header.casefold()).strip()


def entity_for_header(header: str) -> str | None:
    """The entity type of the cells below ``header``, or None when the header does not say."""
    return _LOOKUP.get(normalise(header)) or _LOOKUP.get(normalise(header).replace(" ", ""))


def has_data(text: str | None) -> bool:
    """Whether a cell under a telling header still holds a value of that type: not when it is empty or
    masked ("K*** N*******", what ``--mode mask`` writes)."""
    return bool(text) and "*" not in text and _ALNUM.search(text) is not None
