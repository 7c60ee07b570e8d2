"""Delimited tables (.csv, .tsv): contact lists, CRM dumps, localisation string tables.

Format: RFC 4180 records, one per line; a field may be quoted with ``"``, and a quoted field may hold
the delimiter, line breaks (CRLF, LF or CR) and quotes written twice (``""``). The bytes are decoded
exactly as by the text adapter (:func:`screening.formats.text.decode`: BOMs, UTF-8, Windows-1252 as
the fallback, binary files and empty files refused).

Delimiter: a ``.tsv`` is tab-delimited. For a ``.csv`` a first line ``sep=;`` (written for Excel by
some exporters) says it. Otherwise each of ``,`` ``;`` tab and ``|`` is tried with the field scanner
below: over the first :data:`SAMPLE_RECORDS` records (blank lines left out) it must give every record
the same number of fields, at least two, in at least two records. Of the candidates that pass, the one
giving the most columns wins; between equally wide ones ``csv.Sniffer`` (restricted to the four)
decides, and ``;`` when it cannot (Norwegian and Danish Excel write ``;``). The Sniffer is not asked
first because on its own it is wrong too often for these files: it gives up on a quoted field spanning
lines (a common CRM dump), its preference order puts ``,`` before ``;`` when both look regular
("Etternavn, fornavn;Telefon" over "Nordmann, Kari;41234567", a Norwegian Excel export), it accepts a
tenth of the lines being irregular, and its quote regex can take seconds on odd input. Its answer only
ever counts where the consistent candidates tie, so it is only asked then.

Not a table: a file without a consistent delimiter (prose, one column, a single line), one whose
delimiters are mostly followed by a space (sentences with commas: cut at them, "Ring meg, 41234567"
would part a number from its label), or one with an unterminated quote or text after a closing quote
anywhere, is read by the text adapter instead, as paragraphs, and written back by it: nothing in it is
lost or left unscreened, and there is never a partial copy. The check is strict on purpose: a table
read as text is still screened whole (at worst its copy fails verification and is held back), while
text read as a table is cut into pieces too small for their context.

Where data hides: every field (cell), header cells included. One segment per non-empty field, its text
the unescaped value; the location is part "table", kind "cell" and the row and column as a spreadsheet
shows them ("B3", row 3, column 2, counting records, not lines: a quoted field may span lines; the line
is added where it differs). A column headed "Fødselsnummer", "Telefon", "E-post", "Navn"... (see
:mod:`xlsx_headers`) in one of the first rows gives every cell below it an ``entity_hint``, unless the
cell is masked already.

What is written back: only the replaced fields change; every other byte (encoding, BOM, line endings,
quoting, delimiters, blank lines) stays. A quoted field stays quoted with ``"`` doubled; an unquoted
field whose new value holds the delimiter, a quote or a line break is quoted.

Python's ``csv`` reader gives values but no character offsets and does not say which fields were
quoted, so it cannot put a changed value back without rewriting the whole file; hence the small
scanner (:func:`scan`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from screening.document import (
    Document,
    FormatError,
    Location,
    Plan,
    Segment,
    SegmentKind,
    apply_replacements,
)
from screening.formats import text as plain
from screening.formats.xlsx_headers import HEADER_ROWS, entity_for_header, has_data

CANDIDATES = (";", ",", "\t", "|")  # in order of preference on a tie
SAMPLE_RECORDS = 20  # records checked for a consistent column count
_SNIFF_CHARS = 16 * 1024  # the Sniffer needs a few lines; its regexes slow down on long samples
_QUOTE = '"'
_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SEP_LINE = re.compile(r"sep=([,;\t|])(?:\r\n|\r|\n|$)", re.IGNORECASE)


class Malformed(Exception):
    """The text is not well-formed delimited data (the message says where, never what)."""


class Field(NamedTuple):
    """One field: ``text[start:end]`` is its raw form (with its quotes), ``value`` the unescaped text."""

    start: int
    end: int
    quoted: bool
    value: str


class Record(NamedTuple):
    number: int  # 1-based, as a spreadsheet numbers rows
    line: int  # the line the record starts on
    fields: list[Field]

    def blank(self) -> bool:
        return len(self.fields) == 1 and not self.fields[0].value


@lru_cache(maxsize=None)
def _token(delimiter: str) -> re.Pattern[str]:
    """One field and what ends it. A quote inside an unquoted field is an ordinary character (as Excel
    and Python's csv read it); one regex per field keeps a file of a million cells fast to scan."""
    d = re.escape(delimiter)
    return re.compile(
        rf'(?:"(?P<quoted>[^"]*(?:""[^"]*)*)"|(?P<plain>[^"{d}\r\n][^{d}\r\n]*|))(?P<end>{d}|\r\n|\r|\n|\Z)'
    )


def scan(text: str, delimiter: str, start: int = 0, line: int = 1, limit: int | None = None) -> list[Record]:
    """The records of ``text[start:]`` (at most ``limit``), with every field's span; Malformed if not RFC 4180.

    A line break ending the text ends the last record and starts no new one.
    """
    records: list[Record] = []
    fields: list[Field] = []
    first_line, position, end = line, start, len(text)
    if start >= end:
        return records
    for match in _token(delimiter).finditer(text, start):
        if match.start() != position:  # the regex skipped something: a quote it could not read
            break
        fields.append(_field(match))
        if match.group("quoted") is not None:
            line += _line_breaks(match.group("quoted"))
        position, terminator = match.end(), match.group("end")
        if terminator == delimiter:
            continue  # at the very end this gives the empty last field of "a;b;"
        records.append(Record(len(records) + 1, first_line, fields))
        fields, line = [], line + (1 if terminator else 0)
        first_line = line
        if position == end or (limit is not None and len(records) >= limit):
            return records
    raise Malformed(_problem(text, position, line))


def _field(match: re.Match[str]) -> Field:
    quoted = match.group("quoted")
    if quoted is not None:
        return Field(match.start(), match.start("end"), True, quoted.replace('""', '"'))
    return Field(match.start(), match.start("end"), False, match.group("plain"))


def _line_breaks(value: str) -> int:
    return len(_LINE_BREAK.findall(value)) if "\n" in value or "\r" in value else 0


def _problem(text: str, position: int, line: int) -> str:
    if _QUOTED.match(text, position) is None:
        return f"unterminated quote on line {line}"
    return f"text after a closing quote on line {line}"


# The delimiter ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How a text is delimited: the delimiter and where the records start (after a ``sep=`` line)."""

    delimiter: str
    start: int = 0
    line: int = 1


def layout(text: str, suffix: str) -> Layout | None:
    """The delimiter of a table, or None when the text is not one (see the module docstring)."""
    if suffix == ".tsv":
        return Layout("\t") if consistent_width(text, Layout("\t")) else None
    declared = _SEP_LINE.match(text)
    if declared:  # the file says it; Excel hides that line, so rows count from the next one
        return Layout(declared.group(1), declared.end(), 2)
    widths = {d: w for d in CANDIDATES if (w := consistent_width(text, Layout(d)))}
    if not widths:
        return None
    widest = [d for d in CANDIDATES if widths.get(d) == max(widths.values())]
    if len(widest) > 1:
        guess = _sniff(text)
        if guess in widest:
            return Layout(guess)
    return Layout(widest[0])


def _sniff(text: str) -> str | None:
    sample = "".join(text[:_SNIFF_CHARS].splitlines(keepends=True)[:SAMPLE_RECORDS])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(CANDIDATES)).delimiter
    except csv.Error:  # "Could not determine delimiter"
        return None


