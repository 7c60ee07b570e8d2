"""PERSON: names in form fields, salutations and signatures (rules, next to the NER model).

Basis: a name is the first kind of personal data; a statistical NER model misses names in
the places where they are most certain: after a form label, a greeting or a sign-off.

Format: on the line above a street address (the address block of a letter), after a label (``Navn:``, ``Pasient:``, ``Elev:``, ``Kunde:``, ``Kontaktperson:``,
``Name:``...), a greeting (``Kjære``, ``Hei``, ``Hej``, ``Kære``, ``Dear``...) or a sign-off
on the line above (``Med vennlig hilsen``, ``Venlig hilsen``, ``Mvh``, ``Best regards``),
1-4 capitalised name tokens; hyphenated names and particles (``van``, ``de``, ``von``,
``af``) are allowed; the name stops at the line end or punctuation. Words that are not
names (``Kjære kunde``, ``Dear Sir``) and organisation words (``Regnskapsavdelingen``,
``Advokatfirmaet Nord``) are refused.

Fictitious examples: "Navn: Kari Fjellstad-Berg", "Kære Mette", "Mvh\\nOla Nordby".

Scoring: form label (``Navn:``, a tab or a table bar after it) 0.85, label alone on the
line (or table cell) above 0.8, sign-off 0.8,
introduction (``Jeg heter``, ``Mit navn er``, ``Undertegnede,``) 0.8, address block and
greeting 0.75.
"""

from __future__ import annotations

import re
from typing import Optional

from recognizers.address import STREET_AND_NUMBER
from recognizers.base import NordicRecognizer
from recognizers.context import ContextHit

_UPPER = "A-ZÆØÅÄÖÜÉ"
_LOWER = "a-zæøåäöüéèáíóúñ"
_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]\."
_PARTICLE = r"(?:van|von|de|der|den|af|la|le|di|da|dos|du|ter|ten)"
_NAME = rf"(?:{_TOKEN})(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}(?:{_TOKEN})){{0,3}}"

LABELS = (
    "navn", "fullt navn", "fullt namn", "namn", "fornavn", "etternavn", "efternavn", "pasient",
    "patient", "pasientens navn", "elev", "kunde", "kontaktperson", "søker", "ansøger",
    "arbeidstaker", "arbejdstager", "ansatt", "medarbejder", "borger", "bruker", "klient",
    "verge", "pårørende", "pårørande", "partner", "ektefelle", "ægtefælle", "mor", "far",
    "barn", "name", "full name", "applicant", "employee", "client", "contact person",
    "signatur", "underskrift", "fra", "til", "from", "to", "attn", "att", "v/", "c/o",
    "saksbehandler", "sagsbehandler", "lege", "læge", "fastlege", "doctor", "oversetter",
    "translator", "leietaker", "lejer", "utleier", "udlejer", "kjøper", "køber", "selger",
    "sælger", "forelder", "foresatt", "føresett", "føresette", "arbeidstakar", "søkjar",
    "søkjaren", "tilsett", "medarbeider", "mottaker", "mottakar", "modtager", "deltaker",
    "deltakar", "deltager", "beboer", "beboar", "huseier", "husejer", "eier", "ejer",
)
GREETINGS = ("kjære", "kjaere", "hei", "hallo", "heisann", "hej", "kære", "dear", "hello", "hi", "god dag", "goddag")
SIGN_OFFS = (
    "med vennlig hilsen", "vennlig hilsen", "med venleg helsing", "venleg helsing", "helsing",
    "hilsen", "med venlig hilsen", "venlig hilsen", "de bedste hilsner", "bedste hilsner",
    "mvh", "vh", "best regards", "kind regards", "regards", "sincerely", "yours sincerely",
    "beste hilsen", "varm hilsen", "hilsner", "med helsing", "med hilsen", "mange hilsener",
    "de beste hilsener", "med venlig hilsen og god dag",
)
NOT_NAMES = {
    "sir", "madam", "kunde", "kunder", "alle", "all", "team", "kollega", "kollegaer", "deg",
    "dere", "jer", "dig", "leder", "mr", "mrs", "ms", "dr", "frue", "herre", "hr", "fru",
    "as", "asa", "aps", "a/s", "ab", "oy", "ltd", "inc", "gmbh", "ks", "da", "ans", "sa",
    "igjen", "igen", "og", "på", "der", "du", "venner", "everyone", "there", "again",
    "norge", "danmark", "oslo", "bergen", "københavn", "aarhus", "avdeling", "afdeling",
    "kundeservice", "support", "nav", "skatteetaten", "kommune", "sykehus", "hospital",
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "desember", "december", "marts", "maj", "mandag", "tirsdag",
    "onsdag", "torsdag", "fredag", "lørdag", "søndag", "ja", "nei", "nej", "ingen", "se",
    # Job sheets of translation agencies say "Fra: Engelsk / Til: Norsk".
    "norsk", "bokmål", "nynorsk", "dansk", "svensk", "engelsk", "tysk", "fransk", "spansk",
    "italiensk", "finsk", "islandsk", "polsk", "russisk", "arabisk", "kinesisk", "japansk",
    "nederlandsk", "hollandsk", "portugisisk", "ukrainsk", "somali", "tigrinja", "english",
    "norwegian", "danish", "swedish", "german", "french", "spanish", "finnish", "polish",
    "dutch", "italian", "russian", "arabic", "chinese", "kildespråk", "målspråk", "kildesprog",
    "målsprog",
}


