"""Lines without a subject that are about the person a document names elsewhere.

A CV line "Medlem av Arbeiderpartiet siden 2019", a spreadsheet cell "Sykmeldt" or "Tillitsvalgt
for Fellesforbundet" in an employee's row and "On sick leave until 31 March" name nobody, yet
each says something about the person of the CV or of the row. Such a line counts as about a
person when

* it opens with a ``fragment`` phrase of the lexicon (a predicate: "medlem av", "sykmeldt",
  "member of", "on sick leave"), matched as whole words, not as stems: "Medlemmer av
  fagforeningen får rabatt" speaks of a group;
* it is short, and not a question ("Sykmeldt? Dette må du vite" is a guide's heading);
* the analysed text names a person somewhere (a person entity, a known name, an identity number).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .lexicon import Lexicon, alternatives, word_matches
from .persons import has_id_number, is_name
from .text import Token, tokenize

FRAGMENT_MAX_TOKENS = 20


def opens_with_fragment(tokens: list[Token], sentence: str, lexicon: Lexicon) -> int:
    """Number of tokens of the fragment phrase that opens the sentence, 0 when none does."""
    if not tokens or len(tokens) > FRAGMENT_MAX_TOKENS or sentence.rstrip().endswith("?"):
        return 0
    for fragment in lexicon.helper("fragment"):
        parts = fragment.text.lower().split()
        if len(parts) <= len(tokens) and all(
            any(word_matches(tokens[k].lower, choice, lexicon.language) for choice in alternatives(part))
            for k, part in enumerate(parts)
        ):
            return len(parts)
    return 0


def person_named_in(text: str, entity_spans: tuple[tuple[int, int], ...]) -> Callable[[], bool]:
    """A cached test whether ``text`` names a person anywhere; computed only when a fragment asks."""

    @lru_cache(maxsize=1)
    def named() -> bool:
        if entity_spans or has_id_number(text):
            return True
        # A capitalised word opening a line may be a common word ("Storm varsles"): there a
        # known name counts only as a full name, followed by another capitalised word.
        tokens = tokenize(text)
        for token in tokens:
            if not is_name(token):
                continue
            opens_line = token.start == 0 or text[token.start - 1] == "\n"
            following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
            if not opens_line or (following is not None and following.is_capitalised and not following.text.isupper()):
                return True
        return False

    return named
