"""PPTX (PresentationML), read and written on the package parts with lxml.

Every DrawingML paragraph is a segment wherever it sits: slides (hidden ones too, shapes inside groups,
tables, placeholders), notes, slide layouts and masters, notes and handout masters, SmartArt (both its
data model and the drawing cached from it), charts (titles, labels and the cached category and series
values). Alt text (descr, title) of every shape, legacy and modern comments with their authors (name,
initials, user id), tags, custom XML and the document properties are screened too. Pictures lose their
metadata, the thumbnail is blanked, and the workbooks embedded behind charts are screened with the
XLSX adapter and written back sanitized.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from screening.document import Document, Plan, SegmentKind
from screening.formats.ooxml import (
    EmbeddedPackages,
    PackageTexts,
    Slot,
    add_drawing_texts,
    add_external_targets,
    add_other_texts,
    add_properties,
    add_theme_names,
    blank_thumbnails,
    clean_media,
    open_package,
    package_texts_deep,
    relationships,
    remove_signatures,
)

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PRESENTATION = "ppt/presentation.xml"
_KINDS = (
    (re.compile(r"ppt/slides/slide\d+\.xml$"), SegmentKind.BODY),
    (re.compile(r"ppt/notesSlides/notesSlide\d+\.xml$"), SegmentKind.NOTE),
    (re.compile(r"ppt/slideLayouts/slideLayout\d+\.xml$"), "layout"),
    (re.compile(r"ppt/slideMasters/slideMaster\d+\.xml$"), "master"),
    (re.compile(r"ppt/(notesMasters|handoutMasters)/\w+\d+\.xml$"), "master"),
    (re.compile(r"ppt/diagrams/(data|drawing)\d+\.xml$"), "smartart"),
    (re.compile(r"ppt/charts/chart\d+\.xml$"), "chart"),
)
_STRUCTURAL = re.compile(
    r"^(\[Content_Types\]\.xml|.*\.rels|ppt/presentation\.xml|ppt/presProps\.xml|ppt/viewProps\.xml|"
    r"ppt/tableStyles\.xml|ppt/theme/.*|ppt/diagrams/(layout|quickStyle|colors)\d+\.xml|"
    r"ppt/charts/(style|colors)\d+\.xml|ppt/media/.*|ppt/embeddings/.*|ppt/fonts/.*|ppt/printerSettings/.*|"
    r"ppt/.*\.bin|docProps/.*|customXml/itemProps\d*\.xml|ppt/revisionInfo\.xml)$"
)


@dataclass
class _PptxNative:
    texts: PackageTexts
    media: dict[str, bytes] = field(default_factory=dict)
    embedded: EmbeddedPackages = field(default_factory=EmbeddedPackages)
    initials: dict[str, Slot] = field(default_factory=dict)  # author segment id -> its initials


class PptxAdapter:
    format = "pptx"
    extensions = (".pptx",)

    def read(self, path: Path) -> Document:
        package = open_package(path, PRESENTATION, "PPTX")
        with package:
            texts = PackageTexts(package, path)
            native = _PptxNative(texts)
            slides = self._slide_numbers(texts)
            for part in sorted(texts.names, key=_natural):
                kind = next((kind for pattern, kind in _KINDS if pattern.match(part)), None)
                if kind is not None:
                    add_drawing_texts(texts, part, kind, self._details(texts, part, slides))
                elif part.startswith("ppt/comments/"):
                    self._read_comments(texts, part, slides)
                elif part in ("ppt/commentAuthors.xml", "ppt/authors.xml"):
                    self._read_authors(texts, native, part)
                elif part.startswith("ppt/tags/"):
                    for number, tag in enumerate(texts.tree(part).iter(f"{{{P}}}tag"), start=1):
                        texts.add(f"{part}#tag{number}", part, [Slot(tag, "val")], "tag", {"tag": tag.get("name", "")})
                elif part.endswith(".xml") and not _STRUCTURAL.match(part):
                    add_other_texts(texts, part)
            add_properties(texts)
            add_external_targets(texts)
            add_theme_names(texts)
            remove_signatures(texts)
            thumbnails = blank_thumbnails(texts)
            native.media = {**clean_media(texts), **thumbnails}
            native.embedded.read(texts)
        segments = texts.segments + native.embedded.segments()
        unscanned = texts.unscanned + native.embedded.unscanned()
        return Document(path=path, format=self.format, segments=segments, unscanned=unscanned, native=native)

    def _slide_numbers(self, texts: PackageTexts) -> dict[str, dict[str, object]]:
        """Slide part -> {"slide": number in the show, "hidden": True if hidden}; notes map to their slide."""
        links = relationships(texts, PRESENTATION)
        numbers: dict[str, dict[str, object]] = {}
        slide_list = texts.tree(PRESENTATION).find(f"{{{P}}}sldIdLst")
        for number, slide in enumerate(slide_list if slide_list is not None else [], start=1):
            target = links.get(slide.get(f"{{{R}}}id", ""), ("", ""))[1]
            if target in texts.names:
                details: dict[str, object] = {"slide": number}
                if texts.tree(target).get("show") == "0":
                    details["hidden"] = True
                numbers[target] = details
                for kind, linked in relationships(texts, target).values():
                    if kind in ("notesSlide", "comments") or kind.endswith("comments"):
                        numbers[linked] = details
        return numbers

    def _details(self, texts: PackageTexts, part: str, slides: dict[str, dict[str, object]]) -> dict[str, object]:
        if part in slides:
            return dict(slides[part])
        if not part.startswith(("ppt/diagrams/", "ppt/charts/")):
            return {}  # layouts and masters serve many slides
        for slide, details in slides.items():  # SmartArt and charts: the slide that shows them
            if part in {target for _, target in relationships(texts, slide).values()}:
                return dict(details)
        return {}

    def _read_comments(self, texts: PackageTexts, part: str, slides: dict[str, dict[str, object]]) -> None:
        root = texts.tree(part)
        details = dict(slides.get(part, {}))
        legacy = root.findall(f"{{{P}}}cm")
        for number, comment in enumerate(legacy, start=1):
            body = comment.find(f"{{{P}}}text")
            if body is not None:
                texts.add(f"{part}#cm{number}", part, [Slot(body)], SegmentKind.COMMENT, {**details, "comment": number})
        if not legacy:  # modern comments (PowerPoint 365): DrawingML paragraphs
            add_drawing_texts(texts, part, SegmentKind.COMMENT, details)

    def _read_authors(self, texts: PackageTexts, native: _PptxNative, part: str) -> None:
        for number, author in enumerate(texts.tree(part).iter(), start=1):
            if not isinstance(author.tag, str) or etree.QName(author).localname not in ("cmAuthor", "author"):
                continue
            segment = texts.add(f"{part}#a{number}", part, [Slot(author, "name")], SegmentKind.COMMENT,
                                {"field": "comment author"}, hint="PERSON")
            if segment is not None and author.get("initials") is not None:
                native.initials[segment.id] = Slot(author, "initials")
            for attribute in ("userId",):
                if author.get(attribute):
                    texts.add(f"{part}#a{number}@{attribute}", part, [Slot(author, attribute)], SegmentKind.COMMENT,
                              {"field": "comment author id"})

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: _PptxNative = document.native
        texts = native.texts
        changed = texts.apply(plan)
        for segment_id, initials in native.initials.items():
            if plan.for_segment(segment_id):  # initials follow a replaced author name
                initials.set(texts.regions[segment_id].spans[0].slot.get())
                changed.add(texts.regions[segment_id].part)
        extra = {**native.media, **native.embedded.write(plan)}
        texts.write(out_path, changed, extra)

    def raw_texts(self, path: Path) -> Iterable[str]:
        return package_texts_deep(path)


def _natural(name: str) -> tuple:
    return tuple(int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", name))


ADAPTER = PptxAdapter()
