"""The analysis engine: one Presidio AnalyzerEngine per process for nb, nn, da and en.

Each language gets the trained spaCy pipeline of ``models/<lang>`` (NER; its lemmatizer stays off, since
the recognizers score context from the raw text) or, where none is shipped, a blank pipeline with
spacy-lookups-data lemmas, borrowing the Bokmål NER for English. Recognizers come from the
``recognizers`` package. Segments are grouped by language and packed
into batches of a few thousand characters, so a spreadsheet of ten thousand short cells costs a few
hundred Presidio calls, not ten thousand; texts longer than a batch are cut at whitespace with an overlap.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from spacy.language import Language
from thinc.api import use_ops

import screening

from recognizers.company_forms import COMPANY_FORMS
from screening.names import given_names, surnames
from screening.document import CATEGORY_PERSONAL, CATEGORY_SPECIAL, Document, Finding, Segment

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("nb", "nn", "da", "en")
_SPACY_LANGUAGE = {"nb": "nb", "nn": "nb", "da": "da", "en": "en"}
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

BATCH_CHARS = 4000  # characters per Presidio call when packing short segments
WAVE_CHARS = 100_000  # characters of batches whose pieces go through spaCy in one call
PIPE_BATCH = 64  # Docs per step of that call (256 was slower: larger matrices, fewer cache hits)
CHUNK_CHARS = 20000  # longest text given to spaCy in one piece (spaCy refuses more than 1,000,000)
CHUNK_OVERLAP = 200
_SEPARATOR = "\n\n"
MIN_DETECT_LETTERS = 60  # shorter segments take the language of their document
DETECT_CHARS = 400
HINT_SCORE = 0.9


# thinc multiplies its matrices with BLIS by default; numpy's OpenBLAS, which picks its kernels for
# the CPU it runs on, ran the same pipelines twice as fast on this project's 2-core machine, with the
# same entities. Only while it runs one thread (see screening/__init__.py): when numpy was loaded
# before this package with no thread count chosen, its threads would fight the other processes, so
# BLIS it is. SCREEN_BLIS=1 or 0 decides.
USE_BLIS = os.environ.get("SCREEN_BLIS", "") == "1" or (
    os.environ.get("SCREEN_BLIS", "") != "0" and not screening.OPENBLAS_THREADS_CHOSEN
)


def load_pipeline(language: str, models_dir: Path = MODELS_DIR, donor: Language | None = None) -> Language:
    """The spaCy pipeline for a language: the trained one from models/, else blank with lemmas.

    With ``donor`` (a trained pipeline of a neighbour language) a language without its own model
    borrows the donor's tok2vec and NER: the joint Scandinavian model finds most names in English
    text too, which is better than no model at all.
    """
    with use_ops("numpy", use_blis=USE_BLIS):
        return _load_pipeline(language, models_dir, donor)


def _load_pipeline(language: str, models_dir: Path, donor: Language | None) -> Language:
    path = models_dir / language
    if (path / "config.cfg").exists():
        # The recognizers score their context from the raw text (compounds defeat lemmas), so the
        # lemmatizers, a third of the pipeline's time and the Danish table's second of loading, stay off.
        return spacy.load(path, exclude=["trainable_lemmatizer", "lemmatizer"])
    nlp = spacy.blank(_SPACY_LANGUAGE[language])
    if donor is not None and "ner" in donor.pipe_names:
        # The donor's tok2vec reads its word-list feature table (models/features.py) from the vocab.
        nlp.vocab.vectors = donor.vocab.vectors
        for name in ("tok2vec", "ner"):
            if name in donor.pipe_names:
                nlp.add_pipe(name, source=donor)
    try:
        # Only the lemmatizer: initialising the whole pipeline would reset borrowed trained weights.
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    except (ValueError, OSError) as error:  # no lookup table for this language
        logger.debug("no lemma table for %s: %s", language, error)
        nlp.remove_pipe("lemmatizer")
    return nlp


class LazyPipelines(Mapping[str, Language]):
    """The spaCy pipeline of each language, loaded when a text of that language first comes.

    Most files are in one language, so most runs load one pipeline. Bokmål and Nynorsk share their
    weights: when the two shipped pipelines are the same files, one loaded pipeline serves both.
    English borrows the Bokmål pipeline's NER (see :func:`load_pipeline`).
    """

    def __init__(self, languages: Sequence[str], models_dir: Path) -> None:
        self._languages = tuple(languages)
        self._models_dir = models_dir
        self._loaded: dict[str, Language] = {}

    def __getitem__(self, language: str) -> Language:
        if language not in self._languages:
            raise KeyError(language)
        if language not in self._loaded:
            twin = {"nb": "nn", "nn": "nb"}.get(language)
            # Hashing the weights costs a tenth of a second: only worth it when the twin is loaded.
            if twin in self._loaded and _twin(language, self._models_dir) == twin:
                self._loaded[language] = self._loaded[twin]
            elif language == "en" and not (self._models_dir / "en" / "config.cfg").exists():
                donor = self["nb"] if "nb" in self._languages else None
                self._loaded[language] = load_pipeline(language, self._models_dir, donor)
            else:
                self._loaded[language] = load_pipeline(language, self._models_dir)
        return self._loaded[language]

    def __iter__(self):
        return iter(self._languages)

    def __len__(self) -> int:
        return len(self._languages)


def _twin(language: str, models_dir: Path) -> str | None:
    """"nb" for "nn" (and back) when both shipped pipelines hold the same weights."""
    other = {"nb": "nn", "nn": "nb"}.get(language)
    if other is None:
        return None
    def digest(code: str) -> bytes | None:
        model = models_dir / code / "tok2vec" / "model"
        ner = models_dir / code / "ner" / "model"
        if not (model.exists() and ner.exists()):
            return None
        return hashlib.sha256(model.read_bytes() + ner.read_bytes()).digest()
    mine = digest(language)
    return other if mine is not None and mine == digest(other) else None


class _PreloadedNlpEngine:
    """Presidio's SpacyNlpEngine, handed pipelines that are already loaded (never downloads)."""

    @staticmethod
    def create(pipelines: Mapping[str, Language]):
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

        configuration = NerModelConfiguration(
            model_to_presidio_entity_mapping={"PER": "PERSON", "PERSON": "PERSON"},
            labels_to_ignore=["ORG", "LOC", "MISC", "GPE", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV"],
            low_score_entity_names=[],
        )
        engine = SpacyNlpEngine(
            models=[{"lang_code": code, "model_name": f"preloaded:{code}"} for code in pipelines],
            ner_model_configuration=configuration,
        )
        engine.nlp = pipelines
        return engine


def _context_enhancer():
    """Presidio's lemma context enhancer, skipped where it provably changes nothing.

    It compares the lemmas before a match with the recognizers' context words. The trained pipelines
    run without lemmatizers, so every lemma is "" and no context word is found in one: the enhancer
    would only deep-copy the results and walk the tokens once per result, a twentieth of the analysis.
    English (lookup lemmas) and calls with explicit context words still go through it.
    """
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    class _Enhancer(LemmaContextAwareEnhancer):
        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            no_lemmas = nlp_artifacts is not None and not any(nlp_artifacts.lemmas)
            empty_word = any(word == "" for recognizer in recognizers for word in recognizer.context or ())
            if no_lemmas and not context and not empty_word:
                return raw_results
            return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)

    return _Enhancer()


