"""True redaction of page text: the glyphs of a finding are cut out of the content stream.

Covering text with a black box leaves it in the file. Here every text-showing operator (Tj, TJ, ', ")
whose glyphs fall inside a finding's rectangle is rewritten as a TJ array in which each removed glyph
is replaced by a kerning number of exactly its advance, so the glyphs after it on the line stay where
they were. Nothing else in the stream changes, so the rest of the page keeps its text layer. An opaque
box with the placeholder label is then drawn over each rectangle, as real text, so the label can be
selected and translated like the rest of the page.

Where each glyph is, and which operator and byte run drew it, comes from running pdfminer's own
interpreter (the one pdfplumber uses) with a device that tags every glyph with the index of the
operator being executed; pikepdf parses the same stream into the same operator sequence, which is
checked name by name before anything is changed. Form XObjects are followed and rewritten the same way.

A glyph is removed when the centre of its box lies in a rectangle; a run of bytes whose split into
character codes is not known (an unusual CMap) is removed as a whole, which errs on the side of
removing too much rather than too little.

Restoring (:mod:`pdf_restore`) cuts placeholders out with the same :func:`cut_glyphs`, and may ask it
to close up the text after a placeholder by an extra kerning number (:class:`_CloseUp`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import pikepdf
from pdfminer.cmapdb import CMap, IdentityCMap, IdentityCMapByte
from pdfminer.converter import PDFPageAggregator
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import PSEOF, PSKeyword, keyword_name, literal_name

from screening.document import FormatError

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
PAGE = "page"  # the context of the page's own content stream; a form XObject's is its object number
_TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
LABEL_FONT = "/ScreenLabel"
HELVETICA_DESCENT = 0.207


@dataclass
class Rectangle:
    """Where a finding stood, in pdfminer device space, and the label to draw there ("" for none)."""

    box: Box
    label: str
    font_size: float


@dataclass
class _Glyph:
    box: Box
    cid: int
    advance: float  # pdfminer's advance: width * font size * horizontal scaling
    scale: float | None = None  # device units per text space unit along an upright line, else None


@dataclass
class _Show:
    """One text-showing operator as pdfminer executed it: the text state and the glyphs it drew."""

    operator: str
    font: PDFFont
    font_size: float
    char_space: float
    word_space: float
    scaling: float  # Tz / 100
    glyphs: list[_Glyph] = field(default_factory=list)


@dataclass
class _Stream:
    operators: list[str] = field(default_factory=list)
    shows: dict[int, list[_Show]] = field(default_factory=lambda: defaultdict(list))


class _Recorder(PDFPageAggregator):
    """A pdfminer device that files every glyph under the operator that drew it."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr, laparams=None)
        self.streams: dict[Any, _Stream] = defaultdict(_Stream)
        self.where: tuple[Any, int] = (PAGE, -1)
        self._show: _Show | None = None

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        context, index = self.where
        show = _Show(
            operator=self.streams[context].operators[index],
            font=textstate.font,
            font_size=textstate.fontsize,
            char_space=textstate.charspace,
            word_space=textstate.wordspace,
            scaling=textstate.scaling * 0.01,
        )
        self.streams[context].shows[index].append(show)
        self._show = show
        super().render_string(textstate, seq, ncs, graphicstate)
        self._show = None

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # type: ignore[no-untyped-def]
        advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        if self._show is not None:
            a, b, c, d = matrix[:4]
            upright = a > 0 and d > 0 and abs(b) < 1e-6 * a and abs(c) < 1e-6 * d
            self._show.glyphs.append(_Glyph(self.cur_item._objs[-1].bbox, cid, advance, a if upright else None))
        return advance


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, counting operators per content stream so glyphs can be traced back."""

    def __init__(self, rsrcmgr: PDFResourceManager, device: _Recorder, context: Any = PAGE) -> None:
        super().__init__(rsrcmgr, device)
        self.context = context
        self._next_context: Any = None

    def dup(self) -> "_Interpreter":
        return _Interpreter(self.rsrcmgr, self.device, self._next_context or self.context)  # type: ignore[arg-type]

    def do_Do(self, xobjid_arg: Any) -> None:
        try:
            xobj = stream_value(self.xobjmap[literal_name(xobjid_arg)])
            self._next_context = xobj.objid
        except Exception:  # an undefined XObject: pdfminer ignores it too
            self._next_context = None
        try:
            super().do_Do(xobjid_arg)
        finally:
            self._next_context = None
        self.device.where = (self.context, self._index)  # type: ignore[attr-defined]

    def execute(self, streams: Sequence[object]) -> None:
        # Same loop as PDFPageInterpreter.execute (which pdfplumber runs), plus the operator count.
        # "null" is an operand for qpdf but a keyword for pdfminer, so it is not counted.
        device: _Recorder = self.device  # type: ignore[assignment]
        record = device.streams[self.context]
        self._index = -1
        valid = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            # A form that draws itself (directly or not) would recurse forever: pdfminer skips it too.
            if stream.objid is not None and stream.objid in self.parent_stream_ids:
                continue
            valid.append(stream)
            if stream.objid is not None:
                self.stream_ids.add(stream.objid)
        try:
            parser = PDFContentParser(valid)
        except PSEOF:
            return
        while True:
            try:
                _, obj = parser.nextobject()
            except PSEOF:
                break
            if not isinstance(obj, PSKeyword):
                self.push(obj)
                continue
            name = keyword_name(obj)
            if name == "null":
                continue  # dropped like pdfminer's own loop does, so positions match pdfplumber's
            self._index += 1
            if self._index >= len(record.operators):
                record.operators.append(name)
            device.where = (self.context, self._index)
            method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
            func = getattr(self, method, None)
            if func is None:
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()


def initial_ctm(page: PDFPage) -> Matrix:
    """pdfminer's matrix from default user space to its device space (MediaBox origin, rotation)."""
    x0, y0, x1, y1 = page.mediabox
    rotate = page.rotate % 360
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _centre_inside(box: Box, rectangles: Iterable[Box]) -> bool:
    return _box_index(box, rectangles) is not None


