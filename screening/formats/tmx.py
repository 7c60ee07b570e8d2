"""TMX 1.4b translation memories, read and written with lxml, inline codes kept.

Segments of a translation unit (``tu``), in document order:

- each variant's ``seg`` (kind "source" for the header's ``srclang``, else "target"), its language from
  the variant's ``xml:lang``; inline ``bpt``/``ept``/``it`` count as nothing and ``ph``/``ut`` as a space
  in the text the analysis sees (see :mod:`screening.formats.inline`);
- the native code inside ``bpt``/``ept``/``it``/``ph``/``ut`` (kind "inline_code") and ``sub`` text
  (kind "sub"), written back as plain text;
- metadata (kind "metadata" unless said): ``creationid`` and ``changeid`` of the header, of every ``tu``
  and of every ``tuv`` (entity hint PERSON: they are user logins); every ``note`` (kind "note") and
  ``prop`` text, ``x-context-pre``/``x-context-post`` included (kind "context": they hold the full text
  of the neighbouring segments);
- XML comments anywhere in the memory (kind "comment").

A placeholder in a ``seg`` is written as ``<ph x="N" type="x-pii-person">[PERSON_1]</ph>``. TMX has no
string ids on inline codes; ``x`` is the integer that matches codes across the variants of a unit, so
the n-th occurrence of a placeholder gets the same ``x`` in every variant, numbered above the highest
``x``/``i`` the unit already uses. The placeholder text itself stays the job-wide key for restoring.

:func:`unit_segments` and :func:`header_segments` work on one element, so that ``screen tm`` can clean a
memory of any size streaming (see :mod:`screening.tm`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from screening.document import Document, FormatError, Location, Plan, Replacement, Segment, SegmentKind
from screening.formats import inline
from screening.formats.xliff_common import (
    XML_LANG,
    Field,
    FlowTarget,
    field_of,
    language_code,
    parse,
    head_of,
    serialise,
    worth_screening,
    xml_texts,
)

MODEL = inline.InlineModel(
    containers=frozenset({"hi"}),
    paired_codes=frozenset({"bpt", "ept", "it"}),
    standalone_codes=frozenset({"ph", "ut"}),
)
PERSON_ATTRIBUTES = ("creationid", "changeid")
CONTEXT_PROPS = ("x-context-pre", "x-context-post")
INLINE_CODE, SUB, CONTEXT = "inline_code", "sub", "context"


@dataclass
class Entry:
    """A segment and what writes it back."""

    segment: Segment
    target: Field | FlowTarget


@dataclass
class _UnitTags:
    """Numbers the placeholder tags of one unit: same ``x`` for the same value in every variant."""

    next_x: int
    by_occurrence: dict[tuple[str, int], int] = field(default_factory=dict)

    def factory(self):
        seen: dict[str, int] = {}

        def make(replacement: Replacement) -> etree._Element:
            occurrence = seen.get(replacement.placeholder, 0) + 1
            seen[replacement.placeholder] = occurrence
            key = (replacement.placeholder, occurrence)
            if key not in self.by_occurrence:
                self.by_occurrence[key] = self.next_x
                self.next_x += 1
            tag = etree.Element("ph", {"x": str(self.by_occurrence[key]), "type": inline.tag_type(replacement.entity_type)})
            tag.text = replacement.placeholder
            return tag

        return make


def _highest_code_number(tu: etree._Element) -> int:
    highest = 0
    for element in tu.iter("bpt", "ept", "it", "ph", "hi", "ut"):
        for name in ("x", "i"):
            value = element.get(name, "")
            if value.isdigit():
                highest = max(highest, int(value))
    return highest


def _metadata(prefix: str, element: etree._Element, location: Location, hint_attributes: Iterable[str]) -> list[Entry]:
    entries: list[Entry] = []
    for name in hint_attributes:
        item = field_of(element, name)
        if item is not None:
            where = Location(location.part, SegmentKind.METADATA, {**location.details, "field": name})
            entries.append(Entry(Segment(f"{prefix}@{name}", item.text, where, entity_hint="PERSON"), item))
    for number, child in enumerate(element.iterchildren("note", "prop"), start=1):
        item = field_of(child)
        if item is None:
            continue
        if child.tag == "note":
            kind, label = SegmentKind.NOTE, "note"
        else:
            prop_type = child.get("type", "")
            kind = CONTEXT if prop_type in CONTEXT_PROPS else SegmentKind.METADATA
            label = f"prop {prop_type}".strip()
        where = Location(location.part, kind, {**location.details, "field": label})
        language = language_code(child.get(XML_LANG) or child.get("lang"))
        entries.append(Entry(Segment(f"{prefix}.{child.tag}{number}", item.text, where, language=language), item))
    return entries


def header_segments(header: etree._Element) -> list[Entry]:
    return _metadata("header", header, Location("header", SegmentKind.METADATA), PERSON_ATTRIBUTES)


def unit_segments(tu: etree._Element, index: int, srclang: str | None) -> list[Entry]:
    """The segments of one ``tu`` (``index`` counts units from 1), in document order."""
    unit = tu.get("tuid") or str(index)
    prefix = f"tu{index}"
    entries = _metadata(prefix, tu, Location("body", SegmentKind.METADATA, {"unit": unit}), PERSON_ATTRIBUTES)
    tags = _UnitTags(_highest_code_number(tu) + 1)
    source = (srclang or "").lower()
    for number, tuv in enumerate(tu.iterchildren("tuv"), start=1):
        lang_tag = tuv.get(XML_LANG) or tuv.get("lang") or ""
        language = language_code(lang_tag)
        side = "source" if source and (lang_tag.lower() == source or source == "*all*" and number == 1) else "target"
        details = {"unit": unit, "side": side, "language": lang_tag}
        tuv_prefix = f"{prefix}.tuv{number}"
        for entry in _metadata(tuv_prefix, tuv, Location("body", SegmentKind.METADATA, details), PERSON_ATTRIBUTES):
            entry.segment.language = entry.segment.language or language
            entries.append(entry)
        seg = tuv.find("seg")
        if seg is None:
            continue
        found = inline.flows(seg, MODEL)
        kind = SegmentKind.SOURCE if side == "source" else SegmentKind.TARGET
        if found.natural.text.strip():
            segment = Segment(f"{tuv_prefix}.seg", found.natural.text, Location("body", kind, details), language)
            entries.append(Entry(segment, FlowTarget(found.natural, tags.factory())))
        if worth_screening(found.codes.text):
            segment = Segment(f"{tuv_prefix}.codes", found.codes.text, Location("body", INLINE_CODE, details), language)
            entries.append(Entry(segment, FlowTarget(found.codes)))
        for sub_number, sub in enumerate(found.subs, start=1):
            segment = Segment(f"{tuv_prefix}.sub{sub_number}", sub.text, Location("body", SUB, details), language)
            entries.append(Entry(segment, FlowTarget(sub, tags.factory())))
    return entries


def comment_segments(root: etree._Element) -> list[Entry]:
    """XML comments inside the memory: free text, screened like notes."""
    entries = []
    for number, comment in enumerate(root.iter(etree.Comment), start=1):
        item = field_of(comment)
        if item is not None:
            where = Location("comment", SegmentKind.COMMENT, {"comment": number})
            entries.append(Entry(Segment(f"comment{number}", item.text, where), item))
    return entries


def write_entries(entries: Iterable[Entry], plan: Plan) -> int:
    """Apply the plan to the entries' elements; the number of segments changed."""
    changed = 0
    for entry in entries:
        replacements = plan.for_segment(entry.segment.id)
        if replacements:
            entry.target.write(replacements)
            changed += 1
    return changed