def _special_recognizers(languages: Sequence[str]) -> list:
    try:
        from recognizers.special import SpecialCategoryRecognizer
    except ImportError:
        logger.warning("recognizers.special is not available: special categories are not screened")
        return []
    return [SpecialCategoryRecognizer(supported_language=language) for language in languages]


def _special_types() -> dict[str, str]:
    try:
        from recognizers.special import SPECIAL_ENTITY_TYPES
    except ImportError:
        return {}
    return dict(SPECIAL_ENTITY_TYPES)


@dataclass
class _Batch:
    language: str
    text: str
    parts: list[tuple[str, int, int, int]]  # (segment id, offset in batch, start in segment, end in segment)


class LanguageDetector:
    """Bokmål, Nynorsk, Danish, Swedish or English for a text, offline (lingua)."""

    def __init__(self) -> None:
        from lingua import Language as Lingua
        from lingua import LanguageDetectorBuilder

        self._codes = {
            Lingua.BOKMAL: "nb",
            Lingua.NYNORSK: "nn",
            Lingua.DANISH: "da",
            Lingua.SWEDISH: "sv",
            Lingua.ENGLISH: "en",
        }
        # Trigrams alone (lingua's low-accuracy mode) tell texts of a sentence or more apart as well as
        # the full models, about seventy times faster; shorter segments take their document's language.
        self._detector = LanguageDetectorBuilder.from_languages(*self._codes).with_low_accuracy_mode().build()

    def detect(self, text: str) -> str | None:
        # The first few hundred characters tell the language as well as the whole text, much faster.
        language = self._detector.detect_language_of(text[:DETECT_CHARS])
        return self._codes.get(language) if language else None


_LETTERS = re.compile(r"[^\W\d_]")


