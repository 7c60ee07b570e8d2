"""EMAIL_ADDRESS, URL, IP_ADDRESS, CREDIT_CARD: Presidio's recognizers, kept offline.

Presidio's EmailRecognizer and UrlRecognizer call ``tldextract.extract``, whose default
extractor fetches the Public Suffix List over the network the first time and caches it
under the user's home directory. :func:`use_offline_suffix_list` swaps the module-level
extractor for one that reads only the snapshot bundled with tldextract, with no cache
directory, so nothing is downloaded or written; it runs when ``recognizers`` is
imported.

Presidio's URL recognizer also matches parts of e-mail addresses ("maja.li" in
"maja.lindqvist@example.dk"), abbreviations with a dot ("org.nr": .nr is Nauru) and the
full stop after a link; :class:`NordicUrlRecognizer` drops or trims those.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

import regex
import tldextract
import tldextract.tldextract
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IpRecognizer,
    UrlRecognizer,
)

from recognizers.context import BANK

EMAIL_CONTEXT = ["e-post", "epost", "e-mail", "email", "mail", "adresse", "mailadresse"]
URL_CONTEXT = ["nettside", "hjemmeside", "side", "lenke", "link", "url", "website", "web"]
CARD_CONTEXT = ["kort", "kortnummer", "kredittkort", "kreditkort", "betalingskort", "visa", "mastercard", "card"]
IP_CONTEXT = ["ip", "ip-adresse", "ip address", "server", "logg", "log"]


_OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def use_offline_suffix_list() -> tldextract.TLDExtract:
    """Make every ``tldextract.extract`` call use the bundled Public Suffix List only."""
    # tldextract.extract() looks the module attribute up on every call, so replacing it
    # also covers the reference Presidio imported.
    tldextract.tldextract.TLD_EXTRACTOR = _OFFLINE
    return _OFFLINE


# Without a scheme or "www." a dotted word is usually an abbreviation ("org.nr", "f.eks",
# "cpr.nr"): accept only top-level domains that Nordic business text actually uses.
COMMON_TLDS = frozenset(
    "no dk se fi is com net org eu io de uk nu info biz co app dev int gov edu fo gl ax".split()
)
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)
_TRAILING = ".,;:!?)]}'\""


def _flags_matter(pattern: str) -> bool:
    """Whether DOTALL or MULTILINE could change what ``pattern`` matches: a ".", "^" or "$" outside
    a character class (escapes and classes removed first)."""
    bare = re.sub(r"\[(?:\\.|[^\]\\])*\]", "", re.sub(r"\\.", "", pattern))
    return any(char in bare for char in ".^$")


class NordicUrlRecognizer(UrlRecognizer):
    """Presidio's UrlRecognizer without abbreviations, e-mail parts and trailing punctuation."""

    def __init__(self, **kwargs) -> None:
        # Presidio compiles its four URL patterns (6,000 characters each) again with its default
        # flags on the first analysis, a tenth of a second of every run. Its patterns ask for case
        # folding inline and hold no ".", "^" or "$" that DOTALL or MULTILINE would change, so
        # without flags they match the same, and the compilation made when Presidio was imported is
        # reused. Own Pattern copies keep Presidio's shared ones as they are.
        patterns = [Pattern(p.name, p.regex, p.score) for p in kwargs.pop("patterns", None) or self.PATTERNS]
        super().__init__(patterns=patterns, **kwargs)
        if not any(_flags_matter(p.regex) or not p.regex.startswith("(?i)") for p in patterns):
            self.global_regex_flags = 0

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> list[RecognizerResult]:
        kept = []
        for r in self._pattern_results(text, entities, nlp_artifacts):
            while r.end > r.start and text[r.end - 1] in _TRAILING:
                r.end -= 1
            value = text[r.start : r.end]
            token_start = max(text.rfind(" ", 0, r.start), text.rfind("\n", 0, r.start)) + 1
            token_end = len(text)
            for sep in (" ", "\n", "\t"):
                i = text.find(sep, r.end)
                if i != -1:
                    token_end = min(token_end, i)
            if "@" in text[token_start:token_end] and not _SCHEME.match(value):
                continue
            if not _SCHEME.match(value):
                host = value.split("/", 1)[0].split(":", 1)[0]
                if host.rsplit(".", 1)[-1].lower() not in COMMON_TLDS:
                    continue
            kept.append(r)
        return kept

    def _pattern_results(
        self, text: str, entities: list[str], nlp_artifacts: Optional[NlpArtifacts]
    ) -> list[RecognizerResult]:
        """Presidio's pattern results, the patterns run only over the words that hold an inner dot.

        A match of Presidio's URL patterns holds no whitespace and a dot followed by a top-level
        domain, and the patterns have no anchors or look-arounds: running them over those words
        joined by spaces gives the same matches as over the whole text, at a fraction of the cost
        (the pattern without a scheme is tried at every letter otherwise).
        """
        runs = [m.span() for m in _DOTTED_WORD.finditer(text)]
        if not runs:
            return []
        joined, offsets, position = [], [], 0
        for start, end in runs:
            joined.append(text[start:end])
            offsets.append(position)
            position += end - start + 1
        results = super().analyze(" ".join(joined), entities, nlp_artifacts)
        for r in results:
            index = bisect.bisect_right(offsets, r.start) - 1
            shift = runs[index][0] - offsets[index]
            r.start, r.end = r.start + shift, r.end + shift
        return results


# A word (no whitespace, as the `regex` module that Presidio's patterns use defines it) with a dot
# that is followed by more of the word.
_DOTTED_WORD = regex.compile(r"(?<!\S)\S*\.\S+")


def web_recognizers(language: str) -> list:
    """Presidio's e-mail, URL, IP and credit card recognizers for one language."""
    return [
        EmailRecognizer(supported_language=language, context=EMAIL_CONTEXT),
        NordicUrlRecognizer(supported_language=language, context=URL_CONTEXT),
        IpRecognizer(supported_language=language, context=IP_CONTEXT),
        CreditCardRecognizer(supported_language=language, context=CARD_CONTEXT + list(BANK[:3])),
    ]

