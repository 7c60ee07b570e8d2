"""read -> analyse -> plan -> write -> verify -> report, for one file and for a job of many.

A :class:`Job` holds what a run shares: the analyzer (built once), the policy, and the placeholder
book that numbers values consistently across all files of the run.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from screening import children
from screening.analysis import Analyzer, function_words, shared_analyzer
from screening.document import (
    CATEGORY_SPECIAL,
    Adapter,
    Document,
    Finding,
    FormatError,
    Plan,
    Replacement,
)
from screening.formats import adapter_for
from screening.placeholders import NAME_TYPES, PlaceholderBook, mask, split_genitive
from screening.policy import Policy
from screening.values import ValueIndex
from screening.verify import verify_copy

if TYPE_CHECKING:
    from screening.pseudonyms import Pseudonymizer

logger = logging.getLogger(__name__)

STATUS_OK, STATUS_ERROR, STATUS_QUARANTINED, STATUS_SKIPPED = "ok", "error", "quarantined", "skipped"
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class Settings:
    mode: str = "placeholder"
    language: str | None = None  # None: detect per segment
    policy: Policy = field(default_factory=Policy)
    include_values: bool = False
    screening_date: dt.date = field(default_factory=dt.date.today)
    # Mask mode keeps the birth date of these identity numbers visible ("150786*****"), as translators
    # and reviewers need to see which number is which; everything else keeps two digits at most.
    mask_birth_date_types: frozenset[str] = frozenset({"NO_FODSELSNUMMER", "DK_CPR"})
    # "[HEALTH]" names the category only; with a vault the terms are numbered ("[HEALTH_1]") so that
    # restore can tell two diagnoses apart.
    number_special: bool = False


@dataclass
class FileResult:
    """What happened to one file; ``to_dict`` gives its entry in the JSON report."""

    path: str
    format: str | None = None
    status: str = STATUS_OK
    error: str | None = None
    output: str | None = None
    sha256: str | None = None
    language: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    special_categories: list[str] = field(default_factory=list)
    child_data: bool = False
    child_reasons: list[str] = field(default_factory=list)
    verified: bool | None = None
    unscanned: list[dict[str, Any]] = field(default_factory=list)
    segments: int = 0

    @property
    def risk(self) -> str:
        if self.special_categories:
            return "special"
        return "personal" if self.findings else "none"

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f["entity_type"] for f in self.findings).items()))

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "path": self.path,
            "output": self.output,
            "format": self.format,
            "sha256": self.sha256,
            "language": self.language,
            "status": self.status,
        }
        if self.error:
            entry["error"] = self.error
        entry.update(
            {
                "risk": self.risk,
                "special_categories": self.special_categories,
                "child_data": self.child_data,
                "child_reasons": self.child_reasons,
                "counts": self.counts,
                "verified": self.verified,
                "unscanned": self.unscanned,
                "findings": self.findings,
            }
        )
        return entry


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expand_paths(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(file, path relative to the output folder) for every file under the given paths, sorted.

    Hidden files and folders (names starting with a dot) are left out, as are temporary copies
    of this tool.
    """
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                relative = file.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                found.append((file, relative))
        else:
            found.append((path, Path(path.name)))
    return found


_NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)(?P<name>[A-ZÆØÅÄÖÜ][\w\-'’]*\w)[ \t]$")
# A file name or path as tools record it: one line ending in an extension.
_FILE_NAME = re.compile(r"^[^\n]{1,255}\.[A-Za-z][A-Za-z0-9]{1,4}$")
_FILE_NAME_WORD = re.compile(r"[^\W\d_]+")
_NAME_AFTER = re.compile(r"^[ \t](?P<name>[A-ZÆØÅÄÖÜ][\w\-'’]*\w)")


def _alone_mid_sentence(text: str, start: int, end: int) -> bool:
    """Not at the start of a sentence, line or segment, and no capitalised word right beside it."""
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in ".!?:\n\"«(–-":
        return False
    if _NAME_BEFORE.search(text[max(0, start - 40):start]) or _NAME_AFTER.match(text[end:end + 40]):
        return False
    return True


def _opens_sentence_alone(text: str, start: int, end: int) -> bool:
    """First word of a sentence, followed by a lower-case word: "Elv har legetime", not "Elv Sunde" or "Elv."."""
    before = text[:start].rstrip(" \t")
    if before and before[-1] not in ".!?\n\"«":
        return False
    return re.match(r"[ \t]+[a-zæøåäöü]", text[end:end + 3]) is not None


def _extend_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a lone first name or surname over an adjacent capitalised word: "Kari" + " Nordmann".

    When "Ola Nordmann" was found, "Kari Nordmann" elsewhere must not become "Kari [PERSON_1]".
    """
    before = _NAME_BEFORE.search(text[max(0, start - 40):start])
    if before and before.group("name").lower() not in function_words():
        start -= len(before.group(0))
    after = _NAME_AFTER.match(text[end:end + 40])
    if after and after.group("name").lower() not in function_words():
        end += len(after.group(0))
    return start, end


def _dominant_language(document: Document, languages: dict[str, str]) -> str | None:
    weights: Counter[str] = Counter()
    for segment in document.segments:
        weights[languages.get(segment.id, "")] += len(segment.text)
    weights.pop("", None)
    return weights.most_common(1)[0][0] if weights else None


class Job:
    """One run over one or more files, sharing the analyzer, policy and placeholder numbering."""

    def __init__(self, settings: Settings | None = None, analyzer: Analyzer | None = None,
                 pseudonymizer: Pseudonymizer | None = None) -> None:
        self.settings = settings or Settings()
        self.analyzer = analyzer or shared_analyzer()
        self.book = PlaceholderBook()
        # Stand-ins of --mode pseudonym; a vault passes its own so that they stay the same across runs.
        if pseudonymizer is None and self.settings.mode == "pseudonym":
            from screening.pseudonyms import Pseudonymizer as _Pseudonymizer

            pseudonymizer = _Pseudonymizer(secrets.token_bytes(32))
        self.pseudonymizer = pseudonymizer
        # Per file, the values replaced in text order as (placeholder, original, segment kind): the vault
        # keeps them so that restore can give back "Karis" rather than the full name at each place.
        self.written: dict[str, list[tuple[str, str, str]]] = {}
        self._job_values: dict[str, str] = {}  # value -> entity type, for propagation across files
        self._index = ValueIndex()
        self._weak: set[str] = set()

    # Analysis ------------------------------------------------------------------------------------

    def findings(self, document: Document) -> tuple[list[Finding], dict[str, str]]:
        """The findings the policy reports, with every occurrence of a redacted value included."""
        policy = self.settings.policy
        languages = self.analyzer.segment_languages(document, self.settings.language)
        raw = self.analyzer.analyze_segments(document.segments, languages) + policy.deny_findings(document.segments)
        reported = self._reported(document, raw)
        reported = self.propagate(document, reported)
        return reported, languages

    def _reported(self, document: Document, findings: list[Finding]) -> list[Finding]:
        policy = self.settings.policy
        return [
            f for f in findings
            if policy.reports(f) and not policy.is_company_number(f, document.segment(f.segment_id).text)
        ]

    def _value_index(self) -> tuple[ValueIndex, set[str]]:
        """The index of every value of the job, and its weak names; kept up to date as values come.

        A lone "Storm", "Sol" or "Nordmann" is as likely the word as the person: such a weak name stands
        for the person only mid-sentence and without a capitalised neighbour ("Storm Espresso").
        """
        return self._index, self._weak

    def _remember(self, value: str, entity_type: str) -> None:
        """A value found in this job: propagated into later segments and files."""
        if value in self._job_values:
            return
        self._job_values[value] = entity_type
        self._index.add(value)
        if " " not in value and entity_type in NAME_TYPES and self.analyzer.common_words.is_word(value):
            self._weak.add(value)

    def propagate(self, document: Document, findings: list[Finding]) -> list[Finding]:
        """Add the other occurrences of each found value, in this file or found earlier in the job.

        A name the model saw once is replaced everywhere it stands, also as a lone first name or
        surname and with a genitive ending ("Olas"), so the copy has no leftover and the placeholders
        stay consistent.
        """
        for finding in findings:
            if finding.category == CATEGORY_SPECIAL or len(finding.text.strip()) < 2:
                continue
            self._remember(finding.text, finding.entity_type)
            if finding.entity_type in NAME_TYPES:
                for token in finding.text.split():
                    # "This", "The", "Den" taken into a name by the model are not names anywhere else.
                    if len(token) >= 3 and token[0].isupper() and not token.endswith(".") \
                            and token.lower() not in function_words():
                        self._remember(token, finding.entity_type)
        if not self._job_values:
            return findings
        index, weak = self._value_index()
        # Names of people this very file names in full ("Elv Sunde"): here a weak one opening a
        # sentence ("Elv har legetime") is the person too.
        here = {token for f in findings if f.entity_type in NAME_TYPES and " " in f.text.strip() for token in f.text.split()}
        order = {segment.id: position for position, segment in enumerate(document.segments)}
        taken: dict[str, list[tuple[int, int]]] = {}
        for finding in findings:
            taken.setdefault(finding.segment_id, []).append((finding.start, finding.end))
        added: list[Finding] = []
        values = self._job_values
        for segment in document.segments:
            spans = taken.setdefault(segment.id, [])
            for match in index.finditer(segment.text):
                entity_type = values[match.value]
                if segment.text[match.start:match.end].lower() in function_words():
                    continue  # "This" is no genitive of the name "Thi" (but "Lines" may be Line's)
                if match.value in weak and not (
                    _alone_mid_sentence(segment.text, match.start, match.end)
                    or (match.value in here and _opens_sentence_alone(segment.text, match.start, match.end))
                    or (match.genitive and not _NAME_AFTER.match(segment.text[match.end:match.end + 40]))
                ):
                    continue
                start, end = match.start, match.end if entity_type in NAME_TYPES else match.value_end
                if entity_type in NAME_TYPES and " " not in match.value:
                    grown = _extend_name(segment.text, start, end)
                    # The neighbour may already be a finding of its own ("Per" + found "Dahl"): then the
                    # name alone is replaced.
                    if not any(grown[0] < e and grown[1] > s for s, e in spans):
                        start, end = grown
                if any(start < e and end > s for s, e in spans):
                    continue
                added.append(Finding(segment.id, start, end, entity_type, 1.0,
                                     segment.text[start:end], recognizer="propagated"))
                spans.append((start, end))
        added += self._names_in_file_names(document, taken)
        return sorted(findings + added, key=lambda f: (order.get(f.segment_id, 0), f.start))

    def _names_in_file_names(self, document: Document, taken: dict[str, list[tuple[int, int]]]) -> list[Finding]:
        """Known names inside file names, in any case and between "_", "-" or ".": "journal_rasmussen.docx".

        Tools keep the source file's name in XLIFF, TMX and document properties, and people name files
        after whom they are about; the word index above sees "journal_rasmussen" as one word.
        """
        file_names = [segment for segment in document.segments if _FILE_NAME.match(segment.text)]
        if not file_names:
            return []
        names = {value.lower(): entity_type for value, entity_type in self._job_values.items()
                 if entity_type in NAME_TYPES and " " not in value and value not in self._weak and len(value) >= 3}
        found: list[Finding] = []
        for segment in file_names:
            spans = taken.setdefault(segment.id, [])
            for token in _FILE_NAME_WORD.finditer(segment.text):
                entity_type = names.get(token.group().lower())
                if entity_type and not any(token.start() < e and token.end() > s for s, e in spans):
                    found.append(Finding(segment.id, token.start(), token.end(), entity_type, 1.0, token.group(),
                                         recognizer="propagated"))
                    spans.append((token.start(), token.end()))
        return found

    # Planning ------------------------------------------------------------------------------------

    def plan(self, document: Document, findings: list[Finding]) -> tuple[Plan, dict[int, str]]:
        """Replacements for the findings the policy redacts; also finding index -> placeholder."""
        policy = self.settings.policy
        mode = self.settings.mode
        # Full names first, so that a lone surname can join the number of its full name.
        # Personal data before special-category terms (a span can be both: "Jehovas Vidne" as a name and
        # a religion; it is replaced once), and full names before lone ones.
        order = sorted(
            range(len(findings)),
            key=lambda i: (
                findings[i].category == CATEGORY_SPECIAL,
                findings[i].entity_type not in NAME_TYPES,
                -len(findings[i].text.split()),
                i,
            ),
        )
        taken: dict[str, list[tuple[int, int]]] = {}
        replacements: list[Replacement] = []
        labels: dict[int, str] = {}
        for index in order:
            finding = findings[index]
            if not policy.redacts(finding):
                continue
            start, end, value = finding.start, finding.end, finding.text
            spans = taken.setdefault(finding.segment_id, [])
            if any(start < e and end > s for s, e in spans):
                continue
            spans.append((start, end))
            if finding.category == CATEGORY_SPECIAL and not self.settings.number_special:
                placeholder = f"[{finding.entity_type}]"
            elif finding.category == CATEGORY_SPECIAL:
                placeholder = self.book.label(finding.entity_type, value)
            else:
                if finding.entity_type in NAME_TYPES:
                    stem, ending = split_genitive(value, self.book.known_names())
                    end -= len(ending)
                    value = stem
                placeholder = self.book.label(finding.entity_type, value)
            labels[index] = placeholder
            replacements.append(
                Replacement(
                    segment_id=finding.segment_id,
                    start=start,
                    end=end,
                    original=value,
                    new_text=self._new_text(mode, placeholder, value, finding),
                    placeholder=placeholder,
                    entity_type=finding.entity_type,
                )
            )
        segment_order = {segment.id: index for index, segment in enumerate(document.segments)}
        self.written[str(document.path)] = [
            (r.placeholder, r.original, document.segment(r.segment_id).location.kind)
            for r in sorted(replacements, key=lambda r: (segment_order.get(r.segment_id, 0), r.start))
        ]
        return Plan(replacements), labels

    def _new_text(self, mode: str, placeholder: str, value: str, finding: Finding) -> str:
        if mode == "mask":
            keep = 6 if finding.entity_type in self.settings.mask_birth_date_types else 2
            return mask(value, keep_digits=keep)
        if mode == "remove":
            return ""
        if mode == "pseudonym" and self.pseudonymizer is not None and finding.category != CATEGORY_SPECIAL:
            return self.pseudonymizer.pseudonym(placeholder, finding.entity_type, value, finding.language)
        return placeholder

    # One file ------------------------------------------------------------------------------------

    def process(self, path: Path, display: str | None = None, out_path: Path | None = None) -> FileResult:
        """Screen one file, and write its verified sanitized copy to ``out_path`` when given."""
        result = FileResult(path=display or str(path))
        try:
            adapter, document = self._read(path, result)
        except FormatError as error:
            result.status, result.error = STATUS_ERROR, str(error)
            return result
        if adapter is None:
            result.status = STATUS_SKIPPED
            result.error = f"{result.path}: unsupported file type"
            return result
        try:
            findings, languages = self.findings(document)
            result.language = _dominant_language(document, languages)
            result.unscanned = [part.to_dict() for part in document.unscanned]
            if out_path is not None:
                plan, labels = self.plan(document, findings)
                self._write_verified(adapter, document, plan, out_path, result, languages)
            else:
                _, labels = self.plan(document, findings)
            self._report_findings(document, findings, labels, result)
        except Exception as error:  # one file's bug must not stop the job; the message names no value
            logger.debug("processing %s failed", result.path, exc_info=True)
            result.findings, result.special_categories, result.child_reasons = [], [], []
            result.child_data, result.output, result.verified = False, None, False
            result.status = STATUS_ERROR
            result.error = f"{result.path}: internal error while processing ({type(error).__name__}); run with --verbose"
        return result

    def _read(self, path: Path, result: FileResult) -> tuple[Adapter | None, Document | None]:
        name = result.path
        try:
            if not path.exists() and not path.is_symlink():
                raise FormatError(f"{name}: no such file or directory")
            if path.is_symlink() and not path.exists():
                raise FormatError(f"{name}: broken symbolic link")
            readable = os.access(path, os.R_OK, effective_ids=os.access in os.supports_effective_ids)
        except PermissionError:
            readable = False
        if not readable:
            raise FormatError(f"{name}: permission denied")
        adapter = adapter_for(path)
        result.format = adapter.format if adapter else path.suffix.lower().lstrip(".") or None
        if adapter is None:
            return None, None
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FormatError(f"{name}: larger than {MAX_FILE_BYTES // 2**20} MiB, refused")
        try:
            result.sha256 = sha256_of(path)
            document = adapter.read(path)
        except FormatError as error:
            raise FormatError(str(error).replace(str(path), name, 1)) from None
        except PermissionError:
            raise FormatError(f"{name}: permission denied") from None
        except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            logger.debug("reading %s failed", name, exc_info=True)
            raise FormatError(f"{name}: cannot be read as {adapter.format} ({type(error).__name__})") from None
        result.segments = len(document.segments)
        return adapter, document

    def _write_verified(self, adapter: Adapter, document: Document, plan: Plan, out_path: Path, result: FileResult,
                        languages: dict[str, str]) -> None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        temporary = out_path.with_name(f".{out_path.stem}.screen-{os.getpid()}{out_path.suffix}")
        try:
            adapter.write(document, plan, temporary)
            # Special-category evidence ("diabetes") may rightly stay in sentences about no one.
            personal_types = {r.entity_type for r in plan} - set(self.analyzer.special_types)
            reanalyse = functools.partial(self._reanalyse, original=document, languages=languages, plan=plan)
            leftovers = verify_copy(adapter, temporary, plan, reanalyse, search_types=personal_types,
                                    exclude_values=self.word_names(plan))
        except FormatError as error:
            temporary.unlink(missing_ok=True)
            result.status, result.error, result.verified = STATUS_ERROR, str(error).replace(str(temporary), result.path), False
            return
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        if leftovers:
            temporary.unlink(missing_ok=True)
            result.status = STATUS_QUARANTINED
            result.verified = False
            result.error = "verification failed: " + "; ".join(sorted({l.describe() for l in leftovers})[:5])
            return
        os.replace(temporary, out_path)
        result.output = str(out_path)
        result.verified = True

    def word_names(self, plan: Plan) -> set[str]:
        """Lone names of the plan that are also words ("Storm"): they may rightly stay as the word."""
        return {
            r.original for r in plan
            if r.entity_type in NAME_TYPES and " " not in r.original.strip()
            and self.analyzer.common_words.is_word(r.original.strip())
        }

    def _reanalyse(self, copy: Document, original: Document, languages: dict[str, str], plan: Plan) -> list[Finding]:
        """Analyse the copy again where it differs from the original.

        A segment the plan did not touch has the text, and so the findings, it had in the first pass,
        none of them redacted; segments whose id the copy does not share with the original (a text
        file's ids are offsets) are analysed whatever they hold.
        """
        unchanged = {s.id for s in original.segments} - {r.segment_id for r in plan}
        texts = {s.id: s.text for s in original.segments}
        segments = [s for s in copy.segments if s.id not in unchanged or texts.get(s.id) != s.text]
        known = {s.id: languages[s.id] for s in segments if s.id in languages}
        if len(known) < len(segments):
            detected = self.analyzer.segment_languages(copy, self.settings.language)
            known = {s.id: known.get(s.id, detected[s.id]) for s in segments}
        # Names and special categories are not judged again (see screening.verify): the model and the
        # special-category recognizers need not run.
        found = self._reported(copy, self.analyzer.analyze_segments(segments, known, use_model=False, special=False))
        if self.pseudonymizer is not None:  # a stand-in of this job is not a leftover
            found = [f for f in found if not self.pseudonymizer.is_stand_in(f.entity_type, f.text)]
        return found

    def _report_findings(self, document: Document, findings: list[Finding], labels: dict[int, str], result: FileResult) -> None:
        specials: set[str] = set()
        for index, finding in enumerate(findings):
            segment = document.segment(finding.segment_id)
            entry: dict[str, Any] = {
                "entity_type": finding.entity_type,
                "category": finding.category,
                "score": finding.score,
                "location": segment.location.to_dict(),
                "preview": mask(finding.text),
                "placeholder": labels.get(index),
                "recognizer": finding.recognizer,
            }
            if finding.special_category:
                entry["special_category"] = finding.special_category
                specials.add(finding.special_category)
            if self.settings.include_values:
                entry["value"] = finding.text
            result.findings.append(entry)
        result.special_categories = sorted(specials)
        reasons = children.child_reasons(document, findings, self.settings.screening_date)
        result.child_data = bool(reasons)
        result.child_reasons = reasons


def exit_status(results: Iterable[FileResult]) -> int:
    """0 nothing found, 1 personal data, 2 special categories, 3 a file could not be processed."""
    results = list(results)
    if any(r.status in (STATUS_ERROR, STATUS_QUARANTINED) for r in results):
        return 3
    if any(r.special_categories for r in results):
        return 2
    if any(r.findings for r in results):
        return 1
    return 0


ProgressCallback = Callable[[FileResult], None]


def run(
    paths: Iterable[Path],
    settings: Settings,
    out_dir: Path | None = None,
    analyzer: Analyzer | None = None,
    progress: ProgressCallback | None = None,
    job: Job | None = None,
) -> list[FileResult]:
    """Screen (and with ``out_dir`` redact) every file under ``paths``.

    ``job`` lets the caller keep the job (its placeholder book and stand-ins, for the vault); it must
    have been made with ``settings``.
    """
    job = job if job is not None else Job(settings, analyzer)
    results = []
    outputs: set[Path] = set()
    report_names = {"screening-report.json", "screening-report.html", "screening-report.csv"}
    for path, relative in expand_paths(paths):
        if out_dir is not None and relative.name in report_names and len(relative.parts) == 1:
            continue
        target = out_dir / relative if out_dir is not None else None
        if target is not None and target in outputs:
            result = FileResult(path=str(path), status=STATUS_ERROR, error=f"{path}: another input has the same output name")
        else:
            if target is not None:
                outputs.add(target)
            result = job.process(path, str(path), target)
        results.append(result)
        if progress:
            progress(result)
    return results
