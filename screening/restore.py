"""Put the originals back into translated files: the last step of "redact, translate, restore".

For each file: the format's adapter reads it into segments; every placeholder of the vault found in a
segment, and in pseudonym mode every stand-in, becomes a replacement by its original; the adapter writes
the copy. So a restored file keeps its layout exactly like a sanitized one does.

- Placeholders are found as the translator typed or kept them: ``[PERSON_1]``, also ``[person_1]`` or
  ``[ PERSON_1 ]`` as machine translation writes them, with a genitive ending added after them:
  "[PERSON_1]s" -> "Kari Nordmanns" (a name ending in s, x or z takes an apostrophe: "Lars'"),
  "[PERSON_1]'s" -> "Kari Nordmann's".
- In XLIFF (1.2, SDLXLIFF, 2.x) and TMX the placeholders are inline tags (``<ph ctype="x-pii-person">``,
  ``<x id="pii-PERSON-1"/>``, ``<ph disp="[PERSON_1]" subType="pii:person"/>``, ``<ph type="x-pii-...">``):
  they are first turned back into their placeholder text, then restored like typed ones.
- In PDF page text the placeholder's glyphs are cut out of the page and the original is drawn in its
  place as real text (see :mod:`screening.formats.pdf_restore`); its structure strings (document
  information, XMP, bookmarks, annotations, form fields) are restored like any other segment.
- Accounting: in a bilingual file each unit's target must hold the placeholders of its source; in other
  files the counts are compared with what the vault recorded for the sanitized file of the same name.
  A placeholder the translator deleted or duplicated, one the vault does not know (a typo) and one left
  in a part the adapter cannot write are reported, never silently dropped. The report names
  placeholders and places, never values.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

from lxml import etree

from screening.document import Document, FormatError, Plan, Replacement, SegmentKind
from screening.formats import adapter_for, inline
from screening.vault import VaultContent, entity_type_of

STATUS_OK, STATUS_WARNING, STATUS_ERROR, STATUS_SKIPPED = "ok", "check", "error", "skipped"
BILINGUAL = frozenset({"xliff", "tmx", "po"})
TAGGED = frozenset({"xliff", "tmx"})

PLACEHOLDER = re.compile(
    r"\[\s*(?P<type>[A-Za-z][A-Za-z0-9_]*?)\s*_\s*(?P<number>\d+)\s*\](?P<ending>(?:'s|’s|s|'|’)(?!\w))?"
)
# Placeholders without a number ("[HEALTH]") stand for special-category terms; no original is kept.
UNNUMBERED = re.compile(r"\[[A-Z][A-Z_]{2,}\]")
_SPECIAL_TYPES = frozenset(
    {"HEALTH", "RELIGION", "ETHNICITY", "POLITICAL", "TRADE_UNION", "SEXUAL_ORIENTATION", "CRIMINAL", "GENETIC", "BIOMETRIC"}
)
_PII_TAG_NAMES = frozenset({"ph", "x"})


def canonical(match: re.Match[str]) -> str:
    return f"[{match.group('type').upper()}_{int(match.group('number'))}]"


def with_ending(original: str, ending: str) -> str:
    """A genitive written after a placeholder, applied to the original ("Lars" + "s" -> "Lars'")."""
    if ending == "s" and original[-1:].lower() in "sxz":
        return original + "'"
    return original + ending


# Inline tags ---------------------------------------------------------------------------------------


def _tag_placeholder(element: etree._Element, sdl_defs: dict[str, str]) -> str | None:
    """The placeholder an inline tag stands for, or None when it is not one of ours."""
    if not isinstance(element.tag, str) or inline.local(element) not in _PII_TAG_NAMES:
        return None
    tag_id = element.get("id", "")
    marked = (
        (element.get("ctype") or element.get("type") or "").startswith("x-pii-")
        or (element.get("subType") or "").startswith("pii:")
        or tag_id.startswith("pii-")
    )
    if not marked:
        return None
    for candidate in (element.text, element.get("disp"), element.get("equiv"), sdl_defs.get(tag_id)):
        if candidate and PLACEHOLDER.fullmatch(candidate.strip()):
            return candidate.strip()
    match = re.fullmatch(r"pii-(?P<type>[A-Za-z0-9_]+?)-(?P<number>\d+)(?:-\d+)?", tag_id)
    return f"[{match.group('type')}_{match.group('number')}]" if match else None


def unwrap_placeholder_tags(path: Path, out_path: Path) -> int:
    """Write ``path`` with every placeholder tag replaced by its placeholder text; the number replaced.

    SDLXLIFF tag definitions of placeholders are dropped with their tags.
    """
    from screening.formats.xliff_common import head_of, parse, serialise

    tree = parse(path, "XML")
    root = tree.getroot()
    sdl_defs: dict[str, str] = {}
    definitions = []
    for element in root.iter():
        if isinstance(element.tag, str) and inline.local(element) == "tag" and element.get("id", "").startswith("pii-"):
            sdl_defs[element.get("id")] = "".join(element.itertext()).strip()
            definitions.append(element)
    tags = [(e, p) for e in root.iter() if (p := _tag_placeholder(e, sdl_defs))]
    for element, placeholder in tags:
        _replace_with_text(element, placeholder)
    for definition in definitions:
        parent = definition.getparent()
        if parent is not None:
            parent.remove(definition)
            if len(parent) == 0 and not (parent.text or "").strip():  # a tag-defs that held only ours
                parent.getparent().remove(parent)
    out_path.write_bytes(serialise(tree, head_of(path)))
    return len(tags)


def _replace_with_text(element: etree._Element, text: str) -> None:
    parent = element.getparent()
    value = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + value
    else:
        parent.text = (parent.text or "") + value
    parent.remove(element)


# Finding what to restore ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    """A placeholder or stand-in found in a segment; ``original`` is set for a stand-in's own spelling."""

    segment_id: str
    start: int
    end: int
    placeholder: str
    ending: str
    source: bool
    original: str | None = None