def _box_index(box: Box, rectangles: Iterable[Box]) -> int | None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return next((k for k, r in enumerate(rectangles) if r[0] <= cx <= r[2] and r[1] <= cy <= r[3]), None)


class _CloseUp:
    """Pulls the text after a removed run to the left, by a distance per rectangle (device space).

    A restored value narrower than its placeholder would leave a gap; a kerning number added to the
    removed run moves the rest of the text that follows it on the pen (the same operator, and later
    ones until the next positioning operator) left by exactly that distance. ``offsets`` records, per
    rectangle, how far earlier close-ups have moved its own start, so a value can be drawn where its
    gap now begins.
    """

    _RESETS = frozenset({"BT", "ET", "Td", "TD", "Tm", "T*", "'", '"'})

    def __init__(self, rectangles: list[Box], distances: Sequence[float]) -> None:
        self.rectangles = rectangles
        self.distances = distances
        self.offsets = [0.0] * len(rectangles)
        self.started: set[int] = set()
        self.flow = 0.0  # how far the current pen position has been moved left so far

    def operator(self, name: str) -> None:
        if name in self._RESETS:
            self.flow = 0.0  # positioning is relative to the line start, which no kerning moved

    def extra(self, show: _Show, glyph: _Glyph) -> float:
        """The kerning to add where ``glyph`` (a removed one) was, in TJ units."""
        index = _box_index(glyph.box, self.rectangles)
        if index is None or index in self.started:
            return 0.0
        self.started.add(index)
        self.offsets[index] = self.flow
        distance = self.distances[index]
        scale = show.font_size * show.scaling
        if distance <= 0 or glyph.scale is None or not scale:
            return 0.0
        self.flow += distance
        return distance / glyph.scale * 1000 / scale


def _codes(font: PDFFont, data: bytes) -> list[bytes] | None:
    """The character codes of a string in this font, as byte runs; None when the split is unknown."""
    if not font.is_multibyte():
        return [bytes([byte]) for byte in data]
    cmap = getattr(font, "cmap", None)
    if isinstance(cmap, IdentityCMapByte):
        return [bytes([byte]) for byte in data]
    if isinstance(cmap, IdentityCMap):
        if len(data) % 2:
            return None
        return [data[i:i + 2] for i in range(0, len(data), 2)]
    if isinstance(cmap, CMap):
        # Mirrors CMap.decode, which walks a tree of code bytes; bytes it would skip make the split unknown.
        runs: list[bytes] = []
        node: Any = cmap.code2cid
        start = 0
        for position, byte in enumerate(data):
            if byte not in node:
                return None
            node = node[byte]
            if isinstance(node, int):
                runs.append(data[start:position + 1])
                start, node = position + 1, cmap.code2cid
        return runs if start == len(data) else None
    return None


def _kern(show: _Show, glyph: _Glyph) -> float:
    """The TJ number that moves the pen exactly as far as the removed glyph did."""
    word_space = show.word_space if glyph.cid == 32 and not show.font.is_multibyte() else 0.0
    displacement = glyph.advance + (show.char_space + word_space) * show.scaling
    scale = show.font_size * show.scaling
    return -displacement * 1000 / scale if scale else 0.0


