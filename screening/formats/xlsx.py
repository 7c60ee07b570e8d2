"""XLSX (SpreadsheetML), read and written on the package parts with lxml.

openpyxl is not used for writing: it drops shapes and text boxes, writes pivot caches back unchanged and
loses parts it does not know. Here every part is kept byte for byte unless it holds replaced text.

Segments: every cell of every sheet (hidden and very hidden ones included) that holds text, a long
number or a formula with string literals; sheet names; defined names; legacy and threaded comments and
their authors; headers and footers; data validation lists and messages; hyperlinks; text in shapes and
charts (with their cached values); pivot caches and pivot tables; external link caches; table column
names; connection strings; the folder the workbook was saved in; document properties. Pictures lose
their metadata; the shared-workbook change history (old cell values) is removed and the thumbnail
blanked; Office files embedded in the workbook are screened with their own adapter; macros and other
embedded objects are listed as unscanned.

A cell is one segment even when its text is a shared string: when cells sharing a string get different
replacements the copy gives each its own string, and no string keeps an original value that was
replaced. A column headed "Fødselsnummer", "E-post", "Navn"... (see :mod:`xlsx_headers`) gives every
cell below the header an ``entity_hint``. A sheet whose name is replaced gets a legal, unique new name
and every formula, defined name, chart and pivot reference to it follows.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from screening.document import Document, FormatError, Plan, SegmentKind, UnscannedPart
from screening.formats.ooxml import (
    EmbeddedPackages,
    PackageTexts,
    Slot,
    add_drawing_texts,
    add_external_targets,
    add_other_texts,
    add_path_segments,
    add_properties,
    add_theme_names,
    blank_thumbnails,
    clean_media,
    loose_slots,
    open_package,
    package_texts_deep,
    relationships,
    remove_signatures,
    split_attribute,
)
from screening.formats.xlsx_formulas import (
    header_footer_display,
    literal_display,
    name_display,
    rename_defined_names,
    rename_sheet_references,
    valid_defined_name,
    valid_sheet_name,
)
from screening.formats.xlsx_headers import HEADER_ROWS, entity_for_header, has_data

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_Q = {name: f"{{{S}}}{name}" for name in (
    "sheet", "sheets", "definedName", "si", "t", "r", "rPh", "c", "v", "f", "is", "row", "headerFooter",
    "dataValidation", "formula1", "formula2", "formula", "hyperlink", "author", "comment", "text",
    "fileSharing", "numFmt", "xf", "cellXfs", "sheetData",
)}
WORKBOOK = "xl/workbook.xml"
_LONG_NUMBER = re.compile(r"^\d{6,}(?:\.0+)?$")  # phone numbers, identifiers stored as numbers
_ZERO_FORMAT = re.compile(r'^"?0+"?$')
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
_PERSONAL_VIEW = re.compile(r"^(.+?)\s+[-–]\s+(?:Personal View|Personlig visning)$", re.IGNORECASE)
# Parts without text that can be personal data (styles, theme, calculation chain...).
_STRUCTURAL = re.compile(
    r"^(\[Content_Types\]\.xml|.*\.rels|xl/styles\.xml|xl/theme/.*|xl/calcChain\.xml|xl/metadata\.xml|"
    r"xl/volatileDependencies\.xml|xl/printerSettings/.*|xl/.*\.bin|xl/media/.*|xl/embeddings/.*|"
    r"xl/activeX/.*|docProps/.*|customXml/itemProps\d*\.xml|xl/webextensions/.*|xl/richData/rdrichvaluestructure\.xml)$"
)


@dataclass
class _SharedCell:
    cell: etree._Element
    index: int
    copy: etree._Element  # the cell's own copy of the shared string; replacements go into it
    original: str


@dataclass
class _XlsxNative:
    texts: PackageTexts
    shared_strings_part: str | None = None
    shared_cells: list[_SharedCell] = field(default_factory=list)
    sheet_elements: list[etree._Element] = field(default_factory=list)
    wanted_names: dict[int, str] = field(default_factory=dict)  # sheet number -> replaced name
    name_elements: list[etree._Element] = field(default_factory=list)  # defined names
    wanted_defined: dict[int, str] = field(default_factory=dict)  # defined name number -> replaced name
    media: dict[str, bytes] = field(default_factory=dict)  # pictures without their metadata
    embedded: EmbeddedPackages = field(default_factory=EmbeddedPackages)  # Office files inside the workbook


def _string_slots(container: etree._Element) -> list[Slot]:
    """The text nodes of a (rich) string: si/t or si/r/t, not the phonetic runs (rPh)."""
    slots = []
    for element in container:
        if element.tag == _Q["t"]:
            slots.append(Slot(element))
        elif element.tag == _Q["r"]:
            t = element.find(_Q["t"])
            if t is not None:
                slots.append(Slot(t))
    return slots


def _string_text(container: etree._Element) -> str:
    return "".join(slot.get() for slot in _string_slots(container))


def _recorder(store: dict[int, str], number: int):
    """A setter that notes the replaced text of a name; the adapter renames and follows references later."""

    def setter(new: str) -> None:
        store[number] = new

    return setter


def _drop_mentions(text: etree._Element):
    """A threaded comment's @mentions point into its text by offset; once the text changes they would
    point at the wrong characters, so they go (the mentioned names are plain text then)."""

    def setter(new: str) -> None:
        text.text = new
        owner = text.getparent()
        for mentions in [child for child in owner if etree.QName(child).localname == "mentions"]:
            owner.remove(mentions)

    return setter


def _column(reference: str) -> str:
    match = _CELL_REF.match(reference)
    return match.group(1) if match else ""


def _row_number(reference: str) -> int:
    match = _CELL_REF.match(reference)
    return int(match.group(2)) if match else 0


def _number_setter(cell: etree._Element, value: etree._Element):
    """Writing text into a number cell turns it into a string cell (formula cells keep the formula)."""

    def setter(new: str) -> None:
        if cell.find(_Q["f"]) is not None:
            cell.set("t", "str")
            value.text = new
            return
        cell.set("t", "inlineStr")
        cell.remove(value)
        inline = etree.Element(_Q["is"])
        t = etree.SubElement(inline, _Q["t"])
        t.text = new
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        cell.insert(len([child for child in cell if child.tag == _Q["f"]]), inline)

    return setter


class XlsxAdapter:
    format = "xlsx"
    extensions = (".xlsx", ".xlsm")

    def read(self, path: Path) -> Document:
        package = open_package(path, WORKBOOK, "XLSX")
        with package:
            texts = PackageTexts(package, path)
            native = _XlsxNative(texts)
            handled = self._read_workbook(texts, native)
            for part in sorted(texts.names):
                if part in handled or _STRUCTURAL.match(part):
                    continue
                self._read_other(texts, part)
            add_properties(texts, skip_titles=[el.get("name", "") for el in native.sheet_elements])
            add_external_targets(texts)
            add_theme_names(texts)
            remove_signatures(texts)
            thumbnails = blank_thumbnails(texts)
            for part in sorted(name for name in texts.names if name.startswith("xl/revisions/")):
                texts.remove_part(part, "shared-workbook change history (old cell values, user names)")
            native.media = {**clean_media(texts), **thumbnails}
            native.embedded.read(texts)
        return Document(path=path, format=self.format, segments=texts.segments + native.embedded.segments(),
                        unscanned=texts.unscanned + native.embedded.unscanned(), native=native)

    # Reading --------------------------------------------------------------------------------------

    def _read_workbook(self, texts: PackageTexts, native: _XlsxNative) -> set[str]:
        workbook = texts.tree(WORKBOOK)
        links = relationships(texts, WORKBOOK)
        handled = {WORKBOOK}
        for kind, target in links.values():
            if kind == "sharedStrings" and target in texts.names:
                native.shared_strings_part = target
        shared: list[etree._Element] = []
        if native.shared_strings_part:
            handled.add(native.shared_strings_part)
            shared = texts.tree(native.shared_strings_part).findall(_Q["si"])
        number_formats = self._zero_formats(texts, links)
        used: set[int] = set()
        sheets = workbook.find(_Q["sheets"])
        for number, sheet in enumerate(sheets if sheets is not None else [], start=1):
            if sheet.tag != _Q["sheet"]:
                continue
            native.sheet_elements.append(sheet)
            texts.add(f"{WORKBOOK}#sheet{number}", WORKBOOK,
                      [Slot(sheet, "name", setter=_recorder(native.wanted_names, number))],
                      SegmentKind.SHEET_NAME, {"sheet": number})
            target = links.get(sheet.get(f"{{{R}}}id", ""), ("", ""))[1]
            if target not in texts.names:
                continue
            handled.add(target)
            details = {"sheet": number}
            if sheet.get("state") in ("hidden", "veryHidden"):
                details["sheet_state"] = sheet.get("state")
            self._read_sheet(texts, native, target, details, shared, number_formats, used)
            handled |= self._read_sheet_parts(texts, target, details)
        for number, name in enumerate(workbook.iter(_Q["definedName"]), start=1):
            native.name_elements.append(name)
            text = name.text or ""
            texts.add(f"{WORKBOOK}#name{number}", WORKBOOK, [Slot(name)], SegmentKind.FORMULA,
                      {"defined_name": number}, display=literal_display(text))
            label = name.get("name", "")
            if not label.startswith("_xl"):  # built-in names (_xlnm.Print_Area) hold nothing personal
                record = _recorder(native.wanted_defined, number)
                texts.add(f"{WORKBOOK}#name{number}@name", WORKBOOK, [Slot(name, "name", setter=record)],
                          "defined_name", {"defined_name": number}, display=name_display(label))
        for number, element in enumerate(workbook.iter(), start=1):
            # Excel records the folder the workbook was saved in (x15ac:absPath): a login name.
            if isinstance(element.tag, str) and etree.QName(element).localname == "absPath" and element.get("url"):
                add_path_segments(texts, f"{WORKBOOK}#absPath{number}", WORKBOOK, element, "url",
                                  SegmentKind.METADATA, {"field": "saved in folder"})
        for number, view in enumerate(workbook.iter(f"{{{S}}}customWorkbookView"), start=1):
            self._read_view_name(texts, number, view)
        sharing = workbook.find(_Q["fileSharing"])
        if sharing is not None and sharing.get("userName"):
            texts.add(f"{WORKBOOK}#fileSharing", WORKBOOK, [Slot(sharing, "userName")], SegmentKind.METADATA,
                      {"field": "fileSharing userName"}, hint="PERSON")
        for index, si in enumerate(shared):  # strings no cell uses still hold text
            if index not in used:
                texts.add(f"{native.shared_strings_part}#si{index}", native.shared_strings_part or "",
                          _string_slots(si), "shared_string", {"string": index})
        return handled

    @staticmethod
    def _read_view_name(texts: PackageTexts, number: int, view: etree._Element) -> None:
        """Shared workbooks name each user's view "<user> - Personal View": the user is a person."""
        segment_id, details = f"{WORKBOOK}#view{number}", {"field": "custom view name"}
        match = _PERSONAL_VIEW.match(view.get("name", ""))
        if match is None:
            texts.add(segment_id, WORKBOOK, [Slot(view, "name")], SegmentKind.METADATA, details)
            return
        user, rest = split_attribute(view, "name", [match.end(1)])
        texts.add(segment_id, WORKBOOK, [user], SegmentKind.METADATA, details, hint="PERSON")
        texts.add(f"{segment_id}/rest", WORKBOOK, [rest], SegmentKind.METADATA, details)

    def _zero_formats(self, texts: PackageTexts, links: dict[str, tuple[str, str]]) -> dict[int, int]:
        """Style index -> width, for number formats like "00000000000" that keep leading zeros."""
        styles = next((target for kind, target in links.values() if kind == "styles"), None)
        if styles is None or styles not in texts.names:
            return {}
        root = texts.tree(styles)
        zero_ids = {int(fmt.get("numFmtId", "-1")): len(fmt.get("formatCode", "").strip('"'))
                    for fmt in root.iter(_Q["numFmt"]) if _ZERO_FORMAT.match(fmt.get("formatCode", ""))}
        widths = {}
        xfs = root.find(_Q["cellXfs"])
        for index, xf in enumerate(xfs if xfs is not None else []):
            width = zero_ids.get(int(xf.get("numFmtId", "0")))
            if width:
                widths[index] = width
        return widths

    def _read_sheet(
        self,
        texts: PackageTexts,
        native: _XlsxNative,
        part: str,
        details: dict[str, object],
        shared: list[etree._Element],
        number_formats: dict[int, int],
        used: set[int],
    ) -> None:
        root = texts.tree(part)
        header_row, hints = self._column_hints(root, shared)
        for cell in root.iter(_Q["c"]):
            reference = cell.get("r", "")
            cell_details = {**details, "cell": reference}
            kind = cell.get("t", "n")
            value = cell.find(_Q["v"])
            formula = cell.find(_Q["f"])
            hint = hints.get(_column(reference)) if hints and _row_number(reference) > header_row else None
            segment_id = f"{part}#{reference}"
            segment = None
            if kind == "s" and value is not None and (value.text or "").strip().isdigit():
                index = int(value.text)
                if index < len(shared):
                    used.add(index)
                    own = copy.deepcopy(shared[index])
                    segment = texts.add(segment_id, part, _string_slots(own), SegmentKind.CELL, cell_details, hint=hint)
                    if segment is not None:
                        native.shared_cells.append(_SharedCell(cell, index, own, segment.text))
            elif kind == "inlineStr":
                inline = cell.find(_Q["is"])
                if inline is not None:
                    segment = texts.add(segment_id, part, _string_slots(inline), SegmentKind.CELL, cell_details,
                                        hint=hint)
            elif kind == "str" and value is not None:
                segment = texts.add(segment_id, part, [Slot(value)], SegmentKind.CELL, cell_details, hint=hint)
            elif kind == "n" and value is not None and (hint or _LONG_NUMBER.match(value.text or "")):
                shown = (value.text or "").split(".")[0] if _LONG_NUMBER.match(value.text or "") else value.text or ""
                width = number_formats.get(int(cell.get("s", "0") or 0))
                if width and shown.isdigit():
                    shown = shown.zfill(width)
                segment = texts.add(segment_id, part, [Slot(value, setter=_number_setter(cell, value), value=shown)],
                                    SegmentKind.CELL, cell_details, hint=hint)
            if segment is not None and hint and not has_data(segment.text):
                segment.entity_hint = None  # an already masked cell ("*****") is no longer that type
            if formula is not None and formula.text:
                texts.add(f"{segment_id}/f", part, [Slot(formula)], SegmentKind.FORMULA, cell_details,
                          display=literal_display(formula.text))
        self._read_sheet_extras(texts, part, root, details)

    def _column_hints(self, root: etree._Element, shared: list[etree._Element]) -> tuple[int, dict[str, str]]:
        """The header row (the first of the first few with a telling header) and column -> entity type."""
        for row in root.iter(_Q["row"]):
            number = int(row.get("r", "0") or 0)
            if number > HEADER_ROWS:
                break
            hints: dict[str, str] = {}
            for cell in row.iter(_Q["c"]):
                text = self._cell_text(cell, shared)
                entity = entity_for_header(text) if text else None
                if entity:
                    hints[_column(cell.get("r", ""))] = entity
            if hints:
                return number, hints
        return 0, {}

    @staticmethod
    def _cell_text(cell: etree._Element, shared: list[etree._Element]) -> str:
        kind = cell.get("t", "n")
        if kind == "s":
            value = cell.find(_Q["v"])
            if value is not None and (value.text or "").strip().isdigit() and int(value.text) < len(shared):
                return _string_text(shared[int(value.text)])
        elif kind == "inlineStr":
            inline = cell.find(_Q["is"])
            return _string_text(inline) if inline is not None else ""
        return ""

    def _read_sheet_extras(self, texts: PackageTexts, part: str, root: etree._Element, details: dict) -> None:
        header_footer = root.find(_Q["headerFooter"])
        if header_footer is not None:
            for element in header_footer:
                if isinstance(element.tag, str) and element.text:
                    name = etree.QName(element).localname
                    texts.add(f"{part}#{name}", part, [Slot(element)],
                              SegmentKind.HEADER if "Header" in name else SegmentKind.FOOTER,
                              {**details, "field": name}, display=header_footer_display(element.text))
        for number, validation in enumerate(root.iter(_Q["dataValidation"]), start=1):
            for attribute in ("promptTitle", "prompt", "errorTitle", "error"):
                if validation.get(attribute):
                    texts.add(f"{part}#dv{number}@{attribute}", part, [Slot(validation, attribute)], "validation",
                              {**details, "range": validation.get("sqref", "")})
        for number, element in enumerate(root.iter(), start=1):
            if not isinstance(element.tag, str) or element.text is None:
                continue
            name = etree.QName(element).localname
            # data validation lists, conditional formats and the x14 extensions' formulas (xm:f)
            if name in ("formula1", "formula2", "formula") or (name == "f" and element.getparent().tag != _Q["c"]):
                texts.add(f"{part}#x{number}", part, [Slot(element)], SegmentKind.FORMULA, details,
                          display=literal_display(element.text))
        for number, link in enumerate(root.iter(_Q["hyperlink"]), start=1):
            for attribute in ("display", "tooltip"):
                if link.get(attribute):
                    texts.add(f"{part}#link{number}@{attribute}", part, [Slot(link, attribute)],
                              SegmentKind.HYPERLINK, {**details, "cell": link.get("ref", "")})

    def _read_sheet_parts(self, texts: PackageTexts, sheet_part: str, details: dict) -> set[str]:
        """Comments, threaded comments, drawings, charts and tables of one sheet."""
        handled: set[str] = set()
        for kind, target in relationships(texts, sheet_part).values():
            if target not in texts.names or target in handled:
                continue
            if kind == "comments":
                self._read_comments(texts, target, details)
            elif kind == "threadedComment":
                self._read_threaded(texts, target, details)
            elif kind == "drawing":
                add_drawing_texts(texts, target, SegmentKind.TEXT_BOX, details)
                for chart_kind, chart in relationships(texts, target).values():
                    if chart_kind == "chart" and chart in texts.names and chart not in handled:
                        add_drawing_texts(texts, chart, "chart", details)
                        handled.add(chart)
            elif kind == "table":
                root = texts.tree(target)
                for number, column in enumerate(root.iter(f"{{{S}}}tableColumn"), start=1):
                    texts.add(f"{target}#col{number}", target, [Slot(column, "name")], "table_column", details)
            else:
                continue
            handled.add(target)
        return handled

    def _read_comments(self, texts: PackageTexts, part: str, details: dict) -> None:
        root = texts.tree(part)
        for number, author in enumerate(root.iter(_Q["author"]), start=1):
            # "tc={guid}" authors stand for threaded comments: the person is in persons/person.xml
            hint = None if (author.text or "").startswith("tc=") else "PERSON"
            texts.add(f"{part}#author{number}", part, [Slot(author)], SegmentKind.COMMENT,
                      {**details, "field": "author"}, hint=hint)
        for number, comment in enumerate(root.iter(_Q["comment"]), start=1):
            body = comment.find(_Q["text"])
            if body is not None:
                texts.add(f"{part}#c{number}", part, _string_slots(body), SegmentKind.COMMENT,
                          {**details, "cell": comment.get("ref", "")})

    def _read_threaded(self, texts: PackageTexts, part: str, details: dict) -> None:
        root = texts.tree(part)
        for number, element in enumerate(root.iter(), start=1):
            if isinstance(element.tag, str) and etree.QName(element).localname == "text" and element.text:
                owner = element.getparent()
                texts.add(f"{part}#t{number}", part, [Slot(element, setter=_drop_mentions(element))],
                          SegmentKind.COMMENT, {**details, "cell": owner.get("ref", "") if owner is not None else ""})

    def _read_other(self, texts: PackageTexts, part: str) -> None:
        """Parts outside the sheets: persons, pivot caches and tables, external links, connections."""
        if not part.endswith((".xml", ".vml")):
            return
        if part.endswith(".vml"):
            self._read_vml(texts, part)
            return
        root = texts.tree(part)
        if part.startswith("xl/persons/"):
            for number, person in enumerate(root.iter(), start=1):
                if isinstance(person.tag, str) and etree.QName(person).localname == "person":
                    texts.add(f"{part}#p{number}", part, [Slot(person, "displayName")], SegmentKind.COMMENT,
                              {"field": "comment author"}, hint="PERSON")
                    if person.get("userId"):
                        texts.add(f"{part}#p{number}@userId", part, [Slot(person, "userId")],
                                  SegmentKind.COMMENT, {"field": "comment author id"})
            return
        attributes: tuple[str, ...] = ()
        if part.startswith("xl/pivotCache/"):
            if etree.QName(root).localname == "pivotCacheDefinition":
                # Excel rebuilds the cache from the (screened) sheet when the copy is opened.
                root.set("refreshOnLoad", "1")
                texts.dirty.add(part)
            attributes = ("v", "name", "caption")
        elif part.startswith("xl/pivotTables/"):
            attributes = ("n", "name", "caption", "dataCaption")
        elif part.startswith("xl/externalLinks/"):
            attributes = ("val", "name")
        elif part == "xl/connections.xml":
            attributes = ("connection", "command", "sourceFile", "odcFile", "description", "name", "url")
        if attributes:
            for number, element in enumerate(root.iter(), start=1):
                if not isinstance(element.tag, str):
                    continue
                for attribute in attributes:
                    value = element.get(attribute)
                    if value and (not value.replace(".", "").isdigit() or _LONG_NUMBER.match(value)):
                        texts.add(f"{part}#e{number}@{attribute}", part, [Slot(element, attribute)], "cache",
                                  {"element": etree.QName(element).localname})
        if part.startswith("xl/charts/") or part.startswith("xl/drawings/"):
            add_drawing_texts(texts, part, "chart" if "charts" in part else SegmentKind.TEXT_BOX)
        else:
            add_other_texts(texts, part, "cache" if attributes else "other")

    def _read_vml(self, texts: PackageTexts, part: str) -> None:
        """Legacy VML shapes: the text of their text boxes (comment boxes hold none in XLSX)."""
        try:
            root = texts.tree(part)
        except FormatError:  # legacy VML is often not well-formed XML
            texts.unscanned.append(UnscannedPart(part, "legacy VML drawing is not well-formed XML, not screened"))
            return
        for number, box in enumerate(root.iter(), start=1):
            if isinstance(box.tag, str) and etree.QName(box).localname == "textbox":
                for inner, element in enumerate(box.iter(), start=1):
                    if isinstance(element.tag, str):
                        for slot_number, slot in enumerate(loose_slots(element)):
                            texts.add(f"{part}#box{number}.{inner}.{slot_number}", part, [slot], SegmentKind.TEXT_BOX,
                                      {"element": etree.QName(element).localname})

    # Writing --------------------------------------------------------------------------------------

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: _XlsxNative = document.native
        texts = native.texts
        native.wanted_names.clear()
        native.wanted_defined.clear()
        changed = texts.apply(plan)
        changed |= self._write_shared_strings(native)
        changed |= self._rename_references(native)
        texts.write(out_path, changed, {**native.media, **native.embedded.write(plan)})

    def _write_shared_strings(self, native: _XlsxNative) -> set[str]:
        part = native.shared_strings_part
        if part is None:
            return set()
        table = native.texts.tree(part)
        strings = table.findall(_Q["si"])
        by_index: dict[int, list[_SharedCell]] = {}
        for entry in native.shared_cells:
            if _string_text(entry.copy) != entry.original:
                by_index.setdefault(entry.index, []).append(entry)
        if not by_index:
            return set()
        users: dict[int, int] = {}
        for entry in native.shared_cells:
            users[entry.index] = users.get(entry.index, 0) + 1
        for index, entries in by_index.items():
            variants: dict[str, etree._Element] = {}
            for entry in entries:
                variants.setdefault(_string_text(entry.copy), entry.copy)
            keep_original = users[index] > len(entries)
            positions: dict[str, int] = {}
            for text, element in variants.items():
                if not keep_original and not positions:
                    table.replace(strings[index], element)
                    strings[index] = element
                    positions[text] = index
                else:
                    table.append(element)
                    strings.append(element)
                    positions[text] = len(strings) - 1
            for entry in entries:
                entry.cell.find(_Q["v"]).text = str(positions[_string_text(entry.copy)])
        table.set("uniqueCount", str(len(strings)))
        return {part} | self._sheet_parts_of(native, by_index)

    def _sheet_parts_of(self, native: _XlsxNative, by_index: dict[int, list[_SharedCell]]) -> set[str]:
        roots = {id(entry.cell.getroottree().getroot()) for entries in by_index.values() for entry in entries}
        return {part for part, tree in native.texts.trees.items() if id(tree) in roots}

    def _rename_references(self, native: _XlsxNative) -> set[str]:
        """Give replaced sheet and defined names legal, unique new names; make every reference follow."""
        sheets = self._new_names(native.sheet_elements, native.wanted_names, valid_sheet_name)
        names = self._new_names(native.name_elements, native.wanted_defined, valid_defined_name)
        if not sheets and not names:
            return set()
        texts = native.texts

        def follow(formula: str) -> str:
            return rename_defined_names(rename_sheet_references(formula, sheets), names)

        changed = {WORKBOOK}
        for part in [name for name in texts.names if name.startswith("xl/") and name.endswith(".xml")]:
            touched = False
            for element in texts.tree(part).iter():
                if not isinstance(element.tag, str):
                    continue
                local = etree.QName(element).localname
                if local in ("f", "formula", "formula1", "formula2", "definedName") and element.text:
                    new = follow(element.text)
                    if new != element.text:
                        element.text, touched = new, True
                if local == "hyperlink" and element.get("location"):
                    value = element.get("location")
                    if follow(value) != value:
                        element.set("location", follow(value))
                        touched = True
                if local == "worksheetSource":
                    for attribute, renames in (("sheet", sheets), ("name", names)):
                        if element.get(attribute) in renames:
                            element.set(attribute, renames[element.get(attribute)])
                            touched = True
            if touched:
                changed.add(part)
        if "docProps/app.xml" in texts.names:
            for title in texts.tree("docProps/app.xml").iter():
                if not isinstance(title.tag, str) or etree.QName(title).localname != "lpstr" or not title.text:
                    continue
                # sheet names, and defined names listed as 'Sheet name'!Print_Titles
                new = sheets.get(title.text) or names.get(title.text) or follow(title.text)
                if new != title.text:
                    title.text = new
                    changed.add("docProps/app.xml")
        return changed

    @staticmethod
    def _new_names(elements: list[etree._Element], wanted: dict[int, str], legal) -> dict[str, str]:
        """old name -> new name, for the elements (numbered from 1) whose ``name`` was replaced."""
        current = [element.get("name", "") for element in elements]
        taken = set(current)
        renames: dict[str, str] = {}
        for number, text in sorted(wanted.items()):
            old = current[number - 1]
            taken.discard(old)
            new = legal(text, taken)
            taken.add(new)
            elements[number - 1].set("name", new)
            renames[old] = new
        return renames

    def raw_texts(self, path: Path) -> Iterable[str]:
        return package_texts_deep(path)


ADAPTER = XlsxAdapter()