def check_root(root: etree._Element, path: Path) -> tuple[etree._Element | None, str | None]:
    if root.tag != "tmx":
        raise FormatError(f"{path}: not a TMX file (root element is not <tmx>)")
    header = root.find("header")
    if root.find("body") is None:
        raise FormatError(f"{path}: not a TMX file (no <body>)")
    return header, header.get("srclang") if header is not None else None


class TmxAdapter:
    format = "tmx"
    extensions = (".tmx",)

    def read(self, path: Path) -> Document:
        tree = parse(path, "TMX")
        header, srclang = check_root(tree.getroot(), path)
        entries = header_segments(header) if header is not None else []
        for index, tu in enumerate(tree.getroot().find("body").iterchildren("tu"), start=1):
            entries.extend(unit_segments(tu, index, srclang))
        entries.extend(comment_segments(tree.getroot()))
        native = {"tree": tree, "entries": entries}
        return Document(path=path, format=self.format, segments=[e.segment for e in entries], native=native)

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        write_entries(document.native["entries"], plan)
        out_path.write_bytes(serialise(document.native["tree"], head_of(document.path)))

    def raw_texts(self, path: Path) -> Iterable[str]:
        tree = parse(path, "TMX")
        header, srclang = check_root(tree.getroot(), path)
        entries = header_segments(header) if header is not None else []
        for index, tu in enumerate(tree.getroot().find("body").iterchildren("tu"), start=1):
            entries.extend(unit_segments(tu, index, srclang))
        entries.extend(comment_segments(tree.getroot()))
        return xml_texts(path, (entry.segment.text for entry in entries))


ADAPTER = TmxAdapter()
