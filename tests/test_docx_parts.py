"""DOCX: every hiding place beyond the body is read as a segment and sanitized in the copy.

The document is built with python-docx (body, header, footer, picture with Exif data and alt text,
properties) and given the parts python-docx cannot write (tracked changes and moves with their authors,
comments and people.xml, footnote, endnote, a text box with its VML fallback copy, content controls bound
to a custom XML item, simple and complex fields, a mailto: hyperlink, document variables, mail-merge data,
the attached template path, custom properties, an embedded workbook). One fictitious value per place.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.shared import Inches

from screening.document import FormatError
from screening.formats.docx import ADAPTER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples" / "office"))
from ooxml_parts import DOCX_PLACES, add_docx_hiding_places, edit_package, jpeg_with_exif  # noqa: E402
from ooxml_parts import every_text as package_text  # noqa: E402
from test_xlsx_parts import plan_for  # noqa: E402

_NAMES = iter([
    "Kari Solberg", "Åse Brekke", "Tor Aasen", "Per Ødegård", "Lise Haugland", "Rune Foss", "Gro Lindstad",
    "Kjell Sande", "kjell.sande@example.no", "Mona Tveit", "Olav Hovland", "Berit Lunde", "Sverre Aas",
    "Janne Rød", "Geir Moholt", "Hilde Brun", "Knut Myhre", "Anita Sæle", "Sindre Kvale", "Wenche Bø",
    "Trine Fjeld", "arne.strand@example.no", "Lene Vik", "Svein Hope", "randi.moe@example.no", "Terje Lie",
    "Inger Aune", "ola.berg", "silje.nes", "Bakke og Dal Advokater", "Frode Haga", "Gunn Sletten",
])
PLANTED = {place: next(_NAMES) for place in DOCX_PLACES}
PLANTED.update({
    "body": "Marianne Kolstad", "header": "Jostein Urdal", "footer": "Reidar Voll", "table": "Sunniva Holt",
    "picture alt text": "Tiril Sørum", "picture Exif": "Liv Sand", "creator": "Eva Strand",
    "lastModifiedBy": "Nils Moen", "title": "Oda Rønning", "embedded workbook": "Petter Smedstad",
    "digital signature": "Signe Kvalheim",
})


def build_document(path: Path) -> Path:
    v = PLANTED
    document = docx.Document()
    document.add_paragraph(f"Søknaden fra {v['body']} er mottatt.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = v["table"]
    document.sections[0].header.paragraphs[0].text = f"Saksbehandler: {v['header']}"
    document.sections[0].footer.paragraphs[0].text = f"Utskrevet av {v['footer']}"
    document.add_picture(io.BytesIO(jpeg_with_exif(f"Foto {v['picture Exif']}")), width=Inches(1))
    document.inline_shapes[0]._inline.docPr.set("descr", f"Bilde av {v['picture alt text']}")
    properties = document.core_properties
    properties.author, properties.last_modified_by = v["creator"], v["lastModifiedBy"]
    properties.title = f"Vedtak i saken til {v['title']}"
    document.save(path)
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = v["embedded workbook"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    add_docx_hiding_places(path, v, embedded_workbook=buffer.getvalue())
    signature = ("http://schemas.openxmlformats.org/package/2006/relationships/digital-signature")
    edit_package(
        path,
        parts={"_xmlsignatures/origin.sigs": b"",
               "_xmlsignatures/sig1.xml": (
                   '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><KeyInfo><X509Data><X509IssuerSerial>'
                   f'<X509IssuerName>CN={v["digital signature"]}</X509IssuerName></X509IssuerSerial></X509Data>'
                   '</KeyInfo></Signature>').encode()},
        relationships=[("", "rIdSig", f"{signature}/origin", "_xmlsignatures/origin.sigs", None),
                       ("_xmlsignatures/origin.sigs", "rId1", f"{signature}/signature", "sig1.xml", None)],
        content_types={"_xmlsignatures/sig1.xml": "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml",
                       "_xmlsignatures/origin.sigs": "application/vnd.openxmlformats-package.digital-signature-origin"},
    )
    return path


def every_text(path: Path) -> str:
    return package_text(path, ADAPTER)


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    return build_document(tmp_path_factory.mktemp("docx") / "vedtak.docx")


@pytest.fixture(scope="module")
def sanitized(source, tmp_path_factory):
    document = ADAPTER.read(source)
    out = tmp_path_factory.mktemp("docx-out") / "vedtak.docx"
    ADAPTER.write(document, plan_for(document, PLANTED.values()), out)
    return document, out


def test_the_built_document_holds_every_value(source):
    text = every_text(source)
    assert not [place for place, value in PLANTED.items() if value not in text and place != "picture Exif"]


def test_every_hiding_place_is_a_segment(sanitized):
    document, _ = sanitized
    segment_text = "\n".join(segment.text for segment in document.segments)
    binary = {"picture Exif", "thumbnail", "digital signature"}
    assert not [place for place, value in PLANTED.items() if value not in segment_text and place not in binary]
    kinds = {s.location.kind for s in document.segments}
    assert {"body", "table", "header", "footer", "footnote", "endnote", "comment", "tracked_deletion",
            "text_box", "field", "hyperlink", "alt_text", "metadata", "content_control"} <= kinds
    deleted = [s for s in document.segments if s.location.kind == "tracked_deletion"]
    assert [s.text for s in deleted] == [PLANTED["deleted"]]  # a deletion is a segment of its own
    authors = {s.text: s.entity_hint for s in document.segments if s.location.details.get("field") == "author"}
    assert authors[PLANTED["deletion author"]] == "PERSON" and authors[PLANTED["comment author"]] == "PERSON"
    user = [s for s in document.segments if s.text == PLANTED["template user"]]
    assert user and user[0].entity_hint == "PERSON"  # the user folder of the template path


def test_no_value_is_left_anywhere_in_the_copy(sanitized):
    document, out = sanitized
    text = every_text(out)
    assert not [place for place, value in PLANTED.items() if value in text]
    with zipfile.ZipFile(out) as package:
        assert 'w:initials="KS"' not in package.read("word/comments.xml").decode()
        from screening.formats.ooxml import BLANK_JPEG
        assert package.read("docProps/thumbnail.jpeg") == BLANK_JPEG
    unscanned = {part.part: part for part in document.unscanned}
    assert unscanned["docProps/thumbnail.jpeg"].removed
    assert unscanned["_xmlsignatures/sig1.xml"].removed and unscanned["_xmlsignatures/origin.sigs"].removed
    pictures = [part for name, part in unscanned.items() if name.startswith("word/media/")]
    assert len(pictures) == 1 and "Exif" in pictures[0].reason and not pictures[0].removed


def test_copy_opens_and_keeps_structure(sanitized, source):
    _, out = sanitized
    copy = docx.Document(out)
    assert copy.paragraphs[0].text.startswith("Søknaden fra [VALUE_")
    assert len(copy.inline_shapes) == 1 and copy.sections[0].header.paragraphs[0].text.startswith("Saksbehandler: [")
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        signatures = {"_xmlsignatures/origin.sigs", "_xmlsignatures/sig1.xml", "_xmlsignatures/_rels/origin.sigs.rels"}
        assert [name for name in before.namelist() if name not in signatures] == after.namelist()
        assert b"digital-signature" not in after.read("_rels/.rels") + after.read("[Content_Types].xml")
        assert before.read("word/styles.xml") == after.read("word/styles.xml")
        document_xml = after.read("word/document.xml").decode()
    assert document_xml.count("<w:del ") == 1 and document_xml.count("<w:ins ") == 1  # changes stay tracked
    assert "mc:AlternateContent" in document_xml and "v:textbox" in document_xml


def test_broken_file_gives_one_line_error(tmp_path):
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/other.xml", "<x/>")
    with pytest.raises(FormatError, match="word/document.xml is missing"):
        ADAPTER.read(path)


@pytest.fixture(scope="module")
def job():
    from screening.pipeline import Job

    return Job()


# Values the analysis cannot be expected to find by their text alone: a field name, a list value that
# is also its display text, a company name. The adapter reads them (test above); policy decides.
NOT_EXPECTED_FROM_ANALYSIS = {"company"}


def test_screen_redact_end_to_end_leaves_no_value(job, source, tmp_path):
    out = tmp_path / "vedtak.docx"
    result = job.process(source, out_path=out)
    assert result.status == "ok" and result.verified, result.error
    text = every_text(out)
    left = [place for place, value in PLANTED.items() if value in text and place not in NOT_EXPECTED_FROM_ANALYSIS]
    assert not left
    docx.Document(out)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_copy(sanitized, tmp_path):
    _, out = sanitized
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=180,
    )
    pdf = tmp_path / "vedtak.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000


def test_picture_metadata_is_stripped_without_touching_the_pixels():
    from PIL import Image

    from screening.formats.ooxml import strip_jpeg_metadata, strip_png_metadata

    jpeg = jpeg_with_exif("Fotograf Liv Sand")
    stripped = strip_jpeg_metadata(jpeg)
    assert b"Liv Sand" in jpeg and b"Liv Sand" not in stripped and b"Exif" not in stripped
    assert Image.open(io.BytesIO(stripped)).tobytes() == Image.open(io.BytesIO(jpeg)).tobytes()
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Liv Sand")
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(buffer, "PNG", pnginfo=info)
    png = buffer.getvalue()
    clean = strip_png_metadata(png)
    assert b"Liv Sand" in png and b"Liv Sand" not in clean
    assert Image.open(io.BytesIO(clean)).getpixel((1, 1)) == (10, 20, 30)
    assert strip_jpeg_metadata(b"not a picture") is None
