"""Writes the translation samples of this folder and their expected findings (run it to regenerate).

Everything personal in them is made up for this project: the people, their logins and addresses, and
the identity and account numbers (valid checksums, fictitious persons).

    .venv/bin/python samples/translation/generate.py
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from stdnum.no import fodselsnummer, kontonr

HERE = Path(__file__).resolve().parent


def _mod11(digits: str, weights: list[int]) -> int | None:
    check = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if check == 11 else None if check == 10 else check


def fictitious_fodselsnummer(birth: str, start: int) -> str:
    """The first valid fødselsnummer for a birth date DDMMYY from individnummer ``start`` on."""
    for individual in range(start, 500):
        base = f"{birth}{individual:03d}"
        first = _mod11(base, [3, 7, 6, 1, 8, 9, 4, 5, 2])
        if first is None:
            continue
        second = _mod11(base + str(first), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if second is not None and fodselsnummer.is_valid(base + str(first) + str(second)):
            return base + str(first) + str(second)
    raise ValueError(birth)


def fictitious_kontonummer(prefix: str) -> str:
    for tail in range(1000):
        base = f"{prefix}{tail:03d}"
        check = _mod11(base, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if check is not None and kontonr.is_valid(base + str(check)):
            number = base + str(check)
            return f"{number[:4]}.{number[4:6]}.{number[6:]}"
    raise ValueError(prefix)


FNR_1 = fictitious_fodselsnummer("140379", 231)
FNR_2 = fictitious_fodselsnummer("020894", 412)
KONTO = fictitious_kontonummer("1206427")

# (Bokmål, English, expected entities) — {b}/{/b} mark bold inline codes.
UNITS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("Pasienten Ingrid Solberg ble innlagt med diabetes type 2.",
     "The patient Ingrid Solberg was admitted with type 2 diabetes.", [("PERSON", "Ingrid Solberg")]),
    ("Fødselsnummer: " + FNR_1, "National identity number: " + FNR_1, [("NO_FODSELSNUMMER", FNR_1)]),
    ("Kontakt {b}Eirik Haugland{/b} på telefon 913 45 678.",
     "Contact {b}Eirik Haugland{/b} on phone 913 45 678.", [("PERSON", "Eirik Haugland"), ("PHONE_NUMBER", "913 45 678")]),
    ("Send søknaden til sigrid.bakke@eksempel.no innen fredag.",
     "Send the application to sigrid.bakke@eksempel.no by Friday.", [("EMAIL_ADDRESS", "sigrid.bakke@eksempel.no")]),
    ("Lønnen utbetales til konto " + KONTO + ".", "The salary is paid to account " + KONTO + ".",
     [("NO_KONTONUMMER", KONTO)]),
    ("Trykk på Lagre for å lagre endringene.", "Press Save to save the changes.", []),
    ("Rapporten gjelder perioden januar til mars.", "The report covers the period January to March.", []),
    ("Torbjørn Lie har vært sykmeldt siden oktober på grunn av depresjon.",
     "Torbjørn Lie has been on sick leave since October because of depression.", [("PERSON", "Torbjørn Lie")]),
    ("Møtet holdes i kantinen klokken ti.", "The meeting is held in the canteen at ten.", []),
    ("Ingrid Solberg bruker insulin to ganger daglig.", "Ingrid Solberg takes insulin twice a day.",
     [("PERSON", "Ingrid Solberg")]),
    ("Velg et språk fra listen.", "Choose a language from the list.", []),
    ("Henvisning fra fastlege Marte Aasen gjelder {b}Jonas Berg{/b}, født " + FNR_2 + ".",
     "Referral from GP Marte Aasen concerns {b}Jonas Berg{/b}, born " + FNR_2 + ".",
     [("PERSON", "Marte Aasen"), ("PERSON", "Jonas Berg"), ("NO_FODSELSNUMMER", FNR_2)]),
    ("Filen kunne ikke åpnes.", "The file could not be opened.", []),
    ("Ring Eirik Haugland hvis du har spørsmål.", "Call Eirik Haugland if you have questions.",
     [("PERSON", "Eirik Haugland")]),
    ("Produktet leveres i tre farger.", "The product comes in three colours.", []),
    ("Jonas Berg er medlem av Fagforbundet.", "Jonas Berg is a member of Fagforbundet.", [("PERSON", "Jonas Berg")]),
    ("Skriv inn passordet på nytt.", "Enter the password again.", []),
    ("Fakturaen forfaller om fjorten dager.", "The invoice is due in fourteen days.", []),
    ("Marte Aasen svarer på e-post til marte.aasen@legesenter.eksempel.no.",
     "Marte Aasen answers e-mail at marte.aasen@legesenter.eksempel.no.",
     [("PERSON", "Marte Aasen"), ("EMAIL_ADDRESS", "marte.aasen@legesenter.eksempel.no")]),
    ("Oppdateringen tar noen minutter.", "The update takes a few minutes.", []),
]
NEUTRAL = [
    ("Klikk på Neste for å fortsette.", "Click Next to continue."),
    ("Innstillingene er lagret.", "The settings have been saved."),
    ("Dokumentet er sendt til godkjenning.", "The document has been sent for approval."),
    ("Velg en mappe for eksporten.", "Choose a folder for the export."),
    ("Tilkoblingen til serveren ble brutt.", "The connection to the server was lost."),
    ("Bruk søkefeltet for å finne en sak.", "Use the search field to find a case."),
    ("Endringene trer i kraft fra neste måned.", "The changes take effect from next month."),
    ("Skjemaet må fylles ut på nytt.", "The form must be filled in again."),
    ("Prisene er oppgitt uten merverdiavgift.", "Prices are given without VAT."),
    ("Kurset varer i to dager.", "The course lasts two days."),
]


def _tmx_seg(text: str) -> str:
    out = escape(text)
    out = out.replace("{b}", '<bpt i="1">&lt;b&gt;</bpt>').replace("{/b}", '<ept i="1">&lt;/b&gt;</ept>')
    return out


def write_tmx() -> None:
    logins = ["ingrid.translator", "ohansen", "k.lunde"]
    units = []
    pairs = [(nb, en, ents) for nb, en, ents in UNITS] + [(nb, en, []) for nb, en in NEUTRAL]
    pairs = pairs + [(nb, en, ents) for nb, en, ents in UNITS[:10]] + [(nb, en, []) for nb, en in NEUTRAL] * 2
    expected: list[tuple[str, str]] = [("PERSON", login) for login in logins]
    previous = ""
    for number, (nb, en, entities) in enumerate(pairs[:62], start=1):
        login = logins[number % len(logins)]
        context = f'\n    <prop type="x-context-pre">{_tmx_seg(previous)}</prop>' if previous and number % 7 == 0 else ""
        units.append(
            f'  <tu tuid="{number}" creationdate="20250312T101500Z" creationid="{login}" changeid="{login}">{context}\n'
            f'    <tuv xml:lang="nb-NO"><seg>{_tmx_seg(nb)}</seg></tuv>\n'
            f'    <tuv xml:lang="en-GB"><seg>{_tmx_seg(en)}</seg></tuv>\n'
            f"  </tu>"
        )
        expected.extend(entities)
        previous = nb.replace("{b}", "").replace("{/b}", "")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        '  <header creationtool="ScreenSamples" creationtoolversion="1.0" segtype="sentence" o-tmf="TMX"'
        ' adminlang="en-GB" srclang="nb-NO" datatype="plaintext" creationid="k.lunde">\n'
        "    <note>Minne for kunde Helse Vest-eksempel, eier Kari Lunde</note>\n  </header>\n  <body>\n"
        + "\n".join(units) + "\n  </body>\n</tmx>\n"
    )
    expected.append(("PERSON", "Kari Lunde"))
    (HERE / "health-memory.nb-en.tmx").write_text(text, encoding="utf-8")
    _expected("health-memory.nb-en.tmx", expected)


def write_sdlxliff() -> None:
    text = f"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><rev-defs><rev-def id="r1" type="Delete" author="KONTOR\\h.dahl" date="03/11/2026 09:12:00"/></rev-defs>
<cmt-defs><cmt-def id="c1"><Comments><Comment severity="Medium" user="Halvor Dahl" date="2026-03-11T09:14:00" version="1.0">Sjekk navnet med Liv Moen</Comment></Comments></cmt-def></cmt-defs></doc-info>
<file original="C:\\Users\\h.dahl\\Documents\\Oppsigelse Kristian Vik.docx" datatype="x-sdlfilterframework2" source-language="nb-NO" target-language="en-GB">
<header><file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><value key="SDL:FileId">4c2f</value><value key="SDL:OriginalFilePath">C:\\Users\\h.dahl\\Documents\\Oppsigelse Kristian Vik.docx</value></file-info>
<reference><internal-file form="base64">UEsDBBQABgAIAAAAIQBmWFKC</internal-file></reference>
<tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="1"><bpt name="cf" word-end="false">&lt;cf bold="True"&gt;</bpt><ept name="cf" word-end="false">&lt;/cf&gt;</ept></tag><tag id="2"><ph name="hyperlink" word-end="false">&lt;hyperlink href="mailto:kristian.vik@eksempel.no"/&gt;</ph></tag></tag-defs>
</header>
<body>
<trans-unit id="a1"><source>Oppsigelse av <g id="1">Kristian Vik</g></source>
<seg-source><mrk mtype="seg" mid="1">Oppsigelse av <g id="1">Kristian Vik</g></mrk></seg-source>
<target><mrk mtype="seg" mid="1">Termination of <g id="1">Kristian Vik</g><mrk mtype="x-sdl-deleted" sdl:revid="r1"> (Liv Moen)</mrk></mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"><sdl:value key="created_by">KONTOR\\h.dahl</sdl:value><sdl:value key="last_modified_by">KONTOR\\l.moen</sdl:value></sdl:seg></sdl:seg-defs>
</trans-unit>
<trans-unit id="a2"><source>Kristian Vik, fødselsnummer {FNR_2}, sies opp fra 1. april.<x id="2"/></source>
<seg-source><mrk mtype="seg" mid="2">Kristian Vik, fødselsnummer {FNR_2}, sies opp fra 1. april.</mrk><x id="2"/></seg-source>
<target><mrk mtype="seg" mid="2">Kristian Vik, national identity number {FNR_2}, is dismissed from 1 April.</mrk><x id="2"/></target>
<sdl:seg-defs><sdl:seg id="2" conf="Draft"><sdl:value key="created_by">KONTOR\\h.dahl</sdl:value></sdl:seg></sdl:seg-defs>
</trans-unit>
<trans-unit id="a3"><source>Spørsmål rettes til personalavdelingen.</source>
<seg-source><mrk mtype="seg" mid="3">Spørsmål rettes til personalavdelingen.</mrk></seg-source>
<target><mrk mtype="seg" mid="3">Questions should be addressed to the HR department.</mrk></target>
</trans-unit>
</body></file></xliff>
"""
    (HERE / "termination-letter.nb-en.sdlxliff").write_text(text, encoding="utf-8")
    _expected("termination-letter.nb-en.sdlxliff", [
        ("PERSON", "KONTOR\\h.dahl"), ("PERSON", "Halvor Dahl"), ("PERSON", "Liv Moen"),
        ("PERSON", "Kristian Vik"), ("EMAIL_ADDRESS", "kristian.vik@eksempel.no"), ("PERSON", "KONTOR\\l.moen"),
        ("NO_FODSELSNUMMER", FNR_2),
    ])