class Analyzer:
    """Finds personal data in documents. Build once per process: loading takes a few seconds."""

    def __init__(
        self,
        languages: Sequence[str] = LANGUAGES,
        models_dir: Path = MODELS_DIR,
        score_threshold: float = 0.5,
    ) -> None:
        from presidio_analyzer import AnalyzerEngine

        import recognizers

        self.languages = tuple(languages)
        self.score_threshold = score_threshold
        self.pipelines = LazyPipelines(self.languages, models_dir)
        nlp_engine = _PreloadedNlpEngine.create(self.pipelines)
        registry = recognizers.nordic_registry(self.languages)
        registry.add_nlp_recognizer(nlp_engine=nlp_engine)
        for recognizer in _special_recognizers(self.languages):
            registry.add_recognizer(recognizer)
        self.engine = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=list(self.languages),
            default_score_threshold=score_threshold,
            context_aware_enhancer=_context_enhancer(),
        )
        self.special_types = _special_types()
        self._personal: dict[str, list[str]] = {}
        self._detector: LanguageDetector | None = None
        self.common_words = CommonWords()
        from recognizers.person_names import NameListRecognizer

        for recognizer in registry.recognizers:
            if isinstance(recognizer, NameListRecognizer):
                recognizer.is_common_word = self.common_words.is_word

    # Language -----------------------------------------------------------------------------------

    @property
    def detector(self) -> LanguageDetector:
        if self._detector is None:
            self._detector = LanguageDetector()
        return self._detector

    def _supported(self, language: str | None, fallback: str) -> str:
        if language in self.languages:
            return language
        if language and language.split("-")[0].lower() in self.languages:
            return language.split("-")[0].lower()
        if language == "sv":  # no Swedish pipeline: Bokmål tokenises it best of ours
            return "nb" if "nb" in self.languages else fallback
        return fallback

    def document_language(self, document: Document, forced: str | None = None) -> str:
        if forced:
            return self._supported(forced, self.languages[0])
        sample = "\n".join(s.text for s in document.segments if s.entity_hint is None)[:5000]
        detected = self.detector.detect(sample) if len(_LETTERS.findall(sample)) >= 3 else None
        return self._supported(detected, self.languages[0])

    def segment_languages(self, document: Document, forced: str | None = None) -> dict[str, str]:
        """The analysis language of each segment: forced, stated by the file, detected, or the document's."""
        default = self.document_language(document, forced)
        languages: dict[str, str] = {}
        for segment in document.segments:
            if forced:
                languages[segment.id] = default
            elif segment.language:
                languages[segment.id] = self._supported(segment.language, default)
            elif len(_LETTERS.findall(segment.text)) >= MIN_DETECT_LETTERS:
                languages[segment.id] = self._supported(self.detector.detect(segment.text), default)
            else:
                languages[segment.id] = default
        return languages

    # Analysis -----------------------------------------------------------------------------------

    def analyze_document(self, document: Document, language: str | None = None) -> list[Finding]:
        languages = self.segment_languages(document, language)
        return self.analyze_segments(document.segments, languages)

    def analyze_segments(
        self, segments: Sequence[Segment], languages: dict[str, str], use_model: bool = True,
        special: bool = True,
    ) -> list[Finding]:
        """Findings in segments, overlaps resolved.

        ``use_model=False`` runs the tokenizer only, no NER, and ``special=False`` leaves out the
        special-category recognizers (their findings stand apart, in a lane of their own): for
        verification, which judges neither names nor special categories again.
        """
        findings: list[Finding] = []
        for segment in segments:
            if segment.entity_hint and segment.text.strip():
                findings.append(self._hint_finding(segment, languages[segment.id]))
        wave: list[_Batch] = []
        wave_chars = 0
        for batch in self._batches(segments, languages):
            wave.append(batch)
            wave_chars += len(batch.text)
            if wave_chars >= WAVE_CHARS:
                findings.extend(self._analyze_wave(wave, use_model, special))
                wave, wave_chars = [], 0
        findings.extend(self._analyze_wave(wave, use_model, special))
        return resolve_overlaps(findings)

    def _analyze_wave(self, wave: list[_Batch], use_model: bool, special: bool = True) -> list[Finding]:
        """Batches analysed with one spaCy call per language over all their pieces.

        spaCy runs many short pieces far faster in one ``pipe`` call than in one call per batch of
        a few; each piece is still its own Doc, so the model reads it as before, and a piece that
        comes again (a spreadsheet's "Ja", a memory's repeated unit) is read once. Waves are bounded,
        so a translation memory of a hundred thousand units never holds all its Docs at once.
        """
        docs: dict[int, list] = {}
        for language in dict.fromkeys(batch.language for batch in wave):
            mine = [batch for batch in wave if batch.language == language]
            nlp = self.pipelines[language]
            pieces = [batch.text[offset:offset + (end - start)] for batch in mine for _, offset, start, end in batch.parts]
            distinct = list(dict.fromkeys(pieces))
            piped = nlp.pipe(distinct, batch_size=PIPE_BATCH) if use_model else map(nlp.make_doc, distinct)
            by_text = dict(zip(distinct, piped))
            position = 0
            for batch in mine:
                docs[id(batch)] = [by_text[piece] for piece in pieces[position:position + len(batch.parts)]]
                position += len(batch.parts)
        findings: list[Finding] = []
        for batch in wave:
            findings.extend(self._analyze_batch(batch, docs.pop(id(batch)), special))
        return findings

    def analyze_text(self, text: str, language: str) -> list[Finding]:
        from screening.document import Location

        segment = Segment("text", text, Location("text"))
        return self.analyze_segments([segment], {"text": language})

    def _hint_finding(self, segment: Segment, language: str) -> Finding:
        stripped = segment.text.strip()
        start = segment.text.index(stripped)
        return Finding(
            segment_id=segment.id,
            start=start,
            end=start + len(stripped),
            entity_type=segment.entity_hint or "",
            score=HINT_SCORE,
            text=stripped,
            recognizer="field_hint",
            language=language,
        )

    def _batches(self, segments: Sequence[Segment], languages: dict[str, str]) -> Iterable[_Batch]:
        open_batches: dict[str, _Batch] = {}
        for segment in segments:
            if not segment.text.strip():
                continue
            language = languages[segment.id]
            for start, end in chunks(segment.text):
                # Leading and trailing blanks become whitespace tokens that throw the model off
                # ("  Utarbeidet av Kari Rise" is read as one organisation).
                while start < end and segment.text[start].isspace():
                    start += 1
                while end > start and segment.text[end - 1].isspace():
                    end -= 1
                if start == end:
                    continue
                piece = segment.text[start:end]
                batch = open_batches.get(language)
                if batch is not None and len(batch.text) + len(_SEPARATOR) + len(piece) > BATCH_CHARS:
                    yield batch
                    batch = None
                if batch is None:
                    batch = _Batch(language, "", [])
                    open_batches[language] = batch
                else:
                    batch.text += _SEPARATOR
                batch.parts.append((segment.id, len(batch.text), start, end))
                batch.text += piece
        yield from open_batches.values()

    def _artifacts(self, batch: _Batch, docs: list):
        """spaCy's view of a batch, from the Docs of its segment pieces, each run on its own.

        The model was trained on sentences, not on segments glued together with blank lines: run
        alone, each piece gets the reading it would get in a file of its own. The docs are then
        joined (with the separators) into one Doc whose text is the batch text, for Presidio.
        """
        from spacy.tokens import Doc

        nlp = self.pipelines[batch.language]
        separator = nlp.make_doc(_SEPARATOR)
        joined: list = []
        for index, doc in enumerate(docs):
            if index:
                joined.append(separator)
            joined.append(doc)
        merged = Doc.from_docs(joined, ensure_whitespace=False, exclude=["tensor", "user_data"]) if len(joined) > 1 else docs[0]
        if merged.text != batch.text:  # cannot happen with the separator above; never trust offsets blindly
            logger.debug("joined docs differ from the batch text; analysing the batch as one text")
            merged = nlp(batch.text)
        return self.engine.nlp_engine._doc_to_nlp_artifact(merged, batch.language)

    def _analyze_batch(self, batch: _Batch, docs: list, special: bool = True) -> list[Finding]:
        nlp_artifacts = self._artifacts(batch, docs)
        results = self.engine.analyze(
            text=batch.text,
            language=batch.language,
            entities=None if special else self._personal_entities(batch.language),
            nlp_artifacts=nlp_artifacts,
            score_threshold=self.score_threshold,
        )
        findings = []
        for result in results:
            for segment_id, offset, seg_start, seg_end in batch.parts:
                piece_end = offset + (seg_end - seg_start)
                if result.start >= offset and result.end <= piece_end:
                    start = seg_start + result.start - offset
                    end = seg_start + result.end - offset
                    if result.entity_type == "PERSON":
                        from_model = (result.recognition_metadata or {}).get("recognizer_name") == "SpacyRecognizer"
                        start, end = result.start, result.end
                        if from_model:
                            start, end = clean_person_span(batch.text, start, end)
                            start = self.trim_leading_words(batch.text, start, end)
                        if start < end:
                            start, end = self.complete_name(batch.text, start, end, batch.language)
                        if start >= end or not self.plausible_person(batch.text[start:end]):
                            break
                        start, end = seg_start + start - offset, seg_start + end - offset
                    value = batch.text[offset + start - seg_start:offset + end - seg_start]
                    findings.append(self._finding(result, segment_id, start, end, value, batch.language))
                    break
        return findings

    def _personal_entities(self, language: str) -> list[str]:
        """Every entity type the engine finds in a language but the special categories."""
        if language not in self._personal:
            supported = self.engine.get_supported_entities(language)
            self._personal[language] = [e for e in supported if e not in self.special_types]
        return self._personal[language]

    def trim_leading_words(self, text: str, start: int, end: int) -> int:
        """Drop words before a name that are words, not given names: "Ring Kari Nordmann" -> "Kari Nordmann".

        Only a sentence's first word is capitalised whatever it is. A capitalised word inside a
        sentence or after a label ("kontaktlærar Elv Hovden", "Fra: Håp Elise Strand"), or on a line
        that holds nothing but the name (a signature), is taken to be part of the name.
        """
        while True:
            words = text[start:end].split(None, 1)
            if len(words) < 2 or words[0] in given_names() or not self.common_words.is_word(words[0]):
                return start
            if not starts_sentence(text, start) or fills_line(text, start, end):
                return start
            start = end - len(words[1])

    def complete_name(self, text: str, start: int, end: int, language: str = "nb") -> tuple[int, int]:
        """Grow a name over the capitalised words around it that are names or no common word.

        The model often stops at a middle name that is also a word: "Stein Magnus" of
        "Stein Magnus Hovland", "Håkon Elv" of "Håkon Elv Rasmussen", or starts after a first name
        that is one ("Hovden" of "kontaktlærar Elv Hovden").
        """
        # A tokenizer may cut "Al-Hassan" at the hyphen: the name goes on over it, both ways.
        while end < len(text) - 1 and text[end] in "-‐" and text[end + 1].isalpha():
            end = _HYPHENATED_REST.match(text, end).end()
        while start > 1 and text[start - 1] in "-‐" and text[start - 2].isalpha():
            start = _HYPHENATED_START.search(text[:start - 1]).start()
        for _ in range(2):
            before = _PREVIOUS_NAME.search(text, max(0, start - 80), start)
            if not before or not self._name_word_before(text, before.start("name"), end, before.group("name"), language):
                break
            start = before.start("name")
        for _ in range(2):
            following = _NEXT_NAME.match(text, end)
            if not following:
                break
            word = following.group("name")
            last = text[start:end].split()[-1]
            if "\n" in following.group(0) and not (last in given_names() and last not in surnames()) \
                    and not hard_wrapped(text, start, end, following.end()):
                break  # on the next line, only a name that still lacks its surname, or wrapped prose, goes on
            if word in COMPANY_FORMS or (self.common_words.is_common(word) and word not in surnames()):
                break
            if word.lower() in function_words() or word.lower() in _INSTITUTION_HEADS:
                break
            end = following.end()
        return start, end

    def _name_word_before(self, text: str, start: int, end: int, word: str, language: str) -> bool:
        """Is the capitalised word just before a name part of it?"""
        lower = word.lower()
        if (word.isupper() or word in COMPANY_FORMS or lower in function_words() or lower in _NOT_NAME_WORDS
                or lower in _TITLE_WORDS or lower in _INSTITUTION_HEADS or lower.endswith(_ROLE_ENDINGS)):
            return False
        if lower in _CALENDAR_WORDS:
            return False
        if word in given_names():
            return True
        if starts_sentence(text, start) and not fills_line(text, start, end):
            return False  # a sentence's first word is capitalised whatever it is ("Ring Kari Nordmann")
        if language == "en":
            # English capitalises nationalities, languages and "I" inside a sentence too.
            return not self.common_words.is_word(word)
        return True

    def plausible_person(self, span: str) -> bool:
        """Not a form label, a common word, an institution or a product taken for a name."""
        return (plausible_name(span) and not self.common_words.all_common(span) and not is_institution(span)
                and not _lone_word_no_name(span))

    def _finding(self, result, segment_id: str, start: int, end: int, value: str, language: str) -> Finding:
        metadata = dict(result.recognition_metadata or {})
        special = self.special_types.get(result.entity_type)
        return Finding(
            segment_id=segment_id,
            start=start,
            end=end,
            entity_type=result.entity_type,
            score=round(float(result.score), 4),
            text=value,
            recognizer=str(metadata.get("recognizer_name", "")),
            category=CATEGORY_SPECIAL if special else CATEGORY_PERSONAL,
            special_category=special,
            language=language,
            metadata={k: v for k, v in metadata.items() if isinstance(v, (str, int, float, bool))},
        )


