"""Page text of a PDF in reading order, read with pdfplumber, with the box of every character.

A page becomes one string: words joined by a space (a tab across a wide gap, as between table
columns), lines by a newline, paragraphs by a blank line, so that a label such as "Fødselsnummer:" and
the value under it stay in one text for the analysis. Every character of that string that came from a
glyph remembers the glyph's box, so a finding ``text[start:end]`` can be turned back into rectangles on
the page (one per line it spans).

Boxes are kept in pdfminer's device space (origin at the lower left corner of the MediaBox, rotation
applied), the same space the redaction pass records glyphs in; pdfplumber shifts x by the MediaBox
origin and counts y from the top, so that is undone here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from pdfplumber.page import Page
from pdfplumber.utils import cluster_objects

Box = tuple[float, float, float, float]

# Words further apart than this many font sizes are in different columns: a tab keeps them apart.
_COLUMN_GAP = 2.5
# Lines further apart than this many line heights start a new paragraph.
_PARAGRAPH_GAP = 1.6


@dataclass
class PageText:
    """The text of one page and, per character of it, the glyph it came from (or -1 for a separator)."""

    number: int
    text: str
    glyph_of: list[int] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    image_count: int = 0

    def rectangles(self, start: int, end: int) -> list[tuple[Box, float]]:
        """The boxes covering ``text[start:end]``, one per line, each with the largest font size in it."""
        by_line: dict[int, tuple[Box, float]] = {}
        for offset in range(start, end):
            glyph = self.glyph_of[offset]
            if glyph < 0:
                continue
            box, size, line = self.boxes[glyph], self.sizes[glyph], self.lines[glyph]
            if line in by_line:
                (x0, y0, x1, y1), biggest = by_line[line]
                box = (min(x0, box[0]), min(y0, box[1]), max(x1, box[2]), max(y1, box[3]))
                size = max(size, biggest)
            by_line[line] = (box, size)
        return [by_line[line] for line in sorted(by_line)]


def _device_box(char: dict[str, Any], mediabox_x0: float) -> Box:
    return (char["x0"] - mediabox_x0, char["y0"], char["x1"] - mediabox_x0, char["y1"])


# Per reading direction of a word: its extent across the lines and along its line, both oriented so
# that reading order is increasing order. A glyph drawn mirrored (rtl here) is upside down, a page
# turned by 180 degrees; turned by 90 it reads top to bottom, by 270 bottom to top.
_AXES: dict[str, tuple[Callable[[dict[str, Any]], tuple[float, float]], Callable[[dict[str, Any]], tuple[float, float]]]] = {
    "ltr": (lambda w: (w["top"], w["bottom"]), lambda w: (w["x0"], w["x1"])),
    "rtl": (lambda w: (-w["bottom"], -w["top"]), lambda w: (-w["x1"], -w["x0"])),
    "ttb": (lambda w: (-w["x1"], -w["x0"]), lambda w: (w["top"], w["bottom"])),
    "btt": (lambda w: (w["x0"], w["x1"]), lambda w: (-w["bottom"], -w["top"])),
}


def page_text(page: Page) -> PageText:
    """The reading-order text of a pdfplumber page with the box of each of its characters."""
    result = PageText(number=page.page_number, text="", image_count=len(page.images))
    words = _words(page)
    mediabox_x0 = float(page.mediabox[0])
    pieces: list[str] = []
    line_number = 0
    for direction in _AXES:
        across, along = _AXES[direction]
        block = [word for word in words if word.get("direction", "ltr") == direction]
        previous_end: float | None = None
        for line in cluster_objects(block, lambda w: across(w)[0], tolerance=3):
            line.sort(key=lambda word: along(word)[0])
            height = max(across(word)[1] - across(word)[0] for word in line)
            if pieces:
                gap = min(across(word)[0] for word in line) - (previous_end if previous_end is not None else 0)
                paragraph = previous_end is None or gap > _PARAGRAPH_GAP * height
                _separator(pieces, result, "\n\n" if paragraph else "\n")
            previous_along: float | None = None
            for word in line:
                if previous_along is not None:
                    size = max(char["size"] for char in word["chars"]) or height
                    wide = along(word)[0] - previous_along > _COLUMN_GAP * size
                    _separator(pieces, result, "\t" if wide else " ")
                for char in word["chars"]:
                    glyph = len(result.boxes)
                    result.boxes.append(_device_box(char, mediabox_x0))
                    result.sizes.append(float(char["size"]))
                    result.lines.append(line_number)
                    pieces.append(char["text"])
                    result.glyph_of.extend([glyph] * len(char["text"]))
                previous_along = along(word)[1]
            previous_end = max(across(word)[1] for word in line)
            line_number += 1
    result.text = "".join(pieces)
    return result


def _direction(char: dict[str, Any]) -> str:
    """Which way a glyph's baseline runs on the page, from its text rendering matrix (y up)."""
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(a) >= abs(b):
        return "ltr" if a > 0 else "rtl"
    return "btt" if b > 0 else "ttb"


# pdfplumber assumes rotated glyphs read top to bottom; text on a page turned the other way reads
# bottom to top, so each direction is extracted with its own settings.
_WORD_OPTIONS: dict[str, dict[str, str]] = {
    "ltr": {},
    "rtl": {"char_dir": "rtl", "line_dir": "btt"},
    "ttb": {"char_dir_rotated": "ttb", "line_dir_rotated": "rtl"},
    "btt": {"char_dir_rotated": "btt", "line_dir_rotated": "ltr"},
}


def _words(page: Page) -> list[dict[str, Any]]:
    directions = {_direction(char) for char in page.chars}
    words: list[dict[str, Any]] = []
    for direction in _AXES:
        if direction not in directions:
            continue
        target = page if len(directions) == 1 else page.filter(
            lambda obj, d=direction: obj.get("object_type") != "char" or _direction(obj) == d
        )
        for word in target.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True,
                                         **_WORD_OPTIONS[direction]):
            word["direction"] = direction
            words.append(word)
    return words


def _separator(pieces: list[str], result: PageText, text: str) -> None:
    pieces.append(text)
    result.glyph_of.extend([-1] * len(text))
