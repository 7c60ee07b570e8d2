"""Placeholder tags for the XLIFF flavours: what a placeholder becomes inside a segment.

- XLIFF 1.2 (and MQXLIFF): ``<ph id="pii-PERSON-1" ctype="x-pii-person">[PERSON_1]</ph>``; ``ctype``
  takes an ``x-`` extension value on ``ph`` (XLIFF 1.2, section 2.4.3); the content is the native code.
- SDLXLIFF: Trados resolves every inline tag through the file's ``tag-defs``, so the placeholder is
  ``<x id="pii-PERSON-1"/>`` and ``tag-defs`` gains ``<tag id="pii-PERSON-1"><ph ...>[PERSON_1]</ph></tag>``.
- XLIFF 2.x: ``<ph id="pii-PERSON-1" disp="[PERSON_1]" equiv="[PERSON_1]" type="other"
  subType="pii:person"/>``: ``disp`` is what an editor shows, ``equiv`` the plain-text equivalent
  (XLIFF 2.0, 4.3.1.5); ``subType`` needs ``type`` and a prefix other than ``xlf``.

Ids come from :class:`screening.formats.inline.TagIds`: the same value has the same id in source and
target of a unit.
"""

from __future__ import annotations

from lxml import etree

from screening.document import Replacement
from screening.formats import inline

SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"


def xliff1_factory(namespace: str, ids: inline.TagIds, unit: str, side: str):
    def make(replacement: Replacement) -> etree._Element:
        tag = etree.Element(f"{{{namespace}}}ph" if namespace else "ph")
        tag.set("id", ids.next(unit, side, replacement.placeholder))
        tag.set("ctype", inline.tag_type(replacement.entity_type))
        tag.text = replacement.placeholder
        return tag

    return make


class SdlTagDefs:
    """The ``tag-defs`` of one SDLXLIFF ``file``, gaining a definition for each placeholder tag used."""

    def __init__(self, file_element: etree._Element, namespace: str) -> None:
        self.file = file_element
        self.namespace = namespace
        self._defs: etree._Element | None = None
        self._defined: set[str] = set()

    def _container(self) -> etree._Element:
        if self._defs is None:
            header = self.file.find(f"{{{self.namespace}}}header")
            if header is None:
                header = etree.Element(f"{{{self.namespace}}}header")
                self.file.insert(0, header)
            defs = header.find(f"{{{SDL}}}tag-defs")
            if defs is None:
                defs = etree.SubElement(header, f"{{{SDL}}}tag-defs", nsmap={None: SDL})
            self._defs = defs
        return self._defs

    def define(self, tag_id: str, replacement: Replacement) -> None:
        if tag_id in self._defined:
            return
        self._defined.add(tag_id)
        tag = etree.SubElement(self._container(), f"{{{SDL}}}tag", {"id": tag_id})
        ph = etree.SubElement(tag, f"{{{SDL}}}ph", {"name": inline.tag_type(replacement.entity_type), "word-end": "false"})
        ph.text = replacement.placeholder

    def factory(self, ids: inline.TagIds, unit: str, side: str):
        def make(replacement: Replacement) -> etree._Element:
            tag_id = ids.next(unit, side, replacement.placeholder)
            self.define(tag_id, replacement)
            return etree.Element(f"{{{self.namespace}}}x", {"id": tag_id})

        return make


def xliff2_factory(namespace: str, ids: inline.TagIds, unit: str, side: str):
    def make(replacement: Replacement) -> etree._Element:
        subtype = inline.tag_type(replacement.entity_type).removeprefix("x-pii-")
        return etree.Element(
            f"{{{namespace}}}ph",
            {
                "id": ids.next(unit, side, replacement.placeholder),
                "disp": replacement.placeholder,
                "equiv": replacement.placeholder,
                "type": "other",
                "subType": f"pii:{subtype}",
            },
        )

    return make
