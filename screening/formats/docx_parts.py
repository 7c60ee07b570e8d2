"""DOCX hiding places outside the paragraph text: what :mod:`screening.formats.docx` adds to its
paragraph segments.

In a screened part (body, headers, footers, footnotes, endnotes, comments, glossary):

- tracked deletions (``w:del``/``w:delText``, also deleted field code): deleted text is still in the
  file and counts as text; each deletion is one segment of its own, so that "41234567" deleted next to
  "98765432" inserted are not read as one number;
- the authors of tracked changes, moves, formatting changes and comments (``w:author``) and the
  initials of comment authors (these follow a replaced author name);
- field codes (``w:instrText`` of complex fields, ``w:fldSimple/@w:instr``: ``HYPERLINK "mailto:..."``,
  ``MERGEFIELD``, ``AUTHOR``); their cached results are ordinary paragraph text;
- content control properties (alias, tag, list items, placeholder text is ordinary text) and custom
  XML element attributes;
- alt text and titles of pictures and shapes (``wp:docPr``, ``pic:cNvPr``, VML ``alt`` and ``o:title``)
  and hyperlink tooltips.

Elsewhere in the package: people.xml (comment authors and their accounts), settings.xml document
variables and mail-merge data (connection strings, queries, data source paths), charts and SmartArt
(DrawingML text and cached values); attached template and linked files are external relationships.
"""

from __future__ import annotations

from lxml import etree

from screening.document import SegmentKind
from screening.formats.ooxml import FILE_NAME, PackageTexts, Slot, add_drawing_texts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
O = "urn:schemas-microsoft-com:office:office"
_W = {name: f"{{{W}}}{name}" for name in (
    "del", "delText", "delInstrText", "instrText", "fldSimple", "instr", "author", "initials", "comment",
    "sdtPr", "alias", "tag", "val", "listItem", "displayText", "value", "attr", "hyperlink", "tooltip", "p",
    "docVar", "name", "mailMerge", "odso", "docVars",
)}


def _node_slots(parent: etree._Element, *tags: str) -> list[Slot]:
    return [Slot(node) for node in parent.iter(*tags) if node.text]


def add_part_extras(texts: PackageTexts, part: str, kind: str, initials: dict[str, Slot]) -> None:
    """Everything of a screened part that is not paragraph text (see the module docstring)."""
    root = texts.tree(part)
    for number, deletion in enumerate(root.iter(_W["del"]), start=1):
        texts.add(f"{part}#del{number}", part, _node_slots(deletion, _W["delText"]), SegmentKind.TRACKED_DELETION,
                  {"deletion": number, "in": kind})
        texts.add(f"{part}#del{number}/field", part, _node_slots(deletion, _W["delInstrText"]),
                  SegmentKind.TRACKED_DELETION, {"deletion": number, "in": kind, "field": "code"})
    for number, paragraph in enumerate(root.iter(_W["p"]), start=1):
        own = [node for node in paragraph.iter(_W["instrText"]) if _paragraph_of(node) is paragraph and node.text]
        texts.add(f"{part}#p{number}/field", part, [Slot(node) for node in own], SegmentKind.FIELD,
                  {"paragraph": number, "in": kind})
    for number, element in enumerate(root.iter(), start=1):
        if not isinstance(element.tag, str):
            continue
        _add_attributes(texts, part, kind, number, element, initials)


def _paragraph_of(node: etree._Element) -> etree._Element | None:
    for ancestor in node.iterancestors(_W["p"]):
        return ancestor
    return None


