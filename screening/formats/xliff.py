"""XLIFF 1.2, SDLXLIFF (Trados), MQXLIFF (memoQ) and XLIFF 2.x, read and written with lxml.

The flavour is told by the root: ``version`` 2.x / the XLIFF 2 namespace is XLIFF 2 (see
:mod:`screening.formats.xliff_v2`); otherwise XLIFF 1.x, with the SDL or memoQ extensions when their
namespaces are declared.

Segments of XLIFF 1.x, per ``trans-unit``: ``source``, each ``mrk mtype="seg"`` of ``seg-source`` and of
``target`` (or the whole ``seg-source``/``target`` when it is not segmented), the ``source``/``target`` of
every ``alt-trans`` (kind "match": matches may come from other clients' memories), native code inside
``bpt``/``ept``/``ph``/``it``/``bx``/``ex`` (kind "inline_code"), ``sub`` text (kind "sub"), ``context``
text (kind "context"), ``prop`` text. Languages come from ``xml:lang`` or ``file@source-language`` /
``file@target-language``.

Metadata (kind "metadata"; hint = the entity type the whole value is taken to be):

| where | field | handling |
|---|---|---|
| ``file`` | ``original`` | folders dropped unconditionally, file name screened |
| ``external-file`` | ``href`` | same |
| ``note`` | ``from`` | hint PERSON; the note text screened (kind "note") |
| ``phase`` | ``contact-name`` / ``contact-email`` / ``contact-phone`` | hints PERSON / EMAIL_ADDRESS / PHONE_NUMBER |
| ``phase``, ``tool`` | ``company-name``, ``tool-company`` | screened |
| ``alt-trans`` | ``origin`` | screened |
| ``mrk`` | ``comment`` | screened (kind "comment") |
| XML comments | | screened (kind "comment") |
| ``internal-file`` | (embedded original or skeleton) | emptied, listed as unscanned and removed |
| SDL ``reference`` with ``internal-file`` | the original document in base64 | removed, listed |
| SDL ``mrk mtype="x-sdl-deleted"`` / ``x-sdl-feedback-deleted`` | deleted revisions | removed, listed |
| memoQ ``mq:minorversions`` | historical versions of a unit | removed, listed |
| any tool-extension attribute named like ``*user``, ``*username``, ``author``, ``creator``, ``*_by``... (SDL ``rev-def@author``, ``Comment@user``, ``mq:lastchanginguser``, ``mq:translatorcommitusername``...) | | hint PERSON |
| any tool-extension attribute named like ``*path``, ``*filename``, ``origfile``, ``docname`` (memoQ ``mq:origfile``, ``mq:docname``) | | folders dropped, file name screened |
| any other tool-extension attribute holding an absolute path | | folders dropped, the rest screened |
| any text-only tool-extension element (SDL ``value``, ``Comment``, tag definitions, memoQ comments...) | | screened; hint PERSON when its ``key`` (or, without a key, its name) is a user field (SDL ``created_by``, ``last_modified_by``, ``SDLWS:UserName``); folders dropped when it names a path (``SDL:OriginalFilePath``, memoQ ``mq:export-path``); the folders of absolute paths inside its text dropped too (memoQ keeps import and export paths in CDATA under ``mq:versioninfos``) |

Placeholders become inline tags (see :mod:`screening.formats.xliff_tags`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from screening.document import Document, FormatError, Location, Plan, Segment, SegmentKind, UnscannedPart
from screening.formats import inline
from screening.formats.xliff_common import (
    PATH_NAME,
    PERSON_NAME,
    XML_LANG,
    Field,
    FlowTarget,
    field_of,
    head_of,
    language_code,
    parse,
    serialise,
    worth_screening,
    xml_texts,
)
from screening.formats.xliff_tags import SDL, SdlTagDefs, xliff1_factory

XLIFF1 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF1_NAMESPACES = (XLIFF1, "urn:oasis:names:tc:xliff:document:1.1", "")
XLIFF2_PREFIX = "urn:oasis:names:tc:xliff:document:2."
MEMOQ = "MQXliff"
INLINE_CODE, SUB, MATCH, CONTEXT = "inline_code", "sub", "match", "context"
_DELETED = {"x-sdl-deleted", "x-sdl-feedback-deleted"}
_CONTACT_HINTS = {"contact-name": "PERSON", "contact-email": "EMAIL_ADDRESS", "contact-phone": "PHONE_NUMBER"}
_KEY_ATTRIBUTES = ("key", "name", "type")


def _is_deleted(element: etree._Element) -> bool:
    return inline.local(element) == "mrk" and element.get("mtype") in _DELETED


MODEL = inline.InlineModel(
    containers=frozenset({"g", "mrk"}),
    paired_codes=frozenset({"bpt", "ept", "bx", "ex"}),
    standalone_codes=frozenset({"ph", "it", "x"}),
    skip=_is_deleted,
)


@dataclass
class Entry:
    segment: Segment
    target: Field | FlowTarget


@dataclass
class XliffNative:
    tree: etree._ElementTree
    entries: list[Entry] = field(default_factory=list)
    remove: list[etree._Element] = field(default_factory=list)
    empty: list[etree._Element] = field(default_factory=list)


class Collector:
    """Gathers the segments of a tree, and what the writer must remove or empty."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.native = XliffNative(tree)
        self.unscanned: list[UnscannedPart] = []
        self._count = 0

    def _next_id(self, role: str) -> str:
        self._count += 1
        return f"{self._count}:{role}"

    def field(
        self,
        item: Field | None,
        part: str,
        details: dict,
        kind: str = SegmentKind.METADATA,
        hint: str | None = None,
        language: str | None = None,
    ) -> None:
        if item is None:
            return
        segment = Segment(self._next_id(kind), item.text, Location(part, kind, details), language, hint)
        self.native.entries.append(Entry(segment, item))

    def flows(self, element, model, part: str, details: dict, kind: str, language: str | None, make_tag) -> None:
        found = inline.flows(element, model)
        if found.natural.text.strip():
            segment = Segment(self._next_id(kind), found.natural.text, Location(part, kind, details), language)
            self.native.entries.append(Entry(segment, FlowTarget(found.natural, make_tag)))
        if worth_screening(found.codes.text):
            where = Location(part, INLINE_CODE, details)
            self.native.entries.append(Entry(Segment(self._next_id(INLINE_CODE), found.codes.text, where, language),
                                             FlowTarget(found.codes)))
        for sub in found.subs:
            where = Location(part, SUB, details)
            self.native.entries.append(Entry(Segment(self._next_id(SUB), sub.text, where, language),
                                             FlowTarget(sub, make_tag)))

    def remove(self, element: etree._Element, part: str, reason: str) -> None:
        self.native.remove.append(element)
        self.unscanned.append(UnscannedPart(part, reason, removed=True))

    def empty(self, element: etree._Element, part: str, reason: str) -> None:
        self.native.empty.append(element)
        self.unscanned.append(UnscannedPart(part, reason, removed=True))


