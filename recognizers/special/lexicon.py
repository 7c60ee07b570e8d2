"""Lexicons of special-category evidence, one TSV file per language.

Each row of ``recognizers/data/special/<lang>.tsv`` is ``term<TAB>category<TAB>kind<TAB>notes``.
Nynorsk shares most of its vocabulary with Bokmål, so ``nn`` loads ``nb.tsv`` and then
``nn.tsv`` (the Nynorsk forms: "sjukmeld", "ho", "eg").

Kinds of evidence terms (``category`` is one of :data:`CATEGORIES`):

``word``
    a whole word, with the inflection endings of the language ("syk", "syke", "sykt").
``stem``
    a part of a word, so compounds and inflection match without a lemmatizer:
    "kreft" matches "brystkreft" and "kreftbehandlingen". Stems of five letters or more
    match anywhere in a word; shorter stems must start it ("hiv" in "hiv-positiv", not
    in "arkiv").
``context_only``
    a word that is sensitive only next to a ``cue`` of the same category in the same
    sentence: "Høyre" the party ("stemmer på Høyre") and not the direction.

Helper kinds (``category`` is ``-`` unless it is a cue):

``cue``          stem that makes a ``context_only`` term or a diagnosis code count.
``exclude``      never evidence although a term matches: a word start, or for six letters and
                 more any part of a word ("krefter" forces, "bekreftet" confirmed).
``head_exclude`` compound head after a stem that makes the compound non-sensitive:
                 "kreft" + "forening" is an organisation, "kreft" + "lege" an occupation.
``person``       a word that refers to a specific person: pronoun, role noun ("pasienten").
``addressee``    second person ("du", "din"): a person, but also the voice of privacy notices.
``meta``         words of talk *about* categories of data ("opplysninger om", "særlige
                 kategorier"): a sentence that lists categories is not about a person.
``topic``        a preposition that makes the next term a subject matter ("en bok om kreft").
``activity``     a trade or activity that makes "i"/"innen"/"in" + term a subject matter
                 ("underviser i religion", "forsvarer i straffesaker", "research into cancer").

A ``context_only`` term may name its own cues in the notes, ``cues=pasient,lege,innsyn``
(an underscore for a space): "journalen" needs medical words, not any health cue.

A ``context_only`` term may instead require a neighbouring word, ``next=hans,hennes`` (the word
just before or after it): "ektemannen hans" (his husband) says more than "ektemannen".

A term with an upper-case letter is matched case-sensitively ("Høyre", "KrF", "LO").
A ``context_only`` term whose notes say ``common-word`` is also an ordinary word ("Delta",
"Venstre"): first in a sentence only cues of four letters or more count for it.
A term whose notes say ``data-category`` names a kind of data ("helseopplysninger"): it
needs a third-person or first-person signal, "du"/"you" is not enough.
A Bokmål row whose notes say ``nb-only`` is not loaded for Nynorsk ("er same" is "er samme").
A term with spaces is a phrase; its words match as stems (four letters or more) or words.
A word of a phrase may list alternatives with ``|``: ``brukket|brakk arm|armen|foten`` (a fracture of
any of these body parts) is one row instead of a dozen.

Helper kinds that shape the evidence and the person signal:

``modifier``     a word that, written apart just before a term of its category, belongs to it:
                 "peanut" allergy, "breast" cancer, "forebyggende" kirurgi. The evidence span
                 grows over it, so the copy does not keep half of the diagnosis.
``fragment``     a phrase that opens a line with no subject, as in CVs and list cells ("Medlem
                 av ...", "Sykmeldt", "On sick leave until ..."): such a line is about the person
                 the document names elsewhere.
``cue`` with category ``code``: the cues of diagnosis codes, stricter than the health cues
                 ("diagnose", "ICD-10"; not "til" or "har", which make "Volvo V70" a code).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

CATEGORIES = (
    "health",
    "religion",
    "ethnicity",
    "political",
    "trade_union",
    "sexual_orientation",
    "criminal",
    "genetic",
    "biometric",
)
TERM_KINDS = ("word", "stem", "context_only")
HELPER_KINDS = (
    "cue", "exclude", "head_exclude", "person", "addressee", "meta", "topic", "activity", "modifier", "fragment",
)
ANYWHERE_STEM_LENGTH = 5

# Endings a whole word may take: definite, plural, genitive, adjective agreement.
INFLECTIONS: dict[str, tuple[str, ...]] = {
    "nb": ("s", "e", "t", "n", "r", "ne", "en", "et", "a", "er", "ene", "ens", "ets", "es", "ar", "ane", "ers", "te", "de"),
    "nn": ("s", "e", "t", "n", "r", "ne", "en", "et", "a", "er", "ar", "ane", "ene", "ast", "ens", "es", "te", "de", "ne"),
    "da": ("s", "e", "t", "n", "r", "ne", "en", "et", "er", "ne", "erne", "ens", "ets", "es", "ede", "te"),
    "en": ("s", "'s", "’s", "es", "ed", "d", "ing"),
}
_SOURCES = {"nb": ("nb",), "nn": ("nb", "nn"), "da": ("da",), "en": ("en",)}


@dataclass(frozen=True)
class Term:
    """One lexicon row."""

    text: str
    category: str
    kind: str
    notes: str = ""

    @property
    def case_sensitive(self) -> bool:
        return self.text != self.text.lower()

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def own_cues(self) -> tuple[str, ...]:
        """Cues of this term only, from ``cues=a,b,c`` in the notes; they replace the category's cues."""
        return self._note_list("cues=")

    @property
    def neighbours(self) -> tuple[str, ...]:
        """Words one of which must stand just before or after the term, from ``next=a,b`` in the notes."""
        return self._note_list("next=")

    def _note_list(self, key: str) -> tuple[str, ...]:
        for piece in self.notes.split():
            if piece.startswith(key):
                return tuple(item.replace("_", " ") for item in piece[len(key) :].split(",") if item)
        return ()


