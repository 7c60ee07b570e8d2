"""Clean a TMX translation memory before it is stored: streaming, in bounded memory, on several cores.

The memory is read with ``lxml.etree.iterparse`` unit by unit and written out unit by unit, so a memory
of any size needs the memory of a few batches of units. Each batch is analysed (in worker processes when
``workers`` > 1: the analysis is what costs), then, in this process, planned with the job's placeholder
book (the same value gets the same placeholder in the whole memory and in source and target), written,
verified and serialised.

Policies:

- ``redact`` (default): every finding is replaced; placeholders are inline ``<ph>`` codes aligned across
  the variants of a unit (see :mod:`screening.formats.tmx`).
- ``drop``: a unit that holds special-category data (GDPR art. 9/10) or an identifier
  (:data:`IDENTIFIER_TYPES`: national identity numbers, account and card numbers, licence plates) is left
  out of the clean memory; the other units are redacted as above.

User logins in ``creationid``/``changeid`` are replaced in every unit; a unit whose only findings are such
metadata counts as kept, not as redacted. Verification fails closed, unit by unit: a written unit that
still holds a replaced value (the analysis found it in one place and missed it in another) is left out of
the clean memory and counted as dropped for "verification_failed"; one such unit does not cost the
whole memory.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator
from xml.sax.saxutils import quoteattr

from lxml import etree

from screening.document import CATEGORY_SPECIAL, Document, Finding, FormatError, Location, Plan, Segment, SegmentKind
from screening.formats import tmx
from screening.verify import search_values

POLICIES = ("redact", "drop")
BATCH_UNITS = 250
CACHE_TEXTS = 50_000  # analysed texts remembered: repeated segments and context props cost nothing
# National identity numbers, account and card numbers, licence plates: a unit holding one is dropped
# under --policy drop. Organisation numbers are not in the list: they are public business data, and
# redacted like any other finding.
IDENTIFIER_TYPES = frozenset({
    "NO_FODSELSNUMMER", "NO_D_NUMMER", "DK_CPR", "SE_PERSONNUMMER", "SE_SAMORDNINGSNUMMER", "FI_HETU",
    "IS_KENNITALA", "NO_KONTONUMMER", "IBAN_CODE", "CREDIT_CARD", "NO_LICENSE_PLATE", "DK_LICENSE_PLATE",
    "US_SSN", "UK_NHS", "US_PASSPORT", "NO_PASSPORT", "DK_PASSPORT",
})
_TEXT_KINDS = frozenset({SegmentKind.SOURCE, SegmentKind.TARGET, tmx.INLINE_CODE, tmx.SUB, tmx.CONTEXT, SegmentKind.NOTE})
_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", re.DOTALL)
_ENCODING = re.compile(r"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class TmError(Exception):
    """The memory cannot be cleaned; the message is one line and names no value."""


@dataclass
class TmReport:
    source: str
    output: str | None = None
    policy: str = "redact"
    units: int = 0
    kept: int = 0
    redacted: int = 0
    dropped: int = 0
    dropped_by_reason: Counter = field(default_factory=Counter)
    redacted_by_type: Counter = field(default_factory=Counter)
    metadata_fields_cleaned: int = 0
    special_categories: set[str] = field(default_factory=set)
    seconds: float = 0.0
    verified: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "output": self.output,
            "policy": self.policy,
            "units": self.units,
            "kept": self.kept,
            "redacted": self.redacted,
            "dropped": self.dropped,
            "dropped_by_reason": dict(sorted(self.dropped_by_reason.items())),
            "redacted_by_type": dict(sorted(self.redacted_by_type.items())),
            "metadata_fields_cleaned": self.metadata_fields_cleaned,
            "special_categories": sorted(self.special_categories),
            "seconds": round(self.seconds, 2),
            "verified": self.verified,
        }


def unit_reasons(findings: list[Finding]) -> set[str]:
    """Why a unit is dropped under the drop policy: "special:health", "identifier:DK_CPR"...

    Special-category terms in a sentence about no one ("diabetes is common") are not a reason: the
    classifier marks them ``about_person`` False, and the pipeline leaves them in the copy too.
    """
    reasons = set()
    for finding in findings:
        if finding.category == CATEGORY_SPECIAL:
            if finding.metadata.get("about_person", True) is False:
                continue
            reasons.add(f"special:{finding.special_category or finding.entity_type.lower()}")
        elif finding.entity_type in IDENTIFIER_TYPES:
            reasons.add(f"identifier:{finding.entity_type}")
    return reasons


# Analysis, in this process or in a worker ---------------------------------------------------------


class DeferredAnalyzer:
    """The process-wide analyzer, built on first use only.

    With worker processes the main process plans, writes and verifies; the engine (~400 MB) is built
    there only if a text must be analysed in place (a cache miss), so the main process stays small.
    """

    def __getattr__(self, name: str):
        from screening.analysis import shared_analyzer

        return getattr(shared_analyzer(), name)


def special_types() -> frozenset[str]:
    """The special-category entity types, without building an engine."""
    try:
        from recognizers.special import SPECIAL_ENTITY_TYPES
    except ImportError:
        return frozenset()
    return frozenset(SPECIAL_ENTITY_TYPES)

_WORKER_JOB = None


def _raw_findings(job, document: Document) -> list[Finding]:
    """The analysis and policy part of ``Job.findings``, without the job-wide propagation."""
    policy = job.settings.policy
    languages = job.analyzer.segment_languages(document, job.settings.language)
    raw = job.analyzer.analyze_segments(document.segments, languages) + policy.deny_findings(document.segments)
    return [finding for finding in raw if policy.reports(finding)]


def _init_worker(settings) -> None:
    global _WORKER_JOB
    from screening.pipeline import Job

    _WORKER_JOB = Job(settings)


SegmentKey = tuple[str, "str | None", "str | None"]  # text, language, entity hint


def _analyse(job, items: list[tuple[str, str, str | None, str | None]]) -> list[Finding]:
    """Findings for (segment id, text, language, hint) items: the analysis needs nothing else."""
    segments = [Segment(segment_id, text, Location("tm"), language, hint) for segment_id, text, language, hint in items]
    return _raw_findings(job, Document(Path("memory.tmx"), "tmx", segments))


def _analyse_in_worker(items: list[tuple[str, str, str | None, str | None]]) -> list[Finding]:
    return _analyse(_WORKER_JOB, items)


# Streaming ----------------------------------------------------------------------------------------


@dataclass
class _Batch:
    first_index: int
    units: list[etree._Element]
    entries_by_unit: list[list[tmx.Entry]] = field(default_factory=list)
    todo: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    keys: dict[str, SegmentKey] = field(default_factory=dict)  # representative segment id -> key
    future: Future | None = None


def _key(segment: Segment) -> SegmentKey:
    return segment.text, segment.language, segment.entity_hint


def _head(path: Path) -> tuple[str, str, str]:
    """The XML declaration, DOCTYPE and encoding of a TMX file, from its first bytes."""
    with path.open("rb") as handle:
        data = handle.read(4096)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="ignore"), "utf-16"
    else:
        text = data.decode("utf-8-sig", errors="ignore")
        match = _ENCODING.search(text[:200])
        encoding = match.group(1) if match else "utf-8"
    declaration = _DECLARATION.search(text[:300])
    doctype = _DOCTYPE.search(text)
    return (declaration.group(0) if declaration else f'<?xml version="1.0" encoding="{encoding}"?>',
            doctype.group(0) if doctype else "", encoding)


def _attribute_name(name: str) -> str:
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + etree.QName(name).localname
    return etree.QName(name).localname if name.startswith("{") else name


def _start_tag(element: etree._Element) -> str:
    attributes = "".join(f" {_attribute_name(k)}={quoteattr(v)}" for k, v in element.attrib.items())
    return f"<{element.tag}{attributes}>"


class TmCleaner:
    """Cleans one memory. ``job`` is a ``screening.pipeline.Job`` (its analyzer, policy and book)."""

    def __init__(self, job, policy: str = "redact", workers: int = 1, batch_units: int = BATCH_UNITS,
                 progress: Callable[[int], None] | None = None) -> None:
        if policy not in POLICIES:
            raise ValueError(f"unknown policy {policy!r}")
        self.job = job
        self.policy = policy
        self.workers = max(1, workers)
        self.batch_units = batch_units
        self.progress = progress
        self._cache: dict[SegmentKey, list[Finding]] = {}
        self._pending: set[SegmentKey] = set()

    def clean(self, source: Path, out_path: Path) -> TmReport:
        started = time.perf_counter()
        report = TmReport(source=str(source), policy=self.policy)
        if source.resolve() == out_path.resolve():
            raise TmError(f"{source}: the clean memory must not overwrite the original")
        declaration, doctype, encoding = _head(source)
        try:
            "".encode(encoding)
        except LookupError:
            raise TmError(f"{source}: unknown character encoding {encoding!r}") from None
        temporary = out_path.with_name(f".{out_path.stem}.screen-{os.getpid()}{out_path.suffix}")
        try:
            with temporary.open("w", encoding=encoding, errors="xmlcharrefreplace", newline="") as output:
                self._stream(source, output, declaration, doctype, report)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        os.replace(temporary, out_path)
        report.output = str(out_path)
        report.verified = True
        report.seconds = time.perf_counter() - started
        return report

    def _stream(self, source: Path, output, declaration: str, doctype: str, report: TmReport) -> None:
        executor = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.job.settings,)) \
            if self.workers > 1 else None
        window: list[_Batch] = []
        srclang: str | None = None
        index = 0
        current: list[etree._Element] = []
        body = False
        try:
            for event, element in self._events(source):
                if event == "start" and element.tag == "body":
                    body = True
                    header = element.getparent().find("header")
                    if header is not None:
                        srclang = header.get("srclang")
                        self._clean_header(header, source, report, executor)
                    output.write(declaration + "\n" + (doctype + "\n" if doctype else ""))
                    output.write(_start_tag(element.getparent()) + "\n")
                    if header is not None:
                        output.write(etree.tostring(header, encoding="unicode", with_tail=False) + "\n")
                    output.write("<body>\n")
                elif event == "end" and element.tag == "tu":
                    index += 1
                    current.append(element)
                    if len(current) >= self.batch_units:
                        window.append(self._submit(executor, _Batch(index - len(current) + 1, current), srclang))
                        current = []
                        while len(window) > 2 * self.workers:
                            self._finish(window.pop(0), source, srclang, output, report)
            if not body:
                raise TmError(f"{source}: not a TMX file (no <body>)")
            if current:
                window.append(self._submit(executor, _Batch(index - len(current) + 1, current), srclang))
            while window:
                self._finish(window.pop(0), source, srclang, output, report)
            output.write("</body>\n</tmx>\n")
        finally:
            if executor is not None:
                executor.shutdown(cancel_futures=True)

    def _events(self, source: Path) -> Iterator[tuple[str, etree._Element]]:
        try:
            context = etree.iterparse(str(source), events=("start", "end"), resolve_entities=False,
                                      no_network=True, huge_tree=True, load_dtd=False, remove_comments=True)
            first = True
            for event, element in context:
                if first:
                    first = False
                    if element.tag != "tmx":
                        raise TmError(f"{source}: not a TMX file (root element is not <tmx>)")
                yield event, element
        except etree.XMLSyntaxError as error:
            raise TmError(f"{source}: not well-formed TMX ({error.msg})") from None
        except OSError as error:
            raise TmError(f"{source}: cannot be read ({error.strerror or error})") from None

    def _submit(self, executor, batch: _Batch, srclang: str | None) -> _Batch:
        """Prepare a batch; send the texts not analysed before (memories repeat themselves) to a worker."""
        batch.entries_by_unit = [tmx.unit_segments(tu, batch.first_index + i, srclang) for i, tu in enumerate(batch.units)]
        for unit in batch.entries_by_unit:
            for entry in unit:
                segment = entry.segment
                key = _key(segment)
                if key in self._cache or key in self._pending:
                    continue
                self._pending.add(key)
                batch.keys[segment.id] = key
                batch.todo.append((segment.id, segment.text, segment.language, segment.entity_hint))
        if executor is not None and batch.todo:
            batch.future = executor.submit(_analyse_in_worker, batch.todo)
        return batch

    def _findings_of(self, batch: _Batch, document: Document) -> list[Finding]:
        """The batch's findings: new texts from its own analysis, repeated ones from the cache."""
        if batch.todo:
            fresh = batch.future.result() if batch.future is not None else _analyse(self.job, batch.todo)
            by_key: dict[SegmentKey, list[Finding]] = {key: [] for key in batch.keys.values()}
            for finding in fresh:
                by_key[batch.keys[finding.segment_id]].append(finding)
            for key, found in by_key.items():
                self._cache[key] = found
                self._pending.discard(key)
            while len(self._cache) > CACHE_TEXTS:
                self._cache.pop(next(iter(self._cache)))
        findings: list[Finding] = []
        missing = []
        for segment in document.segments:
            cached = self._cache.get(_key(segment))
            if cached is None:
                missing.append((segment.id, segment.text, segment.language, segment.entity_hint))
            else:
                findings.extend(replace(finding, segment_id=segment.id) for finding in cached)
        if missing:  # only when the cache let a text go that a later batch counted on
            findings.extend(_analyse(self.job, missing))
        return findings

    def _clean_header(self, header: etree._Element, source: Path, report: TmReport, executor) -> None:
        entries = tmx.header_segments(header)
        document = Document(source, "tmx", [e.segment for e in entries])
        items = [(s.id, s.text, s.language, s.entity_hint) for s in document.segments]
        raw = executor.submit(_analyse_in_worker, items).result() if executor is not None and items \
            else _analyse(self.job, items) if items else []
        findings = self.job.propagate(document, raw)
        plan, _ = self.job.plan(document, findings)
        tmx.write_entries(entries, plan)
        report.metadata_fields_cleaned += len({r.segment_id for r in plan})

    def _finish(self, batch: _Batch, source: Path, srclang: str | None, output, report: TmReport) -> None:
        entries_by_unit = batch.entries_by_unit
        entries = [e for unit in entries_by_unit for e in unit]
        document = Document(source, "tmx", [e.segment for e in entries])
        raw = self._findings_of(batch, document)
        # Job-wide propagation: a name found in an earlier batch is replaced here too.
        findings = self.job.propagate(document, raw)
        unit_of = {e.segment.id: i for i, unit in enumerate(entries_by_unit) for e in unit}
        kind_of = {e.segment.id: e.segment.location.kind for e in entries}
        per_unit: dict[int, list[Finding]] = {}
        for finding in findings:
            per_unit.setdefault(unit_of[finding.segment_id], []).append(finding)
        dropped: set[int] = set()
        if self.policy == "drop":
            for unit, unit_findings in per_unit.items():
                reasons = unit_reasons(unit_findings)
                if reasons:
                    dropped.add(unit)
                    report.dropped_by_reason.update(reasons)
        planned = [f for f in findings if unit_of[f.segment_id] not in dropped]
        plan, _ = self.job.plan(document, planned)
        tmx.write_entries(entries, plan)
        # Fail closed, unit by unit: a unit that still holds a replaced value is not stored.
        leftovers = self._verify(batch, dropped, plan, srclang)
        if leftovers:
            dropped |= leftovers
            report.dropped_by_reason["verification_failed"] += len(leftovers)
        changed_text = {unit_of[r.segment_id] for r in plan if kind_of[r.segment_id] in _TEXT_KINDS}
        report.metadata_fields_cleaned += sum(1 for r in plan if kind_of[r.segment_id] == SegmentKind.METADATA)
        for finding in findings:
            if finding.category == CATEGORY_SPECIAL:
                report.special_categories.add(finding.special_category or finding.entity_type.lower())
        for replacement in plan:
            if kind_of[replacement.segment_id] in _TEXT_KINDS and unit_of[replacement.segment_id] not in dropped:
                report.redacted_by_type[replacement.entity_type] += 1
        for i, tu in enumerate(batch.units):
            report.units += 1
            if i in dropped:
                report.dropped += 1
            else:
                report.redacted += i in changed_text
                report.kept += i not in changed_text
                output.write(etree.tostring(tu, encoding="unicode", with_tail=False) + "\n")
            parent = tu.getparent()
            tu.clear()
            if parent is not None:
                parent.remove(tu)
        if self.progress:
            self.progress(report.units)

    def _verify(self, batch: _Batch, dropped: set[int], plan: Plan, srclang) -> set[int]:
        """The units of a batch in which a replaced value is still present (placeholders apart).

        The batch is searched as one text; only when something is found are its units searched one by one.
        """
        special = special_types()
        words = self.job.word_names(plan)  # "Storm" may rightly stay where it is the word
        values = {
            r.original: r.entity_type for r in plan
            if r.original.strip() and r.entity_type not in special and r.original not in words
        }
        if not values:
            return set()
        texts: dict[int, str] = {}
        for i, tu in enumerate(batch.units):
            if i in dropped:
                continue
            pieces = [etree.tostring(tu, encoding="unicode", with_tail=False), *tu.attrib.values()]
            pieces.extend(e.segment.text for e in tmx.unit_segments(tu, batch.first_index + i, srclang))
            texts[i] = "\n".join(pieces)
        # One text for the batch: each value is searched once, not once per unit; and only values that
        # are in it at all (as they are, upper-cased, or lower-cased for e-mail) need the word search.
        everything = "\n".join(texts.values())
        lowered = everything.lower()
        candidates = {
            value: kind for value, kind in values.items()
            if value in everything or value.upper() in everything
            or ("@" in value and value.lower() in lowered) or any(c.isdigit() for c in value)
        }
        if not candidates or not search_values([everything], candidates):
            return set()
        return {i for i, text in texts.items() if search_values([text], candidates)}


def clean_tm(source: Path, out_path: Path, job, policy: str = "redact", workers: int = 1,
             batch_units: int = BATCH_UNITS, progress: Callable[[int], None] | None = None) -> TmReport:
    """Clean the memory at ``source`` into ``out_path`` (written under a temporary name, then renamed)."""
    if source.suffix.lower() != ".tmx":
        raise TmError(f"{source}: not a TMX file (screen tm cleans TMX 1.4 memories)")
    if not source.is_file():
        raise TmError(f"{source}: no such file")
    try:
        return TmCleaner(job, policy, workers, batch_units, progress).clean(source, out_path)
    except FormatError as error:
        raise TmError(str(error)) from None
