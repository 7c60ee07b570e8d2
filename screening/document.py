"""The shared data model: what every format adapter produces and consumes.

A format adapter turns a file into a :class:`Document`, a flat list of :class:`Segment` objects, each
holding a piece of text and a :class:`Location` a person can find again. The analysis produces
:class:`Finding` objects on segments; the plan turns the findings that policy acts on into
:class:`Replacement` objects, which the adapter writes back into a copy of the file.

Nothing here knows about a file format.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, runtime_checkable


class SegmentKind:
    """Names of segment kinds used across adapters (free text is allowed, these are the common ones)."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    COMMENT = "comment"
    TRACKED_INSERTION = "tracked_insertion"
    TRACKED_DELETION = "tracked_deletion"
    TEXT_BOX = "text_box"
    FIELD = "field"
    HYPERLINK = "hyperlink"
    ALT_TEXT = "alt_text"
    METADATA = "metadata"
    NOTE = "note"
    CELL = "cell"
    FORMULA = "formula"
    SHEET_NAME = "sheet_name"
    SOURCE = "source"
    TARGET = "target"
    ANNOTATION = "annotation"
    FORM_FIELD = "form_field"


@dataclass(frozen=True)
class Location:
    """Where a segment is: the part of the file, the kind of text, and details a person can follow.

    ``part`` is the container inside the file ("word/document.xml", "Ansatte", "page 3", or "text" for a
    plain file); ``details`` holds the rest, e.g. ``{"paragraph": 12}``, ``{"cell": "B7"}``,
    ``{"unit": "17", "side": "target"}``, ``{"field": "creator"}``.
    """

    part: str
    kind: str = SegmentKind.BODY
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, **dict(self.details), "kind": self.kind}

    def describe(self) -> str:
        extra = ", ".join(f"{key} {value}" for key, value in self.details.items())
        return f"{self.part} ({self.kind}{', ' + extra if extra else ''})"


@dataclass
class Segment:
    """A piece of text to analyse, with its location.

    ``id`` is unique within its document and chosen by the adapter so that ``write`` can find the
    segment again. ``language`` is set when the file states it (XLIFF, TMX); otherwise the analysis
    detects it. ``entity_hint`` says the whole text is known to be of one entity type, e.g. a
    spreadsheet column headed "Fødselsnummer" or the ``creator`` field of the document properties.
    """

    id: str
    text: str
    location: Location
    language: str | None = None
    entity_hint: str | None = None


@dataclass(frozen=True)
class UnscannedPart:
    """Something in the file that was not screened (an image, an embedded object), and why."""

    part: str
    reason: str
    removed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, "reason": self.reason, "removed": self.removed}


@dataclass
class Document:
    """A file read by an adapter: its segments plus whatever the adapter needs to write it back.

    ``native`` is private to the adapter that made the document (a parsed tree, a zip listing...).
    """

    path: Path
    format: str
    segments: list[Segment]
    unscanned: list[UnscannedPart] = field(default_factory=list)
    native: Any = None

    def segment(self, segment_id: str) -> Segment:
        # Built on first use and again if segments were added since (an adapter may add them late).
        index = getattr(self, "_segment_index", None)
        if index is None or len(index) != len(self.segments):
            index = self._segment_index = {segment.id: segment for segment in self.segments}
        return index[segment_id]


CATEGORY_PERSONAL = "personal"
CATEGORY_SPECIAL = "special"


@dataclass
class Finding:
    """One piece of personal data found in a segment: ``segment.text[start:end]``.

    ``text`` is the raw value. It stays in memory for planning and verification and is never written to
    a report unless the user asks for values explicitly.
    """

    segment_id: str
    start: int
    end: int
    entity_type: str
    score: float
    text: str
    recognizer: str = ""
    category: str = CATEGORY_PERSONAL
    special_category: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Replacement:
    """Replace ``segment.text[start:end]`` (which is ``original``) with ``new_text``.

    ``placeholder`` is the job-wide label of the value ("[PERSON_1]") even when ``new_text`` differs
    (mask mode, pseudonyms, or an empty string in remove mode). Bilingual adapters may emit it as an
    inline tag instead of plain text.
    """

    segment_id: str
    start: int
    end: int
    original: str
    new_text: str
    placeholder: str
    entity_type: str


class Plan:
    """The replacements for one document, grouped by segment, in text order, never overlapping."""

    def __init__(self, replacements: Iterable[Replacement] = ()) -> None:
        self._by_segment: dict[str, list[Replacement]] = defaultdict(list)
        for replacement in replacements:
            self._by_segment[replacement.segment_id].append(replacement)
        for items in self._by_segment.values():
            items.sort(key=lambda r: r.start)
            for before, after in zip(items, items[1:]):
                if after.start < before.end:
                    raise ValueError(f"overlapping replacements in segment {before.segment_id}")

    def for_segment(self, segment_id: str) -> list[Replacement]:
        return list(self._by_segment.get(segment_id, ()))

    def __iter__(self):
        for items in self._by_segment.values():
            yield from items

    def __len__(self) -> int:
        return sum(len(items) for items in self._by_segment.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def originals(self) -> set[str]:
        """Every replaced value, for verification."""
        return {replacement.original for replacement in self}


def apply_replacements(text: str, replacements: Iterable[Replacement]) -> str:
    """The text with the replacements applied (they must be for this text and not overlap)."""
    pieces: list[str] = []
    position = 0
    for replacement in sorted(replacements, key=lambda r: r.start):
        if text[replacement.start:replacement.end] != replacement.original:
            raise ValueError("replacement does not match the segment text")
        pieces.append(text[position:replacement.start])
        pieces.append(replacement.new_text)
        position = replacement.end
    pieces.append(text[position:])
    return "".join(pieces)


class FormatError(Exception):
    """A file cannot be read or written; the message is one line for a person and names no value."""


@runtime_checkable
class Adapter(Protocol):
    """A format: reads a file to segments and writes a copy with replacements applied.

    ``write`` must leave everything that is not replaced as it was, where the format allows, and must
    remove what the format can hide personal data in without being screenable (thumbnails, caches).
    ``raw_texts`` yields every piece of text in a written file (all parts, decompressed, metadata
    included) so that verification can search the whole file for leftovers.
    """

    format: str
    extensions: tuple[str, ...]

    def read(self, path: Path) -> Document: ...

    def write(self, document: Document, plan: Plan, out_path: Path) -> None: ...

    def raw_texts(self, path: Path) -> Iterable[str]: ...