@dataclass
class Lexicon:
    """All rows of one language, grouped by kind."""

    language: str
    terms: list[Term] = field(default_factory=list)
    cues: dict[str, list[Term]] = field(default_factory=dict)
    helpers: dict[str, list[Term]] = field(default_factory=dict)

    def helper(self, kind: str) -> list[Term]:
        return self.helpers.get(kind, [])

    def __len__(self) -> int:
        return len(self.terms)


def word_matches(token: str, word: str, language: str) -> bool:
    """``token`` is ``word`` or ``word`` plus an inflection ending (both lowercased)."""
    if token == word:
        return True
    if not token.startswith(word):
        return False
    return token[len(word) :] in INFLECTIONS[language]


def stem_position(token: str, stem: str) -> int:
    """Index of ``stem`` in ``token`` or -1; short stems only count at the start of a word part."""
    if len(stem) >= ANYWHERE_STEM_LENGTH:
        return token.find(stem)
    if token.startswith(stem):
        return 0
    # A hyphenated word: "covid-smittet", "anti-hiv".
    position = token.find("-" + stem)
    return position + 1 if position >= 0 else -1


def alternatives(part: str) -> tuple[str, ...]:
    """The words a phrase part stands for: ``arm|armen|foten`` is any of the three."""
    return tuple(word for word in part.split("|") if word)


def part_matches(token: str, part: str, language: str) -> bool:
    """Match one word of a phrase: long parts as word starts, short ones as words."""
    for word in alternatives(part):
        if len(word) >= 4:
            if token.startswith(word):
                return True
        elif word_matches(token, word, language):
            return True
    return False


