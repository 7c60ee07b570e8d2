"""Nynorsk documents of the evaluation corpus. Everyone and every number here is made up."""

from __future__ import annotations

from corpus_ids import fodselsnummer, iban, kontonummer, orgnr, phone
from make_corpus import Doc

FNR_SIGRID_CHILD = fodselsnummer("090615", 610)
FNR_TORE = fodselsnummer("170359", 205)
FNR_INGEBORG = fodselsnummer("050490", 133)
KONTO_INGEBORG = kontonummer("36240688")
FNR_BARN = fodselsnummer("120322", 702)
FNR_EIVIND = fodselsnummer("281178", 341)
FNR_STORM_CHILD = fodselsnummer("030912", 655)
FNR_ASLAUG = fodselsnummer("110766", 277)
KONTO_ASLAUG = kontonummer("32011490")
FNR_NILS = fodselsnummer("220808", 560)  # 16 years old: a pupil, not a child under 16
KONTO_UTLEIGAR = kontonummer("35300417")
IBAN_UTLEIGAR = iban("NO", KONTO_UTLEIGAR.replace(".", ""))
FNR_TM_1 = fodselsnummer("140470", 188)
FNR_TM_D = fodselsnummer("450681", 321)  # D-nummer: day 5 + 40
ORG_VOSSEBYGG = orgnr("9765432")
ORG_FISKEBAT = orgnr("9834561")  # an association: not personal data
ORG_VOSS = orgnr("9649470")
KONTO_LAG = kontonummer("32014418")  # the association's account: not personal data
ORG_SOGNEKRAFT = orgnr("9512378")

