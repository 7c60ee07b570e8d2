"""The URL recognizer runs Presidio's patterns over dotted words only: it must match what they match."""

from __future__ import annotations

import random
from pathlib import Path

from presidio_analyzer.predefined_recognizers import UrlRecognizer

from recognizers.web import NordicUrlRecognizer

PIECES = [
    "https://www.nav.no/sykepenger", "http://eksempel.dk/a(b)", "www.skatteetaten.no", "firma.com/side?x=1",
    "kari.nordmann@eksempel.no", "org.nr", "f.eks.", "3.", "30.04.2024", "'https://x.no'", '"vg.no"', "«dr.dk»",
    "Oslo.", "sub.domain.co.uk:8080/p", "ftp://x.no", "E.ON", "HTTPS://NAV.NO", "a.b.c", "..", ".no", "no.",
    "ſe.se", "x.ſe", "www3.example.museum", "<a href='http://y.org'>", "abc", "kr 12.450,00", "(www.uio.no)",
]
SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "", ",", ";"]


def _spans(results) -> list[tuple[int, int, float, str]]:
    return sorted((r.start, r.end, r.score, r.entity_type) for r in results)


def test_dotted_words_give_the_matches_of_the_whole_text() -> None:
    ours = NordicUrlRecognizer(supported_language="nb")
    plain = UrlRecognizer(supported_language="nb")
    rng = random.Random(5)
    texts = ["".join(rng.choice(PIECES) + rng.choice(SPACES) for _ in range(rng.randint(0, 12))) for _ in range(400)]
    texts += [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent.parent / "samples").rglob("*.txt"))]
    for text in texts:
        assert _spans(ours._pattern_results(text, ["URL"], None)) == _spans(plain.analyze(text, ["URL"])), text
