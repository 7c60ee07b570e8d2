"""What the XML translation formats (XLIFF 1.2/2.x, SDLXLIFF, MQXLIFF, TMX) share.

- :func:`language_code`: the project language of a language tag stated in the file.
- :func:`parse` / :func:`serialise`: lxml without entity expansion or network, keeping the prolog.
- :class:`Field`: a metadata attribute or text-only element screened as a whole segment.
- :func:`clean_path`: file paths in metadata lose their directories (``C:\\Users\\<login>\\...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Iterable

from lxml import etree

from screening.document import FormatError, Replacement, apply_replacements

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False, load_dtd=False
)

# Language tags as translation tools write them -> the analysis languages of the project.
_LANGUAGES = {"nb": "nb", "no": "nb", "nob": "nb", "nor": "nb", "nn": "nn", "nno": "nn", "da": "da", "dan": "da",
              "en": "en", "eng": "en", "sv": "sv", "swe": "sv"}


def language_code(tag: str | None) -> str | None:
    """"nb-NO", "no", "nob" -> "nb"; "nn-NO" -> "nn"; "da-DK" -> "da"; "en-GB" -> "en"; others as given."""
    if not tag:
        return None
    primary = re.split(r"[-_]", tag.strip())[0].lower()
    if not primary:
        return None
    return _LANGUAGES.get(primary, primary)


def parse(path: Path, format_name: str) -> etree._ElementTree:
    """The XML tree of a file; a one-line FormatError for anything that is not well-formed XML."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(f"{path}: cannot be read ({error.strerror})") from None
    if not data.strip():
        raise FormatError(f"{path}: empty file")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError(f"{path}: a zip or binary Office file, not {format_name}")
    try:
        return etree.ElementTree(etree.fromstring(data, _PARSER))
    except etree.XMLSyntaxError as error:
        raise FormatError(f"{path}: not well-formed {format_name} ({error.msg})") from None
    except ValueError as error:  # lxml refuses str-declared encodings it does not know
        raise FormatError(f"{path}: unreadable {format_name} ({error})") from None


_DECLARATION = re.compile(r"^\ufeff?<\?xml[^>]*\?>")


def serialise(tree: etree._ElementTree, original_head: str = "") -> bytes:
    """The document in its own encoding, with its own XML declaration, DOCTYPE and top-level comments.

    ``original_head`` is the start of the original file as text; its declaration is copied as it was.
    """
    encoding = tree.docinfo.encoding or "UTF-8"
    body = etree.tostring(tree, encoding="unicode")
    match = _DECLARATION.match(original_head)
    declaration = match.group(0).lstrip("\ufeff") if match else f'<?xml version="1.0" encoding="{encoding}"?>'
    return (declaration + "\n" + body + "\n").encode(encoding, errors="xmlcharrefreplace")


def head_of(path: Path) -> str:
    """The first characters of a file as text, enough for its XML declaration."""
    data = path.read_bytes()[:512]
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="ignore")
    return data.decode("utf-8", errors="ignore")


_BARE_TAGS = re.compile(r"</?[A-Za-z][\w:.-]*\s*/?>|\s+")


def worth_screening(code_text: str) -> bool:
    """Native code holds data only when it is more than bare tags (``<b>``, ``</b>``, ``<br/>``)."""
    return bool(_BARE_TAGS.sub("", code_text))


def clean_path(value: str) -> str:
    """The file name of a path, without the folders (which hold user names: C:\\Users\\<login>\\...)."""
    if "\\" in value or "/" in value:
        name = PureWindowsPath(value).name if "\\" in value else value.rstrip("/").rsplit("/", 1)[-1]
        return name
    return value


# Attribute or element names of tool extensions that hold a user name or login.
PERSON_NAME = re.compile(
    r"(user(name)?|author|creator|created_?by|modified_?by|changed_?by|creationid|changeid|login|translator|"
    r"reviewer|owner|assignee|committer)$",
    re.IGNORECASE,
)
PATH_NAME = re.compile(r"(path|filename|file_name|original|origfile|docname)$", re.IGNORECASE)
# The folders of absolute paths inside a longer text: memoQ keeps its import and export paths
# (C:\Users\<login>\...) in CDATA blocks of XML, and tools put paths in attributes of any name.
_FOLDERS_IN_TEXT = re.compile(r'(?:[A-Za-z]:\\|\\\\)(?:[^\\<>"|?*\r\n]+\\)+|/(?:home|Users)/(?:[^/<>"\r\n]+/)+')


def strip_folders(text: str) -> str:
    """``text`` with the folders of every absolute path left out ("<FilePath>C:\\Users\\kari\\a.docx" -> "<FilePath>a.docx")."""
    return _FOLDERS_IN_TEXT.sub("", text)


@dataclass
class Field:
    """A metadata value screened as one segment: an attribute (``attribute`` set) or an element's text.

    ``path`` fields are written as their file name only, whatever the plan says; ``text`` is what the
    segment shows (for a path: the file name).
    """

    element: etree._Element
    attribute: str | None
    text: str
    path: bool = False

    def write(self, replacements: list[Replacement]) -> None:
        value = apply_replacements(self.text, replacements)
        if self.attribute is not None:
            self.element.set(self.attribute, value)
        else:
            self.element.text = value


def field_of(element: etree._Element, attribute: str | None = None, path: bool = False,
             folders_in_text: bool = False) -> Field | None:
    """The field of an attribute or a text-only element, or None when it is empty.

    ``path``: the value is a path and keeps its file name only; ``folders_in_text``: paths inside the
    value lose their folders (the field then counts as a path field: written even without findings).
    """
    raw = element.get(attribute) if attribute is not None else element.text
    if raw is None or not raw.strip():
        return None
    if path:
        return Field(element, attribute, clean_path(raw), True)
    if folders_in_text and (cleaned := strip_folders(raw)) != raw:
        return Field(element, attribute, cleaned, True)
    return Field(element, attribute, raw, False)


def xml_texts(path: Path, segment_texts: Iterable[str] = ()) -> Iterable[str]:
    """For verification: the raw file, every attribute value, and the given segment texts."""
    data = path.read_bytes()
    yield data.decode("utf-8", errors="ignore") if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode(
        "utf-16", errors="ignore"
    )
    root = etree.fromstring(data, _PARSER)
    for element in root.iter():
        if isinstance(element.tag, str):
            yield from element.attrib.values()
    yield from segment_texts


class FlowTarget:
    """Writes a segment back through its flow; in sentence text, placeholders become inline tags."""

    def __init__(self, flow, make_tag=None) -> None:
        self.flow = flow
        self.make_tag = make_tag

    def write(self, replacements: list[Replacement]) -> None:
        from screening.formats import inline

        inline.apply(self.flow, replacements, self.make_tag)