def _add_gap(items: list[Any], gaps: set[int], amount: float) -> None:
    """Append the advance of removed glyphs, merged with any number before it: one number per removed
    run, so neither the widths of single letters (a hint at which letters they were) nor the kerning
    between the removed words is kept."""
    if items and not isinstance(items[-1], pikepdf.String):
        items[-1] = round(float(items[-1]) + amount, 3)
        gaps.add(len(items) - 1)
    else:
        gaps.add(len(items))
        items.append(round(amount, 3))


def _strings(instruction: pikepdf.ContentStreamInstruction) -> list[Any]:
    operands = list(instruction.operands)
    if str(instruction.operator) == "TJ":
        return list(operands[0]) if operands else []
    return operands[-1:] if operands else []


def _rewrite_show(
    instruction: pikepdf.ContentStreamInstruction, shows: list[_Show], rectangles: list[Box],
    close_up: _CloseUp | None = None,
) -> list[pikepdf.ContentStreamInstruction] | None:
    """The instructions replacing one text-showing operator, or None when no glyph of it is removed."""
    # A form XObject drawn twice records the operator twice: a glyph goes when any drawing of it is hit.
    removed: set[int] = set()
    for show in shows:
        removed.update(k for k, glyph in enumerate(show.glyphs) if _centre_inside(glyph.box, rectangles))
    if not removed:
        return None
    show = shows[0]
    items: list[Any] = []
    gaps: set[int] = set()  # positions in items of the gaps made here
    glyph_index = 0
    for item in _strings(instruction):
        if not isinstance(item, pikepdf.String):
            if items and len(items) - 1 in gaps:
                items[-1] = round(items[-1] + float(item), 3)  # the document's own kerning inside a removed run
            else:
                items.append(item)
            continue
        data = bytes(item)
        runs = _codes(show.font, data)
        if runs is None or glyph_index + len(runs) > len(show.glyphs):
            count = len(show.font.decode(data))
            own = range(glyph_index, min(glyph_index + count, len(show.glyphs)))
            if removed.intersection(own):
                extra = sum(close_up.extra(show, show.glyphs[k]) for k in own if k in removed) if close_up else 0.0
                _add_gap(items, gaps, sum(_kern(show, show.glyphs[k]) for k in own) + extra)
            else:
                items.append(item)
            glyph_index += count
            continue
        kept = b""
        for run in runs:
            if glyph_index in removed:
                if kept:
                    items.append(pikepdf.String(kept))
                    kept = b""
                glyph = show.glyphs[glyph_index]
                _add_gap(items, gaps, _kern(show, glyph) + (close_up.extra(show, glyph) if close_up else 0.0))
            else:
                kept += run
            glyph_index += 1
        if kept:
            items.append(pikepdf.String(kept))
    operator = str(instruction.operator)
    tj = pikepdf.ContentStreamInstruction([pikepdf.Array(items)], pikepdf.Operator("TJ"))
    if operator == "'":
        return [pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")), tj]
    if operator == '"':
        word_space, char_space = list(instruction.operands)[:2]
        return [
            pikepdf.ContentStreamInstruction([word_space], pikepdf.Operator("Tw")),
            pikepdf.ContentStreamInstruction([char_space], pikepdf.Operator("Tc")),
            pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")),
            tj,
        ]
    return [tj]


def _rewrite(
    instructions: list[Any], record: _Stream, rectangles: list[Box], where: str, close_up: _CloseUp | None = None
) -> list[Any] | None:
    """The stream's instructions with the hit glyphs removed, or None when nothing is removed."""
    names = [
        "EI" if isinstance(instruction, pikepdf.ContentStreamInlineImage) else str(instruction.operator)
        for instruction in instructions
    ]
    if names != record.operators:
        raise FormatError(f"{where}: content stream could not be traced for redaction")
    result: list[Any] = []
    changed = False
    for index, instruction in enumerate(instructions):
        if close_up is not None:
            close_up.operator(names[index])
        shows = record.shows.get(index)
        replacement = None
        if shows and names[index] in _TEXT_OPERATORS:
            replacement = _rewrite_show(instruction, shows, rectangles, close_up)
        if replacement is None:
            result.append(instruction)
        else:
            result.extend(replacement)
            changed = True
    return result if changed else None


def label_width(text: str, size: float) -> float:
    widths = FONT_METRICS["Helvetica"][1]
    return sum(widths.get(char, 556) for char in text) * size / 1000


def pdf_string(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def overlay(rectangles: list[Rectangle], to_user: Matrix) -> bytes:
    """Opaque boxes with their labels in white Helvetica, drawn in default user space."""
    out: list[bytes] = []
    for rectangle in rectangles:
        corners = [_apply(to_user, x, y) for x in rectangle.box[0::2] for y in rectangle.box[1::2]]
        x0, y0 = min(c[0] for c in corners), min(c[1] for c in corners)
        x1, y1 = max(c[0] for c in corners), max(c[1] for c in corners)
        width, height = x1 - x0, y1 - y0
        out.append(b"q 0 0 0 rg %.3f %.3f %.3f %.3f re f Q" % (x0, y0, width, height))
        if not rectangle.label.strip():
            continue
        # pdfminer boxes a glyph from baseline + descent to one font size above that, so a label of
        # the box's height placed like this re-extracts on the same line as its neighbours.
        size = height
        natural = label_width(rectangle.label, size)
        if natural > width - 1 and natural > 0:
            size = max(3.0, size * (width - 1) / natural)
        tx = x0 + 0.5
        ty = y0 + (height - size) / 2 + HELVETICA_DESCENT * size
        out.append(
            b"q 1 1 1 rg BT %s %.2f Tf 1 0 0 1 %.3f %.3f Tm %s Tj ET Q"
            % (LABEL_FONT.encode(), size, tx, ty, pdf_string(rectangle.label))
        )
    return b"\n".join(out) + b"\n"


def label_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )


def form_xobjects(resources: Any, seen: set[int]) -> Iterable[pikepdf.Stream]:
    """Every form XObject reachable from a resource dictionary, each once."""
    xobjects = resources.get("/XObject") if resources is not None else None
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for key in list(xobjects.keys()):
        xobj = xobjects[key]
        if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != pikepdf.Name.Form:
            continue
        number = xobj.objgen[0]
        if number in seen:
            continue
        seen.add(number)
        yield xobj
        yield from form_xobjects(xobj.get("/Resources"), seen)


@dataclass
class Cut:
    """A page's own content with glyphs removed, and how far each box's start moved left (see _CloseUp)."""

    body: bytes
    offsets: list[float]


def cut_glyphs(
    pdf: pikepdf.Pdf, miner_page: PDFPage, rsrcmgr: PDFResourceManager, page_index: int, boxes: list[Box],
    close_up: Sequence[float] | None = None,
) -> Cut:
    """Remove the glyphs whose centre lies in one of ``boxes`` (pdfminer device space) from a page.

    Form XObjects drawn on the page are rewritten in place; the page's own content is returned (not yet
    stored) so the caller can draw over it. ``close_up`` (per box, device units) pulls the text after a
    box in the page's own content to the left; text in form XObjects is never moved.
    """
    where = f"page {page_index + 1}"
    device = _Recorder(rsrcmgr)
    interpreter = _Interpreter(rsrcmgr, device)
    interpreter.process_page(miner_page)
    page = pdf.pages[page_index]
    for xobj in form_xobjects(page.obj.get("/Resources"), set()):
        record = device.streams.get(xobj.objgen[0])
        if record is None:
            continue
        rewritten = _rewrite(pikepdf.parse_content_stream(xobj), record, boxes, where)
        if rewritten is not None:
            xobj.write(pikepdf.unparse_content_stream(rewritten))
    instructions = pikepdf.parse_content_stream(page)
    closer = _CloseUp(boxes, close_up) if close_up is not None else None
    rewritten = _rewrite(instructions, device.streams[PAGE], boxes, where, closer)
    body = pikepdf.unparse_content_stream(rewritten if rewritten is not None else instructions)
    return Cut(body, closer.offsets if closer else [0.0] * len(boxes))


def wrap_and_draw(pdf: pikepdf.Pdf, page_index: int, body: bytes, drawing: bytes) -> None:
    """Store a page's content followed by a drawing on top of it."""
    # The original content is wrapped in q/Q so a graphics state it leaves behind cannot move the drawing.
    pdf.pages[page_index].obj.Contents = pdf.make_stream(b"q\n" + body + b"\nQ\n" + drawing)


def redact_pages(
    pdf: pikepdf.Pdf,
    miner_pages: list[PDFPage],
    rsrcmgr: PDFResourceManager,
    rectangles: dict[int, list[Rectangle]],
) -> None:
    """Remove the glyphs under the rectangles (page index -> rectangles) and draw the label boxes."""
    font = label_font(pdf) if rectangles else None
    for page_index, page_rectangles in sorted(rectangles.items()):
        if not page_rectangles:
            continue
        miner_page = miner_pages[page_index]
        body = cut_glyphs(pdf, miner_page, rsrcmgr, page_index, [rectangle.box for rectangle in page_rectangles]).body
        pdf.pages[page_index].add_resource(font, pikepdf.Name.Font, pikepdf.Name(LABEL_FONT), replace_existing=True)
        wrap_and_draw(pdf, page_index, body, overlay(page_rectangles, invert(initial_ctm(miner_page))))