def extension_metadata(collector: Collector, root: etree._Element, core: tuple[str, ...], skip) -> None:
    """Screen what tool extensions (SDL, memoQ, others) keep outside the core XLIFF namespace."""
    for element in root.iter():
        if not isinstance(element.tag, str) or skip(element):
            continue
        namespace = etree.QName(element).namespace or ""
        part = "extension" if namespace not in core else "unit"
        for name in element.attrib:
            attribute = etree.QName(name)
            if attribute.namespace in core or (attribute.namespace is None and namespace in core):
                continue  # core attributes are handled by the reader
            if PERSON_NAME.search(attribute.localname):
                collector.field(field_of(element, name), part, {"field": attribute.localname}, hint="PERSON")
            elif PATH_NAME.search(attribute.localname):
                collector.field(field_of(element, name, path=True), part, {"field": attribute.localname})
            elif namespace not in core:  # only a path is taken from an attribute of another name
                found = field_of(element, name, folders_in_text=True)
                if found is not None and found.path:
                    collector.field(found, part, {"field": attribute.localname})
        if namespace in core or len(element) or not (element.text or "").strip():
            continue
        key = next((element.get(k) for k in _KEY_ATTRIBUTES if element.get(k)), "")
        label = key or inline.local(element)
        # Without a key the element's own name says what it holds (memoQ ``mq:export-path``).
        bare_key = key.split(":")[-1] or inline.local(element)
        kind = SegmentKind.COMMENT if inline.local(element).lower() == "comment" else SegmentKind.METADATA
        if any(inline.local(a) == "tag-defs" for a in element.iterancestors()):
            kind = INLINE_CODE
        if bare_key and PERSON_NAME.search(bare_key):
            collector.field(field_of(element), part, {"field": label}, hint="PERSON")
        elif bare_key and PATH_NAME.search(bare_key):
            collector.field(field_of(element, path=True), part, {"field": label})
        else:
            collector.field(field_of(element, folders_in_text=True), part, {"field": label}, kind=kind)


