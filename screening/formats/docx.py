"""DOCX (WordprocessingML), read and written on the package parts with lxml.

Each paragraph (``w:p``) of a screened part is one segment. Its text is the concatenation of the
paragraph's own text nodes (``w:t``; ``w:tab`` and ``w:br`` count as a tab and a line break), so a name
split over runs with different formatting is one string for the analysis. A replacement is written into
the first run it touches and the rest of the value is cut out of the following runs, so every run keeps
its formatting. Paragraphs nested inside a paragraph (text boxes) are segments of their own.

The screened parts are the body, headers and footers, footnotes, endnotes, comments and the glossary
(building blocks); text boxes are screened in both their DrawingML and their VML fallback copy,
content controls through their content. :mod:`screening.formats.docx_parts` adds what is not paragraph
text: tracked deletions, change and comment authors, field codes, content control properties, alt
text, people.xml, settings.xml variables and mail-merge data, charts and SmartArt. Document properties,
external relationships (mailto: links, attached template, linked files), custom XML items, theme names
and embedded Office files are screened with the helpers of :mod:`screening.formats.ooxml`; the thumbnail
is blanked and pictures lose their Exif/XMP metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from screening.document import Document, Location, Plan, Replacement, Segment, SegmentKind
from screening.formats import docx_parts
from screening.formats.ooxml import (
    EmbeddedPackages,
    PackageTexts,
    Slot,
    add_external_targets,
    add_other_texts,
    add_properties,
    add_theme_names,
    blank_thumbnails,
    clean_media,
    open_package,
    package_texts_deep,
    remove_signatures,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _T, _TAB, _BR, _CR = (f"{{{W}}}{name}" for name in ("p", "t", "tab", "br", "cr"))
_TC, _TXBX = f"{{{W}}}tc", f"{{{W}}}txbxContent"

_PART_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"word/document\.xml$"), SegmentKind.BODY),
    (re.compile(r"word/header\d*\.xml$"), SegmentKind.HEADER),
    (re.compile(r"word/footer\d*\.xml$"), SegmentKind.FOOTER),
    (re.compile(r"word/footnotes\.xml$"), SegmentKind.FOOTNOTE),
    (re.compile(r"word/endnotes\.xml$"), SegmentKind.ENDNOTE),
    (re.compile(r"word/comments\.xml$"), SegmentKind.COMMENT),
    (re.compile(r"word/glossary/document\.xml$"), "glossary"),
)
# Parts without text that can be personal data; everything else not screened in detail has its text
# nodes screened (custom XML items bound to content controls, add-in data).
_STRUCTURAL = re.compile(
    r"^(\[Content_Types\]\.xml|.*\.rels|word/(styles|stylesWithEffects|fontTable|webSettings|numbering|"
    r"commentsExtended|commentsIds|commentsExtensible|footnotes|endnotes|comments|document|people|settings)\.xml|"
    r"word/(header|footer)\d*\.xml|word/theme/.*|word/glossary/.*|word/media/.*|word/embeddings/.*|"
    r"word/fonts/.*|word/.*\.bin|word/activeX/.*|docProps/.*|customXml/itemProps\d*\.xml|word/charts/.*|"
    r"word/diagrams/.*)$"
)


@dataclass
class _Piece:
    """A stretch of a segment's text: a text node (``node`` set) or a tab/break (``node`` None)."""

    start: int
    end: int
    node: etree._Element | None


@dataclass
class _Paragraph:
    part: str
    pieces: list[_Piece]


@dataclass
class _DocxNative:
    trees: dict[str, etree._Element] = field(default_factory=dict)
    paragraphs: dict[str, _Paragraph] = field(default_factory=dict)
    texts: PackageTexts | None = None  # the segments outside paragraph text; shares ``trees``
    initials: dict[str, Slot] = field(default_factory=dict)  # comment author segment id -> initials
    media: dict[str, bytes] = field(default_factory=dict)  # pictures without metadata, blank thumbnail
    embedded: EmbeddedPackages = field(default_factory=EmbeddedPackages)


def _own_paragraph(node: etree._Element) -> etree._Element | None:
    parent = node.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _pieces(paragraph: etree._Element) -> tuple[str, list[_Piece]]:
    text: list[str] = []
    pieces: list[_Piece] = []
    position = 0
    for node in paragraph.iter(_T, _TAB, _BR, _CR):
        if _own_paragraph(node) is not paragraph:
            continue
        if node.tag == _T:
            value, owner = node.text or "", node
        else:
            value, owner = ("\t" if node.tag == _TAB else "\n"), None
        if not value:
            continue
        pieces.append(_Piece(position, position + len(value), owner))
        text.append(value)
        position += len(value)
    return "".join(text), pieces