@dataclass(frozen=True)
class _StandIn:
    pattern: re.Pattern[str]
    placeholder: str
    original: str


def _stand_in_pattern(stand_in: str) -> re.Pattern[str]:
    digits = re.sub(r"\D", "", stand_in)
    if len(digits) >= 5 and len(digits) >= 0.6 * len(re.sub(r"\s", "", stand_in)):
        # A number may come back with other spacing ("97 38 75 14" for "97387514"); the prefix may stay.
        prefix = re.escape(stand_in[: len(stand_in) - len(stand_in.lstrip("+"))])
        body = r"[ .\-]?".join(digits)
        return re.compile(rf"(?<![\w+]){prefix}{body}(?!\d)")
    return re.compile(rf"(?<!\w){re.escape(stand_in)}(?P<ending>(?:'s|’s|s|'|’)(?!\w))?(?!\w)")


class Restorer:
    """Restores placeholders and stand-ins of one vault in text."""

    def __init__(self, content: VaultContent) -> None:
        self.content = content
        self.originals = {placeholder: entry.original for placeholder, entry in content.entries.items()}
        stand_ins = [
            (stand_in, placeholder, original)
            for placeholder, entry in content.entries.items()
            for stand_in, original in entry.variants.items()
        ]
        stand_ins.sort(key=lambda item: len(item[0]), reverse=True)  # "Gro Berg" before "Berg"
        self.stand_ins = [_StandIn(_stand_in_pattern(s), p, o) for s, p, o in stand_ins]
        self.unnumbered = {p for record in content.files.values() for p in record.unnumbered}

    def hits(self, segment_id: str, text: str, source: bool, unknown: Counter[str]) -> list[_Hit]:
        """The placeholders and stand-ins in a segment's text; unknown placeholders are counted."""
        hits: list[_Hit] = []
        for match in PLACEHOLDER.finditer(text):
            placeholder = canonical(match)
            if placeholder not in self.originals:
                unknown[placeholder] += 1
                continue
            ending = match.group("ending") or ""
            if entity_type_of(placeholder) != "PERSON":  # only names take a genitive; the rest stays as written
                hits.append(_Hit(segment_id, match.start(), match.end() - len(ending), placeholder, "", source))
            else:
                hits.append(_Hit(segment_id, match.start(), match.end(), placeholder, ending, source))
        for stand_in in self.stand_ins:
            for match in stand_in.pattern.finditer(text):
                if any(match.start() < h.end and match.end() > h.start for h in hits):
                    continue
                hits.append(_Hit(segment_id, match.start(), match.end(), stand_in.placeholder,
                                 match.groupdict().get("ending") or "", source, stand_in.original))
        return sorted(hits, key=lambda h: h.start)

    def resolve(self, hits: list[_Hit], texts: dict[str, str], spellings: dict[str, list[str]],
                sources_only: bool) -> list[Replacement]:
        """Replacements for the hits of a file, in file order.

        Where a placeholder occurs as often as in the sanitized file, its places get back the spellings
        they had there, in order ("Karis" stays "Karis"); otherwise every place gets the full original.
        """
        by_placeholder: dict[str, list[_Hit]] = defaultdict(list)
        for hit in hits:
            if hit.original is None and (hit.source or not sources_only):
                by_placeholder[hit.placeholder].append(hit)
        chosen: dict[int, str] = {}
        for placeholder, places in by_placeholder.items():
            recorded = spellings.get(placeholder, [])
            if len(recorded) == len(places):
                chosen.update({id(hit): spelling for hit, spelling in zip(places, recorded)})
        replacements = []
        for hit in hits:
            original = hit.original or chosen.get(id(hit)) or self.originals[hit.placeholder]
            replacements.append(Replacement(
                hit.segment_id, hit.start, hit.end, texts[hit.segment_id][hit.start:hit.end],
                with_ending(original, hit.ending), hit.placeholder, entity_type_of(hit.placeholder),
            ))
        return replacements


