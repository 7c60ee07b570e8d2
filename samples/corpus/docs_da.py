"""Danish documents of the evaluation corpus. Everyone and every number here is made up."""

from __future__ import annotations

from corpus_ids import cpr, cvr, iban, phone
from make_corpus import Doc

CPR_METTE = cpr("140381", 1620)
CPR_JONAS = cpr("020795", 2114, mod11=False)  # issued after 2007: no mod 11
IBAN_JONAS = iban("DK", "5301 0004417893")
CPR_KASPER = cpr("110290", 1457)
CPR_BIRGIT = cpr("300652", 812)
CPR_LIV = cpr("190788", 2230)
CPR_AHMED = cpr("050593", 3105, mod11=False)
CPR_SOEREN = cpr("271169", 1189)
CPR_EMMA_CHILD = cpr("080613", 4021)
CPR_OLIVER_CHILD = cpr("170912", 4102, mod11=False)
CVR_MALER = cvr("3748291")  # enkeltmandsvirksomhed: identifies its owner
CVR_KUNDE = cvr("2915736")  # a company: not personal data
IBAN_MALER = iban("DK", "1551 0003456789")
CPR_PIA = cpr("231274", 2006)
CPR_NIELS = cpr("120467", 1733)
IBAN_NIELS = iban("DK", "2000 0007654321", grouped=False)
CVR_BOLIG = cvr("1049302")
CPR_MINH = cpr("150984", 2520)
CPR_ALEKS = cpr("090391", 3340, mod11=False)
CPR_IDA = cpr("260579", 1850)

