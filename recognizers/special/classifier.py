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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import code_system, find_codes
from .lexicon import CATEGORIES, Lexicon, Term, load_lexicon, part_matches, stem_position, term_index, word_matches
from .persons import PersonSignal, has_strong_signal, is_name, person_signals
from .text import Token, split_sentences, tokenize

# How far after a meta cue ("opplysninger om") a term counts as governed by it.
META_REACH = 6
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
            ok = all(word.text.startswith(part) for word, part in zip(words, parts))
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
    cues = [Term(cue, term.category, "cue") for cue in term.own_cues] or lexicon.cues.get(term.category, [])
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
    for start, end, code in find_codes(sentence):
        evidence = Evidence("health", sentence_start + start, sentence_start + end, code, code_system(code), "code")
        index = next((token.index for token in tokens if token.start == sentence_start + start), -1)
        found.append((evidence, index, index + 1, None))
    return found


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
) -> SentenceAnalysis:
    """Evidence, person signals and the resulting findings of one sentence."""
    sentence = text[start:end]
    analysis = SentenceAnalysis(start, end, [], [], [], [])
    tokens = tokenize(sentence, offset=start)
    candidates = find_evidence(tokens, sentence, start, lexicon)
    if not candidates:
        return analysis
    analysis.evidence = [evidence for evidence, _, _, _ in candidates]
    signals = person_signals(tokens, sentence, start, lexicon, entity_spans)
    analysis.signals = signals
    # Evidence spans are not person signals ("Kristen" taken as a term is not a name).
    strong = has_strong_signal(
        [s for s in signals if not any(e.start <= s.start < e.end for e in analysis.evidence) or s.kind == "entity"]
    )
    addressed = any(not signal.strong for signal in signals)
    meta = _meta_positions(tokens, lexicon)
    categories = {evidence.category for evidence in analysis.evidence}
    listing = bool(meta) and (len(categories) >= 2 or sentence.count(",") >= 2)
    has_entity = any(signal.kind == "entity" for signal in signals)
    # "Hvis du skulle bli syk...", "If you send us...": the voice of notices and guides.
    hypothetical = any(token.lower in _CONDITIONALS for token in tokens[:3])

    code_cue = Term("", "health", "code")
    for evidence, first, last, term in candidates:
        reason = ""
        if evidence.kind in ("context_only", "code") and not _has_cue(tokens, term or code_cue, lexicon, (first, last)):
            reason = "no context cue"
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
        analysis.findings.append(
            SpecialFinding(
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
        )
    return analysis


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
    return [analyse_sentence(text, start, end, lexicon, entity_spans) for start, end in split_sentences(text)]


def find_special(text: str, language: str, entity_spans: tuple[tuple[int, int], ...] = ()) -> list[SpecialFinding]:
    """All special-category findings about a person in ``text``."""
    return [finding for sentence in analyse(text, language, entity_spans) for finding in sentence.findings]


def classify_sentences(text: str, language: str) -> list[tuple[int, int, set[str]]]:
    """``(start, end, categories)`` for every sentence; an empty set when it holds none."""
    return [(sentence.start, sentence.end, sentence.categories) for sentence in analyse(text, language)]


__all__ = ["CATEGORIES", "SpecialFinding", "analyse", "classify_sentences", "find_special"]