# One file ------------------------------------------------------------------------------------------


@dataclass
class RestoreResult:
    """What happened to one file; never holds a value, only placeholders and places."""

    path: str
    output: str | None = None
    format: str | None = None
    status: str = STATUS_OK
    error: str | None = None
    record: str | None = None  # the sanitized file of the vault this file was compared with
    restored: Counter[str] = field(default_factory=Counter)
    missing: dict[str, int] = field(default_factory=dict)
    duplicated: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    unnumbered: dict[str, int] = field(default_factory=dict)
    left: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, for people

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "output": self.output, "format": self.format, "status": self.status,
            "error": self.error, "compared_with": self.record, "restored": dict(sorted(self.restored.items())),
            "missing": self.missing, "duplicated": self.duplicated, "unknown": self.unknown,
            "unnumbered": self.unnumbered, "left_in_file": self.left, "problems": self.problems,
        }


def match_record(relative: Path, records: Iterable[str]) -> str | None:
    """The vault's sanitized file a translated file came from: same path, same name, or name + language.

    "brev.docx" matches "brev.docx" and "in/brev.docx"; "brev_en.docx" or "brev.en-GB.docx" matches
    "brev.docx" when no other record fits.
    """
    records = list(records)
    wanted = relative.as_posix()
    if wanted in records:
        return wanted
    by_name = [r for r in records if PurePosixPath(r).name == relative.name]
    if len(by_name) == 1:
        return by_name[0]
    stem, suffix = relative.stem, relative.suffix
    prefixed = [
        r for r in records
        if PurePosixPath(r).suffix == suffix
        and re.fullmatch(rf"{re.escape(PurePosixPath(r).stem)}[._\- ][A-Za-z]{{2,3}}(?:[-_][A-Za-z]{{2,4}})?", stem)
    ]
    return prefixed[0] if len(prefixed) == 1 else None


def _bilingual_check(document: Document, counts: dict[str, Counter[str]]) -> tuple[Counter[str], Counter[str], list[str]]:
    """Per unit: placeholders of the source missing from or repeated in each target variant."""
    sources: dict[Any, dict[Any, Counter[str]]] = defaultdict(dict)
    targets: dict[Any, dict[Any, Counter[str]]] = defaultdict(dict)
    for segment in document.segments:
        details = segment.location.details
        unit = details.get("unit", details.get("entry"))
        if unit is not None:
            unit = (segment.location.part, unit)  # unit ids repeat across the files of an XLIFF
        if unit is None or segment.location.kind not in (SegmentKind.SOURCE, SegmentKind.TARGET):
            continue
        # One group per variant: XLIFF source / seg-source / target, a TMX language, a PO msgstr[n].
        side = (details.get("side") or segment.location.kind, details.get("language"), details.get("field"))
        group = sources if segment.location.kind == SegmentKind.SOURCE else targets
        group[unit].setdefault(side, Counter()).update(counts.get(segment.id, Counter()))
    missing, duplicated, where = Counter(), Counter(), []
    for unit, variants in targets.items():
        expected = Counter()
        for side_counts in sources.get(unit, {}).values():  # source and seg-source hold the same codes
            expected |= side_counts
        for variant, got in variants.items():
            lost, extra = expected - got, got - expected
            missing.update(lost)
            duplicated.update(extra)
            for placeholder in sorted(lost):
                where.append(f"unit {unit[1]}: {placeholder} of the source is missing in the target")
            for placeholder in sorted(extra):
                where.append(f"unit {unit[1]}: {placeholder} appears more often in the target than in the source")
    return missing, duplicated, where


