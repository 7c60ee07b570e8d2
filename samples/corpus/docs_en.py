"""English documents of the evaluation corpus (as Nordic agencies receive them). Everyone and every number here is made up."""

from __future__ import annotations

from corpus_ids import card, cpr, fodselsnummer, hetu, iban, kennitala, kontonummer, phone, se_personnummer
from make_corpus import Doc

FNR_SIOBHAN = fodselsnummer("210383", 477)
FNR_KWAME_D = fodselsnummer("640992", 155)  # D-nummer: day 24 + 40
IBAN_KWAME = iban("NO", kontonummer("15036612").replace(".", ""))
SE_ANNA = se_personnummer("850923", 123)
FI_MIKKO = hetu("131052", "-", 308)
IS_GUDRUN = kennitala("120374", 21)
CPR_FREJA = cpr("280889", 2740)
FNR_TOR = fodselsnummer("060679", 259)
FNR_DRIVER = fodselsnummer("151190", 398)
CARD_FRAUD = card("552433001234567")
CARD_CLAIM = card("492913005566778")
IBAN_CLAIM = iban("DK", "3409 0011223344")
FNR_CHILD = fodselsnummer("140516", 580)
FNR_PATIENT = fodselsnummer("030868", 164)
CPR_TM = cpr("110975", 1316)
CPR_AOIFE = cpr("020386", 2602)

