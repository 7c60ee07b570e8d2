"""Office Open XML packages (DOCX, XLSX, PPTX): reading parts from the zip and writing a copy.

The copy keeps every part it does not change byte for byte, in the original order and with the
original compression; changed parts are serialised by lxml with their XML declaration.
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from lxml import etree

from screening.document import FormatError, Location, Plan, Replacement, Segment, SegmentKind, UnscannedPart

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
MAX_UNCOMPRESSED = 2 * 1024**3


def open_package(path: Path, required_part: str, format_name: str) -> zipfile.ZipFile:
    """The zip of an OOXML file; a one-line FormatError for encrypted, corrupt or mislabelled files."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise FormatError(f"{path}: empty file")
    if head == OLE_MAGIC:
        raise FormatError(f"{path}: encrypted (password-protected) or legacy binary Office file, not {format_name}")
    try:
        package = zipfile.ZipFile(path)
        names = set(package.namelist())
        if sum(info.file_size for info in package.infolist()) > MAX_UNCOMPRESSED:
            raise FormatError(f"{path}: {format_name} unpacks to more than 2 GiB, refused")
    except zipfile.BadZipFile:
        raise FormatError(f"{path}: not a valid {format_name} file (corrupt or not a zip package)") from None
    if required_part not in names:
        package.close()
        raise FormatError(f"{path}: not a {format_name} file ({required_part} is missing)")
    bad = package.testzip()
    if bad is not None:
        package.close()
        raise FormatError(f"{path}: corrupt {format_name} file (damaged part {bad})")
    return package


def parse_part(package: zipfile.ZipFile, name: str, path: Path) -> etree._Element:
    try:
        return etree.fromstring(package.read(name), _PARSER)
    except etree.XMLSyntaxError as error:
        raise FormatError(f"{path}: corrupt part {name} ({error.msg})") from None


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_package(
    source: Path,
    out_path: Path,
    replaced: dict[str, bytes],
    removed: Iterable[str] = (),
) -> None:
    """Copy the package at ``source`` to ``out_path`` with some parts replaced and some removed."""
    removed = set(removed)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out_path, "w") as copy:
        for info in original.infolist():
            if info.filename in removed:
                continue
            data = replaced.get(info.filename)
            if data is None:
                data = original.read(info.filename)
            copy.writestr(info, data, compress_type=info.compress_type)


def package_texts(path: Path) -> Iterator[str]:
    """Every member of a zip package as text: the raw XML, and the text content of XML parts.

    Verification searches these for leftovers: the raw XML finds values that sit in one text node or
    attribute; the text of each paragraph (w:p, a:p) joined over its runs finds a value split over runs.
    """
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            data = package.read(info.filename)
            yield info.filename
            text = data.decode("utf-8", errors="ignore")
            yield text
            if info.filename.endswith((".xml", ".rels", ".vml")) or text.lstrip().startswith("<?xml"):
                try:
                    root = etree.fromstring(data, _PARSER)
                except etree.XMLSyntaxError:
                    continue
                for element in root.iter():
                    if isinstance(element.tag, str) and etree.QName(element).localname == "p":
                        yield "".join(element.itertext())
                    for value in element.attrib.values():
                        yield value


# ---------------------------------------------------------------------------------------------------
# Generic helpers shared by the DOCX, XLSX and PPTX adapters (added for issue 5). The functions above
# keep their behaviour; everything below is additional:
# - Slot / TextRegion / PackageTexts: a segment made of text nodes or attributes anywhere in any part,
#   replacements written back into the first slot a value touches (formatting of runs kept);
# - relationships, external targets (mailto:, linked files, template paths, with the user folder of a
#   path as a PERSON segment), document properties, theme names, DrawingML text and chart caches;
# - thumbnails blanked, signatures removed, picture metadata stripped losslessly, unscanned parts listed;
# - Office files embedded in a package screened with their own adapter; raw texts for verification.
# ---------------------------------------------------------------------------------------------------

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