def restore_file(restorer: Restorer, path: Path, out_path: Path, display: str, relative: Path) -> RestoreResult:
    """Restore one translated file to ``out_path`` (written under a temporary name, then renamed)."""
    result = RestoreResult(path=display)
    adapter = adapter_for(path)
    if adapter is None:
        result.status, result.error = STATUS_SKIPPED, f"{display}: unsupported file type"
        return result
    result.format = adapter.format
    out_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = out_path.with_name(f".{out_path.stem}.restore-{os.getpid()}{out_path.suffix}")
    unwrapped = out_path.with_name(f".{out_path.stem}.untagged-{os.getpid()}{out_path.suffix}")
    try:
        source = path
        if adapter.format in TAGGED:
            unwrap_placeholder_tags(path, unwrapped)
            source = unwrapped
        document = adapter.read(source)
        bilingual = adapter.format in BILINGUAL
        result.record = match_record(relative, restorer.content.files)
        record = restorer.content.files.get(result.record) if result.record else None
        unknown: Counter[str] = Counter()
        hits: list[_Hit] = []
        for segment in document.segments:
            hits += restorer.hits(segment.id, segment.text, segment.location.kind == SegmentKind.SOURCE, unknown)
            for match in UNNUMBERED.finditer(segment.text):
                if match.group() in restorer.unnumbered or match.group()[1:-1] in _SPECIAL_TYPES:
                    result.unnumbered[match.group()] = result.unnumbered.get(match.group(), 0) + 1
        spellings = (record.source_spellings if bilingual else record.spellings) if record else {}
        texts = {segment.id: segment.text for segment in document.segments}
        replacements = restorer.resolve(hits, texts, spellings, sources_only=bilingual)
        found = Counter(hit.placeholder for hit in hits)
        per_segment: dict[str, Counter[str]] = defaultdict(Counter)
        for hit in hits:
            per_segment[hit.segment_id][hit.placeholder] += 1
        # An adapter whose restored copy must differ from a sanitized one (PDF: the originals drawn where
        # the placeholders were, nothing stripped) has its own writer for it.
        write = getattr(adapter, "write_restored", adapter.write)
        write(document, Plan(replacements), temporary)
        left = _left_over(adapter, temporary, restorer)
    except FormatError as error:
        temporary.unlink(missing_ok=True)
        result.status, result.error = STATUS_ERROR, str(error).replace(str(unwrapped), display).replace(str(path), display)
        return result
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        unwrapped.unlink(missing_ok=True)
    os.replace(temporary, out_path)
    result.output = str(out_path)
    result.restored = found
    result.unknown = dict(unknown)
    result.left = left
    if bilingual:
        missing, duplicated, where = _bilingual_check(document, per_segment)
        result.problems += where
    else:
        missing, duplicated = Counter(), Counter()
        if record is not None:
            expected = Counter(record.placeholders)
            missing, duplicated = expected - found, found - expected
            result.problems += [f"{p} was deleted ({n} of {expected[p]} missing)" for p, n in sorted(missing.items())]
            result.problems += [f"{p} is duplicated ({n} more than the {expected[p]} written)" if expected[p]
                                else f"{p} was added (not in the sanitized file)" for p, n in sorted(duplicated.items())]
        else:
            result.problems.append("no sanitized file of this name in the vault: deleted placeholders not checked")
    result.missing, result.duplicated = dict(missing), dict(duplicated)
    result.problems += [f"{p} is not in the vault (mistyped?), left as it is" for p in sorted(unknown)]
    result.problems += [f"{p} is still in a part of the file that cannot be restored" for p in left]
    result.problems += [f"{p} ({n}x): special-category terms have no number and are not kept, so they stay "
                        "as placeholders (redact with --keep-special to leave them in the copy)"
                        for p, n in sorted(result.unnumbered.items())]
    if missing or duplicated or unknown or left or result.unnumbered:
        result.status = STATUS_WARNING
    return result


def _left_over(adapter, path: Path, restorer: Restorer) -> list[str]:
    """Placeholders of the vault still present anywhere in the written file."""
    left: set[str] = set()
    for text in adapter.raw_texts(path):
        for match in PLACEHOLDER.finditer(text or ""):
            if canonical(match) in restorer.originals:
                left.add(canonical(match))
    return sorted(left)


def exit_status(results: Iterable[RestoreResult]) -> int:
    """0 everything restored and accounted for, 1 restored with problems to check, 3 a file failed."""
    results = list(results)
    if any(r.status == STATUS_ERROR for r in results):
        return 3
    if any(r.status == STATUS_WARNING for r in results):
        return 1
    return 0


def report(results: Iterable[RestoreResult]) -> dict[str, Any]:
    from screening import __version__

    results = list(results)
    return {
        "schema_version": 1,
        "tool": {"name": "screen", "version": __version__},
        "command": "restore",
        "files": [r.to_dict() for r in results],
        "summary": {
            "files": len(results),
            "restored": sum(1 for r in results if r.output),
            "to_check": sum(1 for r in results if r.status == STATUS_WARNING),
            "errors": sum(1 for r in results if r.status == STATUS_ERROR),
            "placeholders_restored": sum(sum(r.restored.values()) for r in results),
        },
    }
