"""Write the labelled sentences (sentences_nb.jsonl, sentences_nn.jsonl, ...) for the recognizers.

    python tests/data/recognizers/make_sentences.py

The templates below were written for this project: letters, forms, contracts, invoices,
journal notes. Upper-case slots ({FNR}, {TLF_NO_MOB}...) are filled with fictitious values
that are expected findings; lower-case slots ({inv9}, {amount}...) are traps or text
that the recognizers must NOT report; {name} (a name in running text) is expected too, since the
name-list recognizer finds a known given name followed by a surname.
Seeded, so the files are reproducible.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import Synth  # noqa: E402

S = Synth(20241201)

FIRST = ["Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Magnus", "Mette", "Søren", "Freja", "Anders",
         "Astrid", "Eirik", "Line", "Jonas", "Maja", "Henrik", "Solveig", "Torbjørn", "Nanna", "Rasmus"]
LAST = ["Fjellstad", "Nordby", "Haugland", "Brekke", "Lindqvist", "Kjærgaard", "Østergaard", "Vik",
        "Dahl-Rasmussen", "Solberg", "Berntsen", "Holmgaard", "Aasheim", "Krogh", "Lunde", "Nygaard"]
STREETS_NO = ["Fjordveien", "Granåsvegen", "Kirkegata", "Bakkebygrenda", "Solheimsgata", "Lerkeveien", "Myrhaugen"]
STREETS_DK = ["Solbærvej", "Vestergade", "Rosenvænget", "Kastanie Allé", "Møllestræde", "Bøgevej"]
TOWNS_NO = ["0450 Oslo", "5003 Bergen", "7030 Trondheim", "9008 Tromsø", "4608 Kristiansand"]
TOWNS_DK = ["2100 København Ø", "8000 Aarhus C", "5000 Odense C", "9000 Aalborg", "7100 Vejle"]
MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]
MONTHS_DA = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
FNR2032 = ["02013299997", "30108299939"]


def name() -> str:
    return f"{S.r.choice(FIRST)} {S.r.choice(LAST)}"


def fnr2032() -> str:
    """A number valid only under the 2032 rule (first check digit remainder 1-3)."""
    while True:
        d = S.date(1960, 2010)
        individual = S.r.randint(0, 499) if d.year < 2000 else S.r.randint(500, 999)
        nine = [int(c) for c in f"{d.day:02d}{d.month:02d}{d.year % 100:02d}{individual:03d}"]
        base = sum(w * n for w, n in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), nine))
        for k1 in range(10):
            if (base + k1) % 11 in (1, 2, 3):
                ten = nine + [k1]
                k2 = (11 - sum(w * n for w, n in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), ten)) % 11) % 11
                if k2 != 10:
                    return "".join(map(str, ten)) + str(k2)


def not_fnr_konto() -> str:
    from recognizers import no_fodselsnummer

    while True:
        k = S.kontonr()
        if not no_fodselsnummer.is_valid(k):
            return k


def orgvalid9() -> str:
    return S.orgnr()


def cpr_like_order() -> str:
    return S.cpr()


def bad_check(number: str) -> str:
    last = int(number[-1])
    return number[:-1] + str((last + 1) % 10)


def dob(lang: str) -> str:
    d = S.date(1940, 2010)
    style = S.r.randrange(3)
    if style == 0:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == 1:
        months = MONTHS_DA if lang == "da" else MONTHS_NB
        return f"{d.day}. {months[d.month - 1]} {d.year}"
    return d.isoformat()


def plate() -> str:
    letters = "ABCDEFGHJKLNPRSTUVXYZ"
    return f"{S.r.choice(['EL', 'EK', 'EV', 'BT', 'DN', 'KH', 'SU', 'VH'])} {S.r.randint(10000, 99999)}" if S.r.random() < 0.7 else f"{S.r.choice(letters)}{S.r.choice(letters)} {S.r.randint(10000, 99999)}"


def plate_dk() -> str:
    letters = "ABCDEFGHJKLNPRSTUVXYZ"
    n = S.r.randint(10000, 99999)
    return f"{S.r.choice(letters)}{S.r.choice(letters)} {str(n)[:2]} {str(n)[2:]}"


def address(lang: str) -> str:
    if lang == "da":
        floor = S.r.choice(["", ", 2. tv.", ", st. th.", ""])
        return f"{S.r.choice(STREETS_DK)} {S.r.randint(1, 120)}{floor}, {S.r.choice(TOWNS_DK)}"
    letter = S.r.choice(["", "", "B", " A"])
    return f"{S.r.choice(STREETS_NO)} {S.r.randint(1, 140)}{letter}, {S.r.choice(TOWNS_NO)}"


def email() -> str:
    first, last = S.r.choice(FIRST), S.r.choice(LAST)
    local = f"{first}.{last}".lower().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    return f"{local}@{S.r.choice(['example.no', 'example.dk', 'example.com', 'eksempel.no'])}"


# slot -> (entity type or None, generator taking the language)
SLOTS = {
    "FNR": ("NO_FODSELSNUMMER", lambda l: S.fnr()),
    "FNR_SP": ("NO_FODSELSNUMMER", lambda l: (lambda n: f"{n[:6]} {n[6:]}")(S.fnr())),
    "DNR": ("NO_FODSELSNUMMER", lambda l: S.fnr("d")),
    "HNR": ("NO_FODSELSNUMMER", lambda l: S.fnr("h")),
    "TENOR": ("NO_FODSELSNUMMER", lambda l: S.fnr("tenor")),
    "FH": ("NO_FODSELSNUMMER", lambda l: S.fnr("fh")),
    "FNR2032": ("NO_FODSELSNUMMER", lambda l: fnr2032()),
    "KONTO": ("NO_KONTONUMMER", lambda l: (lambda k: f"{k[:4]}.{k[4:6]}.{k[6:]}")(S.kontonr())),
    "KONTO_SP": ("NO_KONTONUMMER", lambda l: (lambda k: f"{k[:4]} {k[4:6]} {k[6:]}")(S.kontonr())),
    "KONTO_PLAIN": ("NO_KONTONUMMER", lambda l: not_fnr_konto()),
    "ORG": ("NO_ORGANISASJONSNUMMER", lambda l: S.orgnr()),
    "ORG_SP": ("NO_ORGANISASJONSNUMMER", lambda l: (lambda o: f"{o[:3]} {o[3:6]} {o[6:]}")(S.orgnr())),
    "MVA": ("NO_ORGANISASJONSNUMMER", lambda l: (lambda o: f"NO {o[:3]} {o[3:6]} {o[6:]} MVA")(S.orgnr())),
    "CPR": ("DK_CPR", lambda l: (lambda c: f"{c[:6]}-{c[6:]}")(S.cpr(True))),
    "CPR_NOMOD": ("DK_CPR", lambda l: (lambda c: f"{c[:6]}-{c[6:]}")(S.cpr(False))),
    "CPR_PLAIN": ("DK_CPR", lambda l: S.cpr()),
    "CVR": ("DK_CVR", lambda l: S.cvr()),
    "CVR_DK": ("DK_CVR", lambda l: "DK" + S.cvr()),
    "SE": ("SE_PERSONNUMMER", lambda l: S.se_pnr()),
    "SE12": ("SE_PERSONNUMMER", lambda l: (lambda p: ("19" if int(p[:2]) > 24 else "20") + p)(S.se_pnr())),
    "SE_SAM": ("SE_PERSONNUMMER", lambda l: S.se_pnr(samordning=True)),
    "FI": ("FI_HETU", lambda l: S.fi_hetu()),
    "IS": ("IS_KENNITALA", lambda l: S.kennitala()),
    "IBAN_NO": ("IBAN_CODE", lambda l: S.iban("NO")),
    "IBAN_DK": ("IBAN_CODE", lambda l: S.iban("DK")),
    "IBAN_COMPACT": ("IBAN_CODE", lambda l: S.iban(S.r.choice(["NO", "DK"])).replace(" ", "")),
    "CARD": ("CREDIT_CARD", lambda l: S.card()),
    "TLF_NO_MOB": ("PHONE_NUMBER", lambda l: S.phone("NO", "mobile")),
    "TLF_NO_LAND": ("PHONE_NUMBER", lambda l: S.phone("NO", "land")),
    "TLF_NO_PLAIN": ("PHONE_NUMBER", lambda l: S.phone("NO", "plain")),
    "TLF_NO_INTL": ("PHONE_NUMBER", lambda l: S.phone("NO", S.r.choice(["intl", "intl_compact"]))),
    "TLF_NO_IDD": ("PHONE_NUMBER", lambda l: S.phone("NO", "idd")),
    "TLF_DK": ("PHONE_NUMBER", lambda l: S.phone("DK", "land")),
    "TLF_DK_PLAIN": ("PHONE_NUMBER", lambda l: S.phone("DK", "plain")),
    "TLF_DK_INTL": ("PHONE_NUMBER", lambda l: S.phone("DK", S.r.choice(["intl", "intl_compact", "idd"]))),
    "TLF_OTHER": ("PHONE_NUMBER", lambda l: S.r.choice(["+44 20 7946 0" + S.digits(3), "+46 70 174 06 " + S.digits(2), "+1 202 555 01" + S.digits(2)])),
    "EMAIL": ("EMAIL_ADDRESS", lambda l: email()),
    "URL": ("URL", lambda l: S.r.choice(["https://www.example.no/skjema", "https://example.dk/kontakt", "www.example.com/min-side"])),
    "IP": ("IP_ADDRESS", lambda l: f"192.0.2.{S.r.randint(1, 254)}"),
    "DOB": ("DATE_OF_BIRTH", dob),
    "ADDR": ("ADDRESS", address),
    "NAME": ("PERSON", lambda l: name()),
    "POSTBOKS": ("ADDRESS", lambda l: f"Postboks {S.r.randint(1, 9999)}, {S.r.choice(TOWNS_NO)}"),
    "PLATE": ("NO_LICENSE_PLATE", lambda l: plate()),
    "PLATE_DK": ("DK_LICENSE_PLATE", lambda l: plate_dk()),
    # traps and plain text: never expected
    "inv9": (None, lambda l: orgvalid9()),
    "order10": (None, lambda l: cpr_like_order()),
    "order8": (None, lambda l: S.phone(S.r.choice(["NO", "DK"]), "plain")),
    "order11": (None, lambda l: S.fnr()),
    "amount": (None, lambda l: f"{S.r.randint(10, 99)} {S.r.randint(100, 999)} {S.r.randint(100, 999)}"),
    "date": (None, lambda l: f"{S.r.randint(1, 28):02d}.{S.r.randint(1, 12):02d}.20{S.r.randint(20, 25)}"),
    "bad_iban": (None, lambda l: bad_check(S.iban("NO").replace(" ", ""))),
    "bad_fnr": (None, lambda l: bad_check(S.fnr())),
    "bad_org": (None, lambda l: bad_check(S.orgnr())),
    "bad_cvr": (None, lambda l: bad_check(S.cvr())),
    "bad_konto": (None, lambda l: (lambda k: f"{k[:4]}.{k[4:6]}.{k[6:]}")(bad_check(S.kontonr()))),
    "bad_cpr": (None, lambda l: f"{S.r.randint(32, 39)}{S.r.randint(1, 12):02d}{S.r.randint(40, 99)}-{S.digits(4)}"),
    # A name in running text: found by the name-list recognizer (a known given name + surname).
    "name": ("PERSON", lambda l: name()),
    "year": (None, lambda l: str(S.r.randint(1990, 2024))),
}

TEMPLATES: dict[str, list[str]] = {
    "nb": [
        "Fødselsnummer: {FNR}",
        "Pasientens fødselsnummer er {FNR}, og fastlegen er informert.",
        "Søkerens fødselsnr. {FNR_SP} må oppgis på alle vedlegg.",
        "D-nummer: {DNR} (utenlandsk arbeidstaker uten norsk fødselsnummer).",
        "Journalnotat: pasienten er registrert med H-nummer {HNR} inntil identiteten er avklart.",
        "Testperson i Tenor, fnr {TENOR}, brukes bare i testmiljøet.",
        "FH-nummer {FH} er tildelt pasienten ved innleggelsen.",
        "Personnummer (nytt format fra 2032): {FNR2032}",
        "Fødselsnummer:\n{FNR}",
        "Vennligst overfør beløpet til konto {KONTO} innen fredag.",
        "Lønn utbetales til kontonummer {KONTO_SP}.",
        "Kontonr: {KONTO_PLAIN}",
        "Utleier: Fjordbygg AS, org.nr. {ORG_SP}",
        "Leverandørens organisasjonsnummer er {ORG}.",
        "Foretaksregisteret: {MVA}",
        "Ring meg gjerne på {TLF_NO_MOB} etter klokka fire.",
        "Tlf.: {TLF_NO_LAND}",
        "Mobil: {TLF_NO_PLAIN}",
        "Du når meg på {TLF_NO_INTL} hele uka.",
        "Fra utlandet: ring {TLF_NO_IDD}.",
        "Kontaktinformasjon: e-post {EMAIL}, telefon {TLF_NO_MOB}.",
        "Send signert avtale til {EMAIL} så snart som mulig.",
        "IBAN: {IBAN_NO}, BIC DNBANOKK",
        "Betaling fra utlandet til {IBAN_COMPACT}.",
        "Fakturanummer {inv9} forfaller {date}.",
        "Faktura {inv9} gjelder oversettelse av 12 sider.",
        "Ordrenummer: {order10}",
        "Bestilling {order8} er sendt med Posten.",
        "Totalt å betale: kr {amount}",
        "Saksnummer {order11} er registrert hos oss.",
        "Vi viser til møtet {date} og sender referatet.",
        "Fødselsnummer: {bad_fnr} (kontroller sifrene)",
        "Kontonummer {bad_konto} ble avvist av banken.",
        "Org.nr. {bad_org} finnes ikke i Enhetsregisteret.",
        "IBAN {bad_iban} er ugyldig.",
        "Navn: {NAME}\nAdresse: {ADDR}",
        "Kjære {NAME},\ntakk for henvendelsen.",
        "Hei {NAME}!\nVedlagt finner du oversettelsen.",
        "Med vennlig hilsen\n{NAME}",
        "Mvh\n{NAME}\nTlf. {TLF_NO_MOB}",
        "Pasient: {NAME}, født {DOB}",
        "Eleven er f. {DOB} og går i 7. klasse.",
        "Fødselsdato: {DOB}",
        "Bilen med registreringsnummer {PLATE} sto parkert utenfor.",
        "Kjennemerke: {PLATE}",
        "Kortnummer {CARD} er sperret.",
        "Innlogging fra IP-adresse {IP} ble registrert.",
        "Les mer på {URL}.",
        "Møtet med {name} er flyttet til {date}.",
        "Rapporten for {year} viser en økning på {amount} kroner.",
        "Svensk statsborger, personnummer {SE}, bosatt i Norge.",
        "Finsk henkilötunnus: {FI}",
        "Islandsk kennitala: {IS}",
        "Telefon til kontoret i London: {TLF_OTHER}",
        "Bedriften (org.nr. {ORG}) har kontor i {ADDR}.",
    ],
    "nn": [
        "Fødselsnummer: {FNR}",
        "Søkjaren sitt fødselsnummer er {FNR}.",
        "Pasienten har D-nummer {DNR} og får tolk.",
        "Eleven sitt fødselsnr.: {FNR_SP}",
        "Ring meg på {TLF_NO_MOB} om du lurer på noko.",
        "Telefon: {TLF_NO_LAND}",
        "Mobilnummer {TLF_NO_PLAIN}",
        "Ho er å nå på {TLF_NO_INTL}.",
        "E-post: {EMAIL}",
        "Skriv til {EMAIL} dersom du vil klage.",
        "Løna vert betalt til konto {KONTO}.",
        "Kontonummer: {KONTO_SP}",
        "Organisasjonsnummeret til laget er {ORG_SP}.",
        "Fakturanummer {inv9} må merkjast på innbetalinga.",
        "Ordrenummer {order10} er motteke.",
        "Det totale beløpet er kr {amount}.",
        "Saka vart handsama {date}.",
        "Namn: {NAME}\nAdresse: {ADDR}",
        "Kjære {NAME},\nvi stadfestar at søknaden er motteken.",
        "Med venleg helsing\n{NAME}",
        "Eleven er fødd {DOB}.",
        "Fødselsdato: {DOB}",
        "Bilen hadde kjennemerke {PLATE}.",
        "IBAN: {IBAN_NO}",
        "Møtet med {name} vart utsett.",
        "Fødselsnummer {bad_fnr} er ikkje gyldig.",
        "Personnummer etter 2032-regelen: {FNR2032}",
        "Tenor-testperson med fødselsnummer {TENOR}.",
        "Bestillinga {order8} vart sendt i går.",
        "Telefon {TLF_NO_MOB}, e-post {EMAIL}",
    ],
    "da": [
        "CPR-nr.: {CPR}",
        "Patientens CPR-nummer er {CPR_NOMOD}, jf. sundhedskortet.",
        "Borgerens personnummer: {CPR_PLAIN}",
        "CPR {CPR_PLAIN} skal fremgå af ansøgningen.",
        "Ansøger (CPR-nr. {CPR}) er bosat i Aarhus.",
        "Sygesikringsbevis med cpr.nr. {CPR_NOMOD}",
        "CPR-nummer:\n{CPR}",
        "Firmaets CVR-nr. er {CVR}.",
        "CVR: {CVR}",
        "Momsnummer {CVR_DK}",
        "Udlejer: Nordhavn Ejendomme ApS, CVR-nr. {CVR}, {ADDR}",
        "Ring til mig på {TLF_DK}, hvis der er spørgsmål.",
        "Tlf. {TLF_DK_PLAIN}",
        "Mobil: {TLF_DK_INTL}",
        "Du kan kontakte os på telefon {TLF_DK} eller e-mail {EMAIL}.",
        "Send venligst dokumenterne til {EMAIL}.",
        "Beløbet indbetales på IBAN {IBAN_DK}.",
        "Bankoverførsel til {IBAN_COMPACT}",
        "Fakturanummer {inv9} forfalder {date}.",
        "Ordrenummer: {order10}",
        "Faktura nr. {order10} er betalt.",
        "Bilagsnummer {order8}",
        "Sagsnummer {order10} er oprettet.",
        "I alt at betale: DKK {amount}",
        "Mødet den {date} er aflyst.",
        "CPR-nr. {bad_cpr} er ugyldigt.",
        "CVR-nr. {bad_cvr} findes ikke.",
        "IBAN {bad_iban} kunne ikke valideres.",
        "Navn: {NAME}\nAdresse: {ADDR}",
        "Kære {NAME},\ntak for din henvendelse.",
        "Hej {NAME}!\nHer er oversættelsen.",
        "Venlig hilsen\n{NAME}",
        "Med venlig hilsen\n{NAME}\nTlf. {TLF_DK}",
        "Barnet er født {DOB} på Rigshospitalet.",
        "Fødselsdato: {DOB}",
        "Patient: {NAME}, født den {DOB}",
        "Bilen med nummerplade {PLATE_DK} blev fjernet.",
        "Registreringsnummer: {PLATE_DK}",
        "Kortnummer {CARD} er spærret.",
        "Log-in fra IP-adresse {IP}",
        "Se mere på {URL}.",
        "Aftalen med {name} blev underskrevet {date}.",
        "Svensk personnummer: {SE}",
        "Samordningsnummer {SE_SAM} (Sverige)",
        "Det svenske personnummer {SE12} står i passet.",
        "Finsk personbeteckning {FI}",
        "Islandsk kennitala {IS}",
        "Kontakt vores kontor i London på {TLF_OTHER}.",
        "Norsk fødselsnummer: {FNR}",
        "Erstatningspersonnummeret vil blive tildelt senere; CPR-nr. {CPR} er midlertidigt.",
        "Årsrapporten {year} viser et overskud på {amount} kr.",
    ],
    "en": [
        "Applicant: {NAME}, date of birth {DOB}",
        "Dear {NAME},\nplease find the translation attached.",
        "Call me on {TLF_NO_INTL} or e-mail {EMAIL}.",
        "Norwegian national identity number (fødselsnummer): {FNR}",
        "Danish CPR number: {CPR}",
        "Invoice number {inv9} is due on {date}.",
        "Order number {order10} has been shipped.",
        "Payment to IBAN {IBAN_NO}",
        "Phone: {TLF_OTHER}",
        "Best regards\n{NAME}",
    ],
}


def render(template: str, lang: str) -> dict:
    entities = []
    parts = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        parts.append(template[pos : m.start()])
        entity, gen = SLOTS[m.group(1)]
        value = gen(lang)
        parts.append(value)
        if entity:
            entities.append({"type": entity, "text": value})
        pos = m.end()
    parts.append(template[pos:])
    return {"lang": lang, "text": "".join(parts), "entities": entities}


def main() -> None:
    repeats = {"nb": 3, "nn": 3, "da": 3, "en": 2}
    for lang, templates in TEMPLATES.items():
        rows = [render(t, lang) for _ in range(repeats[lang]) for t in templates]
        with open(HERE / f"sentences_{lang}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(lang, len(rows))


if __name__ == "__main__":
    main()


# A second, harder set written after the first rules worked: table rows, tab layouts,
# several values per line, labels after values, mixed languages.
HARD: dict[str, list[str]] = {
    "nb": [
        "Arbeidstaker\t{NAME}\tFnr.\t{FNR}\tKonto\t{KONTO}",
        "| Navn | {NAME} |\n| Fødselsnummer | {FNR} |\n| Telefon | {TLF_NO_MOB} |",
        "{FNR} (fødselsnummer) og {KONTO} (lønnskonto) er oppgitt av den ansatte.",
        "Foresatt: {NAME}, tlf {TLF_NO_PLAIN}, e-post {EMAIL}",
        "Barnets fødselsnummer: {FNR}; mors fødselsnummer: {FNR}.",
        "Refusjon utbetales til bankkonto {KONTO_PLAIN} innen 14 dager.",
        "Vedlagt følger faktura nr. {inv9} på kr {amount},- for oppdraget.",
        "Kundenummer {order8}, ordrenummer {order10}, bilagsnummer {inv9}.",
        "Leverandør: {MVA}, {POSTBOKS}",
        "Organisasjonsnr. {ORG} – registrert i Foretaksregisteret.",
        "Kontaktperson i Norge er {name}, som treffes på {TLF_NO_INTL} eller {TLF_NO_LAND}.",
        "SMS til {TLF_NO_MOB} blir besvart innen en time.",
        "Ved spørsmål, kontakt saksbehandler på tlf. {TLF_NO_LAND}.",
        "Vi har mottatt {amount} kroner fra konto {KONTO} den {date}.",
        "Referanse: {inv9} (oppgi denne ved innbetaling)",
        "Journal for {name}: pasient med D-nummer {DNR} møtte til kontroll {date}.",
        "Personalia\nNavn: {NAME}\nFødselsnummer: {FNR}\nAdresse: {ADDR}\nMobil: {TLF_NO_MOB}",
        "Leietaker: {NAME}\nFødselsdato: {DOB}",
        "Bankkonto for depositum: {KONTO_SP}. Leietakers fnr: {FNR_SP}.",
        "Oversetteren kan nås på {EMAIL} eller {TLF_NO_INTL}.",
        "Sjekk kjøretøyet med kjennemerke {PLATE} før utlevering.",
        "Hei {NAME},\nkan du ringe meg på {TLF_NO_MOB} i dag?\nHilsen\n{NAME}",
        "Ordrebekreftelse {order10}: levering til {ADDR}.",
        "Kortet som slutter på {year} er registrert.",
        "Sporingsnummer {order11} for pakken.",
        "Det er {amount} innbyggere i regionen ifølge SSB.",
    ],
    "nn": [
        "Arbeidstakar: {NAME}, fødselsnummer {FNR}, kontonummer {KONTO}",
        "| Namn | {NAME} |\n| Fødselsnummer | {FNR} |",
        "Føresett: {NAME}, telefon {TLF_NO_MOB}",
        "Fakturanummer {inv9}, kundenummer {order8}",
        "Pengane vert utbetalte til konto {KONTO_PLAIN}.",
        "Du kan òg sende SMS til {TLF_NO_MOB}.",
        "Leverandør: {MVA}",
        "Journalen til {name} viser at ho har H-nummer {HNR}.",
        "Eleven (f. {DOB}) bur i {ADDR}.",
        "Tilvisinga er send til {EMAIL}, kopi til fastlegen.",
        "Saksnummer {order10} – vedtak om støtte.",
        "Med helsing\n{NAME}\nTelefon {TLF_NO_LAND}",
    ],
    "da": [
        "Medarbejder\t{NAME}\tCPR\t{CPR}\tTlf.\t{TLF_DK}",
        "| Navn | {NAME} |\n| CPR-nr. | {CPR} |\n| Telefon | {TLF_DK} |",
        "{CPR} (CPR-nummer) er oplyst af borgeren.",
        "Ansøgerens personnummer er {CPR_PLAIN}, og sagen behandles nu.",
        "Barnets CPR-nr.: {CPR_NOMOD}, moderens CPR-nr.: {CPR}",
        "Faktura nr. {inv9} på DKK {amount} forfalder {date}.",
        "Ordrenummer {order10} og kundenummer {order8} skal oplyses ved henvendelse.",
        "Kontakt os på {TLF_DK_INTL} eller skriv til {EMAIL}.",
        "Virksomheden (CVR {CVR}) har adresse på {ADDR}.",
        "SE-nr. {CVR} – momsregistreret siden {year}.",
        "Udbetaling sker til NemKonto eller IBAN {IBAN_DK}.",
        "Ring {TLF_DK_PLAIN} for at bestille tid.",
        "Oplys venligst CPR-nummer:\n{CPR}",
        "Personoplysninger\nNavn: {NAME}\nCPR: {CPR}\nAdresse: {ADDR}\nMobil: {TLF_DK}",
        "Lejer: {NAME}\nFødselsdato: {DOB}",
        "Journal: {name}, født {DOB}, indlagt {date}.",
        "Kære {NAME}\nTak for mødet i går.\nDe bedste hilsner\n{NAME}",
        "Køretøjet med registreringsnummer {PLATE_DK} er afmeldt.",
        "Telefonnummer {TLF_DK} og e-mail {EMAIL} er opdateret.",
        "Sagsnr. {order10}: afgørelse om boligstøtte.",
        "Beløbet {amount} kr. er overført den {date}.",
        "Bilagsnummer {order10} vedrører kørsel.",
        "Hans svenske samordningsnummer er {SE_SAM}.",
        "Islandsk statsborger med kennitala {IS} og dansk CPR-nr. {CPR}.",
        "Ordre {order8} er afsendt.",
        "Antal borgere i kommunen: {amount}",
    ],
}


def main_hard() -> None:
    for lang, templates in HARD.items():
        rows = [render(t, lang) for _ in range(2) for t in templates]
        with open(HERE / f"hard_{lang}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print("hard", lang, len(rows))


if __name__ == "__main__":
    main_hard()


# Held out: written last and measured once before any rule change (figures in the README).
HOLDOUT: dict[str, list[str]] = {
    "nb": [
        "Undertegnede, {NAME}, fødselsnummer {FNR}, samtykker til behandlingen.",
        "Opplysninger om søker: {name}, f.nr. {FNR}, telefon {TLF_NO_MOB}.",
        "Tolken har D-nr. {DNR} og kan kontaktes på {TLF_NO_PLAIN} (mobil).",
        "Refusjonen ble satt inn på {KONTO} i går.",
        "Firmaet har org. nr. {ORG} og mva-nummer {MVA}.",
        "Kvittering nr. {order10} – takk for handelen!",
        "Pakken med sporingsnummer {order11} er på vei.",
        "Beløpet på kr {amount} er overført.",
        "Ta kontakt med vakthavende på {TLF_NO_LAND} ved akutte hendelser.",
        "Skjema returneres til {EMAIL} innen {date}.",
        "Utbetalingen går til {IBAN_NO}; BIC: DNBANOKK.",
        "Brukeren har kortnummer {CARD}, utløp 12/27.",
        "Fra: {NAME}\nTil: Kundeservice\nEmne: Endring av adresse",
        "Beboer: {NAME}, {ADDR}",
        "Vi ber om fødselsnummeret ({FNR}) på nytt, da det forrige var feil.",
    ],
    "nn": [
        "Underteikna, {NAME}, med fødselsnummer {FNR}, stadfestar opplysningane.",
        "Ring {TLF_NO_MOB} om du vil endre timen.",
        "Kontonummeret ditt er {KONTO}.",
        "Verksemda har organisasjonsnummer {ORG}.",
        "Fakturaen {inv9} gjeld omsetjing av fem sider.",
        "Du får svar på {EMAIL} innan ei veke.",
        "Pasienten, fødd {DOB}, har fått H-nummer {HNR}.",
        "Namn: {NAME}\nTelefon: {TLF_NO_LAND}",
        "Eit beløp på kr {amount} er sett inn.",
        "Referansenummer {order10} må oppgjevast.",
    ],
    "da": [
        "Undertegnede, {NAME}, CPR-nr. {CPR}, giver hermed samtykke.",
        "Oplysninger om ansøger: {name}, cpr {CPR_PLAIN}, telefon {TLF_DK}.",
        "Refusionen er indsat på IBAN {IBAN_DK}.",
        "Selskabet har CVR-nummer {CVR} og adresse {ADDR}.",
        "Kvittering nr. {order10} – tak for handlen!",
        "Pakken med sporingsnummer {order10} er undervejs.",
        "Beløbet på {amount} kr. er overført.",
        "Kontakt vagthavende på {TLF_DK_PLAIN} (telefon) ved akutte hændelser.",
        "Skemaet returneres til {EMAIL} senest {date}.",
        "Fra: {NAME}\nTil: Kundeservice\nEmne: Ny adresse",
        "Beboer: {NAME}, {ADDR}",
        "Patienten, født {DOB}, har erstatningspersonnummer.",
        "Vi beder om dit CPR-nummer ({CPR}) igen, da det forrige var forkert.",
        "Moms: {CVR_DK}",
        "Mobilnummer: {TLF_DK_INTL}",
    ],
}


def main_holdout() -> None:
    for lang, templates in HOLDOUT.items():
        rows = [render(t, lang) for _ in range(2) for t in templates]
        with open(HERE / f"holdout_{lang}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print("holdout", lang, len(rows))


if __name__ == "__main__":
    main_holdout()