@lru_cache(maxsize=1)
def _form_label_stems() -> tuple[str, ...]:
    """Labels of form fields ("Fødselsnummer", "Telefon", "Fakturanr"): the recognizers' context stems."""
    from recognizers import context, person

    stems: set[str] = set()
    for name in ("NO_ID", "DK_ID", "ORG", "DK_ORG", "BANK", "PHONE", "NEGATIVE_REFERENCES"):
        stems.update(getattr(context, name, ()))
    stems.update(label for label in getattr(person, "LABELS", ()) if " " not in label)
    return tuple(sorted(stem.lower() for stem in stems if len(stem) >= 4 and stem.isalpha()))


class CommonWords:
    """Is a "name" the model found only capitalised common words ("Arbeidsgiver", "Office Theme")?

    The dictionary: words the Norwegian and Danish treebanks write in lower case
    (``screening/data/common_words.txt.gz``, with the Danish base forms of spacy-lookups-data and
    frequent English words; see its build script). A word that is also a given name or surname ("Per", "Liv", "Stein",
    "Storm", "Solberg") is never common here, so names that are words stay names.
    """

    _LIST = Path(__file__).with_name("data") / "common_words.txt.gz"

    def __init__(self) -> None:
        self._words: frozenset[str] | None = None

    def _load(self) -> frozenset[str]:
        if self._words is None:
            import gzip

            self._words = frozenset(gzip.decompress(self._LIST.read_bytes()).decode("utf-8").split())
        return self._words

    def is_word(self, word: str) -> bool:
        """Whether a word is in the dictionary of common words, names or not ("Storm", "Sol": yes)."""
        words = self._load()
        lower = word.lower().rstrip("'’")
        if lower.startswith(_form_label_stems()):
            return True
        return lower.isalpha() and lower in words

    def is_common(self, word: str) -> bool:
        """A common word that is not also a name ("Arbeidsgiver": yes; "Per", "Liv": no)."""
        if word in given_names() or word in surnames():
            return False
        return self.is_word(word)

    def all_common(self, span: str) -> bool:
        tokens = [t.strip(".,:;'’") for t in span.split()]
        tokens = [t[:-1] if t.endswith("s") and len(t) > 3 and not self.is_common(t) else t for t in tokens]
        return bool(tokens) and all(self.is_common(t) or self._derived_common(t) for t in tokens)

    def _derived_common(self, word: str) -> bool:
        """A word the dictionary lacks but is made of its words: a definite form ("Anmeldelsen",
        "Skyssen") or a compound ("Vasskade" = vass + skade, "Kosthald"). Names are never."""
        if word in given_names() or word in surnames() or not word.isalpha() or len(word) < 5:
            return False
        lower = word.lower()
        if lower in function_words():
            return True
        for ending in _DEFINITE_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3 and self.is_word(lower[:-len(ending)]):
                return True
        for cut in range(3, len(lower) - 3):
            head, tail = lower[:cut], lower[cut:]
            if self.is_word(tail) and (self.is_word(head) or head[-1] in "se" and self.is_word(head[:-1])):
                return True
        return False


