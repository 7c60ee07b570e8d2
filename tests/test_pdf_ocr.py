"""Scanned (image-only) pages: reported as not screened without OCR; with Tesseract, read by OCR and
redacted in the pixels, so the scan under the box no longer holds the name.

Skipped where Tesseract is not installed. The names are made up for these tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from screening.document import Plan, Replacement
from screening.formats.pdf import PdfAdapter
from screening.formats.pdf_ocr import ocr_page, tesseract_languages, view_box
from screening.formats.pdf_redact import initial_ctm

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
NAME = "Ole Skannesen"
PAGE_SIZE = (360, 200)


def _scan(path: Path) -> Path:
    """A one-page PDF that is only a picture of typed text, as a scanner makes it."""
    scale = 200 / 72
    picture = Image.new("L", (int(PAGE_SIZE[0] * scale), int(PAGE_SIZE[1] * scale)), 255)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(VERA), 36)
    for row, line in enumerate((f"Pasient: {NAME}", "Kontroll om fire uker", "Legesenteret Eksempelby")):
        draw.text((60, 60 + row * 70), line, fill=0, font=font)
    c = canvas.Canvas(str(path), pagesize=PAGE_SIZE, invariant=1)
    c.drawImage(ImageReader(picture), 0, 0, width=PAGE_SIZE[0], height=PAGE_SIZE[1])
    c.showPage()
    c.save()
    return path


def _image_digests(path: Path) -> set[str]:
    with pikepdf.open(path) as pdf:
        return {hashlib.sha256(obj.read_raw_bytes()).hexdigest() for obj in pdf.objects
                if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image}


def test_scan_without_ocr_is_reported_not_screened(tmp_path: Path):
    document = PdfAdapter(ocr=False).read(_scan(tmp_path / "scan.pdf"))
    assert not [segment for segment in document.segments if segment.id.startswith("page:")]
    assert [(part.part, part.reason) for part in document.unscanned] == [("page 1", "image-only page, not screened")]


languages = tesseract_languages()


@pytest.mark.skipif(languages is None, reason="Tesseract is not installed")
def test_scan_with_ocr_is_read_and_redacted_in_the_pixels(tmp_path: Path):
    source = _scan(tmp_path / "scan.pdf")
    adapter = PdfAdapter(ocr=True)
    document = adapter.read(source)
    page = document.segment("page:0")
    assert page.location.details == {"page": 1, "ocr": True}
    assert NAME in page.text and "Kontroll" in page.text
    start = page.text.index(NAME)
    out = tmp_path / "out.pdf"
    adapter.write(document, Plan([Replacement("page:0", start, start + len(NAME), NAME, "[PERSON_1]",
                                              "[PERSON_1]", "PERSON")]), out)

    assert not _image_digests(source) & _image_digests(out), "the unredacted scan must not be in the copy"
    with pdfplumber.open(out) as plumber:
        miner_page = plumber.pages[0].page_obj
        assert "[PERSON_1]" in plumber.pages[0].extract_text()
    again = ocr_page(out, "", 0, view_box(tuple(miner_page.cropbox), initial_ctm(miner_page)), languages)
    assert "Skannesen" not in again.text
    assert "Kontroll" in again.text and "Eksempelby" in again.text
