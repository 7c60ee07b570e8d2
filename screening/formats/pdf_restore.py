"""Restoring into PDF page text: a placeholder's glyphs are cut out and the original is drawn in its place.

The input is a PDF with placeholders as real text: the sanitized copy itself (labels in white Helvetica
on the black boxes :mod:`pdf_redact` drew) or a PDF a translator's DTP tool made from the translation,
placeholders in any font. Per placeholder:

- its glyphs are removed from the content stream with the same tracing and cutting as redaction
  (:func:`pdf_redact.cut_glyphs`), so no copy of the placeholder stays in the page;
- a black box under it (the sanitized copy's) is painted over in white, so the page reads like a
  normal document again;
- the original is drawn in dark text as real, selectable text: in standard Helvetica when it fits
  WinAnsi, otherwise in an embedded TrueType font (:mod:`pdf_font`); a value nothing can draw correctly
  (no font with its characters, right-to-left or combining scripts) fails the file with a one-line
  error instead of showing wrong glyphs.

Where and how big: the value fills the black box when there is one (the original's own extent), else
the placeholder's glyphs, at their height. A value wider than that is drawn narrower (horizontal
scaling down to 80 %), then smaller (down to 80 %), then narrower still (down to 50 %), so that it does
not run into the text after it; at the end of a line it extends to the right instead. A value narrower
than a typed placeholder keeps its size, and the rest of the line closes up behind it (a kerning number
in the cut text, see :class:`pdf_redact._CloseUp`). The box's vertical centre is kept, so the value is
read back on the line it belongs to.

The values are drawn after the page's own content, so a reader that lists text in content order
(pdfium's plain text) gives them at the end of the page; pdfplumber reads them in place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pikepdf
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage

from screening.document import FormatError, Replacement
from screening.formats.pdf_font import (
    EmbeddedFont,
    FontProblem,
    find_font,
    scripts,
    unsupported_characters,
    writable_in_helvetica,
)
from screening.formats.pdf_redact import (
    HELVETICA_DESCENT,
    Box,
    cut_glyphs,
    initial_ctm,
    invert,
    label_font,
    label_width,
    pdf_string,
    wrap_and_draw,
)

HELVETICA = "/ScreenRestore"
EMBEDDED = "/ScreenRestoreU"
_CONDENSED = 0.8  # horizontal scaling a value is first fitted with
_SMALLEST_SIZE = 0.8  # of the placeholder's height
_NARROWEST = 0.5  # horizontal scaling
_WIDEST = 1.12  # Helvetica drawn in a box another font filled: wider than this looks stretched
_MINIMUM_POINTS = 3.0
_SPACE = 0.3  # a word space, in font sizes
_PAGE_MARGIN = 18.0  # points kept free at the right edge when a value extends past its box
_COVER_BLEED = 0.4  # points the white cover overlaps the black box, so no dark hairline is left


@dataclass
class Placed:
    """One restored value: where its placeholder stood (one box per line) and the value."""

    replacement: Replacement
    boxes: list[Box]


@dataclass(frozen=True)
class _Frame:
    """The axes of a line of text in device space: ``(ux, uy)`` along it, and up its glyphs 90° to the left.

    Text on a page turned by 90° runs down the device space; a value is fitted and drawn in the frame
    of its line, so it runs the same way as its neighbours.
    """

    ux: float = 1.0
    uy: float = 0.0

    def local(self, box: Box) -> Box:
        xs = [x * self.ux + y * self.uy for x in box[0::2] for y in box[1::2]]
        ys = [y * self.ux - x * self.uy for x in box[0::2] for y in box[1::2]]
        return (min(xs), min(ys), max(xs), max(ys))

    def matrix(self, x: float, y: float) -> tuple[float, float, float, float, float, float]:
        """The text matrix that starts a line at local (x, y)."""
        return (self.ux, self.uy, -self.uy, self.ux, x * self.ux - y * self.uy, x * self.uy + y * self.ux)


LTR = _Frame()


def _frame_of(char: dict[str, Any]) -> _Frame:
    # The glyph's text matrix gives the direction of its baseline; lines at other angles than the
    # four of page rotation are taken as the nearest of them.
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(a) >= abs(b):
        return _Frame(1.0 if a >= 0 else -1.0, 0.0)
    return _Frame(0.0, 1.0 if b > 0 else -1.0)


@dataclass
class _Drawing:
    text: str
    region: Box  # in the frame of its line
    cover: Box | None  # in device space
    size: float
    scaling: float
    embedded: bool
    frame: _Frame = LTR


def _clean(text: str) -> str:
    """The value as one line of precomposed characters (a line break in it cannot be drawn in place)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _is_black(color: Any) -> bool:
    if color is None or isinstance(color, str):
        return False
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    if not all(isinstance(value, (int, float)) for value in values):
        return False  # a pattern or a named colour: not the box redaction draws
    if len(values) == 4:  # CMYK
        return values[3] >= 0.95 or all(value >= 0.95 for value in values[:3])
    return bool(values) and all(value <= 0.05 for value in values)


