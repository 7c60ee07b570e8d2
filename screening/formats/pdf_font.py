"""A TrueType font embedded in a PDF for text that Helvetica's WinAnsi encoding cannot show.

Restored values are drawn in standard Helvetica when every character is in WinAnsi (Windows-1252);
"Łukasz" or "Жанна" would come out as "?" there, so such values are drawn in an embedded TrueType font
instead: a Type0 font with Identity-H encoding (two bytes per glyph id) and a ToUnicode map, so the text
extracts as what it is.

Which font: the file named by ``SCREEN_PDF_FONT`` (then that one only), else the first of
:data:`CANDIDATES` found on disk that has every character needed: DejaVu Sans (Bitstream Vera licence,
free to embed and redistribute; Debian's fonts-dejavu-core and most Linux systems have it) and
reportlab's bundled Vera. No font is shipped with this project. When none has the characters, the file
fails with a one-line error rather than showing wrong glyphs.

Only the glyphs used are kept: the other glyphs of the font are emptied (their ids stay, so glyph ids
need no renumbering) and the tables a PDF does not need (cmap, kerning, layout, names) are left out,
which turns DejaVu's 750 kB into a few kilobytes. A font whose licence bits forbid embedding is refused.
"""

from __future__ import annotations

import hashlib
import os
import struct
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pikepdf

FONT_VARIABLE = "SCREEN_PDF_FONT"


def _reportlab_vera() -> list[Path]:
    try:
        import reportlab  # a development dependency; used when present
    except ImportError:
        return []
    return [Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"]


CANDIDATES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"),  # Fedora
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),  # Arch
    Path("/usr/local/share/fonts/dejavu/DejaVuSans.ttf"),  # FreeBSD
    *_reportlab_vera(),
)

# Tables a CIDFontType2 program needs (ISO 32000-1, 9.9), plus OS/2 for the metrics some renderers read.
_KEPT_TABLES = (b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cvt ", b"fpgm", b"prep", b"OS/2")
_RESTRICTED_EMBEDDING = 0x0002
_BITMAP_ONLY = 0x0200
_EMBEDDING_ALLOWED = 0x000C  # "preview and print" or "editable" lift the restriction


class FontProblem(Exception):
    """No usable font for some characters; the message names their script, never the text."""


def writable_in_helvetica(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def unsupported_characters(text: str) -> list[str]:
    """Characters that a font without shaping or right-to-left layout would draw wrongly."""
    return [char for char in text
            if unicodedata.bidirectional(char) in ("R", "AL", "AN") or unicodedata.category(char).startswith("M")]


def scripts(chars: set[str] | list[str]) -> str:
    """The scripts of some characters ("Cyrillic"), to name them in an error without the value's letters."""
    names = sorted({unicodedata.name(char, "UNKNOWN").split()[0].title() for char in chars})
    return "/".join(names) + " characters"


@dataclass
class TrueType:
    """The parts of a TrueType file needed to embed it."""

    path: Path
    data: bytes
    tables: dict[bytes, tuple[int, int]]
    units_per_em: int
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    italic_angle: float
    long_loca: bool
    glyph_count: int
    advances: list[int]
    glyph_of: dict[int, int]  # code point -> glyph id
    fs_type: int = 0

    def table(self, tag: bytes) -> bytes:
        offset, length = self.tables[tag]
        return self.data[offset:offset + length]

    def scaled(self, value: float) -> int:
        return round(value * 1000 / self.units_per_em)

    def width(self, glyph: int) -> int:
        """Advance of a glyph in 1/1000 of the font size."""
        return self.scaled(self.advances[min(glyph, len(self.advances) - 1)])


def _u16(data: bytes, offset: int) -> int:
    return struct.unpack_from(">H", data, offset)[0]


def _i16(data: bytes, offset: int) -> int:
    return struct.unpack_from(">h", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    return struct.unpack_from(">I", data, offset)[0]


def _cmap(table: bytes) -> dict[int, int]:
    """Code point -> glyph id from the best Unicode subtable (format 12, else format 4)."""
    candidates: dict[int, int] = {}
    for record in range(_u16(table, 2)):
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * record)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)) or (platform in (0, 3) and encoding in (0, 1, 3)):
            candidates[_u16(table, offset)] = offset
    mapping: dict[int, int] = {}
    if 12 in candidates:
        offset = candidates[12]
        for group in range(_u32(table, offset + 12)):
            start, end, first = struct.unpack_from(">III", table, offset + 16 + 12 * group)
            mapping.update({code: first + code - start for code in range(start, end + 1)})
        return mapping
    if 4 not in candidates:
        return mapping
    offset = candidates[4]
    count = _u16(table, offset + 6) // 2
    ends = offset + 14
    starts = ends + 2 * count + 2
    deltas = starts + 2 * count
    ranges = deltas + 2 * count
    for segment in range(count):
        end, start = _u16(table, ends + 2 * segment), _u16(table, starts + 2 * segment)
        delta, range_offset = _i16(table, deltas + 2 * segment), _u16(table, ranges + 2 * segment)
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                glyph = _u16(table, ranges + 2 * segment + range_offset + 2 * (code - start))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                mapping[code] = glyph
    return mapping


