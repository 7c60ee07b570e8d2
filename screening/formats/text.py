"""Plain text (.txt, .md): UTF-8, UTF-8/UTF-16 with BOM, Windows-1252 as the fallback.

Segments are paragraphs (runs of lines between blank lines), so that form layouts such as
"Fødselsnummer:\\n01019012345" stay inside one segment. The copy is written in the encoding, BOM and line
endings of the original; only the replaced characters change. A ``.csv`` that is not really a table
(prose, one column) is read and written here too, by :mod:`screening.formats.delimited`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from screening.document import (
    Document,
    FormatError,
    Location,
    Plan,
    Segment,
    SegmentKind,
    apply_replacements,
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PARAGRAPH_BREAK = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*")
# Control characters other than tab, newlines, form feed: a text file has (almost) none of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class _TextNative:
    text: str
    encoding: str
    bom: bytes


def decode(data: bytes, name: str) -> tuple[str, str, bytes]:
    """The text of a file, its encoding and BOM; a FormatError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, bom
            except UnicodeDecodeError as error:
                raise FormatError(f"{name}: not valid {encoding} text ({error.reason})") from None
    if b"\x00" in data:
        raise FormatError(f"{name}: binary file, not text")
    text, encoding = _decode_without_bom(data)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise FormatError(f"{name}: binary file, not text")
    return text, encoding, b""


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    # Windows-1252 leaves five bytes undefined; Latin-1 maps every byte, so the round trip stays exact.
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def paragraphs(text: str) -> Iterable[tuple[int, int]]:
    """Start and end offsets of the paragraphs of a text (blank lines separate them)."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    end = len(text.rstrip())
    if position < end:
        yield position, end


class TextAdapter:
    format = "text"
    extensions = (".txt", ".md")

    def read(self, path: Path) -> Document:
        data = path.read_bytes()
        if not data.strip():
            raise FormatError(f"{path}: empty file")
        text, encoding, bom = decode(data, str(path))
        segments = [
            Segment(
                id=f"{start}:{end}",
                text=text[start:end],
                location=Location("text", SegmentKind.BODY, {"paragraph": number, "line": text.count("\n", 0, start) + 1}),
            )
            for number, (start, end) in enumerate(paragraphs(text), start=1)
        ]
        return Document(path=path, format=self.format, segments=segments, native=_TextNative(text, encoding, bom))

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native: _TextNative = document.native
        pieces: list[str] = []
        position = 0
        for segment in document.segments:
            start, end = (int(x) for x in segment.id.split(":"))
            pieces.append(native.text[position:start])
            pieces.append(apply_replacements(segment.text, plan.for_segment(segment.id)))
            position = end
        pieces.append(native.text[position:])
        out_path.write_bytes(native.bom + "".join(pieces).encode(native.encoding, errors="strict"))

    def raw_texts(self, path: Path) -> Iterable[str]:
        text, _, _ = decode(path.read_bytes(), str(path))
        yield text


ADAPTER = TextAdapter()
