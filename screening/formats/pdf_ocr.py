"""Optional OCR of image-only (scanned) PDF pages with Tesseract, and redaction of such pages.

A scanned page has no text layer, so nothing on it can be screened without OCR. When OCR is asked for
and the ``tesseract`` program is installed (Debian: tesseract-ocr, tesseract-ocr-nor, -dan), the page
is rendered with pdfium, recognised, and its words become a page text with boxes like any other page.

Painting a box over a scan is not redaction either: the pixels stay in the image under it. A scanned
page with findings is therefore rendered again, the findings' rectangles are painted into the pixels,
and that bitmap replaces the page's content and images; the labels are drawn on top as real text.
Tesseract runs as a separate program on a temporary PNG, offline.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from screening.document import FormatError
from screening.formats.pdf_redact import LABEL_FONT, Matrix, Rectangle, invert, label_font, overlay
from screening.formats.pdf_text import PageText

DPI = 300
REDACTED_DPI = 200
_LANGUAGES = ("nor", "dan", "eng")
_TIMEOUT_SECONDS = 120


def tesseract_languages() -> list[str] | None:
    """The project's languages Tesseract has data for, or None when Tesseract is not installed."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listing = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    installed = set(listing.stdout.split())
    return [language for language in _LANGUAGES if language in installed] or None


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def view_box(cropbox: tuple[float, float, float, float], ctm: Matrix) -> tuple[float, float, float, float]:
    """The CropBox in pdfminer's device space (what pdfium renders): x0, y0, width, height."""
    x0, y0, x1, y1 = cropbox
    corners = [_apply(ctm, x, y) for x in (x0, x1) for y in (y0, y1)]
    left, bottom = min(c[0] for c in corners), min(c[1] for c in corners)
    return left, bottom, max(c[0] for c in corners) - left, max(c[1] for c in corners) - bottom


def _render(path: Path, password: str, index: int, dpi: int) -> Image.Image:
    try:
        document = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as error:
        raise FormatError(f"{path}: page {index + 1} cannot be rendered for OCR ({error})") from None
    try:
        page = document[index]
        return page.render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def ocr_page(path: Path, password: str, index: int, view: tuple[float, float, float, float],
             languages: list[str]) -> PageText:
    """The recognised text of page ``index`` with word boxes in pdfminer's device space."""
    image = _render(path, password, index, DPI)
    with tempfile.TemporaryDirectory(prefix="screen-ocr-") as folder:
        picture = Path(folder) / "page.png"
        image.save(picture)
        try:
            run = subprocess.run(
                ["tesseract", str(picture), "stdout", "-l", "+".join(languages), "--psm", "3", "tsv"],
                capture_output=True, text=True, timeout=_TIMEOUT_SECONDS, check=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise FormatError(f"{path}: OCR of page {index + 1} failed ({type(error).__name__})") from None
    left, bottom, width, height = view
    scale_x, scale_y = image.width / width, image.height / height
    result = PageText(number=index + 1, text="")
    pieces: list[str] = []
    previous_line: tuple[str, str, str] | None = None
    previous_block: str | None = None
    line_number = -1
    for row in csv.DictReader(io.StringIO(run.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        line = (row["block_num"], row["par_num"], row["line_num"])
        if previous_line is not None:
            separator = " " if line == previous_line else ("\n" if row["block_num"] == previous_block else "\n\n")
            pieces.append(separator)
            result.glyph_of.extend([-1] * len(separator))
        if line != previous_line:
            line_number += 1
        previous_line, previous_block = line, row["block_num"]
        x, y, w, h = (float(row[key]) for key in ("left", "top", "width", "height"))
        box = (left + x / scale_x, bottom + height - (y + h) / scale_y, left + (x + w) / scale_x, bottom + height - y / scale_y)
        # One box per word: every character of the word points at it.
        glyph = len(result.boxes)
        result.boxes.append(box)
        result.sizes.append(h / scale_y)
        result.lines.append(line_number)
        pieces.append(text)
        result.glyph_of.extend([glyph] * len(text))
    result.text = "".join(pieces)
    return result


def repaint_page(pdf: pikepdf.Pdf, path: Path, password: str, index: int, ctm: Matrix,
                 cropbox: tuple[float, float, float, float], rectangles: list[Rectangle]) -> None:
    """Replace a scanned page by a rendering of itself with the rectangles painted into the pixels."""
    image = _render(path, password, index, REDACTED_DPI)
    left, bottom, width, height = view_box(cropbox, ctm)
    scale_x, scale_y = image.width / width, image.height / height
    draw = ImageDraw.Draw(image)
    for rectangle in rectangles:
        x0, y0, x1, y1 = rectangle.box
        draw.rectangle(
            [(x0 - left) * scale_x, (bottom + height - y1) * scale_y, (x1 - left) * scale_x, (bottom + height - y0) * scale_y],
            fill=(0, 0, 0),
        )
    encoded = io.BytesIO()
    image.save(encoded, format="JPEG", quality=85)
    scan = pikepdf.Stream(pdf, encoded.getvalue())
    scan.Type, scan.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    scan.Width, scan.Height = image.width, image.height
    scan.ColorSpace, scan.BitsPerComponent, scan.Filter = pikepdf.Name.DeviceRGB, 8, pikepdf.Name.DCTDecode

    to_user = invert(ctm)
    # The image's unit square goes to the rendered view in device space, then back to user space.
    placement = _mult((width, 0, 0, height, left, bottom), to_user)
    page = pdf.pages[index]
    # New resources: the old images (the unredacted pixels) are no longer referenced and are not saved.
    page.obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(ScreenScan=pdf.make_indirect(scan)),
        Font=pikepdf.Dictionary({LABEL_FONT: label_font(pdf)}),
    )
    cm = " ".join(f"{value:.5f}" for value in placement).encode()
    page.obj.Contents = pdf.make_stream(b"q " + cm + b" cm /ScreenScan Do Q\n" + overlay(rectangles, to_user))