def xml_comments(collector: Collector, root: etree._Element) -> None:
    """XML comments are free text a tool or a person left in the file: screened like notes."""
    for number, comment in enumerate(root.iter(etree.Comment), start=1):
        collector.field(field_of(comment), "comment", {"comment": number}, kind=SegmentKind.COMMENT)


def inside_removed(element: etree._Element, removed: list[etree._Element]) -> bool:
    """Whether an element is, or is inside, one the writer removes (no need to screen it)."""
    if not removed:
        return False
    ancestors = {id(a) for a in element.iterancestors()}
    ancestors.add(id(element))
    return any(id(r) in ancestors for r in removed)


class Xliff1Reader:
    """XLIFF 1.0-1.2 with the SDL and memoQ extensions."""

    def __init__(self, tree: etree._ElementTree, path: Path) -> None:
        self.tree = tree
        self.path = path
        root = tree.getroot()
        self.ns = etree.QName(root).namespace or ""
        self.sdl = SDL in root.nsmap.values() or any(SDL in (e.nsmap or {}).values() for e in root.iter("{*}file"))
        self.memoq = MEMOQ in root.nsmap.values()
        self.collector = Collector(tree)
        self.ids = inline.TagIds()

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    @property
    def format(self) -> str:
        return "sdlxliff" if self.sdl else "mqxliff" if self.memoq else "xliff"

    def read(self) -> Collector:
        root = self.tree.getroot()
        files = list(root.iter(self.q("file")))
        if not files:
            raise FormatError(f"{self.path}: XLIFF without <file> element")
        for element in root.iter(self.q("mrk"), f"{{{MEMOQ}}}minorversions"):
            if inline.local(element) == "mrk" and element.get("mtype") in _DELETED:
                self.collector.remove(element, "unit", "deleted revision (tracked change)")
            elif inline.local(element) == "minorversions" and (len(element) or (element.text or "").strip()):
                # memoQ writes an empty one in every unit: that one stays, so the structure does.
                self.collector.remove(element, "unit", "memoQ historical versions of a unit")
        for number, file_element in enumerate(files, start=1):
            self._file(file_element, f"file {number}")
        removed = self.collector.native.remove + self.collector.native.empty
        extension_metadata(self.collector, root, (self.ns,), lambda e: inside_removed(e, removed))
        xml_comments(self.collector, root)
        return self.collector

    def _file(self, file_element: etree._Element, part: str) -> None:
        c = self.collector
        source_language = file_element.get("source-language")
        target_language = file_element.get("target-language")
        c.field(field_of(file_element, "original", path=True), part, {"field": "original"})
        tag_defs = SdlTagDefs(file_element, self.ns) if self.sdl else None
        for internal in file_element.iter(self.q("internal-file")):
            parent = internal.getparent()
            if self.sdl and parent is not None and inline.local(parent) == "reference":
                c.remove(parent, part, "embedded original document (SDLXLIFF internal-file)")
            else:
                c.empty(internal, part, f"embedded file in {inline.local(parent) if parent is not None else 'file'}")
        for external in file_element.iter(self.q("external-file")):
            c.field(field_of(external, "href", path=True), part, {"field": "external-file href"})
        for phase in file_element.iter(self.q("phase")):
            for name, hint in _CONTACT_HINTS.items():
                c.field(field_of(phase, name), part, {"field": f"phase {name}"}, hint=hint)
            c.field(field_of(phase, "company-name"), part, {"field": "phase company-name"})
        for tool in file_element.iter(self.q("tool")):
            c.field(field_of(tool, "tool-company"), part, {"field": "tool-company"})
        for note in file_element.iter(self.q("note")):
            unit = next((a.get("id") for a in note.iterancestors(self.q("trans-unit"))), None)
            details = {"unit": unit} if unit else {}
            c.field(field_of(note, "from"), part, {**details, "field": "note from"}, hint="PERSON")
            c.field(field_of(note), part, {**details, "field": "note"}, kind=SegmentKind.NOTE,
                    language=language_code(note.get(XML_LANG)))
        for number, unit in enumerate(file_element.iter(self.q("trans-unit")), start=1):
            self._unit(unit, part, unit.get("id") or str(number), source_language, target_language, tag_defs)

    def _factory(self, tag_defs: SdlTagDefs | None, unit: str, side: str):
        if tag_defs is not None:
            return tag_defs.factory(self.ids, unit, side)
        return xliff1_factory(self.ns, self.ids, unit, side)

    def _side(self, element, part, details, kind, language, unit, side, tag_defs) -> None:
        for mrk in element.iter(self.q("mrk")):
            if mrk.get("comment") and not _is_deleted(mrk):
                self.collector.field(field_of(mrk, "comment"), part, {**details, "field": "mrk comment"},
                                     kind=SegmentKind.COMMENT, language=language)
        segments = [m for m in element.iter(self.q("mrk")) if m.get("mtype") == "seg"]
        make = self._factory(tag_defs, unit, side)
        if not segments:
            self.collector.flows(element, MODEL, part, details, kind, language, make)
        for mrk in segments:
            self.collector.flows(mrk, MODEL, part, {**details, "segment": mrk.get("mid")}, kind, language, make)

    def _unit(self, unit_element, part, unit, source_language, target_language, tag_defs) -> None:
        c = self.collector
        q = self.q
        for element in unit_element.iterchildren(q("source"), q("seg-source"), q("target")):
            name = inline.local(element)
            is_target = name == "target"
            language = language_code(element.get(XML_LANG) or (target_language if is_target else source_language))
            details = {"unit": unit, "side": "target" if is_target else name}
            kind = SegmentKind.TARGET if is_target else SegmentKind.SOURCE
            self._side(element, part, details, kind, language, unit, name, tag_defs)
        for number, alt in enumerate(unit_element.iterchildren(q("alt-trans")), start=1):
            c.field(field_of(alt, "origin"), part, {"unit": unit, "field": f"alt-trans {number} origin"})
            for element in alt.iterchildren(q("source"), q("seg-source"), q("target")):
                name = inline.local(element)
                is_target = name == "target"
                language = language_code(element.get(XML_LANG) or (target_language if is_target else source_language))
                details = {"unit": unit, "side": name, "match": number}
                self._side(element, part, details, MATCH, language, unit, f"alt{number}-{name}", tag_defs)
        for context in unit_element.iter(q("context")):
            c.field(field_of(context), part, {"unit": unit, "field": f"context {context.get('context-type', '')}".strip()},
                    kind=CONTEXT)
        for prop in unit_element.iter(q("prop")):
            c.field(field_of(prop), part, {"unit": unit, "field": f"prop {prop.get('prop-type', '')}".strip()})