# Definite and plural endings of Norwegian and Danish nouns ("anmeldelse-n", "skyss-en", "barn-et").
_DEFINITE_ENDINGS = ("ene", "ane", "erne", "en", "et", "a", "n")
# A name may wrap onto the next line in PDFs and hard-wrapped mail ("advokat Siri\nHaugland-Moe").
_NEXT_NAME = re.compile(r"(?:[ \u00a0]|[ \t]*\n[ \t]*)(?P<name>[A-ZÆØÅÄÖÜÉ][\w\-'’]*\w)")
# The word just before a name, on the same line.
_PREVIOUS_NAME = re.compile(r"(?<![\w\-'’])(?P<name>[A-ZÆØÅÄÖÜÉ][\w\-'’]*\w)[ \u00a0]+$")
_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-•*–·▪])$")
HARD_WRAP_WIDTH = 40  # a line this long that breaks inside a name was wrapped, not ended
_HYPHENATED_REST = re.compile(r"[-‐][\w'’]+")
_HYPHENATED_START = re.compile(r"[\w'’]+$")


def _line_start(text: str, position: int) -> int:
    return max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1


def starts_sentence(text: str, position: int) -> bool:
    """Whether the word at ``position`` opens a line, a list item or a sentence ("2. Fatima", ". Ring")."""
    before = text[_line_start(text, position):position].strip()
    return not before or bool(_LIST_MARKER.match(before)) or before.endswith((".", "!", "?", "…"))


