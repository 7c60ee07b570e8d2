"""Synthetic training sentences with person names, in the shapes customer files have.

News text (NorNE, DDT) rarely has forms ("Navn: Kari Nordmann"), letter openings ("Kjære Ola,")
or contract parties, which are where names sit in translation agencies' files. These templates
fill that gap. Names, towns and companies come from Faker's ``no_NO`` and ``da_DK`` providers
(MIT licence), so every person is made up. The sentences are kept a small minority of the
training data (see ``train.py``) so the news-domain test scores are not distorted.
"""

from __future__ import annotations

import random
import re

from faker import Faker
from spacy.language import Language
from spacy.tokens import Doc, Span

# {PER} full name, {FIRST} given name, {LAST} family name, {ORG} company, {LOC} town.
TEMPLATES: dict[str, list[str]] = {
    "nb": [
        "Navn: {PER}", "Fullt navn: {PER}", "Kontaktperson: {PER}, {ORG}", "Kjære {FIRST},",
        "Hei {FIRST}!", "Med vennlig hilsen\n{PER}\n{ORG}", "Mvh {PER}",
        "Denne avtalen er inngått mellom {ORG} og {PER}, bosatt i {LOC}.",
        "Oversetter: {PER}", "Signert av {PER} i {LOC}.", "Pasienten {PER} ble henvist til {ORG}.",
        "Saksbehandler {PER} har gått gjennom søknaden.", "Etternavn: {LAST}\nFornavn: {FIRST}",
        "{LAST}, {FIRST}", "Ansvarlig: {PER} ({ORG})", "Vi viser til samtale med {PER} i går.",
        "Arbeidstaker {PER} er ansatt i {ORG} fra 1. mars.", "Til: {PER}\nFra: {PER2}",
        "Leietaker {PER} og utleier {PER2} har inngått følgende avtale.",
        "{PER} er født i {LOC} og bor nå i {LOC2}.", "Kopi til {PER} og {PER2}.",
        "Prosjektleder {PER} sendte filene til {ORG} i {LOC}.", "Referanse: {PER}",
        "Underskrift: {PER}", "Takk for hjelpen, {FIRST}.", "Møtet ble ledet av {PER}.",
    ],
    "nn": [
        "Namn: {PER}", "Fullt namn: {PER}", "Kontaktperson: {PER}, {ORG}", "Kjære {FIRST},",
        "Hei {FIRST}!", "Med venleg helsing\n{PER}\n{ORG}", "Mvh {PER}",
        "Denne avtalen er inngått mellom {ORG} og {PER}, busett i {LOC}.",
        "Omsetjar: {PER}", "Signert av {PER} i {LOC}.", "Pasienten {PER} vart tilvist {ORG}.",
        "Sakshandsamar {PER} har gått gjennom søknaden.", "Etternamn: {LAST}\nFørenamn: {FIRST}",
        "{LAST}, {FIRST}", "Ansvarleg: {PER} ({ORG})", "Vi viser til samtale med {PER} i går.",
        "Arbeidstakar {PER} er tilsett i {ORG} frå 1. mars.", "Til: {PER}\nFrå: {PER2}",
        "Leigetakar {PER} og utleigar {PER2} har inngått følgjande avtale.",
        "{PER} er fødd i {LOC} og bur no i {LOC2}.", "Kopi til {PER} og {PER2}.",
        "Prosjektleiar {PER} sende filene til {ORG} i {LOC}.", "Referanse: {PER}",
        "Underskrift: {PER}", "Takk for hjelpa, {FIRST}.", "Møtet vart leia av {PER}.",
    ],
    "da": [
        "Navn: {PER}", "Fulde navn: {PER}", "Kontaktperson: {PER}, {ORG}", "Kære {FIRST}",
        "Hej {FIRST}!", "Med venlig hilsen\n{PER}\n{ORG}", "Mvh. {PER}",
        "Denne aftale er indgået mellem {ORG} og {PER}, bosat i {LOC}.",
        "Oversætter: {PER}", "Underskrevet af {PER} i {LOC}.", "Patienten {PER} blev henvist til {ORG}.",
        "Sagsbehandler {PER} har gennemgået ansøgningen.", "Efternavn: {LAST}\nFornavn: {FIRST}",
        "{LAST}, {FIRST}", "Ansvarlig: {PER} ({ORG})", "Vi henviser til samtalen med {PER} i går.",
        "Medarbejderen {PER} er ansat i {ORG} fra 1. marts.", "Til: {PER}\nFra: {PER2}",
        "Lejer {PER} og udlejer {PER2} har indgået følgende aftale.",
        "{PER} er født i {LOC} og bor nu i {LOC2}.", "Kopi til {PER} og {PER2}.",
        "Projektleder {PER} sendte filerne til {ORG} i {LOC}.", "Reference: {PER}",
        "Underskrift: {PER}", "Tak for hjælpen, {FIRST}.", "Mødet blev ledet af {PER}.",
    ],
}
FAKER_LOCALES: dict[str, str] = {"nb": "no_NO", "nn": "no_NO", "da": "da_DK"}
SLOT_LABELS: dict[str, str] = {"PER": "PER", "PER2": "PER", "FIRST": "PER", "LAST": "PER",
                               "ORG": "ORG", "LOC": "LOC", "LOC2": "LOC"}
_SLOT = re.compile(r"\{(\w+)\}")


def _fill(slot: str, fake: Faker, rng: random.Random) -> str:
    if slot in ("PER", "PER2"):
        first, last = fake.first_name(), fake.last_name()
        shape = rng.random()
        if shape < 0.1:
            return f"{first[0]}. {last}"
        if shape < 0.25:
            return f"{first} {fake.first_name()} {last}"
        if shape < 0.3:
            return f"{first} {last}".upper()
        return f"{first} {last}"
    if slot == "FIRST":
        return fake.first_name()
    if slot == "LAST":
        return fake.last_name()
    if slot == "ORG":
        return fake.company()
    return fake.city()


def synthetic_docs(nlp: Language, lang: str, count: int, seed: int = 0) -> list[Doc]:
    """``count`` template sentences for ``lang`` (nb, nn, da) with gold PER/ORG/LOC spans."""
    fake = Faker(FAKER_LOCALES[lang])
    fake.seed_instance(seed)
    rng = random.Random(seed)
    docs: list[Doc] = []
    while len(docs) < count:
        template = rng.choice(TEMPLATES[lang])
        text, spans, cursor = "", [], 0
        for match in _SLOT.finditer(template):
            text += template[cursor:match.start()]
            value = _fill(match.group(1), fake, rng)
            spans.append((len(text), len(text) + len(value), SLOT_LABELS[match.group(1)]))
            text += value
            cursor = match.end()
        text += template[cursor:]
        doc = nlp.make_doc(text)
        ents = [doc.char_span(start, end, label=label) for start, end, label in spans]
        if all(isinstance(ent, Span) for ent in ents):
            doc.ents = ents
            docs.append(doc)
    return docs