@lru_cache(maxsize=8)
def load(path: Path) -> TrueType:
    """Read a TrueType file; FontProblem when it is not one this module can embed."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FontProblem(f"font {path} cannot be read ({type(error).__name__})") from None
    try:
        if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
            raise FontProblem(f"font {path} is not a TrueType font (OpenType/CFF and collections are not supported)")
        tables = {data[12 + 16 * i:16 + 16 * i]: (_u32(data, 20 + 16 * i), _u32(data, 24 + 16 * i))
                  for i in range(_u16(data, 4))}
        missing = [t.decode() for t in (b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cmap") if t not in tables]
        if missing:
            raise FontProblem(f"font {path} lacks the table(s) {', '.join(missing)}")

        def table(tag: bytes) -> bytes:
            offset, length = tables[tag]
            return data[offset:offset + length]

        head, hhea, maxp = table(b"head"), table(b"hhea"), table(b"maxp")
        metrics_count, glyph_count = _u16(hhea, 34), _u16(maxp, 4)
        hmtx = table(b"hmtx")
        advances = [_u16(hmtx, 4 * i) for i in range(metrics_count)]
        os2 = table(b"OS/2") if b"OS/2" in tables else b""
        post = table(b"post") if b"post" in tables else b""
        units = _u16(head, 18)
        font = TrueType(
            path=path, data=data, tables=tables, units_per_em=units,
            bbox=(_i16(head, 36), _i16(head, 38), _i16(head, 40), _i16(head, 42)),
            ascent=_i16(hhea, 4), descent=_i16(hhea, 6),
            cap_height=_i16(os2, 88) if len(os2) >= 90 and _u16(os2, 0) >= 2 else _i16(hhea, 4),
            italic_angle=_i16(post, 4) + _u16(post, 6) / 65536 if len(post) >= 8 else 0.0,
            long_loca=_i16(head, 50) == 1, glyph_count=glyph_count, advances=advances,
            glyph_of=_cmap(table(b"cmap")), fs_type=_u16(os2, 8) if len(os2) >= 10 else 0,
        )
    except (struct.error, IndexError):
        raise FontProblem(f"font {path} is damaged") from None
    restricted = font.fs_type & _RESTRICTED_EMBEDDING and not font.fs_type & _EMBEDDING_ALLOWED
    if restricted or font.fs_type & _BITMAP_ONLY:
        raise FontProblem(f"font {path} does not allow embedding (OS/2 fsType {font.fs_type:#06x})")
    return font


def find_font(chars: set[str]) -> TrueType:
    """The first usable font that has every character; FontProblem naming what is missing."""
    chosen = os.environ.get(FONT_VARIABLE, "").strip()
    candidates = [Path(chosen)] if chosen else [path for path in CANDIDATES if path.is_file()]
    if not candidates:
        raise FontProblem(f"no TrueType font for its {scripts(chars)} found (set {FONT_VARIABLE} to one, "
                          "e.g. DejaVuSans.ttf of fonts-dejavu-core)")
    best_missing: set[str] = set(chars)
    for path in candidates:
        font = load(path)
        missing = {char for char in chars if ord(char) not in font.glyph_of}
        if not missing:
            return font
        best_missing = min(best_missing, missing, key=len)
    where = f"{FONT_VARIABLE}={chosen}" if chosen else ", ".join(p.name for p in candidates)
    raise FontProblem(f"no font has its {scripts(best_missing)} (tried {where})")


# ---- subsetting -------------------------------------------------------------------------------------


def _glyph_ranges(font: TrueType) -> list[tuple[int, int]]:
    loca = font.table(b"loca")
    if font.long_loca:
        offsets = [_u32(loca, 4 * i) for i in range(font.glyph_count + 1)]
    else:
        offsets = [2 * _u16(loca, 2 * i) for i in range(font.glyph_count + 1)]
    return list(zip(offsets, offsets[1:]))


def _components(glyph: bytes) -> list[int]:
    """The glyphs a composite glyph is built of (accented letters are often composites)."""
    if len(glyph) < 10 or _i16(glyph, 0) >= 0:
        return []
    found, offset = [], 10
    while True:
        flags, component = _u16(glyph, offset), _u16(glyph, offset + 2)
        found.append(component)
        offset += 4 + (4 if flags & 0x0001 else 2)
        offset += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
        if not flags & 0x0020:
            return found


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def subset(font: TrueType, glyphs: set[int]) -> bytes:
    """The font with every glyph outside ``glyphs`` (and their components, and glyph 0) emptied."""
    ranges = _glyph_ranges(font)
    glyf = font.table(b"glyf")
    keep, stack = set(), [0, *glyphs]
    while stack:
        glyph = stack.pop()
        if glyph in keep or glyph >= font.glyph_count:
            continue
        keep.add(glyph)
        start, end = ranges[glyph]
        stack.extend(_components(glyf[start:end]))
    new_glyf, offsets = bytearray(), []
    for glyph, (start, end) in enumerate(ranges):
        offsets.append(len(new_glyf))
        if glyph in keep:
            new_glyf += glyf[start:end] + b"\0" * (-(end - start) % 4)
    offsets.append(len(new_glyf))
    head = bytearray(font.table(b"head"))
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = struct.pack(">h", 1)  # long loca offsets
    tables = {tag: font.table(tag) for tag in _KEPT_TABLES if tag in font.tables}
    tables.update({b"head": bytes(head), b"glyf": bytes(new_glyf), b"loca": struct.pack(f">{len(offsets)}I", *offsets)})
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, len(tags), power * 16, power.bit_length() - 1, (len(tags) - power) * 16)
    directory, body = bytearray(), bytearray()
    offset = len(header) + 16 * len(tags)
    head_offset = 0
    for tag in tags:
        data = tables[tag]
        if tag == b"head":
            head_offset = offset + len(body)
        directory += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    result = bytearray(header + directory + body)
    struct.pack_into(">I", result, head_offset + 8, (0xB1B0AFBA - _checksum(bytes(result))) & 0xFFFFFFFF)
    return bytes(result)


# ---- the PDF font -----------------------------------------------------------------------------------


@dataclass
class EmbeddedFont:
    """A TrueType font for a PDF: text -> glyph-id strings, widths; ``pdf_object`` once all text is known."""

    font: TrueType
    used: dict[int, str] = field(default_factory=dict)  # glyph id -> the text it stands for

    def encode(self, text: str) -> bytes:
        glyphs = [self.font.glyph_of[ord(char)] for char in text]
        for glyph, char in zip(glyphs, text):
            self.used.setdefault(glyph, char)
        return b"".join(struct.pack(">H", glyph) for glyph in glyphs)

    def text_width(self, text: str) -> float:
        """Width in 1/1000 of the font size."""
        return sum(self.font.width(self.font.glyph_of[ord(char)]) for char in text)

    @property
    def descent(self) -> float:
        """As pdfminer reads it from the font descriptor: a fraction of the font size, negative."""
        return self.font.scaled(self.font.descent) / 1000

    def pdf_object(self, pdf: pikepdf.Pdf) -> pikepdf.Object:
        font = self.font
        glyphs = sorted(self.used)
        program = subset(font, set(glyphs))
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(program).digest()[:6])
        name = pikepdf.Name("/" + tag + "+" + font.path.stem.replace(" ", ""))
        font_file = pdf.make_stream(program)
        font_file.Length1 = len(program)
        descriptor = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=name, Flags=32,
            FontBBox=pikepdf.Array([font.scaled(v) for v in font.bbox]), ItalicAngle=font.italic_angle,
            Ascent=font.scaled(font.ascent), Descent=font.scaled(font.descent),
            CapHeight=font.scaled(font.cap_height), StemV=80, FontFile2=font_file,
        ))
        widths = pikepdf.Array()
        for glyph in glyphs:
            widths.extend([glyph, pikepdf.Array([font.width(glyph)])])
        cid_font = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=name,
            CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0),
            FontDescriptor=descriptor, DW=1000, W=widths, CIDToGIDMap=pikepdf.Name.Identity,
        ))
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=name, Encoding=pikepdf.Name("/Identity-H"),
            DescendantFonts=pikepdf.Array([cid_font]), ToUnicode=pdf.make_stream(_to_unicode(self.used)),
        ))


def _to_unicode(used: dict[int, str]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange"]
    pairs = sorted(used.items())
    for start in range(0, len(pairs), 100):  # at most 100 entries per block
        block = pairs[start:start + 100]
        lines.append(b"%d beginbfchar" % len(block))
        lines += [b"<%04X> <%s>" % (glyph, text.encode("utf-16-be").hex().upper().encode()) for glyph, text in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines) + b"\n"