# Words that end organisation names in greetings and sign-offs ("Hilsen\nRegnskapsavdelingen").
ORG_ENDINGS = (
    "avdelingen", "afdelingen", "firmaet", "firma", "kontoret", "kontor", "teamet", "gruppen",
    "senteret", "centret", "etaten", "direktoratet", "kommune", "selskapet", "selskab",
    "banken", "forbundet", "foreningen", "forening", "klinikken", "sykehuset", "hospitalet",
    "skolen", "skole", "barnehagen", "tingrett", "byret", "sekretariatet", "service", "styret",
    "bestyrelsen", "ledelsen", "redaksjonen", "redaktionen", "regnskap", "support", "byrå",
    "bureau", "gruppe", "team", "institutt", "instituttet", "universitet", "universitetet",
)


def _alts(words: tuple[str, ...]) -> str:
    return "|".join(sorted((w.replace(".", r"\.").replace(" ", r"[ \u00a0]+").replace("/", "/") for w in words), key=len, reverse=True))


class PersonRuleRecognizer(NordicRecognizer):
    """Names after labels, greetings and sign-offs; see the module docstring."""

    ENTITY = "PERSON"
    PATTERNS = (
        ("label", rf"(?:^|[\t|;(]|(?<=[.!?] ))[ \t]*(?i:{_alts(LABELS)})(?:[ \t]*[:=][ \t]*|[ ]*[\t|][ \t]*)(?P<v>{_NAME})(?=[ \t]*(?:$|[\n,;.()|\t]|[ ][a-zæøå(]))"),
        # Table cells arrive as separate segments: "Navn\n\nKari Nordby".
        ("label above", rf"^[ \t]*(?i:{_alts(LABELS)})[ \t]*:?[ \t]*\n{{1,2}}[ \t]*(?P<v>{_NAME})[ \t]*$"),
        ("sign-off", rf"(?:^|(?<=[.!?] ))[ \t]*(?i:{_alts(SIGN_OFFS)})[ \t]*,?[ \t]*\n+[ \t]*(?P<v>{_NAME})[ \t]*(?=$|\n|,)"),
        ("introduction", rf"(?i:(?<![\w])(?:jeg heter|eg heiter|jeg hedder|mitt navn er|mit navn er|my name is|undertegnede|underteikna|undertegnet|the undersigned),?)[ \t]+(?P<v>{_NAME})(?=[ \t]*(?:[,!.:;\n]|og\b|and\b|$))"),
        ("address block", rf"^[ \t]*(?P<v>{_NAME})[ \t]*\n[ \t]*(?:{STREET_AND_NUMBER}|(?i:postboks|c/o)\b)"),
        ("greeting", rf"(?i:(?<![\w])(?:{_alts(GREETINGS)}))[ \t]+(?P<v>{_NAME})(?=[ \t]*[,!.:\n]|$)"),
    )
    FLAGS = re.MULTILINE
    CHECK_RUNS = False

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        tokens = value.replace("\u00a0", " ").split()
        # Particles ("van der") are lowercase and never refused; capitalised words are.
        if any(t[0].isupper() and t.lower().rstrip(".") in NOT_NAMES for t in tokens):
            return None
        if tokens[-1].endswith(".") and len(tokens) == 1:
            return None
        if any(t.lower().endswith(ORG_ENDINGS) for t in tokens):
            return None
        # A single word above a street line is as often a heading ("Vedlegg") as a name.
        if pattern == "address block" and len(tokens) < 2:
            return None
        scores = {"label": 0.85, "label above": 0.8, "sign-off": 0.8, "introduction": 0.8, "address block": 0.75, "greeting": 0.75}
        return scores[pattern]