def _kind(part_kind: str, paragraph: etree._Element) -> str:
    for ancestor in paragraph.iterancestors():
        if ancestor.tag == _TXBX:
            return SegmentKind.TEXT_BOX
        if ancestor.tag == _TC:
            return SegmentKind.TABLE if part_kind == SegmentKind.BODY else part_kind
    return part_kind


def _apply(paragraph: _Paragraph, replacements: list[Replacement]) -> None:
    """Rewrite the text nodes of a paragraph so that its text has the replacements applied."""
    text_pieces = [piece for piece in paragraph.pieces if piece.node is not None]
    for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
        touched = [p for p in text_pieces if p.start < replacement.end and p.end > replacement.start]
        if not touched:
            raise ValueError("replacement covers no text run")
        for index, piece in enumerate(touched):
            node = piece.node
            old = node.text or ""
            cut_from = max(replacement.start, piece.start) - piece.start
            cut_to = min(replacement.end, piece.end) - piece.start
            inserted = replacement.new_text if index == 0 else ""
            node.text = old[:cut_from] + inserted + old[cut_to:]
            node.set(XML_SPACE, "preserve")


class DocxAdapter:
    format = "docx"
    extensions = (".docx", ".docm")
    part_kinds = _PART_KINDS

    def screened_parts(self, names: Iterable[str]) -> list[tuple[str, str]]:
        """The parts to screen, with the segment kind of their paragraphs, in a stable order."""
        found = []
        for name in sorted(names):
            for pattern, kind in self.part_kinds:
                if pattern.match(name):
                    found.append((name, kind))
                    break
        return found

    def read(self, path: Path) -> Document:
        native = _DocxNative()
        segments: list[Segment] = []
        with open_package(path, "word/document.xml", "DOCX") as package:
            texts = PackageTexts(package, path)
            native.texts, native.trees = texts, texts.trees
            for part, kind in self.screened_parts(package.namelist()):
                root = texts.tree(part)
                for number, element in enumerate(root.iter(_P), start=1):
                    text, pieces = _pieces(element)
                    if not text.strip():
                        continue
                    segment_id = f"{part}#p{number}"
                    native.paragraphs[segment_id] = _Paragraph(part, pieces)
                    segments.append(
                        Segment(segment_id, text, Location(part, _kind(kind, element), {"paragraph": number}))
                    )
                docx_parts.add_part_extras(texts, part, kind, native.initials)
            self._read_package(texts, native)
        segments.extend(native.texts.segments)
        segments.extend(native.embedded.segments())
        unscanned = texts.unscanned + native.embedded.unscanned()
        return Document(path=path, format=self.format, segments=segments, unscanned=unscanned, native=native)

    def _read_package(self, texts: PackageTexts, native: _DocxNative) -> None:
        names = set(texts.names)
        if "word/people.xml" in names:
            docx_parts.add_people(texts, "word/people.xml")
        if "word/settings.xml" in names:
            docx_parts.add_settings(texts, "word/settings.xml")
        for part in sorted(texts.names):
            if re.match(r"word/(charts/chart|diagrams/(data|drawing))\d+\.xml$", part):
                docx_parts.add_drawing_part(texts, part)
            elif part.endswith(".xml") and not _STRUCTURAL.match(part):
                add_other_texts(texts, part)
        add_properties(texts)
        add_external_targets(texts)
        add_theme_names(texts)
        remove_signatures(texts)
        thumbnails = blank_thumbnails(texts)
        native.media = {**clean_media(texts), **thumbnails}
        native.embedded.read(texts)

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: _DocxNative = document.native
        changed: set[str] = set()
        for segment in document.segments:
            replacements = plan.for_segment(segment.id)
            if replacements and segment.id in native.paragraphs:
                paragraph = native.paragraphs[segment.id]
                _apply(paragraph, replacements)
                changed.add(paragraph.part)
        texts = native.texts
        changed |= texts.apply(plan)
        for segment_id, initials in native.initials.items():
            if plan.for_segment(segment_id):  # initials follow a replaced author name
                initials.set(texts.regions[segment_id].spans[0].slot.get())
                changed.add(texts.regions[segment_id].part)
        texts.write(out_path, changed, {**native.media, **native.embedded.write(plan)})

    def raw_texts(self, path: Path) -> Iterable[str]:
        return package_texts_deep(path)


ADAPTER = DocxAdapter()
