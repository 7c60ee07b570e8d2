"""Bokmål documents of the evaluation corpus. Everyone and every number here is made up."""

from __future__ import annotations

from corpus_ids import cpr, fodselsnummer, iban, kontonummer, orgnr, phone
from make_corpus import Doc


def spaced(number: str) -> str:
    """A fødselsnummer written DDMMYY NNNNN, as on many forms."""
    return f"{number[:6]} {number[6:]}"


FNR_LIV = fodselsnummer("120884", 311)
FNR_MINH_D = fodselsnummer("530489", 120)  # D-nummer: day 13 + 40
KONTO_MINH = kontonummer("12031177")
FNR_STEIN = fodselsnummer("020576", 404)
FNR_SOL = fodselsnummer("290991", 118)
FNR_ALEKS_D = fodselsnummer("671194", 230)  # D-nummer: day 27 + 40
FNR_MOHAMMED = fodselsnummer("180687", 415)
FNR_KARI = fodselsnummer("070463", 141)
FNR_BJORN = fodselsnummer("310869", 287)
KONTO_STEIN = kontonummer("15068812")
KONTO_SOL = kontonummer("97101234")
KONTO_ALEKS = kontonummer("36250119")
FNR_STORM = fodselsnummer("041192", 367)
FNR_ELV = fodselsnummer("230301", 512)  # born 2001: individnummer 500-999
FNR_HAAKON = fodselsnummer("140758", 222)
FNR_TOR_CHILD = fodselsnummer("250314", 544)
FNR_HAP = fodselsnummer("110895", 190)
KONTO_HAP = kontonummer("60110512")
ORG_SNEKKER = orgnr("9912045")  # enkeltpersonforetak: identifies its owner
KONTO_SNEKKER = kontonummer("32080991")
FNR_VEDTAK = fodselsnummer("090972", 455)
KONTO_VEDTAK = kontonummer("16040377")
FNR_TM_1 = fodselsnummer("300149", 140)
FNR_TM_2 = fodselsnummer("161280", 318)
# Companies: their numbers are valid but are not personal data (hard negatives).
ORG_BOLGEN = orgnr("9988776")
ORG_VESTBY = orgnr("9156334")
ORG_FJORDLINE = orgnr("9236090")
ORG_HAVBRIS = orgnr("9861234")

