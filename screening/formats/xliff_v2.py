"""XLIFF 2.0 / 2.1 / 2.2: units of segments and ignorables, with the matches and change-tracking modules.

Segments, per ``unit``: ``source`` and ``target`` of every ``segment`` and ``ignorable``; the native code
kept in ``originalData/data`` (kind "inline_code", plain text); the ``source``/``target`` of every
``mtc:match`` (kind "match"). ``pc``/``mrk`` wrap sentence text, ``sc``/``ec``/``sm``/``em`` count as
nothing and ``ph``/``cp`` as a space. Languages: ``xml:lang`` of the element, else the root's
``srcLang``/``trgLang``.

Metadata: ``file@original`` (folders dropped, file name screened); every ``note`` (kind "note");
``mtc:match@origin``; ``ctr:changeTrack`` (earlier versions of the content and their authors) is removed
and listed; tool extensions are screened as in XLIFF 1.2 (``screening.formats.xliff.extension_metadata``:
``mda:meta`` values, author/user attributes with hint PERSON).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from screening.document import FormatError, SegmentKind
from screening.formats import inline
from screening.formats.xliff import MATCH, Collector, inside_removed, extension_metadata, xml_comments
from screening.formats.xliff_common import XML_LANG, field_of, language_code
from screening.formats.xliff_tags import xliff2_factory

MATCHES = "urn:oasis:names:tc:xliff:matches:2.0"
CHANGE_TRACKING = "urn:oasis:names:tc:xliff:changetracking:2.0"
METADATA = "urn:oasis:names:tc:xliff:metadata:2.0"

MODEL = inline.InlineModel(
    containers=frozenset({"pc", "mrk"}),
    paired_codes=frozenset({"sc", "ec", "sm", "em"}),
    standalone_codes=frozenset({"ph", "cp"}),
    sub=None,
)


class Xliff2Reader:
    format = "xliff"

    def __init__(self, tree: etree._ElementTree, path: Path) -> None:
        self.tree = tree
        self.path = path
        root = tree.getroot()
        self.ns = etree.QName(root).namespace or ""
        self.collector = Collector(tree)
        self.ids = inline.TagIds()

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def read(self) -> Collector:
        root = self.tree.getroot()
        c = self.collector
        source_language = root.get("srcLang")
        target_language = root.get("trgLang")
        files = list(root.iterchildren(self.q("file")))
        if not files:
            raise FormatError(f"{self.path}: XLIFF 2 without <file> element")
        for track in root.iter(f"{{{CHANGE_TRACKING}}}changeTrack"):
            c.remove(track, "unit", "change-tracking history (earlier versions and their authors)")
        for number, file_element in enumerate(files, start=1):
            part = f"file {number}"
            c.field(field_of(file_element, "original", path=True), part, {"field": "original"})
            for note in file_element.iter(self.q("note")):
                unit = next((a.get("id") for a in note.iterancestors(self.q("unit"))), None)
                details = {"unit": unit, "field": "note"} if unit else {"field": "note"}
                c.field(field_of(note), part, details, kind=SegmentKind.NOTE, language=language_code(note.get(XML_LANG)))
            for index, unit in enumerate(file_element.iter(self.q("unit")), start=1):
                self._unit(unit, part, unit.get("id") or str(index), source_language, target_language)
        removed = c.native.remove
        extension_metadata(c, root, (self.ns, MATCHES), lambda e: inside_removed(e, removed))
        xml_comments(c, root)
        return c

    def _sides(self, container, part, details, kind_of, unit, prefix, source_language, target_language) -> None:
        for element in container.iterchildren(self.q("source"), self.q("target")):
            name = inline.local(element)
            is_target = name == "target"
            language = language_code(element.get(XML_LANG) or (target_language if is_target else source_language))
            make = xliff2_factory(self.ns, self.ids, unit, f"{prefix}{name}")
            self.collector.flows(element, MODEL, part, {**details, "side": name}, kind_of(is_target), language, make)

    def _unit(self, unit_element, part, unit, source_language, target_language) -> None:
        c = self.collector

        def segment_kind(is_target: bool) -> str:
            return SegmentKind.TARGET if is_target else SegmentKind.SOURCE

        for child in unit_element.iterchildren(self.q("segment"), self.q("ignorable")):
            details = {"unit": unit, "segment": child.get("id") or inline.local(child)}
            self._sides(child, part, details, segment_kind, unit, "", source_language, target_language)
        for data in unit_element.iter(self.q("data")):
            c.field(field_of(data), part, {"unit": unit, "field": f"originalData {data.get('id', '')}".strip()},
                    kind="inline_code")
        for number, match in enumerate(unit_element.iter(f"{{{MATCHES}}}match"), start=1):
            c.field(field_of(match, "origin"), part, {"unit": unit, "field": f"match {number} origin"})
            self._sides(match, part, {"unit": unit, "match": number}, lambda _: MATCH, unit, f"match{number}-",
                        source_language, target_language)
