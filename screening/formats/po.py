"""Gettext PO/POT catalogues, read and written on the text itself, so untouched bytes stay as they were.

Segments, per entry: ``msgid``/``msgid_plural`` (kind "source", language from an ``X-Source-Language``
header when there is one), every ``msgstr``/``msgstr[n]`` (kind "target", language from the header's
``Language``), ``msgctxt`` (kind "metadata"), translator comments ``# ...`` and extracted comments
``#. ...`` (kind "comment"), previous strings ``#| msgid ...`` (kind "previous") and obsolete entries
``#~ ...`` (kind "obsolete"). The header entry gives one segment per field value: ``Last-Translator``
(hint PERSON: "Name <e-mail>" is one person), ``Language-Team``, ``Report-Msgid-Bugs-To`` and any other
field that can hold a name (technical fields such as ``Content-Type`` or ``Plural-Forms`` are skipped).

A string written over several quoted lines keeps its line breaks: a replacement goes into the line where
the value starts and the rest of the value is cut out of the following lines. Placeholders are plain text
("[PERSON_1]"): PO has no inline codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from screening.document import (
    Document,
    FormatError,
    Location,
    Plan,
    Replacement,
    Segment,
    SegmentKind,
    apply_replacements,
)
from screening.formats.xliff_common import language_code

_KEYWORD = re.compile(
    r'^(?P<prefix>#~\s*|#\|\s*|#~\|\s*)?(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*"(?P<lit>.*)"\s*$'
)
_CONTINUATION = re.compile(r'^(?P<prefix>#~\s*|#\|\s*|#~\|\s*)?"(?P<lit>.*)"\s*$')
_COMMENT = re.compile(r"^#(?P<mark>\.?)(?:[ \t](?P<text>.*))?$")
_UNESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_TECHNICAL_HEADERS = {
    "content-type", "content-transfer-encoding", "mime-version", "plural-forms", "language",
    "pot-creation-date", "po-revision-date", "x-generator", "x-source-language", "x-poedit-basepath",
    "x-poedit-sourcecharset",
}
_PERSON_HEADERS = {"last-translator"}
PREVIOUS, OBSOLETE = "previous", "obsolete"


def unescape(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: _UNESCAPES.get(m.group(1), m.group(1)), literal)


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text)


@dataclass
class _Literal:
    start: int  # offset of the content between the quotes, in the file text
    end: int
    text: str  # unescaped


@dataclass
class PoString:
    keyword: str
    prefix: str
    literals: list[_Literal] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(literal.text for literal in self.literals)

    def splices(self, replacements: list[Replacement]) -> list[tuple[int, int, str]]:
        """(start, end, new escaped content) for each quoted line that changes."""
        texts = [literal.text for literal in self.literals]
        bounds, position = [], 0
        for text in texts:
            bounds.append((position, position + len(text)))
            position += len(text)
        value = self.text
        for replacement in sorted(replacements, key=lambda r: r.start, reverse=True):
            if value[replacement.start:replacement.end] != replacement.original:
                raise ValueError("replacement does not match the PO string")
            first = True
            for index, (start, end) in enumerate(bounds):
                if start < replacement.end and end > replacement.start:
                    cut_from = max(replacement.start, start) - start
                    cut_to = min(replacement.end, end) - start
                    inserted = replacement.new_text if first else ""
                    texts[index] = texts[index][:cut_from] + inserted + texts[index][cut_to:]
                    first = False
        return [
            (literal.start, literal.end, escape(new))
            for literal, new in zip(self.literals, texts)
            if new != literal.text
        ]


@dataclass
class _Comment:
    start: int
    end: int
    text: str

    def splices(self, replacements: list[Replacement]) -> list[tuple[int, int, str]]:
        return [(self.start, self.end, apply_replacements(self.text, replacements).replace("\n", " "))]


@dataclass
class _Slice:
    """A segment that is a stretch of a string (a header field value)."""

    string: PoString
    offset: int


@dataclass
class _Entry:
    strings: list[PoString] = field(default_factory=list)
    comments: list[tuple[str, _Comment]] = field(default_factory=list)
    line: int = 0


@dataclass
class _PoNative:
    text: str
    encoding: str
    bom: bytes
    targets: dict[str, object] = field(default_factory=dict)


def _decode(data: bytes, path: Path) -> tuple[str, str, bytes]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8", b"\xef\xbb\xbf"
    if b"\x00" in data[:4096]:
        raise FormatError(f"{path}: binary file, not a PO catalogue")
    match = re.search(rb"charset=([A-Za-z0-9_.:-]+)", data[:8192])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    if encoding.upper() == "CHARSET":
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding, b""
    except (LookupError, UnicodeDecodeError):
        raise FormatError(f"{path}: PO catalogue not in its declared encoding ({encoding})") from None


def _parse(text: str, path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    current = _Entry()
    string: PoString | None = None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        content = line.rstrip("\r\n")
        stripped = content.strip()
        start = offset
        offset += len(line)
        if not stripped:
            if current.strings or current.comments:
                entries.append(current)
            current, string = _Entry(), None
            continue
        if not current.strings and not current.comments:
            current.line = number
        match = _KEYWORD.match(content)
        if match:
            if match.group("kw") == "msgid" and not (match.group("prefix") or "").startswith("#|") and any(
                s.keyword == "msgstr" or s.keyword.startswith("msgstr[") for s in current.strings
            ):
                entries.append(current)  # entries not separated by a blank line
                current = _Entry(line=number)
            string = PoString(match.group("kw"), (match.group("prefix") or "").strip())
            string.literals.append(_Literal(start + match.start("lit"), start + match.end("lit"), unescape(match.group("lit"))))
            current.strings.append(string)
            continue
        match = _CONTINUATION.match(content)
        if match and string is not None:
            string.literals.append(_Literal(start + match.start("lit"), start + match.end("lit"), unescape(match.group("lit"))))
            continue
        match = _COMMENT.match(content)
        if match:
            if match.group("text") is not None and match.group("text").strip():
                kind = "extracted" if match.group("mark") else "translator"
                current.comments.append((kind, _Comment(start + match.start("text"), start + match.end("text"), match.group("text"))))
            continue
        if stripped.startswith("#"):
            continue  # references (#:), flags (#,): no personal data by construction
        raise FormatError(f"{path}: not a valid PO catalogue (line {number})")
    if current.strings or current.comments:
        entries.append(current)
    return entries


def _header_fields(string: PoString) -> Iterable[tuple[str, int, str]]:
    """(field name, offset in the string, value) for each line of the header."""
    position = 0
    for line in string.text.split("\n"):
        name, colon, value = line.partition(":")
        if colon and value.strip():
            value_start = position + len(name) + 1 + (len(value) - len(value.lstrip()))
            yield name.strip(), value_start, value.strip()
        position += len(line) + 1


class PoAdapter:
    format = "po"
    extensions = (".po", ".pot")

    def _read(self, path: Path) -> tuple[list[Segment], _PoNative]:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FormatError(f"{path}: cannot be read ({error.strerror})") from None
        if not data.strip():
            raise FormatError(f"{path}: empty file")
        text, encoding, bom = _decode(data, path)
        entries = _parse(text, path)
        if not any(entry.strings for entry in entries):
            raise FormatError(f"{path}: not a PO catalogue (no msgid)")
        native = _PoNative(text, encoding, bom)
        segments: list[Segment] = []
        header = next((e for e in entries if e.strings and e.strings[0].keyword == "msgid" and not e.strings[0].text
                       and not e.strings[0].prefix), None)
        target_language = source_language = None
        if header is not None:
            for string in header.strings:
                if string.keyword == "msgstr":
                    for name, _, value in _header_fields(string):
                        if name.lower() == "language":
                            target_language = language_code(value)
                        elif name.lower() == "x-source-language":
                            source_language = language_code(value)
        for number, entry in enumerate(entries, start=1):
            details = {"entry": number, "line": entry.line}
            for index, (kind, comment) in enumerate(entry.comments, start=1):
                segment_id = f"e{number}.c{index}"
                native.targets[segment_id] = comment
                where = Location("catalogue", SegmentKind.COMMENT, {**details, "field": f"{kind} comment"})
                segments.append(Segment(segment_id, comment.text, where))
            for index, string in enumerate(entry.strings, start=1):
                segment_id = f"e{number}.s{index}"
                if entry is header and string.keyword == "msgstr":
                    for name, value_start, value in _header_fields(string):
                        if name.lower() in _TECHNICAL_HEADERS:
                            continue
                        field_id = f"{segment_id}.{name}"
                        native.targets[field_id] = _Slice(string, value_start)
                        hint = "PERSON" if name.lower() in _PERSON_HEADERS else None
                        where = Location("header", SegmentKind.METADATA, {"field": name})
                        segments.append(Segment(field_id, value, where, entity_hint=hint))
                    continue
                if not string.text.strip():
                    continue
                if string.prefix.startswith("#~"):
                    kind = OBSOLETE
                elif string.prefix.startswith("#|"):
                    kind = PREVIOUS
                elif string.keyword.startswith("msgstr"):
                    kind = SegmentKind.TARGET
                elif string.keyword == "msgctxt":
                    kind = SegmentKind.METADATA
                else:
                    kind = SegmentKind.SOURCE
                language = target_language if string.keyword.startswith("msgstr") else source_language
                native.targets[segment_id] = string
                where = Location("catalogue", kind, {**details, "field": string.keyword})
                segments.append(Segment(segment_id, string.text, where, language=language))
        return segments, native

    def read(self, path: Path) -> Document:
        segments, native = self._read(path)
        return Document(path=path, format=self.format, segments=segments, native=native)

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: _PoNative = document.native
        by_string: dict[int, tuple[PoString, list[Replacement]]] = {}
        splices: list[tuple[int, int, str]] = []
        for segment in document.segments:
            replacements = plan.for_segment(segment.id)
            if not replacements:
                continue
            target = native.targets[segment.id]
            if isinstance(target, _Slice):
                shifted = [
                    Replacement(r.segment_id, r.start + target.offset, r.end + target.offset, r.original, r.new_text,
                                r.placeholder, r.entity_type)
                    for r in replacements
                ]
                by_string.setdefault(id(target.string), (target.string, []))[1].extend(shifted)
            elif isinstance(target, PoString):
                by_string.setdefault(id(target), (target, []))[1].extend(replacements)
            else:
                splices.extend(target.splices(replacements))
        for string, replacements in by_string.values():
            splices.extend(string.splices(replacements))
        text = native.text
        for start, end, new in sorted(splices, reverse=True):
            text = text[:start] + new + text[end:]
        out_path.write_bytes(native.bom + text.encode(native.encoding, errors="strict"))

    def raw_texts(self, path: Path) -> Iterable[str]:
        segments, native = self._read(path)
        yield native.text
        for segment in segments:
            yield segment.text
        for target in native.targets.values():
            if isinstance(target, PoString):
                yield target.text


ADAPTER = PoAdapter()