DOCS = [
    Doc(
        "skulebrev-foreldremote.txt",
        "nn",
        f"""Til føresette for Sigrid Haugland Bø, 3. klasse
Volda barneskule

Hei Marit Haugland og Arne Bø!

Vi inviterer til foreldresamtale om Sigrid tysdag 18. mars kl. 15.30. Sigrid er fødd 09.06.2015
(fødselsnummer {FNR_SIGRID_CHILD}) og har gått hos oss sidan 1. klasse.

Sigrid har astma, og vi ønskjer å avtale ein plan for gymtimane saman med helsesjukepleiar.
Ho er elles ei glad jente som likar å lese, og ho er flink i matematikk.

Ver venleg og stadfest tidspunktet til kontaktlærar Elv Hovden, tlf. {phone("464 82 019", "NO")},
e-post elv.hovden@volda.kommune.example.com.

Helsing
Elv Hovden
""",
        [
            ("PERSON", "Sigrid Haugland Bø"),
            ("PERSON", "Marit Haugland"),
            ("PERSON", "Arne Bø"),
            ("PERSON", "Sigrid"),
            ("DATE_OF_BIRTH", "09.06.2015"),
            ("NO_FODSELSNUMMER", FNR_SIGRID_CHILD),
            ("HEALTH", "astma"),
            ("PERSON", "Elv Hovden"),
            ("PHONE_NUMBER", "464 82 019"),
            ("EMAIL_ADDRESS", "elv.hovden@volda.kommune.example.com"),
        ],
        child_data=True,
    ),
    Doc(
        "legeattest-forarkort.txt",
        "nn",
        f"""HELSEATTEST FOR FØRARKORT

Namn: Tore Sol Bakken
Fødselsnummer: {FNR_TORE}
Adresse: Fjordvegen 23, 6856 Sogndal
Telefon: {phone("57 72 31 90", "NO")}

Attesten gjeld førarkort klasse B, jf. førarkortforskrifta vedlegg 1.

Tore Sol Bakken har diabetes type 1 og brukar insulinpumpe. Han har ikkje hatt alvorleg
føling dei siste tolv månadene. Synet er normalt. Eg vurderer at helsekrava er oppfylte.

Attesten skal sendast til Statens vegvesen. Gebyr kr 1 200 er betalt.

Sogndal, 10. mars 2025
Storm Hegg Lie, lege
Sogndal legekontor
""",
        [
            ("PERSON", "Tore Sol Bakken"),
            ("NO_FODSELSNUMMER", FNR_TORE),
            ("ADDRESS", "Fjordvegen 23, 6856 Sogndal"),
            ("PHONE_NUMBER", "57 72 31 90"),
            ("HEALTH", "diabetes"),
            ("HEALTH", "insulinpumpe"),
            ("HEALTH", "føling"),
            ("PERSON", "Storm Hegg Lie"),
        ],
    ),
    Doc(
        "tilsetjingsavtale-herad.docx",
        "nn",
        [
            ("h", "ARBEIDSAVTALE – FAST TILSETJING"),
            f"Voss herad (org.nr. {ORG_VOSS}) og arbeidstakaren nedanfor har inngått "
            "avtale om fast tilsetjing som sjukepleiar i 80 % stilling ved Voss omsorgssenter.",
            ("table", [
                ["Namn", "Ingeborg Rune Vik"],
                ["Fødselsnummer", FNR_INGEBORG],
                ["Adresse", "Uttrågata 12, 5700 Voss"],
                ["Mobil", phone("+47 938 27 164", "NO")],
                ["Kontonummer", KONTO_INGEBORG],
            ]),
            "Løn etter hovudtariffavtalen kapittel 4, stillingskode 7174, kr 574 300 i årsløn. Oppstart 1. mai 2025.",
            "Arbeidstakaren er medlem i Norsk Sjukepleiarforbund, og trekk av kontingent er avtalt.",
            "Tilsetjinga følgjer arbeidsmiljølova kapittel 15 og hovudavtalen del B.",
            "Voss, 3. mars 2025",
            "Halvor Stein Flatabø, einingsleiar",
        ],
        [
            ("PERSON", "Ingeborg Rune Vik"),
            ("NO_FODSELSNUMMER", FNR_INGEBORG),
            ("ADDRESS", "Uttrågata 12, 5700 Voss"),
            ("PHONE_NUMBER", "+47 938 27 164"),
            ("NO_KONTONUMMER", KONTO_INGEBORG),
            ("TRADE_UNION", "Norsk Sjukepleiarforbund"),
            ("TRADE_UNION", "kontingent"),
            ("PERSON", "Halvor Stein Flatabø"),
        ],
        meta={"author": "Halvor Stein Flatabø", "header": "Voss herad – Personal"},
    ),
    Doc(
        "referat-arsmote-lag.docx",
        "nn",
        [
            ("h", "Referat frå årsmøtet i Sunnfjord Sogelag"),
            "Tid og stad: 22. februar 2025, Førde kulturhus. Møtet vart opna av leiar Gunhild Storm Øvrebø.",
            "Sak 1: Godkjenning av innkalling. Vedteke.",
            "Sak 2: Rekneskap. Inntektene var kr 214 560 og utgiftene kr 198 300. Vedteke.",
            "Sak 3: Val. Ny kasserar er Sol Marie Kvamme. Styremedlem Jostein Håp Lunde gjekk ut fordi han er "
            "nominert som kandidat for Senterpartiet til kommunestyret.",
            "Sak 4: Ekskursjon til Kinn kyrkje i juni. Påmelding til sekretær Bjørn Eirik Hauge, bjorn.hauge@sogelag.example.com, "
            f"eller tlf. {phone('48 12 34 56', 'NO')}.",
            f"Det var storm og regn, og berre 31 medlemer møtte. Laget tek imot gåver på konto {KONTO_LAG}.",
            "Referent: Bjørn Eirik Hauge",
        ],
        [
            ("PERSON", "Gunhild Storm Øvrebø"),
            ("PERSON", "Sol Marie Kvamme"),
            ("PERSON", "Jostein Håp Lunde"),
            ("POLITICAL", "Senterpartiet"),
            ("PERSON", "Bjørn Eirik Hauge"),
            ("EMAIL_ADDRESS", "bjorn.hauge@sogelag.example.com"),
            ("PHONE_NUMBER", "48 12 34 56"),
        ],
        meta={"title": "Årsmøtereferat 2025"},
    ),
    Doc(
        "soknad-barnehage.docx",
        "nn",
        [
            ("h", "Søknad om barnehageplass – Stord kommune"),
            ("table", [
                ["Barnet sitt namn", "Liv Aurora Eriksen-Tveit"],
                ["Fødselsnummer", FNR_BARN],
                ["Ønskt barnehage", "Leirvik barnehage, deretter Sagvåg barnehage"],
                ["Føresett 1", "Eivind Tveit"],
                ["Fødselsnummer føresett 1", FNR_EIVIND],
                ["Føresett 2", "Nadia Eriksen"],
                ["Adresse", "Sæ 14, 5412 Stord"],
                ["Telefon", phone("976 54 321", "NO")],
                ["E-post", "nadia.eriksen@eksempelpost.no"],
            ]),
            "Liv Aurora har cøliaki og treng glutenfri kost. Familien et ikkje svinekjøt av religiøse grunnar.",
            "Søknadsfrist er 1. mars, jf. barnehagelova § 16. Vedtak vert sendt via Digipost.",
        ],
        [
            ("PERSON", "Liv Aurora Eriksen-Tveit"),
            ("NO_FODSELSNUMMER", FNR_BARN),
            ("PERSON", "Eivind Tveit"),
            ("NO_FODSELSNUMMER", FNR_EIVIND),
            ("PERSON", "Nadia Eriksen"),
            ("ADDRESS", "Sæ 14, 5412 Stord"),
            ("PHONE_NUMBER", "976 54 321"),
            ("EMAIL_ADDRESS", "nadia.eriksen@eksempelpost.no"),
            ("PERSON", "Liv Aurora"),
            ("HEALTH", "cøliaki"),
            ("RELIGION", "religiøse"),
        ],
        child_data=True,
        meta={"author": "Nadia Eriksen"},
    ),
    Doc(
        "deltakarliste-kurs.xlsx",
        "nn",
        {
            "Deltakarar": [
                ["Namn", "Telefon", "E-post", "Kosthald/allergi", "Betalt"],
                ["Rune Fjeld", phone("412 55 983", "NO"), "rune.fjeld@eksempelpost.no", "Nøtteallergi", "kr 2 450"],
                ["Siobhán O'Neill", phone("+353 87 123 4567", "IE"), "siobhan.oneill@example.ie", "Vegetar", "kr 2 450"],
                ["Aleksandra Kowalczyk", phone("+48 601 234 567", "PL"), "aleksandra.k@example.pl", "", "kr 2 450"],
                ["Yusuf Demir", phone("+47 934 12 876", "NO"), "yusuf.demir@eksempelpost.no", "Halal", "kr 2 450"],
                ["Stein Are Nes", phone("22 45 67 89", "NO"), "stein.nes@eksempelpost.no", "Laktoseintoleranse", "kr 0 (fribillett)"],
            ],
            "Kurs": [
                ["Kurs", "Stad", "Dato", "Kursnummer"],
                ["Bratt og trygt – klatrekurs", "Stein og Fjell klatresenter, Florø", "05.04.2025", "KURS-2025-017"],
                ["Sol og sjø – kajakk for nybyrjarar", "Elv & Hav AS, Dale", "12.05.2025", "KURS-2025-022"],
            ],
        },
        [
            ("PERSON", "Rune Fjeld"),
            ("PHONE_NUMBER", "412 55 983"),
            ("EMAIL_ADDRESS", "rune.fjeld@eksempelpost.no"),
            ("HEALTH", "Nøtteallergi"),
            ("PERSON", "Siobhán O'Neill"),
            ("PHONE_NUMBER", "+353 87 123 4567"),
            ("EMAIL_ADDRESS", "siobhan.oneill@example.ie"),
            ("PERSON", "Aleksandra Kowalczyk"),
            ("PHONE_NUMBER", "+48 601 234 567"),
            ("EMAIL_ADDRESS", "aleksandra.k@example.pl"),
            ("PERSON", "Yusuf Demir"),
            ("PHONE_NUMBER", "+47 934 12 876"),
            ("EMAIL_ADDRESS", "yusuf.demir@eksempelpost.no"),
            ("RELIGION", "Halal"),
            ("PERSON", "Stein Are Nes"),
            ("PHONE_NUMBER", "22 45 67 89"),
            ("EMAIL_ADDRESS", "stein.nes@eksempelpost.no"),
            ("HEALTH", "Laktoseintoleranse"),
            ("PERSON", "Synnøve Brekke"),
        ],
        meta={"author": "Synnøve Brekke", "title": "Deltakarliste vårkurs"},
    ),
    Doc(
        "prosjektplan-kraftverk.pptx",
        "nn",
        [
            ("Elv 2025 – småkraftverk i Årdal", ["Byggherre: Sognekraft Utbygging AS", f"Org.nr. {ORG_SOGNEKRAFT}", "Kostnadsramme kr 87 500 000"], ""),
            ("Tidsplan", ["Konsesjon frå NVE: mai 2025", "Anleggsstart: august 2025", "Vass-søknad etter vassressurslova § 8"], ""),
            ("Leverandørar", ["Turbin: Storm Hydro GmbH", "Røyr: Stein & Betong AS", "Fakturanummer 2025-117 er godkjent"], ""),
            ("Kontaktpersonar", ["Prosjektleiar: Torunn Bjørke Hatlestad", f"Mobil {phone('+47 938 27 164', 'NO')}"],
             "Torunn er ute i permisjon i juli. Vara er Rune Tveiten, rune.tveiten@sognekraft.example.com."),
        ],
        [
            ("PERSON", "Torunn Bjørke Hatlestad"),
            ("PHONE_NUMBER", "+47 938 27 164"),
            ("PERSON", "Torunn"),
            ("PERSON", "Rune Tveiten"),
            ("EMAIL_ADDRESS", "rune.tveiten@sognekraft.example.com"),
        ],
        meta={"title": "Prosjektplan Elv 2025"},
    ),
    Doc(
        "politirapport-skadeverk.pdf",
        "nn",
        [
            ("h", "Vest politidistrikt – rapport om skadeverk"),
            "Sak 2025/44871. Straffelova § 351 (skadeverk).",
            "Melder: Aslaug Tveit Nordheim, Kaigata 4, 6900 Florø, tlf. 55 31 42 86.",
            f"Fødselsnummer: {FNR_ASLAUG}",
            "Melder fortalde at nokon hadde knust ruta i bilen hennar, ein Volvo V70 med kjennemerke SF 20418, natt til laurdag.",
            f"Ein gut på 12 år, Storm Nordheim Vik (fnr. {FNR_STORM_CHILD}), vart sett ved bilen. Guten er under "
            "kriminell lågalder, og saka er send over til barnevernstenesta i Kinn kommune.",
            f"Melder ønskjer erstatning utbetalt til konto {KONTO_ASLAUG}.",
            "Rapporten er skriven av politibetjent Eirik Sol Haugen.",
        ],
        [
            ("PERSON", "Aslaug Tveit Nordheim"),
            ("ADDRESS", "Kaigata 4, 6900 Florø"),
            ("PHONE_NUMBER", "55 31 42 86"),
            ("NO_FODSELSNUMMER", FNR_ASLAUG),
            ("NO_LICENSE_PLATE", "SF 20418"),
            ("PERSON", "Storm Nordheim Vik"),
            ("NO_FODSELSNUMMER", FNR_STORM_CHILD),
            ("CRIMINAL", "skadeverk"),
            ("NO_KONTONUMMER", KONTO_ASLAUG),
            ("PERSON", "Eirik Sol Haugen"),
        ],
        child_data=True,
        meta={"author": "Eirik Sol Haugen", "title": "Rapport 2025/44871"},
    ),
    Doc(
        "vedtak-skyss.pdf",
        "nn",
        [
            ("h", "Vestland fylkeskommune – vedtak om skuleskyss"),
            "Saksnummer 2025/3310. Heimel: opplæringslova § 4-2 og § 4-5.",
            ("table", [
                ["Elev:", "Nils Tor Heggdal"],
                ["Fødselsnummer:", FNR_NILS],
                ["Adresse:", "Heggdalsvegen 88, 6823 Sandane"],
                ["Skule:", "Firda vidaregåande skule"],
            ]),
            "Nils Tor Heggdal nyttar rullestol etter ei ryggmargsskade og har rett til tilrettelagd skuleskyss med "
            "drosje. Skyssen gjeld frå 1. april 2025 og vert dekt av fylkeskommunen (kostnad om lag kr 145 000 per år).",
            "Klage kan sendast til Statsforvaltaren i Vestland innan tre veker, jf. forvaltningslova § 29.",
            "Sakshandsamar: Ragnhild Bjørn Eikrem, tlf. 57 72 31 90.",
        ],
        [
            ("PERSON", "Nils Tor Heggdal"),
            ("NO_FODSELSNUMMER", FNR_NILS),
            ("ADDRESS", "Heggdalsvegen 88, 6823 Sandane"),
            ("HEALTH", "rullestol"),
            ("HEALTH", "ryggmargsskade"),
            ("PERSON", "Ragnhild Bjørn Eikrem"),
            ("PHONE_NUMBER", "57 72 31 90"),
        ],
        meta={"title": "Vedtak 2025/3310"},
    ),
    Doc(
        "epost-vassskade.txt",
        "nn",
        f"""Frå: Kjellaug Solberg Ness <kjellaug.ness@eksempelpost.no>
Til: kundeservice@fjordtrygd.example.com
Emne: Vasskade i kjellaren – polise 7712-33-9051

Hei!

Det har vore vasskade i kjellaren vår i Sjøgata 17, 8006 Bodø, etter storm og springflo natt til måndag.
Eg legg ved bilete. Naboen vår, Arvid Elv Hansen, kan stadfeste kor høgt vatnet stod.

Skadenummer frå telefonsamtalen er 2025-80012. Kostnaden er rekna til kr 96 400 av Nordland Rør AS
(org.nr. {ORG_VOSSEBYGG}). Eg er heime på dagtid, ring meg gjerne på {phone("+47 934 12 876", "NO")}.

Helsing
Kjellaug Solberg Ness
""",
        [
            ("PERSON", "Kjellaug Solberg Ness"),
            ("EMAIL_ADDRESS", "kjellaug.ness@eksempelpost.no"),
            ("ADDRESS", "Sjøgata 17, 8006 Bodø"),
            ("PERSON", "Arvid Elv Hansen"),
            ("PHONE_NUMBER", "+47 934 12 876"),
        ],
    ),
    Doc(
        "nyhendebrev-kommune.txt",
        "nn",
        f"""NYHENDEBREV FRÅ ØRSTA KOMMUNE – MARS 2025

Kommunestyret vedtok budsjettet for 2025 med ei ramme på kr 1 234 567 000. Statsforvaltaren har
godkjent planen, og NAV Ørsta-Volda flyttar inn i nye lokale i Vikegata i haust.

Helse- og omsorgstenestene får 14 nye stillingar. Kommunen minner om at opplysningar om helse,
religion, politisk syn, fagforeiningsmedlemskap og seksuell legning er særlege kategoriar av
personopplysningar etter personvernforordninga artikkel 9, og at slike opplysningar ikkje skal
sendast på vanleg e-post.

Skatteetaten opnar skattekontoret på onsdagar frå kl. 10 til 14. Husbanken har tildelt kr 3 500 000
i startlån. Ørsta Fiskebåtreiarlag (org.nr. {ORG_FISKEBAT}) sponsar sommarfestivalen Sol over Hjørundfjorden.

Vêrvarselet lovar storm i helga. Stein- og grusuttaket på Hovden er stengt til 1. april.
Spørsmål om nyhendebrevet: postmottak@orsta.kommune.example.com.
""",
        [],
    ),
    Doc(
        "leigekontrakt-bustad.xlf",
        "nn",
        [
            ("Husleigekontrakt for bustad", "Residential lease agreement"),
            ("Utleigar: Kristoffer Haugen Rønning, Nyborgvegen 5, 6100 Volda", "Landlord: Kristoffer Haugen Rønning, Nyborgvegen 5, 6100 Volda"),
            ("Leigetakar: Mohammed Al-Hassan og Amira Al-Hassan", "Tenants: Mohammed Al-Hassan and Amira Al-Hassan"),
            ("Månadsleige kr 11 500 vert betalt til konto " + KONTO_UTLEIGAR + ".", "Monthly rent of NOK 11,500 is paid to account " + KONTO_UTLEIGAR + "."),
            ("Frå utlandet: IBAN " + IBAN_UTLEIGAR + ", BIC DNBANOKK.", "From abroad: IBAN " + IBAN_UTLEIGAR + ", BIC DNBANOKK."),
            ("Depositum tilsvarande tre månadsleiger, jf. husleigelova § 3-5.", "Deposit equal to three months' rent, cf. Section 3-5 of the Tenancy Act."),
            ("Kontakt utleigar på telefon 976 54 321.", "Contact the landlord by phone on 976 54 321.", "Kunden er Kristoffer Haugen Rønning."),
        ],
        [
            ("PERSON", "Kristoffer Haugen Rønning"),
            ("ADDRESS", "Nyborgvegen 5, 6100 Volda"),
            ("PERSON", "Mohammed Al-Hassan"),
            ("PERSON", "Amira Al-Hassan"),
            ("NO_KONTONUMMER", KONTO_UTLEIGAR),
            ("IBAN_CODE", IBAN_UTLEIGAR),
            ("PHONE_NUMBER", "976 54 321"),
            ("PERSON", "Oddny Sæbø"),
        ],
        meta={"original": "leigekontrakt_nyborgvegen.docx", "author": "Oddny Sæbø"},
    ),
    Doc(
        "minne-helseteneste.tmx",
        "nn",
        [
            ("Brukar: Halldis Rune Myklebust.", "Service user: Halldis Rune Myklebust.", "oddny.saebo"),
            (f"Fødselsnummer {FNR_TM_1}.", f"National identity number {FNR_TM_1}.", "oddny.saebo"),
            ("Ho har demens og får heimesjukepleie to gonger dagleg.", "She has dementia and receives home nursing twice a day.", "oddny.saebo"),
            ("Sonen hennar, Lars Myklebust, er kontaktperson.", "Her son, Lars Myklebust, is the contact person.", "jon.vik"),
            (f"Avlastar frå Polen har D-nummer {FNR_TM_D}.", f"The respite carer from Poland has D number {FNR_TM_D}.", "jon.vik"),
            ("Tenesta vert gjeven etter helse- og omsorgstenestelova § 3-2.", "The service is provided under Section 3-2 of the Health and Care Services Act.", "jon.vik"),
        ],
        [
            ("PERSON", "Halldis Rune Myklebust"),
            ("NO_FODSELSNUMMER", FNR_TM_1),
            ("HEALTH", "demens"),
            ("HEALTH", "dementia"),
            ("HEALTH", "heimesjukepleie"),
            ("HEALTH", "home nursing"),
            ("PERSON", "Lars Myklebust"),
            ("NO_FODSELSNUMMER", FNR_TM_D),
            ("PERSON", "oddny.saebo"),
            ("PERSON", "jon.vik"),
        ],
    ),
]