DOCS = [
    Doc(
        "medical-certificate-asthma.txt",
        "en",
        f"""MEDICAL CERTIFICATE (translation from Norwegian)

Patient: Siobhán O'Neill
Norwegian national identity number: {FNR_SIOBHAN}
Address: Thereses gate 35, 0354 Oslo, Norway
Mobile: {phone("+47 938 27 164", "NO")}

To whom it may concern,

I confirm that Ms O'Neill has been my patient since 2019. She has severe asthma and type 2 diabetes,
and was admitted to Oslo University Hospital with pneumonia from 2 to 9 February 2025. She is fit to
travel from 1 March 2025 provided she carries her inhalers.

This certificate is issued at the patient's request for her employer, Storm Offshore Services Ltd,
and for the insurer. Reference: NAV case 25/00417. Fee: NOK 750 (Section 4 of the Norwegian fee regulations).

Oslo, 20 February 2025
Dr Liv Anette Hoff, general practitioner, Bislett Medical Centre
""",
        [
            ("PERSON", "Siobhán O'Neill"),
            ("NO_FODSELSNUMMER", FNR_SIOBHAN),
            ("ADDRESS", "Thereses gate 35, 0354 Oslo"),
            ("PHONE_NUMBER", "+47 938 27 164"),
            ("PERSON", "O'Neill"),
            ("HEALTH", "asthma"),
            ("HEALTH", "diabetes"),
            ("HEALTH", "admitted"),
            ("HEALTH", "pneumonia"),
            ("HEALTH", "inhalers"),
            ("PERSON", "Liv Anette Hoff"),
        ],
    ),
    Doc(
        "employment-contract.docx",
        "en",
        [
            ("h", "EMPLOYMENT CONTRACT"),
            "This contract is made between Fjordline Subsea AS, a company registered in Norway, and the employee named below, "
            "in accordance with Chapter 14 of the Norwegian Working Environment Act.",
            ("table", [
                ["Employee", "Kwame Mensah-Bonsu"],
                ["D number", FNR_KWAME_D],
                ["Date of birth", "24 September 1992"],
                ["Home address", "Møllendalsveien 17, 5009 Bergen"],
                ["Phone", phone("+47 464 82 019", "NO")],
                ["E-mail", "kwame.mensah-bonsu@example.com"],
                ["Salary account (IBAN)", IBAN_KWAME],
            ]),
            ("runs", ["The employee, ", "Kwame ", "Mensah-Bonsu", ", is employed as a subsea engineer from 1 May 2025."]),
            "Annual salary: NOK 845,000. Order reference PO-2025-1187. Probation period: six months (Section 15-6).",
            "Signed in Bergen on 12 March 2025 by Rune Storm Haldorsen, HR Director, for Fjordline Subsea AS.",
        ],
        [
            ("PERSON", "Kwame Mensah-Bonsu"),
            ("NO_FODSELSNUMMER", FNR_KWAME_D),
            ("DATE_OF_BIRTH", "24 September 1992"),
            ("ADDRESS", "Møllendalsveien 17, 5009 Bergen"),
            ("PHONE_NUMBER", "+47 464 82 019"),
            ("EMAIL_ADDRESS", "kwame.mensah-bonsu@example.com"),
            ("IBAN_CODE", IBAN_KWAME),
            ("PERSON", "Rune Storm Haldorsen"),
            ("PERSON", "Kwame"),
        ],
        meta={"author": "Rune Storm Haldorsen", "header": "Fjordline Subsea AS – Confidential",
              "comment": "Rune Storm Haldorsen: Kwame's work permit from UDI expires on 1 June 2026; HR to follow up."},
    ),
    Doc(
        "nordic-team.xlsx",
        "en",
        {
            "Team": [
                ["Name", "Country", "National ID", "Phone", "E-mail", "Notes"],
                ["Anna Lindqvist", "Sweden", SE_ANNA, phone("+46 70 123 45 67", "SE"), "anna.lindqvist@example.se", "Pregnant, due in June"],
                ["Mikko Järvinen", "Finland", FI_MIKKO, "", "mikko.jarvinen@example.fi", "Member of the union Unio"],
                ["Guðrún Jónsdóttir", "Iceland", IS_GUDRUN, "", "gudrun.jonsdottir@example.is", ""],
                ["Freja Sol Winther", "Denmark", CPR_FREJA, phone("+45 31 24 68 90", "DK"), "freja.winther@example.dk", "Works 80 %"],
                ["Tor Bjørn Aune", "Norway", FNR_TOR, phone("+47 934 12 876", "NO"), "tor.aune@example.no", "On sick leave until 31 March"],
            ],
            "Budget": [
                ["Item", "Amount", "Invoice"],
                ["Licences (Storm Analytics)", "NOK 125 000", "INV-2025-0091"],
                ["Travel", "NOK 48 500", "INV-2025-0102"],
            ],
        },
        [
            ("PERSON", "Anna Lindqvist"),
            ("SE_PERSONNUMMER", SE_ANNA),
            ("PHONE_NUMBER", "+46 70 123 45 67"),
            ("EMAIL_ADDRESS", "anna.lindqvist@example.se"),
            ("HEALTH", "Pregnant"),
            ("PERSON", "Mikko Järvinen"),
            ("FI_HETU", FI_MIKKO),
            ("EMAIL_ADDRESS", "mikko.jarvinen@example.fi"),
            ("TRADE_UNION", "Unio"),
            ("PERSON", "Guðrún Jónsdóttir"),
            ("IS_KENNITALA", IS_GUDRUN),
            ("EMAIL_ADDRESS", "gudrun.jonsdottir@example.is"),
            ("PERSON", "Freja Sol Winther"),
            ("DK_CPR", CPR_FREJA),
            ("PHONE_NUMBER", "+45 31 24 68 90"),
            ("EMAIL_ADDRESS", "freja.winther@example.dk"),
            ("PERSON", "Tor Bjørn Aune"),
            ("NO_FODSELSNUMMER", FNR_TOR),
            ("PHONE_NUMBER", "+47 934 12 876"),
            ("EMAIL_ADDRESS", "tor.aune@example.no"),
            ("HEALTH", "sick leave"),
        ],
        meta={"author": "Anna Lindqvist", "title": "Nordic team overview"},
    ),
    Doc(
        "appeal-judgment-drink-driving.pdf",
        "en",
        [
            ("h", "BORGARTING COURT OF APPEAL – JUDGMENT (certified translation)"),
            "Case no. 24-167702AST-BORG/01. Delivered 28 January 2025.",
            f"The Public Prosecution Authority v. Stein Magnus Hovland, born 15.11.1990, national identity number {FNR_DRIVER}, "
            "residing at Kirkegata 5, 1530 Moss.",
            "The defendant is charged with drink-driving under Section 22 of the Road Traffic Act. On 14 June 2024 he drove "
            "a Tesla Model Y, registration number EV 55012, with a blood alcohol concentration of 1.1 per mille.",
            "The defendant was previously convicted of drink-driving in 2019. The Court of Appeal finds him guilty.",
            "Sentence: 45 days' imprisonment and a fine of NOK 60,000; loss of driving licence for three years.",
            "Counsel for the defence: Advocate Sol Ingrid Brenna. Presiding judge: Håkon Elv Rasmussen.",
        ],
        [
            ("PERSON", "Stein Magnus Hovland"),
            ("DATE_OF_BIRTH", "15.11.1990"),
            ("NO_FODSELSNUMMER", FNR_DRIVER),
            ("ADDRESS", "Kirkegata 5, 1530 Moss"),
            ("CRIMINAL", "charged"),
            ("CRIMINAL", "drink-driving"),
            ("NO_LICENSE_PLATE", "EV 55012"),
            ("CRIMINAL", "convicted"),
            ("CRIMINAL", "guilty"),
            ("CRIMINAL", "imprisonment"),
            ("PERSON", "Sol Ingrid Brenna"),
            ("PERSON", "Håkon Elv Rasmussen"),
        ],
        meta={"title": "Judgment 24-167702AST-BORG/01"},
    ),
    Doc(
        "fraud-incident-report.txt",
        "en",
        f"""INCIDENT REPORT – CARD FRAUD (internal, Nordlys Bank ASA)
Ticket: INC-2025-004417   Severity: high

Customer: Elisabeth Rune-Larsen, e-mail elisabeth.rl@example.com, phone {phone("+47 976 54 321", "NO")}
Card: {CARD_FRAUD} (blocked 11 March 2025 08:14)

Summary: The customer reported three purchases she did not make, totalling NOK 23,980, at the web shop
of Storm Electronics. The orders (order numbers 700112345, 700112346) were placed from IP address
203.0.113.47, which the customer does not recognise. Her own last login came from 198.51.100.23.

The customer's husband, Jørgen Larsen, confirmed that neither of them was in Spain on the dates in question.
Action: chargeback under Section 4-30 of the Financial Contracts Act; case forwarded to Økokrim.

Handled by: Maja Sol Iversen, fraud team, maja.iversen@nordlysbank.example.com
""",
        [
            ("PERSON", "Elisabeth Rune-Larsen"),
            ("EMAIL_ADDRESS", "elisabeth.rl@example.com"),
            ("PHONE_NUMBER", "+47 976 54 321"),
            ("CREDIT_CARD", CARD_FRAUD),
            ("IP_ADDRESS", "203.0.113.47"),
            ("IP_ADDRESS", "198.51.100.23"),
            ("PERSON", "Jørgen Larsen"),
            ("PERSON", "Maja Sol Iversen"),
            ("EMAIL_ADDRESS", "maja.iversen@nordlysbank.example.com"),
        ],
    ),
    Doc(
        "travel-insurance-claim.pdf",
        "en",
        [
            ("h", "Travel Insurance Claim – Tryghavn Forsikring A/S"),
            "Claim no. TRV-25-18845 · Policy no. 9001-442-118",
            ("table", [
                ["Policyholder:", "Aoife Brennan-Kjær"],
                ["CPR:", CPR_AOIFE],
                ["Address:", "Skt. Pauls Gade 14, 1313 København K"],
                ["Phone:", phone("+45 28 45 19 73", "DK")],
                ["E-mail:", "aoife.bk@example.dk"],
            ]),
            "While skiing in Hemsedal on 4 February 2025, I fell and suffered a fractured wrist. I was treated at "
            "Hallingdal sjukestugu and flown home on 7 February. My partner, Mathias Storm Kjær, travelled with me.",
            f"Medical costs of EUR 1,240 were paid with my card {CARD_CLAIM}. Please refund the amount to IBAN {IBAN_CLAIM}.",
            "Attachments: receipts from Hemsedal Skisenter AS and the SAS booking (booking ref. K7Q2LM).",
        ],
        [
            ("PERSON", "Aoife Brennan-Kjær"),
            ("DK_CPR", CPR_AOIFE),
            ("ADDRESS", "Skt. Pauls Gade 14, 1313 København K"),
            ("PHONE_NUMBER", "+45 28 45 19 73"),
            ("EMAIL_ADDRESS", "aoife.bk@example.dk"),
            ("HEALTH", "fractured wrist"),
            ("PERSON", "Mathias Storm Kjær"),
            ("CREDIT_CARD", CARD_CLAIM),
            ("IBAN_CODE", IBAN_CLAIM),
        ],
        meta={"author": "Aoife Brennan-Kjær", "title": "Claim TRV-25-18845"},
    ),
    Doc(
        "school-letter-allergy.txt",
        "en",
        f"""Oslo International School – Primary Section

Dear Mr and Mrs Okafor,

Thank you for meeting us on Tuesday about your son Chidi Okafor (Year 4, date of birth 14 May 2016,
Norwegian ID {FNR_CHILD}). As agreed, Chidi's severe peanut allergy is now recorded in the school's
care plan and his EpiPen is kept in the staff room. The school nurse will brief all staff on 20 March.

Chidi will also take part in the Storm Chasers science club on Thursdays; the fee of NOK 350 is paid.
Please contact me if anything changes.

Kind regards,
Rune Hope Andersen
Class teacher, 4B – rune.andersen@ois.example.com – {phone("+47 22 45 67 89", "NO")}
""",
        [
            ("PERSON", "Okafor"),
            ("PERSON", "Chidi Okafor"),
            ("DATE_OF_BIRTH", "14 May 2016"),
            ("NO_FODSELSNUMMER", FNR_CHILD),
            ("PERSON", "Chidi"),
            ("HEALTH", "peanut allergy"),
            ("HEALTH", "EpiPen"),
            ("PERSON", "Rune Hope Andersen"),
            ("EMAIL_ADDRESS", "rune.andersen@ois.example.com"),
            ("PHONE_NUMBER", "+47 22 45 67 89"),
        ],
        child_data=True,
    ),
    Doc(
        "cv-sund.docx",
        "en",
        [
            ("h", "Tor Egil Sund – Curriculum Vitae"),
            ("table", [
                ["Date of birth", "6 June 1979"],
                ["Address", "Elvegata 4, 9008 Tromsø"],
                ["Phone", phone("+47 412 55 983", "NO")],
                ["E-mail", "tor.egil.sund@example.no"],
                ["Website", "https://torsund.example.no"],
            ]),
            ("h", "Experience"),
            "2018–present: Senior translator (Norwegian–English), Arctic Words AS. Clients include the Norwegian Polar "
            "Institute, Equinor-style energy companies and the Norwegian Labour and Welfare Administration (NAV).",
            "2012–2018: In-house linguist, Storm Localisation Ltd, Dublin.",
            ("h", "Voluntary work"),
            "Board member of the Tromsø Pride committee and of the local branch of the Socialist Left Party (SV).",
            ("h", "References"),
            "Bjørn Kåre Lind, CEO, Arctic Words AS – available on request.",
        ],
        [
            ("PERSON", "Tor Egil Sund"),
            ("DATE_OF_BIRTH", "6 June 1979"),
            ("ADDRESS", "Elvegata 4, 9008 Tromsø"),
            ("PHONE_NUMBER", "+47 412 55 983"),
            ("EMAIL_ADDRESS", "tor.egil.sund@example.no"),
            ("URL", "https://torsund.example.no"),
            ("POLITICAL", "Socialist Left Party"),
            ("POLITICAL", "SV"),
            ("PERSON", "Bjørn Kåre Lind"),
        ],
        meta={"author": "Tor Egil Sund"},
    ),
    Doc(
        "union-meeting.pptx",
        "en",
        [
            ("Local union meeting – Fagforbundet Bergen, 5 March 2025", ["Chair: Solveig Håp Mæland", "Minutes: Arjun Patel"], ""),
            ("Wage negotiations", ["Employer offer: 3.9 % (NOK 18,500 average)", "Reference: Basic Agreement Section 4-2", "Strike ballot prepared"], ""),
            ("Members' cases", ["Grievance 2025-07: night shifts at Haukeland", "Arjun Patel re-elected as shop steward"],
             "Solveig Håp Mæland noted that member Ewa Nowak is on sick leave after a back injury and needs help with her claim."),
            ("Next meeting", ["2 April, Folkets Hus", "Contact: solveig.maeland@example.no"], ""),
        ],
        [
            ("PERSON", "Solveig Håp Mæland"),
            ("PERSON", "Arjun Patel"),
            ("TRADE_UNION", "shop steward"),
            ("PERSON", "Ewa Nowak"),
            ("HEALTH", "sick leave"),
            ("HEALTH", "back injury"),
            ("EMAIL_ADDRESS", "solveig.maeland@example.no"),
            ("TRADE_UNION", "Fagforbundet"),
        ],
        meta={"author": "Arjun Patel", "title": "Union meeting minutes"},
    ),
    Doc(
        "hr-email-leave.txt",
        "en",
        f"""From: Marcus Elv Johansen <marcus.johansen@bolgendata.example.com>
To: Sol Heggem <sol.heggem@bolgendata.example.com>
Subject: Leave requests for April

Hi Sol,

Two requests for you to approve before Friday:

1. Stein Ove Karlsen asks for two days off on 10–11 April. He and his husband are adopting a child and
   have a meeting with Bufetat. He has asked me to keep it confidential that he is gay, so please do not
   mention it to the team.
2. Fatima Zahra Benali asks for leave on 31 March to celebrate Eid with her family; she is a practising Muslim.

Both are within the limits of Section 12-10 of the Working Environment Act and our staff handbook v3.1.

Best regards,
Marcus
Direct line {phone("+47 48 12 34 56", "NO")}
""",
        [
            ("PERSON", "Marcus Elv Johansen"),
            ("EMAIL_ADDRESS", "marcus.johansen@bolgendata.example.com"),
            ("PERSON", "Sol Heggem"),
            ("EMAIL_ADDRESS", "sol.heggem@bolgendata.example.com"),
            ("PERSON", "Sol"),
            ("PERSON", "Stein Ove Karlsen"),
            ("SEXUAL_ORIENTATION", "husband"),
            ("SEXUAL_ORIENTATION", "gay"),
            ("PERSON", "Fatima Zahra Benali"),
            ("RELIGION", "Eid"),
            ("RELIGION", "Muslim"),
            ("PERSON", "Marcus"),
            ("PHONE_NUMBER", "+47 48 12 34 56"),
        ],
    ),
    Doc(
        "news-digest.txt",
        "en",
        """NORDIC BUSINESS DIGEST – WEEK 11

Equinor's rival Nordsjø Energi ASA reported revenue of NOK 12,345,678 thousand for 2024. The Norwegian
Tax Administration (Skatteetaten) and NAV will merge two of their digital services, and Udbetaling
Danmark has opened a new office in Haderslev.

The Storting passed amendments to Section 14-9 of the Working Environment Act on temporary employment.
Statistics Norway says unemployment held at 2.1 per cent. Storm Hydro GmbH won a NOK 340 million turbine
contract in Årdal, and SolarNord AS launched its new Sol 400 panel at a price of NOK 4,990.

Privacy corner: under Article 9 of the GDPR, data about health, racial or ethnic origin, political
opinions, religious or philosophical beliefs, trade union membership, genetic and biometric data,
and sex life or sexual orientation are special categories. Criminal convictions are covered by Article 10.
Companies should never send such data to translation vendors without a data processing agreement.

Invoice INV-2025-0091 and order 4500123456 from last week's conference are now settled.
Press contact: press@nordicdigest.example.com.
""",
        [],
    ),
    Doc(
        "genetic-counselling.xlf",
        "en",
        [
            ("Genetic counselling summary", "Oppsummering av genetisk veiledning"),
            (f"Patient: Hannah Elv Carter, Norwegian ID {FNR_PATIENT}", f"Pasient: Hannah Elv Carter, fødselsnummer {FNR_PATIENT}"),
            ("Genetic testing showed that Ms Carter carries a BRCA1 mutation.", "Gentesting viste at Carter er bærer av en BRCA1-mutasjon."),
            ("Her mother, Ruth Carter, had breast cancer at the age of 44.", "Moren hennes, Ruth Carter, hadde brystkreft da hun var 44 år."),
            ("Preventive surgery has been discussed with the patient.", "Forebyggende kirurgi er drøftet med pasienten."),
            ("Contact: Dr Amir Haddad, Department of Medical Genetics, Oslo University Hospital.",
             "Kontakt: lege Amir Haddad, Avdeling for medisinsk genetikk, Oslo universitetssykehus.", "Translate the department name as used by OUS."),
        ],
        [
            ("PERSON", "Hannah Elv Carter"),
            ("NO_FODSELSNUMMER", FNR_PATIENT),
            ("PERSON", "Carter"),
            ("GENETIC", "Genetic testing"),
            ("GENETIC", "Gentesting"),
            ("GENETIC", "BRCA1 mutation"),
            ("GENETIC", "BRCA1-mutasjon"),
            ("PERSON", "Ruth Carter"),
            ("HEALTH", "breast cancer"),
            ("HEALTH", "brystkreft"),
            ("HEALTH", "Preventive surgery"),
            ("HEALTH", "Forebyggende kirurgi"),
            ("PERSON", "Amir Haddad"),
            ("PERSON", "Tor Kristian Bye"),
        ],
        meta={"target": "nb", "author": "Tor Kristian Bye", "original": "genetic_summary_carter.docx"},
    ),
    Doc(
        "access-control.tmx",
        "en",
        [
            ("The employee Milan Horváth is of Roma origin and asked for the interview to be held in Romani.",
             "Medarbejderen Milan Horváth er af romaoprindelse og bad om, at samtalen blev holdt på romani.", "lise.w"),
            ("His fingerprint template is stored in the access control system at gate 3.",
             "Hans fingeraftryksskabelon er gemt i adgangskontrolsystemet ved port 3.", "lise.w"),
            ("Facial recognition data from the entrance camera are deleted after 30 days.",
             "Ansigtsgenkendelsesdata fra kameraet ved indgangen slettes efter 30 dage.", "lise.w"),
            (f"Employee CPR number: {CPR_TM}.", f"Medarbejderens CPR-nummer: {CPR_TM}.", "k.storm"),
            ("The system is supplied by Storm Security A/S under contract 2024-118.",
             "Systemet leveres af Storm Security A/S under kontrakt 2024-118.", "k.storm"),
        ],
        [
            ("PERSON", "Milan Horváth"),
            ("ETHNICITY", "Roma"),
            ("ETHNICITY", "Romani"),
            ("ETHNICITY", "romaoprindelse"),
            ("BIOMETRIC", "fingerprint"),
            ("BIOMETRIC", "fingeraftryksskabelon"),
            ("DK_CPR", CPR_TM),
            ("PERSON", "lise.w"),
            ("PERSON", "k.storm"),
        ],
        meta={"target": "da"},
    ),
]