DOCS = [
    Doc(
        "legeerklaering-nyrestein.txt",
        "nb",
        f"""LEGEERKLÆRING

Pasient: Liv Bjørnstad
Fødselsnummer: {spaced(FNR_LIV)}
Adresse: Solbakkveien 14, 1415 Oppegård
Mobil: {phone("976 54 321", "NO")}

Til NAV Follo, jf. folketrygdloven § 8-7.

Liv Bjørnstad kom til legekontoret 3. februar med sterke smerter i flanken. Ultralyd viste nyrestein
på venstre side. Hun er sykmeldt 100 % i to uker og skal til kontroll ved Ahus urologisk poliklinikk.
Pasienten har ellers god helse og trener jevnlig; hun sier selv at livet går sin vante gang.

Arbeidsgiver: Vestby Logistikk AS (org.nr. {ORG_VESTBY}). Saksreferanse hos NAV: 24/88712.

Kolbotn, 5. februar 2025

Rune Aasland
fastlege, Kolbotn legesenter
""",
        [
            ("PERSON", "Liv Bjørnstad"),
            ("NO_FODSELSNUMMER", spaced(FNR_LIV)),
            ("ADDRESS", "Solbakkveien 14, 1415 Oppegård"),
            ("PHONE_NUMBER", "976 54 321"),
            ("HEALTH", "nyrestein"),
            ("HEALTH", "poliklinikk"),
            ("HEALTH", "sykmeldt"),
            ("PERSON", "Rune Aasland"),
        ],
    ),
    Doc(
        "arbeidsavtale-d-nummer.docx",
        "nb",
        [
            ("h", "ARBEIDSAVTALE – MIDLERTIDIG ANSETTELSE"),
            f"Mellom Bølgen Data AS, org.nr. {ORG_BOLGEN} (heretter arbeidsgiver), og arbeidstakeren nedenfor er det "
            "inngått avtale om midlertidig ansettelse etter arbeidsmiljøloven § 14-9 (2) bokstav a.",
            ("table", [
                ["Navn", "Nguyen Van Minh"],
                ["D-nummer", FNR_MINH_D],
                ["Adresse", "Tvetenveien 152, 0671 Oslo"],
                ["Telefon", phone("+47 934 12 876", "NO")],
                ["E-post", "minh.nguyen@eksempelpost.no"],
                ["Lønnskonto", KONTO_MINH],
            ]),
            ("runs", ["Stillingen som lagermedarbeider hos ", "Nguyen ", "Van Minh", " gjelder fra 1. april 2025 til 31. desember 2025."]),
            "Årslønn er kr 512 000. Overtid godtgjøres etter tariff. Arbeidstakeren er medlem av Fellesforbundet, "
            "og fagforeningskontingent trekkes i lønn etter skriftlig fullmakt.",
            "Prøvetid: seks måneder. Oppsigelsesfrist i prøvetiden: 14 dager.",
            "Oslo, 14. mars 2025",
            "For Bølgen Data AS: Anne-Lise Øverby, HR-sjef",
        ],
        [
            ("PERSON", "Nguyen Van Minh"),
            ("NO_FODSELSNUMMER", FNR_MINH_D),
            ("ADDRESS", "Tvetenveien 152, 0671 Oslo"),
            ("PHONE_NUMBER", "+47 934 12 876"),
            ("EMAIL_ADDRESS", "minh.nguyen@eksempelpost.no"),
            ("NO_KONTONUMMER", KONTO_MINH),
            ("TRADE_UNION", "Fellesforbundet"),
            ("TRADE_UNION", "fagforeningskontingent"),
            ("PERSON", "Anne-Lise Øverby"),
            ("PERSON", "Håkon Brekke"),
            ("PERSON", "Minh"),
            ("RELIGION", "fredagsbønnen"),
            ("RELIGION", "moskeen"),
        ],
        meta={"author": "Anne-Lise Øverby", "header": "Bølgen Data AS – Personal – fortrolig", "title": "Arbeidsavtale",
              "comment": "Håkon Brekke: Minh har bedt om fri til fredagsbønnen i moskeen. Avklar med lagersjef før signering."},
    ),
    Doc(
        "ansattliste-lager.xlsx",
        "nb",
        {
            "Ansatte": [
                ["Navn", "Fødselsnummer", "Avdeling", "Mobil", "E-post", "Merknad"],
                ["Stein Rune Dahl", FNR_STEIN, "Lager", phone("412 55 983", "NO"), "stein.dahl@bolgendata.example.com", ""],
                ["Sol Elvestad", FNR_SOL, "Økonomi", phone("48 12 34 56", "NO"), "sol.elvestad@bolgendata.example.com", "Foreldrepermisjon til 1.6."],
                ["Aleksandra Kowalczyk", FNR_ALEKS_D, "Lager", phone("+47 938 27 164", "NO"), "a.kowalczyk@bolgendata.example.com", "Tillitsvalgt for Fellesforbundet"],
                ["Mohammed Al-Hassan", FNR_MOHAMMED, "IT", phone("464 82 019", "NO"), "mohammed.al-hassan@bolgendata.example.com", "Sykmeldt"],
                ["Kari Storm Johansen", FNR_KARI, "Salg", phone("90511223", "NO"), "kari.storm.johansen@bolgendata.example.com", ""],
                ["Bjørn Tore Lie", FNR_BJORN, "Salg", phone("0047 905 11 223", "NO"), "bjorn.lie@bolgendata.example.com", ""],
            ],
            "~Lønn": [
                ["Navn", "Kontonummer", "Årslønn", "Kostnadssted"],
                ["Stein Rune Dahl", KONTO_STEIN, "kr 498 000", "4410"],
                ["Sol Elvestad", KONTO_SOL, "kr 587 500", "4200"],
                ["Aleksandra Kowalczyk", KONTO_ALEKS, "kr 476 000", "4410"],
            ],
        },
        [
            ("PERSON", "Stein Rune Dahl"),
            ("NO_FODSELSNUMMER", FNR_STEIN),
            ("PHONE_NUMBER", "412 55 983"),
            ("EMAIL_ADDRESS", "stein.dahl@bolgendata.example.com"),
            ("PERSON", "Sol Elvestad"),
            ("NO_FODSELSNUMMER", FNR_SOL),
            ("PHONE_NUMBER", "48 12 34 56"),
            ("EMAIL_ADDRESS", "sol.elvestad@bolgendata.example.com"),
            ("PERSON", "Aleksandra Kowalczyk"),
            ("NO_FODSELSNUMMER", FNR_ALEKS_D),
            ("PHONE_NUMBER", "+47 938 27 164"),
            ("EMAIL_ADDRESS", "a.kowalczyk@bolgendata.example.com"),
            ("TRADE_UNION", "Tillitsvalgt"),
            ("TRADE_UNION", "Fellesforbundet"),
            ("PERSON", "Mohammed Al-Hassan"),
            ("NO_FODSELSNUMMER", FNR_MOHAMMED),
            ("PHONE_NUMBER", "464 82 019"),
            ("EMAIL_ADDRESS", "mohammed.al-hassan@bolgendata.example.com"),
            ("HEALTH", "Sykmeldt"),
            ("PERSON", "Kari Storm Johansen"),
            ("NO_FODSELSNUMMER", FNR_KARI),
            ("PHONE_NUMBER", "90511223"),
            ("EMAIL_ADDRESS", "kari.storm.johansen@bolgendata.example.com"),
            ("PERSON", "Bjørn Tore Lie"),
            ("NO_FODSELSNUMMER", FNR_BJORN),
            ("PHONE_NUMBER", "0047 905 11 223"),
            ("EMAIL_ADDRESS", "bjorn.lie@bolgendata.example.com"),
            ("NO_KONTONUMMER", KONTO_STEIN),
            ("NO_KONTONUMMER", KONTO_SOL),
            ("NO_KONTONUMMER", KONTO_ALEKS),
            ("PERSON", "Håkon Brekke"),
        ],
        meta={"author": "Håkon Brekke", "title": "Ansattliste lager og salg"},
    ),
    Doc(
        "politianmeldelse-tyveri.pdf",
        "nb",
        [
            ("h", "Øst politidistrikt – Anmeldelse"),
            "Anmeldelsesnummer: 15874312. Straffebud: straffeloven § 321 (tyveri).",
            ("table", [
                ["Fornærmede:", "Elv Marie Sæther, født 23.03.2001"],
                ["Fødselsnummer:", FNR_ELV],
                ["Adresse:", "Storgata 51, 1607 Fredrikstad"],
                ["Telefon:", phone("+4791234560", "NO")],
            ]),
            "Fornærmede forklarte at hennes el-sykkel ble stjålet fra bakgården natt til 2. mars. Et vitne så en "
            "hvit varebil med kjennemerke EL 48213 kjøre fra stedet rundt kl. 03.10.",
            f"Bilen er registrert på Storm Andreas Berg, fødselsnummer {FNR_STORM}, som er tidligere straffet for "
            "vinningskriminalitet. Berg er siktet i saken og ble avhørt 4. mars.",
            "Det var storm og sterk vind den natten, og overvåkingskameraet på Rema 1000 Fredrikstad sentrum falt ut.",
            "Anmeldelsen er tatt opp av politibetjent Tor Helge Moen.",
        ],
        [
            ("PERSON", "Elv Marie Sæther"),
            ("DATE_OF_BIRTH", "23.03.2001"),
            ("NO_FODSELSNUMMER", FNR_ELV),
            ("ADDRESS", "Storgata 51, 1607 Fredrikstad"),
            ("PHONE_NUMBER", "+4791234560"),
            ("NO_LICENSE_PLATE", "EL 48213"),
            ("PERSON", "Storm Andreas Berg"),
            ("NO_FODSELSNUMMER", FNR_STORM),
            ("PERSON", "Berg"),
            ("CRIMINAL", "straffet"),
            ("CRIMINAL", "vinningskriminalitet"),
            ("CRIMINAL", "tyveri"),
            ("CRIMINAL", "siktet"),
            ("PERSON", "Tor Helge Moen"),
        ],
        meta={"author": "Tor Helge Moen", "title": "Anmeldelse 15874312"},
    ),
    Doc(
        "dom-tingrett-yrkesskade.pdf",
        "nb",
        [
            ("h", "BERGEN TINGRETT – DOM"),
            "Saksnr.: 24-118734TVI-TBER/03. Avsagt: 20. januar 2025.",
            "Saken gjelder: krav om erstatning etter yrkesskadeforsikringsloven § 3.",
            "Saksøker: Bjørn Håkon Eide, Fjellsiden 9, 5014 Bergen. Prosessfullmektig: advokat Siri Haugland-Moe.",
            f"Saksøkt: Havbris Forsikring ASA, org.nr. {ORG_HAVBRIS}. Prosessfullmektig: advokat Jon Arild Tveit.",
            f"Eide (fnr. {spaced(FNR_HAAKON)}) falt fra et stillas hos arbeidsgiveren Vestbygg AS i 2021. Han fikk en "
            "ryggmargsskade og har siden vært ufør. Retten legger til grunn at han har kronisk smerte og behov for rullestol.",
            "Erstatningen settes skjønnsmessig til kr 2 450 000. Saksøkte dekker saksøkers sakskostnader med kr 312 500.",
            "Dommen kan ankes til Gulating lagmannsrett innen en måned, jf. tvisteloven § 29-5.",
            "Tingrettsdommer Astrid Lunde",
        ],
        [
            ("PERSON", "Bjørn Håkon Eide"),
            ("ADDRESS", "Fjellsiden 9, 5014 Bergen"),
            ("PERSON", "Siri Haugland-Moe"),
            ("PERSON", "Jon Arild Tveit"),
            ("PERSON", "Eide"),
            ("NO_FODSELSNUMMER", spaced(FNR_HAAKON)),
            ("HEALTH", "ryggmargsskade"),
            ("HEALTH", "ufør"),
            ("HEALTH", "kronisk smerte"),
            ("HEALTH", "rullestol"),
            ("PERSON", "Astrid Lunde"),
        ],
        meta={"title": "Dom 24-118734TVI-TBER/03"},
    ),
    Doc(
        "skademelding-bil.txt",
        "nb",
        f"""Fra: Håp Elise Strand <hap.strand@eksempelpost.no>
Til: skade@fjelltrygg.example.com
Emne: Skademelding – skadenummer 2025-55821-03

Hei,

jeg melder med dette en skade på bilen min, en Toyota Corolla med registreringsnummer DN 34567.
Jeg ble påkjørt bakfra i rundkjøringen ved Sandvika storsenter 11. mars kl. 16.40. Den andre føreren,
Rune Stein Kvalheim, erkjente skyld på stedet. Hans bil hadde kjennemerke BS 90871.

Jeg fikk whiplash og var på legevakten samme kveld. Reparasjonen er anslått til kr 48 750 hos
Bilservice Bærum AS. Erstatningen kan utbetales til kontonummer {KONTO_HAP}.

Fødselsnummer: {FNR_HAP}
Adresse: Elvebakken 3 C, 1337 Sandvika
Telefon: {phone("55 31 42 86", "NO")}

Vennlig hilsen
Håp Elise Strand
""",
        [
            ("PERSON", "Håp Elise Strand"),
            ("EMAIL_ADDRESS", "hap.strand@eksempelpost.no"),
            ("NO_LICENSE_PLATE", "DN 34567"),
            ("PERSON", "Rune Stein Kvalheim"),
            ("NO_LICENSE_PLATE", "BS 90871"),
            ("HEALTH", "whiplash"),
            ("HEALTH", "legevakten"),
            ("NO_KONTONUMMER", KONTO_HAP),
            ("NO_FODSELSNUMMER", FNR_HAP),
            ("ADDRESS", "Elvebakken 3 C, 1337 Sandvika"),
            ("PHONE_NUMBER", "55 31 42 86"),
        ],
    ),
    Doc(
        "skolebrev-tilrettelegging.txt",
        "nb",
        f"""Til foresatte for Tor Andersen, 5B
Nordstrand skole, Oslo kommune

Kjære Sol Andersen og Emil Berg-Andersen,

Vi viser til møtet torsdag 6. mars om tilrettelegging for Tor (fødselsnummer {FNR_TOR_CHILD}).
PP-tjenesten har konkludert med at Tor har dysleksi, og skolen vil gi ham spesialundervisning etter
opplæringsloven § 11-6, fire timer i uka. Kontaktlærer følger opp i samarbeid med helsesykepleier.

Neste samtale er torsdag 10. april kl. 14.00 på rom 204. Ta kontakt på {phone("22 45 67 89", "NO")} eller
e-post til kontaktlærer Stein Ivar Holm, stein.ivar.holm@osloskolen.example.com.

Med vennlig hilsen
Stein Ivar Holm
kontaktlærer
""",
        [
            ("PERSON", "Tor Andersen"),
            ("PERSON", "Sol Andersen"),
            ("PERSON", "Emil Berg-Andersen"),
            ("PERSON", "Tor"),
            ("NO_FODSELSNUMMER", FNR_TOR_CHILD),
            ("HEALTH", "dysleksi"),
            ("PERSON", "Stein Ivar Holm"),
            ("EMAIL_ADDRESS", "stein.ivar.holm@osloskolen.example.com"),
        ],
        child_data=True,
    ),
    Doc(
        "cv-al-hassan.docx",
        "nb",
        [
            ("h", "CV – Mohammed Al-Hassan"),
            ("table", [
                ["Fødselsdato", "18.06.1987"],
                ["Adresse", "Kjelsåsveien 21 A, 0488 Oslo"],
                ["Mobil", phone("+47 938 27 164", "NO")],
                ["E-post", "m.alhassan@eksempelpost.no"],
                ["LinkedIn", "https://www.linkedin.com/in/mohammed-al-hassan-eksempel"],
            ]),
            ("h", "Arbeidserfaring"),
            "2019–d.d.: Systemutvikler, Nordsjø Energi ASA, Stavanger. Ansvar for integrasjoner mot Altinn og Skatteetaten.",
            "2015–2019: Konsulent, Fjordline Consulting AS. Prosjekter for Statens vegvesen og Helsedirektoratet.",
            ("h", "Utdanning"),
            "2010–2015: Master i informatikk, Universitetet i Bergen.",
            ("h", "Frivillig arbeid"),
            "Leksehjelp for ungdom ved Tøyen moské, 2016–2022.",
            ("h", "Referanser"),
            f"Ingrid Marie Holm-Larsen, avdelingsleder, Nordsjø Energi ASA, tlf. {phone('481 23 456', 'NO')}",
        ],
        [
            ("PERSON", "Mohammed Al-Hassan"),
            ("DATE_OF_BIRTH", "18.06.1987"),
            ("ADDRESS", "Kjelsåsveien 21 A, 0488 Oslo"),
            ("PHONE_NUMBER", "+47 938 27 164"),
            ("EMAIL_ADDRESS", "m.alhassan@eksempelpost.no"),
            ("URL", "https://www.linkedin.com/in/mohammed-al-hassan-eksempel"),
            ("RELIGION", "moské"),
            ("PERSON", "Ingrid Marie Holm-Larsen"),
            ("PHONE_NUMBER", "481 23 456"),
        ],
        meta={"author": "Mohammed Al-Hassan", "title": "CV"},
    ),
    Doc(
        "prosjektmote-storm.pptx",
        "nb",
        [
            ("Prosjekt Storm – statusmøte 12. mars", ["Til stede: Rune Aas, Liv Kristin Ødegård, Nguyen Thi Hoa", "Referent: Liv Kristin Ødegård"], ""),
            ("Økonomi", ["Budsjett 2025: kr 12 345 678", "Faktura 2025-0412 fra Stein & Grus AS er godkjent", "Ordrenummer 4500123456 sendt til leverandør"], ""),
            ("Risiko", ["Solcellepanelene fra SolarNord leveres to uker for sent", "Storm i februar forsinket montering på tak B"],
             "Rune er sykmeldt ut mars etter en operasjon. Nguyen Thi Hoa tar over som prosjektleder i mellomtiden."),
            ("Neste møte", ["26. mars kl. 09.00, møterom Elv", "Kontakt: rune.aas@prosjektstorm.example.com"], ""),
        ],
        [
            ("PERSON", "Rune Aas"),
            ("PERSON", "Liv Kristin Ødegård"),
            ("PERSON", "Nguyen Thi Hoa"),
            ("PERSON", "Rune"),
            ("HEALTH", "sykmeldt"),
            ("HEALTH", "operasjon"),
            ("EMAIL_ADDRESS", "rune.aas@prosjektstorm.example.com"),
        ],
        meta={"author": "Liv Kristin Ødegård", "title": "Statusmøte Prosjekt Storm"},
    ),
    Doc(
        "faktura-enkeltpersonforetak.txt",
        "nb",
        f"""FAKTURA

Elvestad Snekkerservice v/ Ola Elvestad
Org.nr.: {ORG_SNEKKER} (enkeltpersonforetak)
Bakkegata 7, 2317 Hamar
Tlf. {phone("57 72 31 90", "NO")} – ola@elvestadsnekker.example.com

Kunde: Fjordline Bygg AS, org.nr. {ORG_FJORDLINE}
Att.: Kristin Bakke-Nilsen
Postboks 340 Sentrum, 0103 Oslo

Fakturanr.: 20250314          Fakturadato: 14.03.2025          Forfall: 28.03.2025
Ordrenummer: 4500987612       KID: 0012345678903

Beskrivelse                                   Beløp
Montering av kjøkken, Solbergveien-prosjektet   kr 38 400,00
Materialer (eik, 24 lm)                         kr 12 345,00
MVA 25 %                                        kr 12 686,25
Å betale                                        kr 63 431,25

Betales til konto {KONTO_SNEKKER}.
""",
        [
            ("PERSON", "Ola Elvestad"),
            ("NO_ORGANISASJONSNUMMER", ORG_SNEKKER),
            ("ADDRESS", "Bakkegata 7, 2317 Hamar"),
            ("PHONE_NUMBER", "57 72 31 90"),
            ("EMAIL_ADDRESS", "ola@elvestadsnekker.example.com"),
            ("PERSON", "Kristin Bakke-Nilsen"),
            ("NO_KONTONUMMER", KONTO_SNEKKER),
        ],
    ),
    Doc(
        "personvernerklaering.txt",
        "nb",
        f"""PERSONVERNERKLÆRING FOR BØLGEN DATA AS

Bølgen Data AS (org.nr. {ORG_BOLGEN}) er behandlingsansvarlig for personopplysningene vi behandler
om kunder og brukere av tjenestene Bølgen Sky og Bølgen Lønn.

Vi behandler ikke særlige kategorier av personopplysninger, som opplysninger om helse, religiøs
eller filosofisk overbevisning, politisk oppfatning, fagforeningsmedlemskap, etnisk opprinnelse,
seksuell orientering, genetiske eller biometriske opplysninger, eller opplysninger om straffedommer
og lovovertredelser, med mindre det er nødvendig etter personopplysningsloven § 11 eller
GDPR artikkel 9 nr. 2.

Vi utleverer opplysninger til offentlige myndigheter når loven krever det, for eksempel til
Skatteetaten (a-meldingen), NAV og Statistisk sentralbyrå. Klager kan sendes til Datatilsynet.

Omsetningen i 2024 var kr 12 345 678, og selskapet har avtale med Visma og Microsoft Norge AS.
Henvendelser om personvern: personvern@bolgendata.example.com eller sentralbord 22 00 00 00.
Denne erklæringen ble sist oppdatert 1. januar 2025 (versjon 4.2, dokumentnr. 2025-0017).
""",
        [],
    ),
    Doc(
        "vedtak-aap.xlf",
        "nb",
        [
            ("Vedtak om arbeidsavklaringspenger", "Decision on work assessment allowance"),
            (f"Navn: Marianne Kvist Olsen, fødselsnummer {FNR_VEDTAK}", f"Name: Marianne Kvist Olsen, national identity number {FNR_VEDTAK}"),
            ("Adresse: Bjørnstjerne Bjørnsons gate 110, 3044 Drammen", "Address: Bjørnstjerne Bjørnsons gate 110, 3044 Drammen"),
            ("Du får arbeidsavklaringspenger fordi sykdommen din har nedsatt arbeidsevnen med minst halvparten.",
             "You are granted work assessment allowance because your illness has reduced your capacity for work by at least half."),
            ("Vedtaket er gjort etter folketrygdloven § 11-5.", "The decision is made under Section 11-5 of the National Insurance Act."),
            (f"Pengene utbetales til konto {KONTO_VEDTAK} hver fjortende dag.", f"The money is paid to account {KONTO_VEDTAK} every fortnight."),
            ("Med hilsen NAV Drammen, saksbehandler Tor Ivar Sund", "Kind regards, NAV Drammen, case officer Tor Ivar Sund",
             "Kunden ønsker at navnet på saksbehandler står uendret."),
        ],
        [
            ("HEALTH", "arbeidsavklaringspenger"),
            ("HEALTH", "work assessment allowance"),
            ("PERSON", "Marianne Kvist Olsen"),
            ("NO_FODSELSNUMMER", FNR_VEDTAK),
            ("ADDRESS", "Bjørnstjerne Bjørnsons gate 110, 3044 Drammen"),
            ("HEALTH", "sykdommen"),
            ("HEALTH", "illness"),
            ("NO_KONTONUMMER", KONTO_VEDTAK),
            ("PERSON", "Tor Ivar Sund"),
            ("PERSON", "kari.nordby"),
            ("PERSON", "Ellen Fosse"),
        ],
        meta={"original": "C:\\Users\\kari.nordby\\Documents\\Vedtak AAP.docx", "author": "Ellen Fosse"},
    ),
    Doc(
        "journal-hjerte.tmx",
        "nb",
        [
            ("Epikrise for pasient Gunnar Solheim.", "Discharge summary for patient Gunnar Solheim.", "tm.lise"),
            (f"Fødselsnummer: {FNR_TM_1}", f"National identity number: {FNR_TM_1}", "tm.lise"),
            ("Pasienten ble innlagt med hjerteinfarkt 2. januar.", "The patient was admitted with a myocardial infarction on 2 January.", "tm.lise"),
            ("Han har diabetes type 2 og høyt blodtrykk.", "He has type 2 diabetes and high blood pressure.", "tm.lise"),
            ("Pårørende: datter Ingvild Solheim, tlf. 938 27 164.", "Next of kin: daughter Ingvild Solheim, tel. 938 27 164.", "olav.rein"),
            (f"Hun har selv fødselsnummer {FNR_TM_2}.", f"Her own national identity number is {FNR_TM_2}.", "olav.rein"),
            ("Kontroll ved Haukeland universitetssjukehus om seks uker.", "Follow-up at Haukeland University Hospital in six weeks.", "olav.rein"),
        ],
        [
            ("HEALTH", "Epikrise"),
            ("HEALTH", "Discharge summary"),
            ("PERSON", "Gunnar Solheim"),
            ("NO_FODSELSNUMMER", FNR_TM_1),
            ("HEALTH", "innlagt"),
            ("HEALTH", "admitted"),
            ("HEALTH", "hjerteinfarkt"),
            ("HEALTH", "myocardial infarction"),
            ("HEALTH", "diabetes"),
            ("HEALTH", "høyt blodtrykk"),
            ("HEALTH", "high blood pressure"),
            ("PERSON", "Ingvild Solheim"),
            ("PHONE_NUMBER", "938 27 164"),
            ("NO_FODSELSNUMMER", FNR_TM_2),
            ("PERSON", "tm.lise"),
            ("PERSON", "olav.rein"),
        ],
    ),
]