def _add_attributes(texts: PackageTexts, part: str, kind: str, number: int, element: etree._Element,
                    initials: dict[str, Slot]) -> None:
    tag = element.tag
    where = {"in": kind, "element": etree.QName(element).localname}
    if element.get(_W["author"]):
        segment = texts.add(f"{part}#e{number}@author", part, [Slot(element, _W["author"])], kind
                            if tag == _W["comment"] else SegmentKind.METADATA, {**where, "field": "author"},
                            hint="PERSON")
        if segment is not None and element.get(_W["initials"]) is not None:
            initials[segment.id] = Slot(element, _W["initials"])
    if tag == _W["fldSimple"] and element.get(_W["instr"]):
        texts.add(f"{part}#e{number}@instr", part, [Slot(element, _W["instr"])], SegmentKind.FIELD, where)
    elif tag == _W["hyperlink"]:
        # LibreOffice writes the tooltip into w:tgtFrame; w:docLocation names a linked file
        for attribute in ("tooltip", "tgtFrame", "docLocation"):
            if element.get(f"{{{W}}}{attribute}"):
                texts.add(f"{part}#e{number}@{attribute}", part, [Slot(element, f"{{{W}}}{attribute}")],
                          SegmentKind.HYPERLINK, where)
    elif tag in (_W["alias"], _W["tag"]) and element.get(_W["val"]):
        texts.add(f"{part}#e{number}@val", part, [Slot(element, _W["val"])], "content_control", where)
    elif tag == _W["listItem"]:
        for attribute in (_W["displayText"], _W["value"]):
            if element.get(attribute):
                texts.add(f"{part}#e{number}@{etree.QName(attribute).localname}", part, [Slot(element, attribute)],
                          "content_control", where)
    elif tag == _W["attr"] and element.get(_W["val"]):  # custom XML element attributes
        texts.add(f"{part}#e{number}@val", part, [Slot(element, _W["val"])], "content_control", where)
    else:
        name = etree.QName(element).localname
        if name in ("docPr", "cNvPr"):
            # the name too when it is a file name (python-docx names pictures after their file)
            for attribute in ("descr", "title", "name"):
                if element.get(attribute) and (attribute != "name" or FILE_NAME.search(element.get(attribute))):
                    texts.add(f"{part}#e{number}@{attribute}", part, [Slot(element, attribute)], SegmentKind.ALT_TEXT,
                              {**where, "shape": element.get("id", ""), "field": attribute})
        elif element.get("alt"):  # VML shapes
            texts.add(f"{part}#e{number}@alt", part, [Slot(element, "alt")], SegmentKind.ALT_TEXT, where)
        if element.get(f"{{{O}}}title"):  # VML image data
            texts.add(f"{part}#e{number}@title", part, [Slot(element, f"{{{O}}}title")], SegmentKind.ALT_TEXT, where)


def add_people(texts: PackageTexts, part: str) -> None:
    """word/people.xml: every person who commented or changed the text, and their account."""
    for number, element in enumerate(texts.tree(part).iter(), start=1):
        if not isinstance(element.tag, str):
            continue
        for attribute, hint in ((f"{{{W15}}}author", "PERSON"), (f"{{{W15}}}userId", None)):
            if element.get(attribute):
                texts.add(f"{part}#e{number}@{etree.QName(attribute).localname}", part, [Slot(element, attribute)],
                          SegmentKind.COMMENT, {"field": "comment author" if hint else "comment author id"},
                          hint=hint)


def add_settings(texts: PackageTexts, part: str) -> None:
    """settings.xml: document variables (add-ins keep case data there) and mail-merge data."""
    root = texts.tree(part)
    for number, variable in enumerate(root.iter(_W["docVar"]), start=1):
        texts.add(f"{part}#var{number}", part, [Slot(variable, _W["val"])], SegmentKind.METADATA,
                  {"field": "document variable", "variable": number})
    for merge in root.iter(_W["mailMerge"]):
        for number, element in enumerate(merge.iter(), start=1):
            if isinstance(element.tag, str) and element.get(_W["val"]) and element.get(_W["val"]) not in ("true", "false"):
                texts.add(f"{part}#merge{number}", part, [Slot(element, _W["val"])], SegmentKind.METADATA,
                          {"field": f"mail merge {etree.QName(element).localname}"})


def add_drawing_part(texts: PackageTexts, part: str) -> None:
    """Charts and SmartArt: DrawingML paragraphs, alt text and cached chart values."""
    add_drawing_texts(texts, part, "chart" if "/charts/" in part else "smartart")