def write_xliff2() -> None:
    text = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="da-DK" trgLang="en-GB">
<file id="f1" original="/home/mette/opgaver/journal.docx">
<notes><note>Spørgsmål til projektleder Mette Kjær</note></notes>
<unit id="u1">
<mtc:matches><mtc:match ref="#s1" similarity="86" origin="Kunde-TM"><source>Patient Søren Lund har astma.</source><target>Patient Søren Lund has asthma.</target></mtc:match></mtc:matches>
<originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
<segment id="s1"><source>Patient <pc id="1" dataRefStart="d1" dataRefEnd="d2">Søren Lund</pc>, CPR-nr. 070881-4417, har astma.</source>
<target>Patient <pc id="1" dataRefStart="d1" dataRefEnd="d2">Søren Lund</pc>, CPR no. 070881-4417, has asthma.</target></segment>
</unit>
<unit id="u2">
<segment id="s2"><source>Ring til Anne Holm på telefon 23 45 67 89.</source><target>Call Anne Holm on phone 23 45 67 89.</target></segment>
</unit>
<unit id="u3">
<segment id="s3"><source>Vælg en fil.</source><target>Choose a file.</target></segment>
</unit>
</file>
</xliff>
"""
    (HERE / "patient-journal.da-en.xlf").write_text(text, encoding="utf-8")
    _expected("patient-journal.da-en.xlf", [
        ("PERSON", "Mette Kjær"), ("PERSON", "Søren Lund"), ("DK_CPR", "070881-4417"), ("PERSON", "Anne Holm"),
        ("PHONE_NUMBER", "23 45 67 89"),
    ])


def _expected(name: str, entities: list[tuple[str, str]]) -> None:
    unique = list(dict.fromkeys(entities))
    data = {"entities": [{"type": kind, "text": value} for kind, value in unique]}
    (HERE / f"{name}.expected.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_tmx()
    write_sdlxliff()
    write_xliff2()