def consistent_width(text: str, where: Layout) -> int:
    """The number of columns when the first records all have the same number (two or more), else 0."""
    try:
        records = scan(text, where.delimiter, where.start, where.line, limit=SAMPLE_RECORDS)
    except Malformed:
        return 0
    rows = [record for record in records if not record.blank()]
    widths = {len(record.fields) for record in rows}
    if len(rows) < 2 or len(widths) != 1 or widths == {1} or _spaced(rows):
        return 0
    return widths.pop()


def _spaced(rows: list[Record]) -> bool:
    """Whether most fields after a delimiter start with a space: sentences, not a table."""
    following = [field for record in rows for field in record.fields[1:] if not field.quoted]
    return sum(field.value.startswith(" ") for field in following) * 2 > len(following)


# Segments ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def column_name(number: int) -> str:
    """A spreadsheet's column letters: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_hints(records: list[Record]) -> tuple[int, dict[int, str]]:
    """The header row (the first of the first few with a telling header) and column -> entity type."""
    for record in records[:HEADER_ROWS]:
        hints = {
            column: entity
            for column, field in enumerate(record.fields, start=1)
            if (entity := entity_for_header(field.value))
        }
        if hints:
            return record.number, hints
    return 0, {}


def _location(record: Record, column: int) -> Location:
    details: dict[str, object] = {"cell": f"{column_name(column)}{record.number}", "row": record.number,
                                  "column": column}
    if record.line != record.number:  # after a multi-line cell or a sep= line: for a text editor
        details["line"] = record.line
    return Location("table", SegmentKind.CELL, details)


def _segments(records: list[Record]) -> tuple[list[Segment], dict[str, Field]]:
    header_row, hints = column_hints(records)
    segments: list[Segment] = []
    fields: dict[str, Field] = {}
    for record in records:
        for column, field in enumerate(record.fields, start=1):
            if not field.value.strip():
                continue
            hint = hints.get(column) if record.number > header_row else None
            if hint and not has_data(field.value):
                hint = None  # an already masked cell ("K*** N*******") is no longer that type
            segment_id = f"R{record.number}C{column}"
            segments.append(Segment(segment_id, field.value, _location(record, column), entity_hint=hint))
            fields[segment_id] = field
    return segments, fields


# Writing ----------------------------------------------------------------------------------------------


def field_text(value: str, quoted: bool, delimiter: str) -> str:
    """A value as written in the file: quoted when it was, or when it now has to be."""
    if quoted or any(char in value for char in (delimiter, _QUOTE, "\r", "\n")):
        return _QUOTE + value.replace(_QUOTE, _QUOTE * 2) + _QUOTE
    return value


@dataclass
class _TableNative:
    text: str
    encoding: str
    bom: bytes
    delimiter: str
    fields: dict[str, Field]  # segment id -> field


class DelimitedAdapter:
    format = "csv"
    extensions = (".csv", ".tsv")

    def read(self, path: Path) -> Document:
        data = path.read_bytes()
        if not data.strip():
            raise FormatError(f"{path}: empty file")
        text, encoding, bom = plain.decode(data, str(path))
        where = layout(text, path.suffix.lower())
        if where is None:
            return plain.ADAPTER.read(path)
        try:
            records = scan(text, where.delimiter, where.start, where.line)
        except Malformed:  # regular first lines, broken further down: screened as text, nothing lost
            return plain.ADAPTER.read(path)
        segments, fields = _segments(records)
        native = _TableNative(text, encoding, bom, where.delimiter, fields)
        return Document(path=path, format=self.format, segments=segments, native=native)

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        native = document.native
        if not isinstance(native, _TableNative):  # read as text (see the module docstring)
            plain.ADAPTER.write(document, plan, out_path)
            return
        pieces: list[str] = []
        position = 0
        for segment_id, field in native.fields.items():  # in text order, as read
            replacements = plan.for_segment(segment_id)
            if not replacements:
                continue  # the raw field stays as it was, quoting included
            value = apply_replacements(document.segment(segment_id).text, replacements)
            pieces.append(native.text[position:field.start])
            pieces.append(field_text(value, field.quoted, native.delimiter))
            position = field.end
        pieces.append(native.text[position:])
        try:
            data = native.bom + "".join(pieces).encode(native.encoding, errors="strict")
        except UnicodeEncodeError:
            raise FormatError(f"{out_path}: a replacement cannot be written in {native.encoding}") from None
        out_path.write_bytes(data)

    def raw_texts(self, path: Path) -> Iterable[str]:
        text, _, _ = plain.decode(path.read_bytes(), str(path))
        yield text
        where = layout(text, path.suffix.lower())
        if where is None:
            return
        try:
            records = scan(text, where.delimiter, where.start, where.line)
        except Malformed:
            return
        # A value with a quote in it stands in the file with the quote doubled, where a search for the
        # value would not find it; every other value is a piece of the text already.
        for record in records:
            for field in record.fields:
                if field.quoted and _QUOTE in field.value:
                    yield field.value


ADAPTER = DelimitedAdapter()