class Slot:
    """One place a piece of text lives in a tree: an element's text, or one of its attributes.

    ``setter`` replaces the plain assignment when writing new text needs more than that (a number cell
    that becomes a string cell, a sheet name whose references follow it).
    """

    def __init__(
        self,
        element: etree._Element,
        attribute: str | None = None,
        setter: Callable[[str], None] | None = None,
        value: str | None = None,
    ) -> None:
        self.element = element
        self.attribute = attribute
        self.setter = setter
        self._value = value  # a text shown instead of the stored one (e.g. a zero-padded number)

    def get(self) -> str:
        if self._value is not None:
            return self._value
        if self.attribute is not None:
            return self.element.get(self.attribute, "")
        return self.element.text or ""

    def set(self, value: str) -> None:
        if self.setter is not None:
            self._value = value if self._value is not None else None
            self.setter(value)
        elif self.attribute is not None:
            self.element.set(self.attribute, value)
        else:
            self.element.text = value
            if self.element.tag.endswith(("}t", "}delText", "}instrText")) and (value[:1].isspace() or value[-1:].isspace()):
                self.element.set(_XML_SPACE, "preserve")


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class _Span:
    start: int
    end: int
    slot: Slot | None  # None: a separator the adapter put between slots (a line break)


class TextRegion:
    """The text of one segment, made of one or more slots, and the way to write replacements back.

    ``display`` is the text the analysis sees when it differs from the stored text but has the same
    length (a formula with everything outside its string literals blanked, a header with its &-codes
    blanked), so offsets are the same in both.
    """

    def __init__(self, part: str, slots: list[Slot], separator: str = "", display: str | None = None) -> None:
        self.part = part
        self.spans: list[_Span] = []
        pieces: list[str] = []
        position = 0
        for index, slot in enumerate(slots):
            if index and separator:
                self.spans.append(_Span(position, position + len(separator), None))
                pieces.append(separator)
                position += len(separator)
            value = slot.get()
            self.spans.append(_Span(position, position + len(value), slot))
            pieces.append(value)
            position += len(value)
        stored = "".join(pieces)
        if display is not None and len(display) != len(stored):
            raise ValueError("display text must have the length of the stored text")
        self.text = stored if display is None else display

    def apply(self, replacements: list[Replacement]) -> None:
        """Write the replacements into the slots: the new text goes into the first slot a value touches."""
        for replacement in replacements:
            if self.text[replacement.start:replacement.end] != replacement.original:
                raise ValueError("replacement does not match the segment text")
        text_spans = [span for span in self.spans if span.slot is not None]
        new_values = {id(span): span.slot.get() for span in text_spans}
        for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
            touched = [s for s in text_spans if s.start < replacement.end and s.end > replacement.start]
            if not touched:  # only a separator: put the text into the slot after it
                touched = [s for s in text_spans if s.start >= replacement.end][:1]
                if not touched:
                    raise ValueError("replacement covers no text")
            for index, span in enumerate(touched):
                old = new_values[id(span)]
                cut_from = max(replacement.start, span.start) - span.start
                cut_to = max(cut_from, min(replacement.end, span.end) - span.start)
                inserted = replacement.new_text if index == 0 else ""
                new_values[id(span)] = old[:cut_from] + inserted + old[cut_to:]
        for span in text_spans:
            if new_values[id(span)] != span.slot.get():
                span.slot.set(new_values[id(span)])


