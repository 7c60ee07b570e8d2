"""Sentence-level detection of special-category statements about a person.

A sentence is reported for a category when it holds evidence of the category (a lexicon
term, or a diagnosis code next to a health cue) *and* a signal that it is about a
specific person (see :mod:`.persons`). Evidence is dropped when

* it is a ``context_only`` word without a cue of its category ("Høyre" without
  "stemmer", "medlem", "partiet"...);
* it is the subject matter of the sentence ("en bok om kreft", "underviser i religion");
* it is part of a name: a given name ("Kristen", "Umar Islam") or a capitalised
  institution ("Kræftens Bekæmpelse", "the Cancer Society");
* it is governed by talk about data ("opplysninger om helse"), or the sentence lists
  several categories in the voice of a privacy notice: such a sentence describes kinds
  of data, it says nothing about anybody.

The span of a finding is the whole expression: modifiers written apart are taken in
("peanut allergy"), and neighbouring evidence of one category is one finding
("antidepressiv medicin"), so the copy keeps no half of a diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .codes import code_system, find_codes
from .fragments import opens_with_fragment, person_named_in
from .lexicon import (
    CATEGORIES,
    Lexicon,
    Term,
    alternatives,
    load_lexicon,
    part_matches,
    stem_position,
    term_index,
    word_matches,
)
from .persons import PersonSignal, has_strong_signal, is_name, person_signals
from .text import Token, split_sentences, tokenize

# How far after a meta cue ("opplysninger om") a term counts as governed by it.
META_REACH = 6
# Words written apart before a term that still belong to it: "left breast cancer".
MAX_MODIFIERS = 2
# Shortest cue that counts for a name that is also a common word opening a sentence ("Delta i ...").
MIN_START_CUE = 4
SCORE_WORD = 0.85
SCORE_CONTEXT = 0.75
SCORE_CODE = 0.8
SCORE_ADDRESSEE = 0.6
ENTITY_BONUS = 0.1
_CONDITIONALS = {"hvis", "dersom", "viss", "om", "if", "should", "unless"}
_CONJUNCTIONS = {"og", "eller", "samt", "and", "or", ","}
_DETERMINERS = {"a", "an", "the", "en", "et", "ei", "ein", "eit", "den", "det"}
_ACTIVITY_PREPOSITIONS = {"i", "innen", "innan", "inden", "på", "in", "into", "on", "of"}
_POSSESSIVES = {
    "nb": {"hans", "hennes", "sin", "sitt", "sine", "mi", "min", "mitt", "mine", "hens"},
    "nn": {"hans", "hennar", "sin", "sitt", "sine", "mi", "min", "mitt", "mine"},
    "da": {"hans", "hendes", "sin", "sit", "sine", "min", "mit", "mine", "hens"},
    "en": {"his", "her", "my", "their"},
}


@dataclass(frozen=True)
class Evidence:
    """A term or code of a category found in a sentence (document offsets)."""

    category: str
    start: int
    end: int
    text: str
    term: str
    kind: str


@dataclass
class SpecialFinding:
    """A special-category statement about a person: the evidence and why it counts."""

    category: str
    start: int
    end: int
    evidence: str
    term: str
    kind: str
    score: float
    sentence_start: int
    sentence_end: int
    person_signals: list[str] = field(default_factory=list)


@dataclass
class SentenceAnalysis:
    """Everything found in one sentence, kept and dropped, for explanation and tests."""

    start: int
    end: int
    evidence: list[Evidence]
    signals: list[PersonSignal]
    findings: list[SpecialFinding]
    dropped: list[tuple[Evidence, str]]

    @property
    def categories(self) -> set[str]:
        return {finding.category for finding in self.findings}


def _term_at(token: Token, tokens: list[Token], term: Term, lexicon: Lexicon) -> int:
    """Number of tokens the term covers from ``token`` on, 0 when it does not match."""
    language = lexicon.language
    parts = term.parts
    if len(parts) > 1:
        if token.index + len(parts) > len(tokens):
            return 0
        words = tokens[token.index : token.index + len(parts)]
        if term.case_sensitive:
            ok = all(
                any(word.text.startswith(choice) for choice in alternatives(part)) for word, part in zip(words, parts)
            )
        else:
            ok = all(part_matches(word.lower, part.lower(), language) for word, part in zip(words, parts))
        return len(parts) if ok else 0
    if term.case_sensitive:
        text = token.text.rstrip("’'")
        if term.kind == "stem":
            return 1 if text.startswith(term.text) else 0
        return 1 if word_matches(text, term.text, language) or text.startswith(term.text + "-") else 0
    lower = token.lower
    if _excluded(lower, lexicon):
        return 0
    pieces = [lower] + (lower.split("-") if "-" in lower.strip("-") else [])
    if term.kind == "stem":
        position = stem_position(lower, term.text)
        if position < 0:
            return 0
        rest = lower[position + len(term.text) :].lstrip("-")
        for head in lexicon.helper("head_exclude"):
            # Linking letters between the parts of a compound: "diabetes|forbundet", "kreft|s|...".
            for link in ("", "s", "e", "es"):
                if rest.startswith(link + head.text):
                    return 0
        return 1
    return 1 if any(word_matches(piece, term.text, language) for piece in pieces) else 0


def _excluded(lower: str, lexicon: Lexicon) -> bool:
    for excluded in lexicon.helper("exclude"):
        text = excluded.text
        if lower.startswith(text) or (len(text) >= 6 and text in lower):
            return True
    return False


def _has_cue(tokens: list[Token], term: Term, lexicon: Lexicon, exclude: tuple[int, int]) -> bool:
    if term.neighbours:
        # "ektemannen hans": the word must stand right next to the term, not anywhere in the sentence.
        first, last = exclude
        before = tokens[first - 1] if first > 0 else None
        after = tokens[last] if last < len(tokens) else None
        # Only a plain space between: in "her husband, his brother" the "his" belongs to the brother.
        return (before is not None and tokens[first].start - before.end <= 1 and before.lower in term.neighbours) or (
            after is not None and after.start - tokens[last - 1].end <= 1 and after.lower in term.neighbours
        )
    cues = [Term(cue, term.category, "cue") for cue in term.own_cues] or lexicon.cues.get(term.category, [])
    if exclude[0] == 0 and "common-word" in term.notes:
        # "Delta i møtet", "Venstre hånd": first in a sentence the capital proves nothing, and a
        # preposition cue ("i", "for") fits the ordinary word as well as the name.
        cues = [cue for cue in cues if len(cue.text) >= MIN_START_CUE]
    for cue in cues:
        for token in tokens:
            if exclude[0] <= token.index < exclude[1]:
                # The term's own word, except the other half of a hyphenated compound: "SV-politiker".
                if "-" in token.lower.strip("-") and any(
                    stem_position(piece, cue.text.lower()) >= 0 for piece in token.lower.split("-")[1:]
                ):
                    return True
                continue
            if cue.case_sensitive:
                if token.text.startswith(cue.text):
                    return True
            elif len(cue.parts) > 1:
                if token.index + len(cue.parts) <= len(tokens) and all(
                    part_matches(tokens[token.index + k].lower, part, lexicon.language)
                    for k, part in enumerate(cue.parts)
                ):
                    return True
            elif stem_position(token.lower, cue.text) >= 0:
                return True
    return False


def _meta_positions(tokens: list[Token], lexicon: Lexicon) -> list[int]:
    """Token index just after each meta cue ("opplysninger om" -> the word after "om")."""
    positions = []
    for meta in lexicon.helper("meta"):
        parts = tuple(part.lower() for part in meta.parts)
        for token in tokens:
            if not token.lower.startswith(parts[0]):
                continue
            if token.index + len(parts) <= len(tokens) and all(
                part_matches(tokens[token.index + k].lower, part, lexicon.language)
                for k, part in enumerate(parts)
            ):
                positions.append(token.index + len(parts))
    return positions


def _is_topic(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """The term is what the sentence is about, not a fact about someone ("en bok om kreft").

    Looks back over a coordination ("om kreft og diabetes", "underviser i religion og
    livssyn") for a topic preposition, or an activity followed by "i"/"innen"/"in".
    """
    possessives = _POSSESSIVES[lexicon.language]
    # The term owned by someone is not a topic: "om kreften hans", "about her cancer".
    around = [tokens[i].lower for i in range(max(0, index - 1), min(len(tokens), index + 3))]
    if any(word in possessives for word in around) or (index > 0 and is_name(tokens[index - 1])):
        return False
    topics = {term.text for term in lexicon.helper("topic")}
    activities = lexicon.helper("activity")
    for position in range(index - 1, max(-1, index - 6), -1):
        between = [token.lower for token in tokens[position + 1 : index]]
        if between and not (set(between) & _CONJUNCTIONS) and not set(between) <= _DETERMINERS:
            break
        word = tokens[position].lower
        if word in topics:
            return True
        if word in _ACTIVITY_PREPOSITIONS and position > 0 and any(
            stem_position(tokens[position - 1].lower, activity.text) == 0 for activity in activities
        ):
            return True
    return False


def find_evidence(
    tokens: list[Token], sentence: str, sentence_start: int, lexicon: Lexicon
) -> list[tuple[Evidence, int, int, Term | None]]:
    """All evidence in a sentence with the token range it covers and the lexicon row."""
    found: list[tuple[Evidence, int, int, Term | None]] = []
    covered: set[int] = set()
    language = lexicon.language
    index = term_index(language)
    matches = []
    for token in tokens:
        for order in index.candidates(token):
            term = index.terms[order]
            length = _term_at(token, tokens, term, lexicon)
            if length:
                matches.append((-len(term.parts), order, token.index, length, term))
    # Longer (phrase) terms first, so "seksuell legning" wins over a shorter overlapping term;
    # then lexicon order, then position.
    for _, _, first, length, term in sorted(matches, key=lambda match: match[:3]):
        token = tokens[first]
        if token.index in covered:
            continue
        if length == 1 and not term.case_sensitive and _used_as_name(token, tokens, language):
            continue
        last = tokens[token.index + length - 1]
        if not term.case_sensitive and _in_proper_name(tokens, token.index, token.index + length):
            continue
        evidence = Evidence(
            term.category,
            token.start,
            last.end,
            sentence[token.start - sentence_start : last.end - sentence_start],
            term.text,
            term.kind,
        )
        found.append((evidence, token.index, token.index + length, term))
        covered.update(range(token.index, token.index + length))
    found = [_with_modifiers(item, tokens, sentence, sentence_start, lexicon, covered) for item in found]
    for start, end, code in find_codes(sentence):
        evidence = Evidence("health", sentence_start + start, sentence_start + end, code, code_system(code), "code")
        index = next((token.index for token in tokens if token.start == sentence_start + start), -1)
        found.append((evidence, index, index + 1, None))
    return found


def _with_modifiers(
    item: tuple[Evidence, int, int, Term | None],
    tokens: list[Token],
    sentence: str,
    sentence_start: int,
    lexicon: Lexicon,
    covered: set[int],
) -> tuple[Evidence, int, int, Term | None]:
    """Grow the evidence over the modifiers written apart before it ("peanut allergy", "long COVID").

    English writes apart what Norwegian and Danish compound ("nøtteallergi"): without this the
    copy would keep "severe peanut [HEALTH]", which still tells the diagnosis.
    """
    evidence, first, last, term = item
    modifiers = [m.text.lower() for m in lexicon.helper("modifier") if m.category == evidence.category]
    start = first
    while modifiers and first - start < MAX_MODIFIERS and start > 0 and start - 1 not in covered:
        previous = tokens[start - 1]
        gap = sentence[previous.end - sentence_start : tokens[start].start - sentence_start]
        if gap.strip() or not any(word_matches(previous.lower, word, lexicon.language) for word in modifiers):
            break
        start -= 1
    if start == first:
        return item
    covered.update(range(start, first))
    begin = tokens[start].start
    grown = replace(evidence, start=begin, text=sentence[begin - sentence_start : evidence.end - sentence_start])
    return grown, start, last, term


def _in_proper_name(tokens: list[Token], first: int, last: int) -> bool:
    """Evidence inside a capitalised name mid-sentence: "Kræftens Bekæmpelse", "the Cancer Society"."""
    if first == 0 or not tokens[first].is_capitalised:
        return False
    following = tokens[last] if last < len(tokens) else None
    return following is not None and following.is_capitalised and not following.text.isupper()


def _used_as_name(token: Token, tokens: list[Token], language: str) -> bool:
    """A given name that is also a term ("Kristen", "Christian"): a name when it looks like one."""
    if not token.is_capitalised or not is_name(token):
        return False
    following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if following is not None and following.is_capitalised:
        return True
    previous = tokens[token.index - 1] if token.index > 0 else None
    if previous is not None and previous.is_capitalised and is_name(previous):
        return True  # a surname: "Umar Islam"
    # Bokmål, Nynorsk and Danish write religions and nationalities in lower case.
    return language != "en" and token.index > 0


def analyse_sentence(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    entity_spans: tuple[tuple[int, int], ...] = (),
    names_person: Callable[[], bool] | None = None,
) -> SentenceAnalysis:
    """Evidence, person signals and the resulting findings of one sentence.

    ``names_person`` tells whether the whole text names a person: a subjectless line ("Sykmeldt",
    "Medlem av ...") is then about that person (see :mod:`.fragments`).
    """
    sentence = text[start:end]
    analysis = SentenceAnalysis(start, end, [], [], [], [])
    tokens = tokenize(sentence, offset=start)
    candidates = find_evidence(tokens, sentence, start, lexicon)
    if not candidates:
        return analysis
    analysis.evidence = [evidence for evidence, _, _, _ in candidates]
    signals = person_signals(tokens, sentence, start, lexicon, entity_spans)
    signals.extend(_owner_signals(tokens, candidates, lexicon))
    # A name inside an evidence span is not a person signal ("Kristen" taken as a term is not a
    # name); a role noun is, also when it is evidence itself ("Tiltalte", "den domfelte").
    strong = has_strong_signal(
        [s for s in signals if s.kind != "name" or not any(e.start <= s.start < e.end for e in analysis.evidence)]
    )
    addressed = any(not signal.strong for signal in signals)
    if not strong and not addressed and names_person is not None:
        opening = opens_with_fragment(tokens, sentence, lexicon)
        if opening and names_person():
            signals.append(PersonSignal("fragment", tokens[0].start, tokens[opening - 1].end))
            strong = True
    analysis.signals = signals
    meta = _meta_positions(tokens, lexicon)
    categories = {evidence.category for evidence in analysis.evidence}
    listing = bool(meta) and (len(categories) >= 2 or sentence.count(",") >= 2)
    has_entity = any(signal.kind == "entity" for signal in signals)
    # "Hvis du skulle bli syk...", "If you send us...": the voice of notices and guides.
    hypothetical = any(token.lower in _CONDITIONALS for token in tokens[:3])
    introducing = _introducing_a_name(candidates, tokens)

    code_cue = Term("", "code" if "code" in lexicon.cues else "health", "code")
    kept: list[tuple[SpecialFinding, int, int]] = []
    uncued: list[tuple[Evidence, int, int]] = []
    for evidence, first, last, term in candidates:
        reason = ""
        if evidence.kind in ("context_only", "code") and not _has_cue(tokens, term or code_cue, lexicon, (first, last)):
            reason = "no context cue"
            uncued.append((evidence, first, last))
        elif first in introducing:
            # "the union Unio", "partiet Venstre": the name carries the fact; the noun says nothing more.
            reason = "introduces the name that follows"
        elif first >= 0 and evidence.kind != "code" and _is_topic(tokens, first, lexicon):
            reason = "subject matter, not a fact about a person"
        elif listing:
            reason = "lists categories of data"
        elif lexicon.language == "en" and _modifies_plural(tokens, last, sentence, start, evidence):
            reason = "describes a group, not a person"
        elif any(0 <= first - position < META_REACH for position in meta) and not _owned(tokens, meta, first, lexicon):
            reason = "governed by talk about data"
        elif not strong and not (addressed and not meta):
            reason = "no person"
        elif not strong and hypothetical:
            reason = "a hypothetical addressed to the reader"
        elif not strong and term is not None and "data-category" in term.notes:
            # "Send us no health information": a kind of data said to the reader, not a fact.
            reason = "kind of data addressed to the reader"
        if reason:
            analysis.dropped.append((evidence, reason))
            continue
        if evidence.kind == "code":
            score = SCORE_CODE
        elif evidence.kind == "context_only":
            score = SCORE_CONTEXT
        else:
            score = SCORE_WORD
        if not strong:
            score = SCORE_ADDRESSEE
        if has_entity:
            score = min(1.0, score + ENTITY_BONUS)
        finding = SpecialFinding(
            evidence.category,
            evidence.start,
            evidence.end,
            evidence.text,
            evidence.term,
            evidence.kind,
            round(score, 2),
            start,
            end,
            sorted({signal.kind for signal in signals}),
        )
        kept.append((finding, first, last))
    analysis.findings = _join_adjacent(kept, uncued, text, tokens, analysis)
    return analysis


_REFLEXIVES = {"nb": {"sin", "sitt", "sine"}, "nn": {"sin", "sitt", "sine"}, "da": {"sin", "sit", "sine"}, "en": set()}
# Words that may follow a phrase-closing reflexive: "epilepsien sin og ...", "diagnosen sin i fjor".
_AFTER_REFLEXIVE = frozenset(
    "og eller men i på for til med er var har hadde blir ble vart vert som at fordi etter før fra frå "
    "siden sidan sin sitt sine".split()
)
_KIND_STRENGTH = {"word": 3, "stem": 3, "code": 2, "context_only": 1}


def _owner_signals(
    tokens: list[Token], candidates: list[tuple[Evidence, int, int, Term | None]], lexicon: Lexicon
) -> list[PersonSignal]:
    """A reflexive possessive closing the term ("epilepsien sin", "diagnosen sin"): someone's own.

    Not the possessive of the term ("SV sitt program", "nazistane sin eigen ..."): there a noun
    phrase follows the reflexive and the term is the owner, so a name or a group may be meant.
    """
    reflexives = _REFLEXIVES[lexicon.language]
    signals = []
    for _, first, last, term in candidates:
        if first < 0 or last >= len(tokens) or tokens[last].lower not in reflexives:
            continue
        if term is not None and term.case_sensitive:
            continue  # a party or union name owning something: "Rødt sitt forslag"
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        closed = following is None or following.start - tokens[last].end > 1 or following.lower in _AFTER_REFLEXIVE
        if closed:
            signals.append(PersonSignal("owner", tokens[last].start, tokens[last].end))
    return signals


def _introducing_a_name(candidates: list[tuple[Evidence, int, int, Term | None]], tokens: list[Token]) -> set[int]:
    """First tokens of lower-case ``context_only`` nouns followed by a name of their category."""
    by_first = {first: (evidence, term) for evidence, first, _, term in candidates if first >= 0}
    introducing = set()
    for evidence, first, last, term in candidates:
        following = by_first.get(last)
        if (
            evidence.kind == "context_only"
            and first >= 0
            and not tokens[first].is_capitalised
            and following is not None
            and following[0].category == evidence.category
            and following[1] is not None
            and following[1].case_sensitive
        ):
            introducing.add(first)
    return introducing


def _join_adjacent(
    kept: list[tuple[SpecialFinding, int, int]],
    uncued: list[tuple[Evidence, int, int]],
    text: str,
    tokens: list[Token],
    analysis: SentenceAnalysis,
) -> list[SpecialFinding]:
    """One finding for neighbouring evidence of one category: "antidepressiv medisin", "BRCA1 mutation".

    Two placeholders side by side tell no more than one, and the expression is one fact. A
    cue-bound word next to kept evidence of its category is taken in: the neighbour is its
    context ("blodfortynnende medisin"). A lower-case noun before a name stays apart.
    """
    pieces = sorted(
        [(first, last, finding) for finding, first, last in kept]
        + [(first, last, evidence) for evidence, first, last in uncued if first >= 0],
        key=lambda piece: (piece[0], -piece[1]),
    )
    groups: list[list[tuple[int, int, SpecialFinding | Evidence]]] = []
    for piece in pieces:
        if groups and _adjacent(groups[-1][-1], piece, text, tokens):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    findings = [finding for finding, first, _ in kept if first < 0]  # codes without a token stay as they are
    for group in groups:
        members = [item for _, _, item in group]
        chosen = [item for item in members if isinstance(item, SpecialFinding)]
        if not chosen:
            continue
        if len(members) == 1:
            findings.append(chosen[0])
            continue
        absorbed = {id(item) for item in members if isinstance(item, Evidence)}
        analysis.dropped = [(evidence, reason) for evidence, reason in analysis.dropped if id(evidence) not in absorbed]
        strongest = max(members, key=lambda item: _KIND_STRENGTH.get(item.kind, 0))
        begin, finish = members[0].start, max(item.end for item in members)
        findings.append(
            replace(
                chosen[0],
                start=begin,
                end=finish,
                evidence=text[begin:finish],
                term=" ".join(item.term for item in members),
                kind=strongest.kind,
                score=max(item.score for item in chosen),
            )
        )
    return sorted(findings, key=lambda finding: finding.start)


def _adjacent(left: tuple, right: tuple, text: str, tokens: list[Token]) -> bool:
    left_first, left_last, left_item = left
    right_first, _, right_item = right
    if right_first != left_last or left_item.category != right_item.category:
        return False
    if text[left_item.end : right_item.start].strip():
        return False  # a comma or a bracket between: "astma, diabetes" are two facts
    # "fagforeningen Fagforbundet": a lower-case noun before a name is an apposition, not one term.
    return not (not tokens[left_first].is_capitalised and tokens[right_first].is_capitalised and right_item.term[:1].isupper())


_GROUP_CATEGORIES = {"religion", "ethnicity", "political", "sexual_orientation"}
_NOT_PLURAL = {"his", "hers", "its", "this", "thus", "was", "has", "does", "goes", "always", "is", "as", "us", "yes", "less", "unless", "whereas"}


def _modifies_plural(tokens: list[Token], last: int, sentence: str, sentence_start: int, evidence: Evidence) -> bool:
    """English adjective before a plural noun: "Muslim groups", "Islamic fascists", "gay rights"."""
    if evidence.category not in _GROUP_CATEGORIES or last >= len(tokens):
        return False
    following = tokens[last]
    gap = sentence[evidence.end - sentence_start : following.start - sentence_start]
    word = following.lower
    return (
        gap.strip() == ""
        and not following.is_capitalised
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in _NOT_PLURAL
    )


def _owned(tokens: list[Token], meta: list[int], first: int, lexicon: Lexicon) -> bool:
    """A name or third-person possessive between the meta cue and the term: "opplysninger om Karis diagnose"."""
    position = max(p for p in meta if p <= first)
    possessives = _POSSESSIVES[lexicon.language] - {"sin", "sitt", "sine", "sit", "their"}
    between = tokens[position:first + 2]
    return any(token.lower in possessives or is_name(token) for token in between)


def analyse(text: str, language: str, entity_spans: tuple[tuple[int, int], ...] = ()) -> list[SentenceAnalysis]:
    """Analyse every sentence of ``text``."""
    lexicon = load_lexicon(language)
    names_person = person_named_in(text, entity_spans)
    return [
        analyse_sentence(text, start, end, lexicon, entity_spans, names_person) for start, end in split_sentences(text)
    ]


def find_special(text: str, language: str, entity_spans: tuple[tuple[int, int], ...] = ()) -> list[SpecialFinding]:
    """All special-category findings about a person in ``text``."""
    return [finding for sentence in analyse(text, language, entity_spans) for finding in sentence.findings]


def classify_sentences(text: str, language: str) -> list[tuple[int, int, set[str]]]:
    """``(start, end, categories)`` for every sentence; an empty set when it holds none."""
    return [(sentence.start, sentence.end, sentence.categories) for sentence in analyse(text, language)]


__all__ = ["CATEGORIES", "SpecialFinding", "analyse", "classify_sentences", "find_special"]