def _flavour_reader(tree: etree._ElementTree, path: Path):
    root = tree.getroot()
    if inline.local(root) != "xliff":
        raise FormatError(f"{path}: not an XLIFF file (root element is not <xliff>)")
    namespace = etree.QName(root).namespace or ""
    version = root.get("version", "")
    if namespace.startswith(XLIFF2_PREFIX) or version.startswith("2"):
        from screening.formats.xliff_v2 import Xliff2Reader

        return Xliff2Reader(tree, path)
    if namespace not in XLIFF1_NAMESPACES:
        raise FormatError(f"{path}: unsupported XLIFF namespace or version")
    return Xliff1Reader(tree, path)


class XliffAdapter:
    format = "xliff"
    extensions = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")

    def read(self, path: Path) -> Document:
        tree = parse(path, "XLIFF")
        reader = _flavour_reader(tree, path)
        collector = reader.read()
        native = collector.native
        return Document(
            path=path,
            format=reader.format,
            segments=[entry.segment for entry in native.entries],
            unscanned=collector.unscanned,
            native=native,
        )

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: XliffNative = document.native
        for entry in native.entries:
            replacements = plan.for_segment(entry.segment.id)
            # Path fields are written even without findings: their folders go unconditionally.
            if replacements or (isinstance(entry.target, Field) and entry.target.path):
                entry.target.write(replacements)
        # After the replacements: removing an element moves its tail, which flows may point at.
        for element in native.empty:
            for child in list(element):
                element.remove(child)
            element.text = None
        for element in native.remove:
            inline.remove_keeping_tail(element)
        out_path.write_bytes(serialise(native.tree, head_of(document.path)))

    def raw_texts(self, path: Path) -> Iterable[str]:
        tree = parse(path, "XLIFF")
        collector = _flavour_reader(tree, path).read()
        return xml_texts(path, (entry.segment.text for entry in collector.native.entries))


ADAPTER = XliffAdapter()