DOCS = [
    Doc(
        "laegeerklaering-sygemelding.txt",
        "da",
        f"""LÆGEERKLÆRING – MULIGHEDSERKLÆRING

Patient: Mette Storm Kjærgaard
CPR-nr.: {CPR_METTE}
Adresse: Nørrebrogade 112, 3. tv., 2200 København N
Telefon: {phone("+45 31 24 68 90", "DK")}

Erklæringen er udarbejdet til Københavns Kommune, Jobcenter København, jf. sygedagpengeloven § 36.

Mette Storm Kjærgaard har været sygemeldt siden 6. januar 2025 med stress og depression. Hun er
i behandling hos psykiater og får antidepressiv medicin. Forventet delvis raskmelding 1. april.

Arbejdsgiver: Nordlys Kaffe A/S, CVR {CVR_KUNDE}. Udbetaling Danmark er orienteret.

København, 3. marts 2025
Søren Bjørn Falk, praktiserende læge
Lægehuset Nørrebro, ydernummer 012345
""",
        [
            ("PERSON", "Mette Storm Kjærgaard"),
            ("DK_CPR", CPR_METTE),
            ("ADDRESS", "Nørrebrogade 112, 3. tv., 2200 København N"),
            ("PHONE_NUMBER", "+45 31 24 68 90"),
            ("HEALTH", "sygemeldt"),
            ("HEALTH", "stress"),
            ("HEALTH", "depression"),
            ("HEALTH", "psykiater"),
            ("HEALTH", "antidepressiv medicin"),
            ("PERSON", "Søren Bjørn Falk"),
        ],
    ),
    Doc(
        "ansaettelseskontrakt.docx",
        "da",
        [
            ("h", "ANSÆTTELSESKONTRAKT"),
            f"Mellem Nordlys Kaffe A/S, CVR-nr. {CVR_KUNDE}, Vesterbrogade 48, 1620 København V (virksomheden) og",
            ("table", [
                ["Navn", "Jonas Elv Mikkelsen"],
                ["CPR-nummer", CPR_JONAS],
                ["Adresse", "Sønder Boulevard 27, 1. th., 1720 København V"],
                ["Mobil", phone("28 45 19 73", "DK")],
                ["E-mail", "jonas.mikkelsen@eksempelpost.dk"],
                ["NemKonto (IBAN)", IBAN_JONAS],
            ]),
            ("runs", ["er der indgået aftale om ansættelse som kafferister. ", "Jonas ", "Elv Mikkelsen", " tiltræder 1. april 2025."]),
            "Lønnen udgør kr. 34.500 pr. måned. Ansættelsesforholdet er omfattet af funktionærloven og overenskomsten "
            "mellem DI og 3F. Medarbejderen er medlem af 3F, og kontingentet trækkes ikke via lønnen.",
            "Opsigelsesvarsel følger funktionærlovens § 2. Ferie efter ferieloven.",
            "København, den 10. marts 2025",
            "For virksomheden: Pernille Sol Vestergaard, HR-chef",
        ],
        [
            ("PERSON", "Jonas Elv Mikkelsen"),
            ("DK_CPR", CPR_JONAS),
            ("ADDRESS", "Sønder Boulevard 27, 1. th., 1720 København V"),
            ("PHONE_NUMBER", "28 45 19 73"),
            ("EMAIL_ADDRESS", "jonas.mikkelsen@eksempelpost.dk"),
            ("IBAN_CODE", IBAN_JONAS),
            ("TRADE_UNION", "3F"),
            ("TRADE_UNION", "kontingentet"),
            ("PERSON", "Pernille Sol Vestergaard"),
        ],
        meta={"author": "Pernille Sol Vestergaard", "footer": "Nordlys Kaffe A/S · Fortroligt", "title": "Ansættelseskontrakt"},
    ),
    Doc(
        "dom-byret-vold.pdf",
        "da",
        [
            ("h", "RETTEN I AARHUS – DOM"),
            "Afsagt den 17. februar 2025 i sag SS-4412/2024. Anklagemyndigheden mod",
            f"Kasper Rune Dalgaard, CPR-nr. {CPR_KASPER}, Frederiks Allé 61, 2. tv., 8000 Aarhus C.",
            "Tiltalte er tiltalt for vold efter straffelovens § 244 ved den 3. august 2024 på Bruuns Galleri at have slået "
            "Birgit Hald Overgaard i ansigtet. Tiltalte er tidligere straffet for vold i 2021.",
            f"Forurettede (CPR-nr. {CPR_BIRGIT}) fik en brækket næse og hjernerystelse og var indlagt på Aarhus Universitetshospital i to døgn.",
            "Tiltalte findes skyldig og straffes med fængsel i 60 dage, betinget. Tiltalte skal betale erstatning på kr. 18.500.",
            "Dommer Louise Tor Abildgaard",
        ],
        [
            ("PERSON", "Kasper Rune Dalgaard"),
            ("DK_CPR", CPR_KASPER),
            ("ADDRESS", "Frederiks Allé 61, 2. tv., 8000 Aarhus C"),
            ("CRIMINAL", "Tiltalte"),
            ("CRIMINAL", "tiltalt"),
            ("CRIMINAL", "vold"),
            ("PERSON", "Birgit Hald Overgaard"),
            ("CRIMINAL", "straffet"),
            ("DK_CPR", CPR_BIRGIT),
            ("HEALTH", "brækket næse"),
            ("HEALTH", "hjernerystelse"),
            ("HEALTH", "indlagt"),
            ("CRIMINAL", "fængsel"),
            ("PERSON", "Louise Tor Abildgaard"),
        ],
        meta={"title": "Dom SS-4412/2024"},
    ),
    Doc(
        "skadeanmeldelse-bil.txt",
        "da",
        f"""Skadeanmeldelse – motorkøretøj
Forsikringstager: Liv Holm Sørensen
CPR-nr.: {CPR_LIV}
Adresse: Strandvejen 201, 2900 Hellerup
Telefon: {phone("20 45 88 12", "DK")}
E-mail: liv.holm.sorensen@eksempelpost.dk
Police nr.: 4401-228-917  Skadenummer: 25-100455

Den 8. marts kl. 8.15 holdt jeg for rødt ved Lyngby Hovedgade, da en varevogn med nummerplade CX 48 220
kørte ind i min bil, en Skoda Octavia med registreringsnummer AB 12 345. Føreren af varevognen, Ahmed Rashid
Hussaini (CPR {CPR_AHMED}), erkendte ansvaret. Han kører for Hvidevarecentret ApS.

Jeg har ondt i nakken og har været hos egen læge. Reparationen hos Autohuset Gentofte er vurderet til kr. 22.340,00.

Med venlig hilsen
Liv Holm Sørensen
""",
        [
            ("PERSON", "Liv Holm Sørensen"),
            ("DK_CPR", CPR_LIV),
            ("ADDRESS", "Strandvejen 201, 2900 Hellerup"),
            ("PHONE_NUMBER", "20 45 88 12"),
            ("EMAIL_ADDRESS", "liv.holm.sorensen@eksempelpost.dk"),
            ("DK_LICENSE_PLATE", "CX 48 220"),
            ("DK_LICENSE_PLATE", "AB 12 345"),
            ("PERSON", "Ahmed Rashid Hussaini"),
            ("DK_CPR", CPR_AHMED),
            ("HEALTH", "ondt i nakken"),
            ("HEALTH", "egen læge"),
        ],
    ),
    Doc(
        "medarbejderliste.xlsx",
        "da",
        {
            "Medarbejdere": [
                ["Navn", "CPR", "Afdeling", "Telefon", "E-mail", "Status"],
                ["Søren Tor Madsen", CPR_SOEREN, "Produktion", phone("61 78 32 05", "DK"), "stm@nordlyskaffe.example.com", "Aktiv"],
                ["Pia Storm Lauridsen", CPR_PIA, "Salg", phone("+45 4015 2237", "DK"), "psl@nordlyskaffe.example.com", "Barselsorlov"],
                ["Nguyen Van Minh", CPR_MINH, "Lager", phone("0045 53 81 64 27", "DK"), "nvm@nordlyskaffe.example.com", "Sygemeldt, langtidssyg"],
                ["Aleksandra Kowalczyk", CPR_ALEKS, "Økonomi", phone("86 12 45 78", "DK"), "ako@nordlyskaffe.example.com", "Tillidsrepræsentant (HK)"],
            ],
            "Noter": [
                ["Varenummer", "Produkt", "Pris"],
                ["NK-1001", "Nordlys Morgenblanding 500 g", "kr. 59,95"],
                ["NK-1002", "Storm Espresso 1 kg", "kr. 189,00"],
                ["NK-1003", "Sol & Bjerg Filterkaffe", "kr. 74,50"],
            ],
        },
        [
            ("PERSON", "Søren Tor Madsen"),
            ("DK_CPR", CPR_SOEREN),
            ("PHONE_NUMBER", "61 78 32 05"),
            ("EMAIL_ADDRESS", "stm@nordlyskaffe.example.com"),
            ("PERSON", "Pia Storm Lauridsen"),
            ("DK_CPR", CPR_PIA),
            ("PHONE_NUMBER", "+45 4015 2237"),
            ("EMAIL_ADDRESS", "psl@nordlyskaffe.example.com"),
            ("PERSON", "Nguyen Van Minh"),
            ("DK_CPR", CPR_MINH),
            ("PHONE_NUMBER", "0045 53 81 64 27"),
            ("EMAIL_ADDRESS", "nvm@nordlyskaffe.example.com"),
            ("HEALTH", "Sygemeldt"),
            ("HEALTH", "langtidssyg"),
            ("PERSON", "Aleksandra Kowalczyk"),
            ("DK_CPR", CPR_ALEKS),
            ("PHONE_NUMBER", "86 12 45 78"),
            ("EMAIL_ADDRESS", "ako@nordlyskaffe.example.com"),
            ("TRADE_UNION", "Tillidsrepræsentant"),
            ("TRADE_UNION", "HK"),
            ("PERSON", "Pernille Sol Vestergaard"),
        ],
        meta={"author": "Pernille Sol Vestergaard", "title": "Medarbejderoversigt"},
    ),
    Doc(
        "skolebrev-trivsel.docx",
        "da",
        [
            ("h", "Brev til forældre – Skovlunde Skole"),
            "Kære Bjørn og Sol Frederiksen",
            f"Vi skriver angående jeres datter Emma Frederiksen, 6.B (CPR {CPR_EMMA_CHILD}). Emma har i en periode "
            "haft mange fraværsdage, og skolens AKT-vejleder har observeret tegn på angst og spiseforstyrrelse.",
            "Vi vil gerne invitere jer til et møde med skolens sundhedsplejerske og PPR onsdag den 19. marts kl. 14.00.",
            f"Emmas lillebror Oliver Frederiksen (CPR {CPR_OLIVER_CHILD}) går i 0.A og trives godt.",
            "Skolen følger folkeskolelovens § 39 og Ballerup Kommunes retningslinjer for fravær.",
            f"Med venlig hilsen Tor Vestergaard Lund, klasselærer, tlf. {phone('+45 4015 2237', 'DK')}, tvl@skovlundeskole.example.com",
        ],
        [
            ("PERSON", "Bjørn"),
            ("PERSON", "Sol Frederiksen"),
            ("PERSON", "Emma Frederiksen"),
            ("DK_CPR", CPR_EMMA_CHILD),
            ("PERSON", "Emma"),
            ("HEALTH", "angst"),
            ("HEALTH", "spiseforstyrrelse"),
            ("PERSON", "Oliver Frederiksen"),
            ("DK_CPR", CPR_OLIVER_CHILD),
            ("PERSON", "Tor Vestergaard Lund"),
            ("PHONE_NUMBER", "+45 4015 2237"),
            ("EMAIL_ADDRESS", "tvl@skovlundeskole.example.com"),
        ],
        child_data=True,
        meta={"author": "Tor Vestergaard Lund"},
    ),
    Doc(
        "faktura-enkeltmand.pdf",
        "da",
        [
            ("h", "FAKTURA"),
            f"Malerfirmaet Rune Bach v/ Rune Bach · CVR {CVR_MALER} · Åboulevarden 9, 8000 Aarhus C · tlf. {phone('61 78 32 05', 'DK')}",
            f"Kunde: Bolig Aarhus A/S, CVR {CVR_BOLIG}, att. Karin Elv Thomsen",
            "Fakturanr. 2025-0318 · Fakturadato 14.03.2025 · Ordrenr. 77120544 · Betalingsfrist 8 dage",
            ("table", [
                ["Maling af opgang 3, Skejbyvej", "kr. 24.800,00"],
                ["Materialer", "kr. 3.145,00"],
                ["Moms 25 %", "kr. 6.986,25"],
                ["I alt", "kr. 34.931,25"],
            ]),
            f"Beløbet indbetales på konto IBAN {IBAN_MALER}, BIC DABADKKK. Ved spørgsmål: rune@malerbach.example.com",
            "Fakturaen er udstedt efter momslovens § 52 a og bekendtgørelse nr. 808.",
        ],
        [
            ("PERSON", "Rune Bach"),
            ("DK_CVR", CVR_MALER),
            ("ADDRESS", "Åboulevarden 9, 8000 Aarhus C"),
            ("PHONE_NUMBER", "61 78 32 05"),
            ("PERSON", "Karin Elv Thomsen"),
            ("IBAN_CODE", IBAN_MALER),
            ("EMAIL_ADDRESS", "rune@malerbach.example.com"),
        ],
        meta={"title": "Faktura 2025-0318", "author": "Rune Bach"},
    ),
    Doc(
        "bestyrelsesmoede.pptx",
        "da",
        [
            ("Bestyrelsesmøde 11. marts 2025", ["Deltagere: Niels Storm Jepsen (formand), Hanne Kjær-Poulsen, Mohammed Al-Hassan", "Afbud: Lars Bjørn Vestergaard"], ""),
            ("Økonomi", ["Omsætning 2024: kr. 12.345.678", "Moms afregnet til Skattestyrelsen", "Tilskud fra Udbetaling Danmark: ingen"], ""),
            ("Projekt Sol", ["Solcelleanlæg på lagerbygningen, tilbud fra SolEnergi Fyn ApS", "Ordrenummer 2025-4471"],
             "Lars Bjørn Vestergaard har meldt afbud på grund af kræftbehandling. Niels orienterer ham om beslutningerne."),
            ("Næste møde", ["15. april kl. 16.00 hos Storm & Søn Revision", f"Kontakt: niels.jepsen@eksempelpost.dk, {phone('+45 31 24 68 90', 'DK')}"], ""),
        ],
        [
            ("PERSON", "Niels Storm Jepsen"),
            ("PERSON", "Hanne Kjær-Poulsen"),
            ("PERSON", "Mohammed Al-Hassan"),
            ("PERSON", "Lars Bjørn Vestergaard"),
            ("HEALTH", "kræftbehandling"),
            ("PERSON", "Niels"),
            ("EMAIL_ADDRESS", "niels.jepsen@eksempelpost.dk"),
            ("PHONE_NUMBER", "+45 31 24 68 90"),
        ],
        meta={"author": "Hanne Kjær-Poulsen"},
    ),
    Doc(
        "cv-nguyen.docx",
        "da",
        [
            ("h", "Curriculum Vitae"),
            ("table", [
                ["Navn", "Nguyen Thi Lan"],
                ["Født", "12. april 1990"],
                ["Adresse", "Jagtvej 155 A, 4. th., 2200 København N"],
                ["Telefon", phone("20 45 88 12", "DK")],
                ["E-mail", "lan.nguyen@eksempelpost.dk"],
            ]),
            ("h", "Erhvervserfaring"),
            "2020–nu: Translatør, Nordisk Sprogservice ApS. Kunder: Region Hovedstaden, Skattestyrelsen, danske medicinalvirksomheder.",
            "2016–2020: Projektkoordinator, Dansk Flygtningehjælp.",
            ("h", "Uddannelse"),
            "Cand.ling.merc. i engelsk og vietnamesisk, Copenhagen Business School, 2016.",
            ("h", "Tillidshverv"),
            "Medlem af Socialdemokratiet og kasserer i partiforeningen på Nørrebro siden 2019.",
            "Referencer: Henrik Sol Bertelsen, tlf. 28 45 19 73.",
        ],
        [
            ("PERSON", "Nguyen Thi Lan"),
            ("DATE_OF_BIRTH", "12. april 1990"),
            ("ADDRESS", "Jagtvej 155 A, 4. th., 2200 København N"),
            ("PHONE_NUMBER", "20 45 88 12"),
            ("EMAIL_ADDRESS", "lan.nguyen@eksempelpost.dk"),
            ("POLITICAL", "Socialdemokratiet"),
            ("POLITICAL", "partiforeningen"),
            ("PERSON", "Henrik Sol Bertelsen"),
            ("PHONE_NUMBER", "28 45 19 73"),
        ],
        meta={"author": "Nguyen Thi Lan"},
    ),
    Doc(
        "politirapport-indbrud.txt",
        "da",
        f"""KØBENHAVNS POLITI – ANMELDELSE AF INDBRUD
Journalnr. 0100-80231-00417-25

Anmelder: Birgitte Håp Nørgaard, født 03.09.1971
Adresse: Amagerbrogade 88, 2. mf., 2300 København S
Tlf.: {phone("61 78 32 05", "DK")}

Anmelder oplyste, at der var begået indbrud i lejligheden mellem kl. 10 og 16. Der blev stjålet en
bærbar computer og smykker til en værdi af ca. kr. 45.000. En nabo, Klaus Stein Iversen, så en mand
forlade opgangen i en grå bil med nummerplade DK 77 419.

Ejeren af bilen, Mikkel Holt Ravn, er tidligere dømt for indbrudstyveri og blev anholdt samme aften
og sigtet for overtrædelse af straffelovens § 276, jf. § 293. Han nægter sig skyldig.

Rapport optaget af politiassistent Tor Sejer Munk.
""",
        [
            ("PERSON", "Birgitte Håp Nørgaard"),
            ("DATE_OF_BIRTH", "03.09.1971"),
            ("ADDRESS", "Amagerbrogade 88, 2. mf., 2300 København S"),
            ("PHONE_NUMBER", "61 78 32 05"),
            ("PERSON", "Klaus Stein Iversen"),
            ("DK_LICENSE_PLATE", "DK 77 419"),
            ("PERSON", "Mikkel Holt Ravn"),
            ("CRIMINAL", "dømt"),
            ("CRIMINAL", "indbrudstyveri"),
            ("CRIMINAL", "anholdt"),
            ("CRIMINAL", "sigtet"),
            ("PERSON", "Tor Sejer Munk"),
        ],
    ),
    Doc(
        "privatlivspolitik.txt",
        "da",
        f"""PRIVATLIVSPOLITIK – NORDLYS KAFFE A/S

Nordlys Kaffe A/S, CVR-nr. {CVR_KUNDE}, Vesterbrogade 48, 1620 København V, er dataansvarlig for
behandlingen af de personoplysninger, vi modtager om kunder i webshoppen og abonnenter på Storm Espresso.

Vi behandler ikke følsomme personoplysninger som helbredsoplysninger, oplysninger om race eller etnisk
oprindelse, politisk, religiøs eller filosofisk overbevisning, fagforeningsmæssigt tilhørsforhold,
seksuel orientering, genetiske eller biometriske data, jf. databeskyttelsesforordningens artikel 9,
eller oplysninger om strafbare forhold efter databeskyttelseslovens § 8.

Vi videregiver oplysninger til Skattestyrelsen, Udbetaling Danmark og Danmarks Statistik, når loven kræver det.
Du kan klage til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby.

Ordrenummer, fakturanummer (f.eks. 2025-0318) og betalingsoplysninger opbevares i fem år efter bogføringsloven § 10.
Spørgsmål: privatliv@nordlyskaffe.example.com eller kundeservice på 70 12 34 56 (hverdage kl. 9-16).
""",
        [],
    ),
    Doc(
        "patientjournal.xlf",
        "da",
        [
            ("Journalnotat, Rigshospitalet, Kardiologisk Klinik", "Medical record note, Rigshospitalet, Department of Cardiology"),
            (f"Patient: Niels Ebbe Sol Rasmussen, CPR {CPR_NIELS}", f"Patient: Niels Ebbe Sol Rasmussen, CPR {CPR_NIELS}"),
            ("Patienten har atrieflimren og er i behandling med blodfortyndende medicin.", "The patient has atrial fibrillation and is on anticoagulant medication."),
            ("Hustruen Grethe Rasmussen er pårørende, tlf. 86 12 45 78.", "His wife Grethe Rasmussen is next of kin, tel. 86 12 45 78."),
            ("Patienten er Jehovas Vidne og ønsker ikke blodtransfusion.", "The patient is a Jehovah's Witness and does not want a blood transfusion."),
            (f"Refusion til NemKonto: {IBAN_NIELS}", f"Refund to NemKonto: {IBAN_NIELS}"),
            ("Journalen er ført efter sundhedslovens § 41.", "The record is kept under Section 41 of the Danish Health Act.", "Læge Tor Bjørn Skov har godkendt oversættelsen."),
        ],
        [
            ("PERSON", "Niels Ebbe Sol Rasmussen"),
            ("DK_CPR", CPR_NIELS),
            ("HEALTH", "atrieflimren"),
            ("HEALTH", "atrial fibrillation"),
            ("HEALTH", "blodfortyndende medicin"),
            ("HEALTH", "anticoagulant medication"),
            ("PERSON", "Grethe Rasmussen"),
            ("PHONE_NUMBER", "86 12 45 78"),
            ("RELIGION", "Jehovas Vidne"),
            ("RELIGION", "Jehovah's Witness"),
            ("IBAN_CODE", IBAN_NIELS),
            ("PERSON", "Tor Bjørn Skov"),
            ("PERSON", "mette.lind"),
            ("PERSON", "Rasmussen"),
        ],
        meta={"original": "/home/mette.lind/oversaettelser/journal_rasmussen.docx"},
    ),
    Doc(
        "forsikring.tmx",
        "da",
        [
            ("Skadelidte: Ida Storm Bech, Vestergade 12, 5000 Odense C.", "Injured party: Ida Storm Bech, Vestergade 12, 5000 Odense C.", "jens.k"),
            (f"CPR-nr. {CPR_IDA}", f"CPR no. {CPR_IDA}", "jens.k"),
            ("Skadelidte brækkede armen ved faldet og var sygemeldt i seks uger.", "The injured party broke her arm in the fall and was on sick leave for six weeks.", "jens.k"),
            ("Erstatningen er opgjort efter erstatningsansvarsloven § 3.", "The compensation is calculated under Section 3 of the Liability for Damages Act.", "anna.bro"),
            ("Henvendelser til sagsbehandler Rune Sol Dam, rsd@tryghavn.example.com.", "Enquiries to case handler Rune Sol Dam, rsd@tryghavn.example.com.", "anna.bro"),
        ],
        [
            ("PERSON", "Ida Storm Bech"),
            ("ADDRESS", "Vestergade 12, 5000 Odense C"),
            ("DK_CPR", CPR_IDA),
            ("HEALTH", "brækkede armen"),
            ("HEALTH", "broke her arm"),
            ("HEALTH", "sygemeldt"),
            ("HEALTH", "sick leave"),
            ("PERSON", "Rune Sol Dam"),
            ("EMAIL_ADDRESS", "rsd@tryghavn.example.com"),
            ("PERSON", "jens.k"),
            ("PERSON", "anna.bro"),
        ],
    ),
]

