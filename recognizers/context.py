"""Context scoring done inside the recognizers.

Presidio's LemmaContextAwareEnhancer compares whole-word lemmas, which a blank or
Norwegian spaCy pipeline does not provide, and it cannot see compounds
("pasientjournal") or multi-word labels. So every recognizer of this package looks at
a window of raw text around its match and sets the final score itself:

* A *stem* is a lowercase string matched as a substring of the window. Stems of five
  characters or more match anywhere, so compounds work ("kundefødselsnummer");
  shorter stems ("tlf", "fnr", "cpr") must start a word, so "fakturering" does not
  contain the phone stem "ring".
* The window is ``before`` characters before the match and ``after`` characters after
  it, across line breaks (form layouts put the label on the line above).
* Positive and negative stems compete: the nearest one wins. Text after the value
  counts double its distance, since labels usually come first, and ends at the next
  comma, semicolon, tab, table bar, sentence end or line break ("CPR 010190-4325, tlf. ..." must not give
  the CPR number the phone label).

The result is a :class:`ContextHit` which recognizers turn into a score of their
own choosing, and results are marked as already context-enhanced so that the
engine's enhancer does not boost them a second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presidio_analyzer import RecognizerResult

SHORT_STEM = 5
_TAIL_STOP = re.compile(r"[,;\t|]|[.!?](?:\s|$)|\n")
WORD_CHARS = "a-z0-9æøåäöéü"


@dataclass(frozen=True)
class ContextHit:
    """What the window around a match says: +1 positive, -1 negative, 0 nothing."""

    polarity: int
    stem: str = ""

    @property
    def positive(self) -> bool:
        return self.polarity > 0

    @property
    def negative(self) -> bool:
        return self.polarity < 0


NO_CONTEXT = ContextHit(0)


@lru_cache(maxsize=None)
def _stem_regex(stems: tuple[str, ...]) -> re.Pattern[str] | None:
    if not stems:
        return None
    parts = []
    for stem in sorted(set(stems), key=len, reverse=True):
        escaped = re.escape(stem.lower())
        parts.append(escaped if len(stem) >= SHORT_STEM else rf"(?<![{WORD_CHARS}]){escaped}")
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class Context:
    """Positive and negative stems of one recognizer and the size of its window."""

    positive: tuple[str, ...]
    negative: tuple[str, ...] = ()
    before: int = 45
    after: int = 30

    def _nearest(self, stems: tuple[str, ...], text: str, start: int, end: int) -> tuple[float, str]:
        regex = _stem_regex(stems)
        if regex is None:
            return float("inf"), ""
        best, best_stem = float("inf"), ""
        lo = max(0, start - self.before)
        for m in regex.finditer(text[lo:start].lower()):
            distance = start - (lo + m.end())
            if distance < best:
                best, best_stem = distance, m.group()
        tail = text[end : min(len(text), end + self.after)]
        # A label after the value belongs to it only within the same list item.
        stop = _TAIL_STOP.search(tail)
        for m in regex.finditer((tail[: stop.start()] if stop else tail).lower()):
            distance = 2 * m.start()
            if distance < best:
                best, best_stem = distance, m.group()
        return best, best_stem

    def mentions(self, stems: tuple[str, ...], text: str, start: int, end: int) -> bool:
        """True if any of ``stems`` occurs anywhere in the window, however far."""
        return self._nearest(stems, text, start, end)[0] < float("inf")

    def check(self, text: str, start: int, end: int) -> ContextHit:
        """Classify the window around ``text[start:end]``."""
        pos, pos_stem = self._nearest(self.positive, text, start, end)
        neg, neg_stem = self._nearest(self.negative, text, start, end)
        if pos == neg == float("inf"):
            return NO_CONTEXT
        if pos <= neg:
            return ContextHit(1, pos_stem)
        return ContextHit(-1, neg_stem)


def mark_enhanced(result: RecognizerResult, hit: ContextHit) -> RecognizerResult:
    """Tell Presidio's enhancer that the score already reflects the context."""
    result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
    if hit.stem and result.analysis_explanation is not None:
        result.analysis_explanation.set_supportive_context_word(hit.stem)
    return result


# Stems shared by several recognizers (DOMAIN.md section 2), in nb, nn, da and en.
NEGATIVE_REFERENCES = (
    "faktura", "invoice", "ordre", "order", "bilag", "saksnummer", "saksnr", "sagsnummer",
    "sagsnr", "referanse", "reference", "ref.", "kundenummer", "kundenr", "kunde-nr",
    "bestilling", "tracking", "sporing", "forsendelse", "kvittering", "voucher", "lot",
    "serienummer", "varenummer", "varenr", "artikkel", "ticket", "billett", "policenummer",
    "polisenummer", "avtalenummer", "kid", "ocr",
)
NO_ID = (
    "fødselsnummer", "fødselsnr", "fnr", "f.nr", "personnummer", "personnr", "pnr",
    "d-nummer", "dnr", "h-nummer", "personident", "id-nummer", "idnummer", "identitetsnummer",
    "fødsels- og personnummer", "national identity", "national id", "ssn", "tenor", "fh-nummer",
)
DK_ID = (
    "cpr", "personnummer", "personnr", "sygesikring", "sundhedskort", "erstatningspersonnummer",
    "civilregistrering", "personal identity", "national id",
)
ORG = (
    "organisasjonsnummer", "organisasjonsnr", "orgnr", "org.nr", "org nr", "org. nr", "org-nr",
    "foretaksregister", "enhetsregister", "brønnøysund", "mva", "vat", "company",
)
DK_ORG = ("cvr", "virksomhedsnummer", "se-nr", "moms", "selskab", "vat", "company")
BANK = (
    "kontonummer", "kontonr", "konto", "bankkonto", "iban", "reg.nr", "regnr", "nemkonto",
    "account", "bank", "overfør", "innbetal", "indbetal", "utbetal", "udbetal", "betales til",
)
PHONE = (
    "telefon", "tlf", "tel.", "tel:", "mobil", "mob.", "ring", "sms", "phone", "call", "mobile",
    "kontakt", "fax", "faks", "whatsapp", "signal", "nås på", "treffes", "opkald",
)