class PackageTexts:
    """The segments of an OOXML package, the parsed parts they come from, and writing them back."""

    def __init__(self, package: zipfile.ZipFile, path: Path) -> None:
        self.package = package
        self.path = path
        self.names = package.namelist()
        self.trees: dict[str, etree._Element] = {}
        self.regions: dict[str, TextRegion] = {}
        self.segments: list[Segment] = []
        self.unscanned: list[UnscannedPart] = []
        self.removed: set[str] = set()
        self.dirty: set[str] = set()  # parts changed by the adapter itself (renames, removed relationships)
        self.removed_media: set[str] = set()  # binary parts already replaced (blanked thumbnails)

    def tree(self, part: str) -> etree._Element:
        if part not in self.trees:
            if self.package.fp is None:  # read() has closed the zip; write() may still need a part
                self.package = zipfile.ZipFile(self.path)
            self.trees[part] = parse_part(self.package, part, self.path)
        return self.trees[part]

    def add(
        self,
        segment_id: str,
        part: str,
        slots: list[Slot],
        kind: str,
        details: Mapping[str, object] | None = None,
        hint: str | None = None,
        separator: str = "",
        display: str | None = None,
        language: str | None = None,
    ) -> Segment | None:
        """Register a segment over ``slots``; None when the text is blank (nothing to screen)."""
        if not slots:
            return None
        region = TextRegion(part, slots, separator, display)
        if not region.text.strip():
            return None
        if segment_id in self.regions:
            raise ValueError(f"duplicate segment id {segment_id}")
        segment = Segment(segment_id, region.text, Location(part, kind, dict(details or {})), language, hint)
        self.regions[segment_id] = region
        self.segments.append(segment)
        return segment

    def apply(self, plan: Plan) -> set[str]:
        """Apply the plan to the trees; the names of the parts that changed."""
        changed: set[str] = set()
        for segment in self.segments:
            replacements = plan.for_segment(segment.id)
            if replacements:
                region = self.regions[segment.id]
                region.apply(replacements)
                changed.add(region.part)
        return changed

    def write(self, out_path: Path, changed: Iterable[str], extra: Mapping[str, bytes] | None = None) -> None:
        parts = {name: serialise(self.trees[name]) for name in set(changed) | self.dirty if name in self.trees}
        parts.update(extra or {})
        write_package(self.path, out_path, parts, self.removed)
        self.package.close()  # reopened by tree() when write needed a part read() had not parsed

    def remove_part(self, part: str, reason: str) -> None:
        """Leave ``part`` out of the copy, with the relationships and content type that point to it."""
        self.removed.add(part)
        self.unscanned.append(UnscannedPart(part, reason, removed=True))
        for rels in [name for name in self.names if name.endswith(".rels")]:
            owner = owner_of_rels(rels)
            root = self.tree(rels)
            for relationship in list(root):
                if relationship.get("TargetMode") == "External":
                    continue
                if resolve_target(owner, relationship.get("Target", "")) == part:
                    root.remove(relationship)
                    self.dirty.add(rels)
        if "[Content_Types].xml" in self.names:
            root = self.tree("[Content_Types].xml")
            for override in root.findall(f"{{{CT_NS}}}Override"):
                if override.get("PartName", "").lstrip("/") == part:
                    root.remove(override)
                    self.dirty.add("[Content_Types].xml")