CPR_PO = cpr("210584", 2410)

DOCS.append(
    Doc(
        "kundeportal.po",
        "da",
        [
            ("Welcome back, %s!", "Velkommen tilbage, %s!"),
            ("Your NemKonto is registered with Udbetaling Danmark.", "Din NemKonto er registreret hos Udbetaling Danmark.", "#. Generic status text"),
            (f"Demo customer: Signe Bjørn Kragh, CPR {CPR_PO}", f"Demokunde: Signe Bjørn Kragh, CPR {CPR_PO}",
             "# Søren Holt: this demo record was copied from production, replace before release"),
            ("Signe Bjørn Kragh lives at Vestergade 27, 1456 København K.", "Signe Bjørn Kragh bor på Vestergade 27, 1456 København K."),
            ("Order %(number)s of DKK %(amount)s has been shipped.", "Ordre %(number)s på kr. %(amount)s er afsendt."),
            ("Storm Espresso 1 kg is back in stock.", "Storm Espresso 1 kg er på lager igen."),
        ],
        [
            ("PERSON", "Mads Sol Eriksen"),
            ("EMAIL_ADDRESS", "mads.eriksen@eksempelpost.dk"),
            ("PERSON", "Signe Bjørn Kragh"),
            ("DK_CPR", CPR_PO),
            ("PERSON", "Søren Holt"),
            ("ADDRESS", "Vestergade 27, 1456 København K"),
        ],
        meta={
            "author": "Mads Sol Eriksen <mads.eriksen@eksempelpost.dk>",
            "team": "Danish <da@nordlyskaffe.example.com>",
            "project": "Nordlys Kundeportal 3.0",
            "header_comment": "Danish translation of Nordlys Kundeportal.",
        },
    )
)