DOCS.append(
    Doc(
        "helpdesk.po",
        "en",
        [
            ("Ticket %s has been closed.", "Ticket %s has been closed."),
            ("Colour settings", "Colour settings", "#. en_GB spelling of the US source"),
            ("Assigned to: Grace Okonkwo-Lie", "Assigned to: Grace Okonkwo-Lie",
             "# Note from Oliver Storm Hughes: sample ticket taken from the live system"),
            ("Caller phone: +47 481 23 456, e-mail grace.ol@example.org", "Caller phone: +47 481 23 456, e-mail grace.ol@example.org"),
            ("The caller said she is off work with long COVID.", "The caller said she is off work with long COVID."),
            ("Escalate to Storm Support Ltd for hardware faults.", "Escalate to Storm Support Ltd for hardware faults."),
        ],
        [
            ("PERSON", "Oliver Storm Hughes"),
            ("EMAIL_ADDRESS", "oliver.hughes@example.co.uk"),
            ("PERSON", "Grace Okonkwo-Lie"),
            ("PHONE_NUMBER", "+47 481 23 456"),
            ("EMAIL_ADDRESS", "grace.ol@example.org"),
            ("HEALTH", "off work"),
            ("HEALTH", "long COVID"),
        ],
        meta={
            "author": "Oliver Storm Hughes <oliver.hughes@example.co.uk>",
            "team": "English (UK) <en-gb@helpdesk.example.com>",
            "project": "Helpdesk 5.1",
            "header_comment": "British English localisation of Helpdesk.",
        },
    )
)