def _device(obj: dict[str, Any], mediabox_x0: float) -> Box:
    # The same shift as pdf_text, so boxes of glyphs and of rectangles are in one space.
    return (obj["x0"] - mediabox_x0, obj["y0"], obj["x1"] - mediabox_x0, obj["y1"])


def _centre_in(box: Box, other: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return other[0] <= cx <= other[2] and other[1] <= cy <= other[3]


def _same_line(box: Box, region: Box) -> bool:
    middle = (box[1] + box[3]) / 2
    return region[1] <= middle <= region[3]


class _Page:
    """What a page holds around its placeholders: black boxes and the glyphs that stay."""

    def __init__(self, plumber_page: Any, cut: list[Box]) -> None:
        mediabox_x0 = float(plumber_page.mediabox[0])
        self.box: Box = (0.0, 0.0, float(plumber_page.width), float(plumber_page.height))
        self.black = [_device(rect, mediabox_x0) for rect in plumber_page.rects
                      if rect.get("fill") and _is_black(rect.get("non_stroking_color"))]
        chars = [(_device(char, mediabox_x0), char) for char in plumber_page.chars if (char.get("text") or "").strip()]
        self.kept = [box for box, _ in chars if not any(_centre_in(box, c) for c in cut)]
        self.removed = [(box, _frame_of(char)) for box, char in chars if any(_centre_in(box, c) for c in cut)]

    def frame_of(self, box: Box) -> _Frame:
        """The direction of the placeholder's own glyphs in ``box`` (most of them)."""
        frames = [frame for glyph, frame in self.removed if _centre_in(glyph, box)]
        return max(set(frames), key=frames.count) if frames else LTR

    def box_under(self, box: Box) -> Box | None:
        """The black box a placeholder stands on, if any (the smallest one holding its centre)."""
        holding = [black for black in self.black if _centre_in(box, black)]
        return min(holding, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])) if holding else None

    def room(self, region: Box, others: list[Box], frame: _Frame) -> float:
        """How far along its line a value drawn from ``region`` may go without touching the next text.

        ``region`` and ``others`` (the other values' regions) are in ``frame``, and so is the result.
        """
        nearest = self.next_on_line(region, others, frame)
        if nearest is None:
            return max(region[2], frame.local(self.box)[2] - _PAGE_MARGIN)
        # Text right after the box (a comma, or the next word one space away) keeps its distance;
        # a wider gap (a tab stop, a table column) may be used up to a word space.
        if _is_column_gap(nearest - region[2], region):
            return max(region[2], nearest - _SPACE * (region[3] - region[1]))
        return region[2]

    def next_on_line(self, region: Box, others: list[Box], frame: _Frame) -> float | None:
        """Where the next text after ``region`` on its line begins (in ``frame``), None when nothing follows."""
        following = [box[0] for box in [*(frame.local(b) for b in self.kept), *others]
                     if _same_line(box, region) and (box[0] + box[2]) / 2 >= region[2]]
        return min(following) if following else None


def _is_column_gap(gap: float, region: Box) -> bool:
    return gap > 2 * _SPACE * (region[3] - region[1])


def _fonts_for(placed: dict[int, list[Placed]], where: str) -> EmbeddedFont | None:
    """The embedded font the values outside WinAnsi need, or None when Helvetica does for all."""
    needed: set[str] = set()
    for page_index, items in sorted(placed.items()):
        for item in items:
            text = _clean(item.replacement.new_text)
            if writable_in_helvetica(text):
                continue
            wrong = unsupported_characters(text)
            if wrong:
                raise FormatError(f"{where}: page {page_index + 1}: {item.replacement.placeholder} has characters "
                                  f"({scripts(wrong)}) that need right-to-left or combining layout, "
                                  "which restoring into PDF does not do")
            needed.update(text)
    if not needed:
        return None
    try:
        return EmbeddedFont(find_font(needed))
    except FontProblem as problem:
        raise FormatError(f"{where}: a restored value has characters Helvetica cannot show, and {problem}") from None


def _fit(text: str, region: Box, room: float, font: EmbeddedFont | None, fill: bool) -> tuple[float, float, float]:
    """Font size, horizontal scaling and the width left over, for ``text`` drawn from the region's left edge.

    A value wider than the region is fitted up to ``room``. A narrower one is widened a little to fill
    the region when it is the original's own extent (``fill``), so the page keeps its layout; otherwise
    the width left over is returned, for the text after it to close up.
    """
    height = region[3] - region[1]
    width = region[2] - region[0]
    natural = (font.text_width(text) / 1000 * height) if font else label_width(text, height)
    available = room - region[0]
    if natural <= 0:
        return height, 1.0, 0.0
    if natural <= available:
        if fill:
            return height, max(1.0, min(_WIDEST, width / natural)), 0.0
        return height, 1.0, max(0.0, width - natural)
    # Narrower letters first (the line keeps its height), then smaller ones, then narrower still.
    ratio = available / natural
    scaling = max(ratio, _CONDENSED)
    size = max(ratio / scaling, _SMALLEST_SIZE)
    scaling = max(ratio / size, _NARROWEST)
    if size * scaling > ratio:  # still too wide: smaller still, as far as it stays legible
        size = max(ratio / scaling, _MINIMUM_POINTS / height)
    return height * size, scaling, 0.0