def fills_line(text: str, start: int, end: int) -> bool:
    """Whether a name is all its line holds (a signature, a letter's address block)."""
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0), default=len(text))
    return not text[_line_start(text, start):start].strip() and text[end:line_end].strip() in ("", ",")


def hard_wrapped(text: str, start: int, end: int, next_end: int) -> bool:
    """Whether the line break after a name is a wrap inside prose, not the end of a name's line.

    Prose runs up to the name on a long line ("...My partner, Mathias Storm\nKjær, travelled"); a name
    heading its line, a short "Til: Kari Nordmann" line, or a next line that goes on with a number (a
    street address) are not wraps.
    """
    line_start = _line_start(text, start)
    if not text[line_start:start].strip() or end - line_start < HARD_WRAP_WIDTH:
        return False
    return not re.match(r"[ \t]*\d", text[next_end:next_end + 8])


def _lone_word_no_name(span: str) -> bool:
    """A one-word "name" that a word of its own says is none: a letter ("klasse B"), a day or month
    ("Friday", "June" in a date column), a role or a body ("Systemutvikler", "Skattestyrelsen")."""
    tokens = span.split()
    if len(tokens) != 1:
        return False
    lower = tokens[0].lower().strip(".,:;'’")
    return (len(lower) < 2 or lower in _CALENDAR_WORDS or lower in function_words()
            or (lower.endswith(_ROLE_ENDINGS) and tokens[0] not in surnames())
            or lower.endswith(_INSTITUTION_SUFFIXES))