def rels_of(part: str) -> str:
    """The relationships part of ``part`` ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels")."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def owner_of_rels(rels: str) -> str:
    """The part a relationships part belongs to ("" for the package's own _rels/.rels)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def resolve_target(owner: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner), target))


def relationships(texts: PackageTexts, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (relationship type suffix, resolved internal target) for the relationships of ``part``."""
    rels = rels_of(part)
    if rels not in texts.names:
        return {}
    found = {}
    for relationship in texts.tree(rels):
        if relationship.get("TargetMode") == "External":
            continue
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        found[relationship.get("Id", "")] = (kind, resolve_target(part, relationship.get("Target", "")))
    return found


class _PieceSlot(Slot):
    """One piece of an attribute value cut into pieces; setting it rewrites the whole attribute."""

    def __init__(self, element: etree._Element, attribute: str, pieces: list[str], index: int) -> None:
        super().__init__(element, attribute)
        self.pieces = pieces
        self.index = index

    def get(self) -> str:
        return self.pieces[self.index]

    def set(self, value: str) -> None:
        self.pieces[self.index] = value
        self.element.set(self.attribute, "".join(self.pieces))


def split_attribute(element: etree._Element, attribute: str, cuts: list[int]) -> list[Slot]:
    """Slots over the pieces of an attribute value cut at ``cuts``, so that each can be its own segment."""
    value = element.get(attribute, "")
    bounds = [0, *cuts, len(value)]
    pieces = [value[start:end] for start, end in zip(bounds, bounds[1:])]
    return [_PieceSlot(element, attribute, pieces, index) for index in range(len(pieces))]


# The user folder in a path is a login name ("C:\Users\kari.nordmann\..."): a person, whatever it looks like.
USER_FOLDER = re.compile(r"(?i)(?:^|[/\\])(?:Users|home|Documents and Settings|Brukere|Brugere)[/\\]([^/\\]+)")


def add_path_segments(texts: PackageTexts, segment_id: str, part: str, element: etree._Element,
                      attribute: str, kind: str, details: Mapping[str, object]) -> None:
    """A path or URL attribute: its user folder (if any) as a PERSON segment, the rest analysed as text."""
    value = element.get(attribute, "")
    match = USER_FOLDER.search(value)
    if match is None:
        texts.add(segment_id, part, [Slot(element, attribute)], kind, details)
        return
    before, user, after = split_attribute(element, attribute, [match.start(1), match.end(1)])
    texts.add(f"{segment_id}/user", part, [user], kind, {**details, "field": "user folder"}, hint="PERSON")
    texts.add(segment_id, part, [before, after], kind, details)


def add_external_targets(texts: PackageTexts) -> None:
    """Hyperlink targets (mailto:...), linked files and template paths: every external relationship."""
    for rels in sorted(name for name in texts.names if name.endswith(".rels")):
        for relationship in texts.tree(rels):
            if relationship.get("TargetMode") != "External":
                continue
            kind = relationship.get("Type", "").rsplit("/", 1)[-1]
            add_path_segments(texts, f"{rels}#{relationship.get('Id')}", rels, relationship, "Target",
                              SegmentKind.HYPERLINK, {"relationship": relationship.get("Id"), "type": kind})


_CORE_FIELDS = {
    "creator": "PERSON",
    "lastModifiedBy": "PERSON",
    "title": None,
    "subject": None,
    "description": None,
    "keywords": None,
    "category": None,
    "contentStatus": None,
    "identifier": None,
}
_APP_FIELDS = {"Manager": "PERSON", "Company": None, "HyperlinkBase": None, "Template": None}


def add_properties(texts: PackageTexts, skip_titles: Iterable[str] = ()) -> None:
    """Core (author, last modified by, title...), app (Company, Manager, Template) and custom properties.

    ``skip_titles`` are TitlesOfParts entries the adapter keeps in step itself (XLSX sheet names).
    """
    skip = set(skip_titles)
    if "docProps/core.xml" in texts.names:
        root = texts.tree("docProps/core.xml")
        for element in root:
            if not isinstance(element.tag, str):
                continue
            name = etree.QName(element).localname
            if name in _CORE_FIELDS:
                texts.add(f"docProps/core.xml#{name}", "docProps/core.xml", [Slot(element)],
                          SegmentKind.METADATA, {"field": name}, hint=_CORE_FIELDS[name])
    if "docProps/app.xml" in texts.names:
        root = texts.tree("docProps/app.xml")
        for element in root:
            if not isinstance(element.tag, str):
                continue
            name = etree.QName(element).localname
            if name in _APP_FIELDS:
                texts.add(f"docProps/app.xml#{name}", "docProps/app.xml", [Slot(element)],
                          SegmentKind.METADATA, {"field": name}, hint=_APP_FIELDS[name])
            elif name == "TitlesOfParts":
                for number, title in enumerate(element.iter(), start=1):
                    if etree.QName(title).localname == "lpstr" and (title.text or "") not in skip:
                        texts.add(f"docProps/app.xml#title{number}", "docProps/app.xml", [Slot(title)],
                                  SegmentKind.METADATA, {"field": "TitlesOfParts", "entry": number})
    if "docProps/custom.xml" in texts.names:
        root = texts.tree("docProps/custom.xml")
        for number, prop in enumerate(root, start=1):
            if not isinstance(prop.tag, str):
                continue
            label = prop.get("name", "")
            texts.add(f"docProps/custom.xml#name{number}", "docProps/custom.xml", [Slot(prop, "name")],
                      SegmentKind.METADATA, {"field": "custom property name"})
            for value in prop:
                if isinstance(value.tag, str) and etree.QName(value).localname in ("lpwstr", "lpstr", "bstr"):
                    texts.add(f"docProps/custom.xml#value{number}", "docProps/custom.xml", [Slot(value)],
                              SegmentKind.METADATA, {"field": label})


def add_theme_names(texts: PackageTexts) -> None:
    """Theme names: app.xml lists them among its TitlesOfParts, so both must change together."""
    for part in sorted(name for name in texts.names if re.match(r"(.*/)?theme/theme\d+\.xml$", name)):
        root = texts.tree(part)
        if root.get("name"):
            texts.add(f"{part}#name", part, [Slot(root, "name")], SegmentKind.METADATA, {"field": "theme name"})


# An 8x8 white JPEG: the thumbnail's part stays (the package keeps its structure), its picture goes.
BLANK_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1x"
    "eXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAAR"
    "CAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEG"
    "E1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWG"
    "h4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEB"
    "AQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYk"
    "NOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0"
    "tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD0CiiigD//2Q=="
)


def _blank_png() -> bytes:
    """A 1x1 white PNG, built here so no imaging library is needed."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def thumbnail_parts(texts: PackageTexts) -> list[str]:
    targets = set()
    if "_rels/.rels" in texts.names:
        for relationship in texts.tree("_rels/.rels"):
            if relationship.get("Type") == THUMBNAIL_REL:
                targets.add(resolve_target("", relationship.get("Target", "")))
    targets.update(name for name in texts.names if posixpath.basename(name).startswith("thumbnail.")
                   and name.startswith("docProps/"))
    return sorted(targets & set(texts.names))


def blank_thumbnails(texts: PackageTexts) -> dict[str, bytes]:
    """The thumbnail is a picture of the unredacted first page: JPEG and PNG ones are replaced by a blank
    picture (the package keeps its parts), others (WMF, EMF) are removed with their relationship."""
    replaced: dict[str, bytes] = {}
    for part in thumbnail_parts(texts):
        lower = part.lower()
        if lower.endswith((".jpeg", ".jpg")):
            replaced[part] = BLANK_JPEG
        elif lower.endswith(".png"):
            replaced[part] = _blank_png()
        else:
            texts.remove_part(part, "thumbnail (a picture of the unredacted first page) removed")
            continue
        texts.unscanned.append(UnscannedPart(part, "thumbnail (a picture of the unredacted first page) "
                                             "replaced by a blank picture", removed=True))
        texts.removed_media.add(part)
    return replaced


def remove_signatures(texts: PackageTexts) -> None:
    """Digital signatures name the signer (certificate subject) and no longer hold once the copy is changed."""
    for part in sorted(name for name in texts.names if name.startswith("_xmlsignatures/")):
        texts.remove_part(part, "digital signature (names the signer; void once the copy is sanitized) removed")


def remove_thumbnails(texts: PackageTexts) -> None:
    """The thumbnail removed with its relationship and content type, whatever its format."""
    for part in thumbnail_parts(texts):
        texts.remove_part(part, "thumbnail (a picture of the unredacted first page) removed")


def drawing_paragraph_slots(paragraph: etree._Element) -> list[Slot]:
    """The text slots of a DrawingML paragraph (a:p): runs and fields in order, and each line break
    (a:br) as a fixed "\\n", so that the lines of a paragraph are not read as one word."""
    slots: list[Slot] = []
    for element in paragraph:
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in ("r", "fld"):
            t = element.find(f"{{{A_NS}}}t")
            if t is not None and t.text:
                slots.append(Slot(t))
        elif name == "br":
            slots.append(_FixedSlot("\n"))
    return slots


class _FixedSlot(Slot):
    """A character that is part of the text but cannot be changed (a line break); replacements skip it."""

    def __init__(self, value: str) -> None:
        super().__init__(etree.Element("fixed"))
        self._fixed = value

    def get(self) -> str:
        return self._fixed

    def set(self, value: str) -> None:  # the break stays; the new text went into a neighbouring run
        return None


FILE_NAME = re.compile(r"\.[A-Za-z0-9]{2,5}$")


def add_drawing_texts(texts: PackageTexts, part: str, kind: str, details: Mapping[str, object] | None = None) -> None:
    """Every DrawingML paragraph (shapes, tables, SmartArt, chart titles), alt text and chart caches."""
    root = texts.tree(part)
    for number, paragraph in enumerate(root.iter(f"{{{A_NS}}}p"), start=1):
        texts.add(f"{part}#p{number}", part, drawing_paragraph_slots(paragraph), kind,
                  {**(details or {}), "paragraph": number})
    for number, element in enumerate(root.iter(), start=1):
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name == "cNvPr":
            # the name too when it is a file name ("kari_pass.jpg"); "Title 1" is left alone
            for attribute in ("descr", "title", "name"):
                if element.get(attribute) and (attribute != "name" or FILE_NAME.search(element.get(attribute))):
                    texts.add(f"{part}#e{number}@{attribute}", part, [Slot(element, attribute)],
                              SegmentKind.ALT_TEXT, {**(details or {}), "shape": element.get("id", ""),
                                                     "field": attribute})
        elif name == "v" and element.getparent() is not None and etree.QName(element.getparent()).localname == "pt":
            cache = element.getparent().getparent()
            if cache is not None and etree.QName(cache).localname in ("strCache", "lvl", "strLit"):
                texts.add(f"{part}#e{number}", part, [Slot(element)], "chart_data", dict(details or {}))


class TailSlot(Slot):
    """The text after an element, inside its parent (mixed content such as VML text boxes)."""

    def get(self) -> str:
        return self.element.tail or ""

    def set(self, value: str) -> None:
        self.element.tail = value


def loose_slots(element: etree._Element) -> list[Slot]:
    """An element's own text and the tail texts of its children."""
    slots = [Slot(element)] if element.text and element.text.strip() else []
    for child in element:
        if child.tail and child.tail.strip():
            slots.append(TailSlot(child))
    return slots


def add_other_texts(texts: PackageTexts, part: str, kind: str = "other") -> None:
    """The text nodes of an XML part no adapter knows in detail (custom XML data, tags)."""
    root = texts.tree(part)
    for number, element in enumerate(root.iter(), start=1):
        if isinstance(element.tag, str) and element.text and element.text.strip():
            texts.add(f"{part}#e{number}", part, [Slot(element)], kind, {"element": etree.QName(element).localname})


# Pictures: their metadata is removed losslessly (no re-encoding); their pixels cannot be screened.
# APP1 (Exif, XMP), APP3-APP13 (APP13: IPTC/Photoshop), COM; APP0 (JFIF), APP2 (ICC), APP14 (Adobe) stay.
_JPEG_DROP = {0xE1, *range(0xE3, 0xEE), 0xFE}
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_jpeg_metadata(data: bytes) -> bytes | None:
    """The JPEG without Exif, XMP, IPTC and comment segments; None if it is not a JPEG we can walk."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = bytearray(b"\xff\xd8")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is picture data
            out += data[position:]
            return bytes(out)
        length = int.from_bytes(data[position + 2:position + 4], "big")
        segment = data[position:position + 2 + length]
        if marker not in _JPEG_DROP:
            out += segment
        position += 2 + length
    return None


def strip_png_metadata(data: bytes) -> bytes | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    out = bytearray(data[:8])
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        chunk = data[position:position + 12 + length]
        if kind not in _PNG_DROP:
            out += chunk
        position += 12 + length
        if kind == b"IEND":
            return bytes(out)
    return None


_MEDIA = re.compile(r".*/media/[^/]+$")
_PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg")


def clean_media(texts: PackageTexts) -> dict[str, bytes]:
    """Strip picture metadata; list pictures, embedded objects, macros and binary parts as unscanned."""
    replaced: dict[str, bytes] = {}
    for name in texts.names:
        lower = name.lower()
        if name in texts.removed or name in texts.removed_media:
            continue
        if _MEDIA.match(lower) or lower.endswith(_PICTURE_SUFFIXES):
            data = texts.package.read(name)
            stripped = None
            if lower.endswith((".jpg", ".jpeg")):
                stripped = strip_jpeg_metadata(data)
            elif lower.endswith(".png"):
                stripped = strip_png_metadata(data)
            if stripped is not None and stripped != data:
                replaced[name] = stripped
                reason = "picture: metadata (Exif/XMP/text chunks) removed; its pixels were not screened"
            elif stripped is not None:
                reason = "picture: no metadata; its pixels were not screened"
            else:
                reason = "picture: pixels and any metadata not screened"
            texts.unscanned.append(UnscannedPart(name, reason))
        elif "/embeddings/" in lower or lower.endswith(".bin") or "/activex/" in lower:
            if "vbaproject" in lower:
                reason = "macros (VBA project) not screened"
            elif "printersettings" in lower:
                reason = "printer settings (binary) not screened"
            else:
                reason = "embedded object not screened"
            texts.unscanned.append(UnscannedPart(name, reason))
    return replaced


def package_texts_deep(path: Path) -> Iterator[str]:
    """``package_texts`` plus the text of strings split over runs outside paragraphs (cells, comments)
    and, recursively, of OOXML packages embedded in the package."""
    yield from package_texts(path)
    with zipfile.ZipFile(path) as package:
        yield from _joined_texts(package)


_JOINED = {"si", "is", "text", "txbxContent", "tc", "t", "sdtContent", "comment"}


def _joined_texts(package: zipfile.ZipFile, depth: int = 0) -> Iterator[str]:
    for info in package.infolist():
        data = package.read(info.filename)
        if data.startswith(b"PK") and depth < 3:
            try:
                inner = zipfile.ZipFile(io.BytesIO(data))
            except zipfile.BadZipFile:
                continue
            with inner:
                for member in inner.infolist():
                    member_data = inner.read(member.filename)
                    yield member.filename
                    yield member_data.decode("utf-8", errors="ignore")
                yield from _joined_texts(inner, depth + 1)
            continue
        if not (info.filename.endswith((".xml", ".rels", ".vml")) or data.lstrip()[:5] == b"<?xml"):
            continue
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            continue
        yield "\n".join(root.itertext())  # every text node, character references resolved
        for element in root.iter():
            if isinstance(element.tag, str) and etree.QName(element).localname in _JOINED:
                yield "".join(element.itertext())


class EmbeddedPackages:
    """OOXML packages inside a package (the workbook behind a chart, an embedded document), screened with
    their own adapter: their segments join the outer document with ids prefixed by the part name, and
    the copy gets them back sanitized. Anything else embedded stays listed as unscanned."""

    SUFFIXES = (".xlsx", ".xlsm", ".docx", ".docm", ".pptx")

    def __init__(self) -> None:
        self.items: list[tuple[str, object, object]] = []  # (part, adapter, inner document)
        self._workdir: object | None = None

    def read(self, texts: PackageTexts) -> None:
        import tempfile

        from screening.formats import adapter_for

        for part in sorted(name for name in texts.names if "/embeddings/" in name):
            if not part.lower().endswith(self.SUFFIXES):
                continue
            adapter = adapter_for(Path(part))
            if adapter is None:
                continue
            if self._workdir is None:
                self._workdir = tempfile.TemporaryDirectory(prefix="screen-embedded-")
            inner = Path(self._workdir.name) / f"{len(self.items)}{Path(part).suffix.lower()}"
            inner.write_bytes(texts.package.read(part))
            try:
                document = adapter.read(inner)
            except FormatError:
                continue  # stays listed as an embedded object that was not screened
            self.items.append((part, adapter, document))
        done = {part for part, _, _ in self.items}
        texts.unscanned[:] = [u for u in texts.unscanned if u.part not in done]

    def segments(self) -> list[Segment]:
        """The inner segments under prefixed ids and locations (copies: the inner documents keep theirs)."""
        found = []
        for part, _, document in self.items:
            for segment in document.segments:
                location = Location(f"{part}!{segment.location.part}", segment.location.kind,
                                    segment.location.details)
                found.append(Segment(f"{part}!{segment.id}", segment.text, location, segment.language,
                                     segment.entity_hint))
        return found

    def unscanned(self) -> list[UnscannedPart]:
        return [UnscannedPart(f"{part}!{u.part}", u.reason, u.removed)
                for part, _, document in self.items for u in document.unscanned]

    def write(self, plan: Plan) -> dict[str, bytes]:
        """part -> sanitized bytes of each embedded package (also without replacements: its pictures lose
        their metadata and its thumbnail is blanked all the same)."""
        written: dict[str, bytes] = {}
        for number, (part, adapter, document) in enumerate(self.items):
            prefix = f"{part}!"
            inner = [Replacement(r.segment_id[len(prefix):], r.start, r.end, r.original, r.new_text,
                                 r.placeholder, r.entity_type) for r in plan if r.segment_id.startswith(prefix)]
            target = Path(self._workdir.name) / f"out-{number}{Path(part).suffix.lower()}"
            adapter.write(document, Plan(inner), target)
            written[part] = target.read_bytes()
        return written