def _draw(drawings: list[_Drawing], font: EmbeddedFont | None, to_user: tuple[float, ...]) -> bytes:
    """White covers first, then the values in black: in pdfminer device space, mapped to user space."""
    out = [b"q %s cm" % " ".join(f"{value:.6f}" for value in to_user).encode()]
    for drawing in drawings:
        if drawing.cover:
            x0, y0, x1, y1 = drawing.cover
            bleed = _COVER_BLEED
            out.append(b"1 g %.3f %.3f %.3f %.3f re f" % (x0 - bleed, y0 - bleed, x1 - x0 + 2 * bleed, y1 - y0 + 2 * bleed))
    for drawing in (d for d in drawings if d.text):
        x0, y0, _, y1 = drawing.region
        if drawing.embedded and font is not None:
            name, descent, encoded = EMBEDDED, font.descent, b"<" + font.encode(drawing.text).hex().encode() + b">"
        else:
            name, descent, encoded = HELVETICA, -HELVETICA_DESCENT, pdf_string(drawing.text)
        # Centred on the box like the label was: pdfminer boxes a glyph from baseline + descent to one
        # font size above, so the value is read back on the line of its neighbours.
        baseline = y0 + (y1 - y0 - drawing.size) / 2 - descent * drawing.size
        matrix = " ".join(f"{value:.3f}" for value in drawing.frame.matrix(x0, baseline)).encode()
        out.append(b"0 g BT %s %.3f Tf %.2f Tz %s Tm %s Tj ET"
                   % (name.encode(), drawing.size, drawing.scaling * 100, matrix, encoded))
    out.append(b"Q")
    return b"\n".join(out) + b"\n"


def restore_pages(
    pdf: pikepdf.Pdf,
    miner_pages: list[PDFPage],
    plumber_pages: list[Any],
    rsrcmgr: PDFResourceManager,
    placed: dict[int, list[Placed]],
    where: str,
) -> None:
    """Cut every placeholder out of its page and draw its original there."""
    font = _fonts_for(placed, where)
    drawn: dict[int, tuple[list[_Drawing], bytes]] = {}
    for page_index, items in sorted(placed.items()):
        if not items:
            continue
        cut = [box for item in items for box in item.boxes]
        firsts = [sum(len(item.boxes) for item in items[:number]) for number in range(len(items))]  # in ``cut``
        page = _Page(plumber_pages[page_index], cut)
        blacks = [page.box_under(item.boxes[0]) for item in items]
        regions = [black or item.boxes[0] for item, black in zip(items, blacks)]  # device space
        drawings: list[_Drawing] = []
        close_up = [0.0] * len(cut)
        for number, item in enumerate(items):
            text = _clean(item.replacement.new_text)
            embedded = not writable_in_helvetica(text)
            frame = page.frame_of(item.boxes[0])
            region = frame.local(regions[number])
            others = [frame.local(other) for other in regions[:number] + regions[number + 1:]]
            size, scaling, spare = _fit(text, region, page.room(region, others, frame),
                                        font if embedded else None, blacks[number] is not None)
            # The rest of the line closes up behind a narrower value when it runs on from it; text
            # beyond a wide gap is another column and stays. (The cut moves upright lines only.)
            nearest = page.next_on_line(region, others, frame)
            runs_on = nearest is not None and not _is_column_gap(nearest - region[2], region)
            close_up[firsts[number]] = spare if frame == LTR and runs_on else 0.0
            drawings.append(_Drawing(text, region, blacks[number], size, scaling, embedded, frame))
            # The other lines of a placeholder broken over lines are cut only; their black boxes go too.
            for box in item.boxes[1:]:
                below = page.box_under(box)
                if below:
                    drawings.append(_Drawing("", box, below, 0, 1.0, False))
        result = cut_glyphs(pdf, miner_pages[page_index], rsrcmgr, page_index, cut, close_up)
        for number, drawing in enumerate(d for d in drawings if d.text):
            # Text the cut pulled left (after a narrower value earlier on the line) took this gap along.
            shift = result.offsets[firsts[number]]
            x0, y0, x1, y1 = drawing.region
            drawing.region = (x0 - shift, y0, x1 - shift, y1)
        drawn[page_index] = (drawings, result.body)
    # The embedded font's subset is known only once every value has been encoded.
    drawings_bytes = {index: _draw(drawings, font, invert(initial_ctm(miner_pages[index])))
                      for index, (drawings, _) in drawn.items()}
    helvetica = label_font(pdf)
    embedded = font.pdf_object(pdf) if font is not None and font.used else None
    for page_index, (_, body) in drawn.items():
        page = pdf.pages[page_index]
        page.add_resource(helvetica, pikepdf.Name.Font, pikepdf.Name(HELVETICA), replace_existing=True)
        if embedded is not None:
            page.add_resource(embedded, pikepdf.Name.Font, pikepdf.Name(EMBEDDED), replace_existing=True)
        wrap_and_draw(pdf, page_index, body, drawings_bytes[page_index])