def plausible_name(span: str) -> bool:
    """Could this be a person's name at all? Not with digits in it, nor ending in a company form."""
    tokens = span.split()
    if not tokens or any(any(c.isdigit() or c in "$@#%&=/\\" for c in t) and t not in COMPANY_FORMS for t in tokens):
        return False
    if any("." in t.rstrip(".") for t in tokens):  # "org.nr", "f.eks.", file names; initials end in "."
        return False
    if any(t.endswith(".") and len(t) > 3 for t in tokens[:-1]):  # a sentence ends inside: "Bufetat. He"
        return False
    return tokens[-1] not in COMPANY_FORMS


# Heads of names of institutions, places and companies ("Københavns Kommune", "Skovlunde Skole"), and
# words that open one ("Advokatfirmaet Lund"): a name made of them is not a person.
_INSTITUTION_HEADS = frozenset(
    """
    kommune kommunes kommunen fylkeskommune region regionen skole skule skolen skulen barnehage
    universitet universitetet universitetshospital universitetssykehus universitetssjukehus sykehus
    sjukehus sykehuset sjukehuset hospital hospitalet klinikk klinikken klinik klinikken legesenter
    legekontor lægehus bank banken sparebank forening foreningen forbund forbundet lag laget klubb
    klubben senter senteret center centret kontor kontoret partiet parti direktorat direktoratet
    departement departementet etaten etat tilsynet tilsyn nemnd nævn styrelsen ministeriet firma
    firmaet gruppen group service services portal kundeportal support security electronics analytics
    hydro offshore consulting partners holding invest eiendom ejendomme statistik statistikk danmark
    norge sverige kaffe espresso bolig boliger court appeal tribunal council agency authority ministry
    department chasers
    """.split()
)
# A one-word body: "Skattestyrelsen", "Arbeidstilsynet", "Utdanningsdirektoratet".
_INSTITUTION_SUFFIXES = ("styrelsen", "direktoratet", "tilsynet", "etaten", "departementet", "ministeriet",
                         "kommune", "kommunen", "sykehuset", "sjukehuset", "hospitalet", "nævnet", "nemnda")
_INSTITUTION_OPENERS = frozenset(
    "advokatfirmaet malerfirmaet autohuset lægehuset jobcenter prosjekt projekt firmaet stiftelsen nav".split()
)


def is_institution(span: str) -> bool:
    tokens = [t.lower().strip(".,:;'’") for t in span.split()]
    if len(tokens) < 2:
        return False
    return tokens[-1] in _INSTITUTION_HEADS or tokens[0] in _INSTITUTION_OPENERS