DOCS.append(
    Doc(
        "skuleportal.po",
        "nn",
        [
            ("Absence registered for %s", "Fråvær registrert for %s"),
            ("Pupils with special needs are listed in the care plan.", "Elevar med særskilde behov står i omsorgsplanen.", "#. Generic help text"),
            ("Message from the teacher to Elv Sunde (class 7A)", "Melding frå læraren til Elv Sunde (klasse 7A)",
             "# Translator note from Gunvor Hatlem: this example is from the school's real message log"),
            ("Elv has a doctor's appointment on Monday because of her epilepsy.", "Elv har legetime måndag på grunn av epilepsien sin."),
            ("Contact the school office on 57 72 31 90.", "Kontakt skulekontoret på 57 72 31 90."),
            ("Sun, rain or storm: the trip to Stein is on.", "Sol, regn eller storm: turen til Stein vert noko av."),
        ],
        [
            ("PERSON", "Gunvor Hatlem"),
            ("EMAIL_ADDRESS", "gunvor.hatlem@eksempelpost.no"),
            ("PERSON", "Elv Sunde"),
            ("PERSON", "Elv"),
            ("HEALTH", "doctor's appointment"),
            ("HEALTH", "legetime"),
            ("HEALTH", "epilepsy"),
            ("HEALTH", "epilepsien"),
        ],
        child_data=True,
        meta={
            "author": "Gunvor Hatlem <gunvor.hatlem@eksempelpost.no>",
            "team": "Nynorsk <nynorsk@skuleportal.example.com>",
            "project": "Skuleportalen 2.3",
            "header_comment": "Nynorsk translation of Skuleportalen.",
        },
    )
)
