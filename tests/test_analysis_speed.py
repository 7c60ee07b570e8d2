"""The analysis' speed-ups change no finding: spaCy in waves, BLAS backend, context-enhancer shortcut,
verification without the special-category recognizers. Real engine, real sample files."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening import analysis
from screening.analysis import Analyzer, load_pipeline
from screening.document import Location, Segment
from screening.formats import adapter_for

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _segments() -> tuple[list[Segment], dict[str, str]]:
    """Every segment of the sample text and DOCX files of three languages, as one document."""
    segments, languages = [], {}
    for language in ("nb", "nn", "da"):
        paths = sorted((SAMPLES / language).iterdir()) + sorted((SAMPLES / "corpus" / language).iterdir())
        for path in paths:
            adapter = adapter_for(path)
            if adapter is None or path.suffix not in (".txt", ".docx", ".xlsx", ".pptx"):
                continue
            for segment in adapter.read(path).segments:
                key = f"{path.name}:{segment.id}"
                segments.append(Segment(key, segment.text, Location("test")))
                languages[key] = language
    return segments, languages


def _keys(findings) -> list[tuple]:
    return [(f.segment_id, f.start, f.end, f.entity_type, f.score, f.recognizer) for f in findings]


@pytest.fixture(scope="module")
def sample() -> tuple[list[Segment], dict[str, str]]:
    return _segments()


def test_waves_find_what_one_spacy_call_per_batch_finds(analyzer: Analyzer, sample, monkeypatch) -> None:
    segments, languages = sample
    assert len({languages[s.id] for s in segments}) == 3 and sum(len(s.text) for s in segments) > analysis.BATCH_CHARS * 3
    together = analyzer.analyze_segments(segments, languages)
    monkeypatch.setattr(analysis, "WAVE_CHARS", 1)  # a wave per batch: the earlier behaviour
    alone = analyzer.analyze_segments(segments, languages)
    assert _keys(together) == _keys(alone)
    assert any(f.entity_type == "PERSON" and f.recognizer == "SpacyRecognizer" for f in together)


def test_the_context_enhancer_shortcut_changes_no_score(analyzer: Analyzer, sample, monkeypatch) -> None:
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    segments, languages = sample
    english = [Segment("en", "Contact John Smith by email john.smith@example.com or visit www.example.com.", Location("t"))]
    texts = [(segments, languages), (english, {"en": "en"})]
    ours = [_keys(analyzer.analyze_segments(s, l)) for s, l in texts]
    monkeypatch.setattr(analyzer.engine, "context_aware_enhancer", LemmaContextAwareEnhancer())
    assert [_keys(analyzer.analyze_segments(s, l)) for s, l in texts] == ours


def test_verification_without_special_categories_finds_the_same_personal_data(analyzer: Analyzer, sample) -> None:
    segments, languages = sample
    every = analyzer.analyze_segments(segments, languages, use_model=False)
    personal = analyzer.analyze_segments(segments, languages, use_model=False, special=False)
    assert any(f.category == "special" for f in every)
    assert _keys(personal) == _keys([f for f in every if f.category != "special"])


def test_openblas_and_blis_pipelines_find_the_same_entities(sample, monkeypatch) -> None:
    segments, _ = sample
    texts = [s.text for s in segments if s.text.strip()]
    monkeypatch.setattr(analysis, "USE_BLIS", True)
    blis = load_pipeline("nb")
    monkeypatch.setattr(analysis, "USE_BLIS", False)
    openblas = load_pipeline("nb")
    assert not openblas.get_pipe("tok2vec").model.ops.use_blis and blis.get_pipe("tok2vec").model.ops.use_blis
    entities = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in blis.pipe(texts)]
    assert entities == [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in openblas.pipe(texts)]
    assert any(entities)


def _child_word_reference(lower: str, language: str) -> str | None:
    """The child-word test as it was before the one-``endswith`` shortcut."""
    from recognizers.special import children

    if lower.endswith("-") or any(lower.startswith(excluded) for excluded in children._NOT_CHILD[language]):
        return None
    endings = ("",) + children._WORD_ENDINGS.get(language, children.INFLECTIONS.get(language, ()))
    for word in children._CHILD_WORDS[language]:
        for ending in endings:
            if lower.endswith(word + ending):
                if language == "en" and len(lower) - len(word + ending):
                    continue
                return word
    return None


def test_child_word_shortcut_gives_the_same_answers() -> None:
    from recognizers.special import children

    for language in ("nb", "nn", "da", "en"):
        endings = children._endings(language)
        words = [w + e for w in children._CHILD_WORDS[language] for e in endings]
        candidates = {c for w in words for c in (w, "skole" + w, w[1:], w[:-1], w + "x", "barnebarn" + w, w + "-")}
        candidates |= {"bil", "", "s", "a", "møtet", "barnehagelærer"}
        for lower in sorted(candidates):
            assert children._child_word(lower, language) == _child_word_reference(lower, language), (lower, language)


def test_repeated_pieces_are_read_once_and_found_everywhere(analyzer: Analyzer) -> None:
    texts = ["Ja", "Kontaktperson er Kari Nordmann, telefon 412 55 983.", "Nei", "Ja", "12 450,00"]
    segments = [Segment(f"c{i}", texts[i % len(texts)], Location("test")) for i in range(60)]
    languages = {s.id: "nb" for s in segments}
    nlp = analyzer.pipelines["nb"]
    seen: list[str] = []
    original = nlp.pipe

    def counting_pipe(pieces, **kwargs):
        pieces = list(pieces)
        seen.extend(pieces)
        return original(pieces, **kwargs)

    nlp.pipe = counting_pipe
    try:
        findings = analyzer.analyze_segments(segments, languages)
    finally:
        del nlp.pipe
    assert sorted(seen) == sorted(set(texts))
    spans = {}
    for f in findings:
        spans.setdefault(f.segment_id, set()).add((f.start, f.end, f.entity_type))
    expected = {(17, 30, "PERSON"), (40, 50, "PHONE_NUMBER")}
    assert all(spans.get(f"c{i}") == expected for i in range(1, 60, len(texts))), spans
    assert not any(spans.get(f"c{i}") for i in range(60) if i % len(texts) != 1)