# Words a statistical model tends to take into a name: titles, roles and greetings next to it.
_NOT_NAME_WORDS = frozenset(
    """
    pasient pasienten pasienter elev eleven eleven søker søkeren søkjar søkjaren klient klienten kunde kunden
    lege legen fastlege fastlegen overlege sykepleier sjukepleiar kontaktlærer kontaktlærar lærer lærar rektor
    saksbehandler sakshandsamar driftssjef leder leiar daglig dagleg sjef advokat advokaten dommer dommar
    forsikringstager forsikringstaker skadelidte patient patienten eleven elev lægen læge sagsbehandler
    kontaktperson medarbejder medarbeider medarbeidar ansatt tilsett ansat fru frk herr hr dr mr mrs ms miss
    hei hej hallo kjære kære dear hilsen helsing venlig vennlig mvh navn namn name til fra frå from to
    """.split()
)
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Titles written capitalised before a name, in English above all ("Judge Rasmussen", "Advocate Brenna").
_TITLE_WORDS = frozenset(
    """
    judge advocate attorney counsel lawyer solicitor barrister doctor nurse officer inspector sergeant
    constable detective professor president chairman chair minister mayor senator captain lieutenant
    colonel general chief sister brother father mother uncle aunt saint st sir lady lord king queen prince
    princess reverend rev bishop pastor mister madam dame prof
    """.split()
)
# Titles and roles glued to a name by the model: "Tingrettsdommer Astrid Lunde", "Overlege Kari Moe".
_ROLE_ENDINGS = (
    "dommer", "dommar", "lege", "læge", "leder", "leiar", "sjef", "chef", "rådgiver", "rådgjevar",
    "konsulent", "sykepleier", "sjukepleiar", "sygeplejerske", "lærer", "lærar", "advokat", "fullmektig",
    "fuldmægtig", "direktør", "koordinator", "ingeniør", "utvikler", "utviklar", "behandler", "handsamar",
    "sekretær", "assistent", "betjent", "inspektør", "psykolog", "terapeut", "prest", "präst", "pastor",
    "professor", "student", "elev", "forfatter", "journalist", "ordfører", "borgmester", "minister",
)
_EDGE_JUNK = " \t\r\n,;:<>()[]{}\"'«»|/\\–—-"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Stop words of Norwegian, Danish and English (spaCy's lists): never a name on their own."""
    from spacy.lang.da.stop_words import STOP_WORDS as DANISH
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.nb.stop_words import STOP_WORDS as NORWEGIAN

    return frozenset(DANISH | ENGLISH | NORWEGIAN)


def clean_person_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim what a model took into a name but is not part of it: "Eleven Sindre Tveit" -> "Sindre Tveit"."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK + ".":
        end -= 1
    while True:
        words = text[start:end].split(None, 1)
        first = words[0].lower().rstrip(".:,") if len(words) == 2 else ""
        is_role = first.endswith(_ROLE_ENDINGS)
        if first and (first in _NOT_NAME_WORDS or first in _TITLE_WORDS or first in function_words() or is_role) \
                and words[0] not in given_names():
            start = end - len(words[1])
            continue
        break
    words = text[start:end].rsplit(None, 1)
    if len(words) == 2 and words[1].lower() in _NOT_NAME_WORDS:
        end = start + len(words[0])
    if text[start:end].lower() in _NOT_NAME_WORDS:
        return start, start
    return start, end


def chunks(text: str, size: int = CHUNK_CHARS, overlap: int = CHUNK_OVERLAP) -> list[tuple[int, int]]:
    """Cut a long text into pieces at whitespace, each overlapping the previous one a little."""
    if len(text) <= size:
        return [(0, len(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            cut = max(cut, text.rfind("\n", start + size // 2, end))
            if cut > start:
                end = cut
        pieces.append((start, end))
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return pieces


_TYPE_PRIORITY = {"PERSON": 1, "ADDRESS": 1, "DATE_OF_BIRTH": 2}


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep, per segment, the best of overlapping personal-data findings; special categories apart.

    Better means: higher score, then longer, then a checksum-validated identifier over a name or address.
    Duplicates (from overlapping chunks) collapse into one.
    """
    kept: list[Finding] = []
    by_lane: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_lane.setdefault((finding.segment_id, finding.category), []).append(finding)
    for lane in by_lane.values():
        ordered = sorted(
            lane,
            key=lambda f: (-f.score, -(f.end - f.start), _TYPE_PRIORITY.get(f.entity_type, 0), f.start),
        )
        chosen: list[Finding] = []
        for finding in ordered:
            if all(finding.end <= other.start or finding.start >= other.end for other in chosen):
                chosen.append(finding)
        kept.extend(sorted(chosen, key=lambda f: f.start))
    return kept


@lru_cache(maxsize=1)
def shared_analyzer(languages: tuple[str, ...] = LANGUAGES) -> Analyzer:
    """The process-wide analyzer (built on first use)."""
    return Analyzer(languages)