FNR_PO_DEMO = fodselsnummer("050771", 233)

DOCS.append(
    Doc(
        "bolgen-lonn.po",
        "nb",
        [
            ("Payslip for %(name)s", "Lønnsslipp for %(name)s"),
            ("Your sick leave has been registered.", "Sykefraværet ditt er registrert.", "#. Generic confirmation shown to every employee"),
            ("Example: Ingrid Hauge Solvik, national ID %s", "Eksempel: Ingrid Hauge Solvik, fødselsnummer %s",
             "# Rune Aas: the demo data below came from a real payroll export, please check"),
            (f"Account {KONTO_SOL} belongs to the demo employee.", f"Konto {KONTO_SOL} tilhører demoansatt."),
            (f"Test user D number: {FNR_PO_DEMO}", f"Testbruker D-nummer: {FNR_PO_DEMO}"),
            ("Report to NAV and Skatteetaten (a-melding) by the 5th.", "Rapporter til NAV og Skatteetaten (a-meldingen) innen den 5."),
            ("Invoice %s of kr %s is overdue.", "Faktura %s på kr %s er forfalt."),
        ],
        [
            ("PERSON", "Kari Storm Johansen"),
            ("EMAIL_ADDRESS", "kari.sj@bolgendata.example.com"),
            ("PERSON", "Ingrid Hauge Solvik"),
            ("PERSON", "Rune Aas"),
            ("NO_KONTONUMMER", KONTO_SOL),
            ("NO_FODSELSNUMMER", FNR_PO_DEMO),
        ],
        meta={
            "author": "Kari Storm Johansen <kari.sj@bolgendata.example.com>",
            "team": "Bokmål <i18n@bolgendata.example.com>",
            "project": "Bølgen Lønn 4.2",
            "header_comment": "Norwegian Bokmål translation of Bølgen Lønn.\nCopyright (C) 2025 Bølgen Data AS.",
        },
    )
)