def _rows(name: str) -> list[Term]:
    path = resources.files("recognizers").joinpath("data", "special", f"{name}.tsv")
    rows = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line_number, row in enumerate(reader, start=1):
            if not row or row[0].startswith("#") or row[0] == "term":
                continue
            if len(row) < 3:
                raise ValueError(f"{name}.tsv line {line_number}: expected term, category, kind")
            term, category, kind = (cell.strip() for cell in row[:3])
            notes = row[3].strip() if len(row) > 3 else ""
            if kind in TERM_KINDS and category not in CATEGORIES:
                raise ValueError(f"{name}.tsv line {line_number}: unknown category {category!r}")
            if kind not in TERM_KINDS + HELPER_KINDS:
                raise ValueError(f"{name}.tsv line {line_number}: unknown kind {kind!r}")
            rows.append(Term(term, category, kind, notes))
    return rows


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """Load and group the lexicon rows for ``language`` ("nb", "nn", "da", "en")."""
    if language not in _SOURCES:
        raise ValueError(f"no special-category lexicon for language {language!r}")
    lexicon = Lexicon(language)
    for name in _SOURCES[language]:
        for term in _rows(name):
            if language != name and "nb-only" in term.notes:
                continue  # a Bokmål row that means something else in Nynorsk ("same" is "samme")
            if term.kind in TERM_KINDS:
                lexicon.terms.append(term)
            elif term.kind == "cue":
                lexicon.cues.setdefault(term.category, []).append(term)
            else:
                lexicon.helpers.setdefault(term.kind, []).append(term)
    return lexicon


_CANDIDATE_CACHE_WORDS = 100_000  # distinct words whose candidates are kept (a few MB)


class TermIndex:
    """Candidate terms for a token by dictionary look-ups, so a sentence is not compared with
    every row. It may propose too many candidates, never too few: each one is then checked
    with the full matching rules."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.language = lexicon.language
        self.terms = sorted(lexicon.terms, key=lambda term: -len(term.parts))
        self.endings = INFLECTIONS[lexicon.language]
        self.by_word: dict[str, list[int]] = {}
        self.by_prefix: dict[str, list[int]] = {}
        self.by_infix: dict[str, list[int]] = {}
        self._cache: dict[str, set[int]] = {}
        for order, term in enumerate(self.terms):
            for first in alternatives(term.parts[0].lower()):
                self._add(order, term, first)

    def _add(self, order: int, term: Term, first: str) -> None:
        if term.kind == "stem" and len(term.parts) == 1 and not term.case_sensitive:
            if len(first) >= ANYWHERE_STEM_LENGTH:
                self.by_infix.setdefault(first[:ANYWHERE_STEM_LENGTH], []).append(order)
            else:
                self.by_word.setdefault(first, []).append(order)
                self.by_prefix.setdefault(first, []).append(order)
        elif len(first) >= 4 and (len(term.parts) > 1 or term.kind == "stem"):
            self.by_prefix.setdefault(first[:4], []).append(order)
        else:
            self.by_word.setdefault(first, []).append(order)
            if len(first) >= 4:
                self.by_prefix.setdefault(first[:4], []).append(order)

    def _bases(self, word: str) -> set[str]:
        bases = {word}
        for ending in self.endings:
            if word.endswith(ending) and len(word) > len(ending):
                bases.add(word[: -len(ending)])
        return bases

    def candidates(self, token) -> set[int]:
        """The candidates of a token; the same set for the same word (sentences repeat their words,
        the look-ups were a fifth of the special-category analysis): do not change it."""
        lower = token.lower.rstrip("’'")
        found = self._cache.get(lower)
        if found is None:
            if len(self._cache) >= _CANDIDATE_CACHE_WORDS:
                self._cache.clear()
            found = self._cache[lower] = self._candidates(lower)
        return found

    def _candidates(self, lower: str) -> set[int]:
        pieces = {lower} | set(lower.split("-"))
        found: set[int] = set()
        for piece in pieces:
            if not piece:
                continue
            for base in self._bases(piece):
                found.update(self.by_word.get(base, ()))
            found.update(self.by_prefix.get(piece[:4], ()))
            for length in range(1, 4):
                found.update(self.by_prefix.get(piece[:length], ()))
        for position in range(max(0, len(lower) - ANYWHERE_STEM_LENGTH + 1)):
            found.update(self.by_infix.get(lower[position : position + ANYWHERE_STEM_LENGTH], ()))
        return found


@lru_cache(maxsize=None)
def term_index(language: str) -> TermIndex:
    """The cached :class:`TermIndex` of a language."""
    return TermIndex(load_lexicon(language))
