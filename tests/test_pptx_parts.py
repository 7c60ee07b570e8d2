"""PPTX: every hiding place of a presentation is read as a segment and sanitized in the copy.

Built with python-pptx, then given what python-pptx cannot write (legacy and modern comments with
their authors, SmartArt data, tags, custom XML). One fictitious value per hiding place; the plan
replaces each wherever a segment holds it; nothing may be left in any part of the copy, the chart's
embedded workbook included.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from screening.document import FormatError
from screening.formats.pptx import ADAPTER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples" / "office"))
from ooxml_parts import edit_package, jpeg_with_exif  # noqa: E402
from ooxml_parts import every_text as package_text  # noqa: E402
from test_xlsx_parts import plan_for  # noqa: E402

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"

PLANTED = {
    "slide title": "Siri Fjellheim",
    "slide body e-mail": "tor.aasen@example.no",
    "grouped shape": "Gunnhild Vik",
    "alt text": "Bjørn Hagen",
    "notes": "Hanne Lie",
    "notes phone": "41234567",
    "table cell": "Oddvar Brå",
    "chart category": "Ivar Myklebust",
    "chart series name": "Arne Bakke",
    "hidden slide": "Kjellaug Rise",
    "slide layout": "Audun Haug",
    "slide master": "Marit Fossum",
    "hyperlink target": "lars.holm@example.no",
    "legacy comment": "Ragnhild Sæther",
    "legacy comment author": "Torstein Lunde",
    "modern comment": "Sigrun Eide",
    "modern comment author": "Helge Nesse",
    "modern comment author id": "helge.nesse@example.no",
    "SmartArt": "Astrid Bergum",
    "tag": "Vidar Strøm",
    "custom XML": "Ingrid Moe",
    "creator": "Eva Strand",
    "lastModifiedBy": "Nils Moen",
    "picture Exif": "Liv Sand",
}


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode()


def build_presentation(path: Path) -> Path:
    v = PLANTED
    prs = Presentation()
    layout = prs.slide_layouts[1]
    layout.placeholders[0].text_frame.text = f"Mal laget av {v['slide layout']}"
    footer = next(shape for shape in prs.slide_master.shapes if shape.name.startswith("Footer"))
    footer.text_frame.text = f"Konfidensielt – {v['slide master']}"
    first = prs.slides.add_slide(layout)
    first.shapes.title.text = f"Møte med {v['slide title']} om budsjettet"
    body = first.placeholders[1].text_frame
    body.text = f"Kontakt: {v['slide body e-mail']}"
    run = body.add_paragraph().add_run()
    run.text = "Skriv til oss"
    run.hyperlink.address = f"mailto:{v['hyperlink target']}"
    group = first.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(5), Inches(3), Inches(1))
    box.text_frame.text = f"Ansvarlig: {v['grouped shape']}"
    picture = first.shapes.add_picture(io.BytesIO(jpeg_with_exif(f"Foto {v['picture Exif']}")),
                                       Inches(6), Inches(1), Inches(1), Inches(1))
    picture._element.nvPicPr.cNvPr.set("descr", f"Portrett av {v['alt text']}")
    first.notes_slide.notes_text_frame.text = f"Ring {v['notes']} på {v['notes phone']}"
    second = prs.slides.add_slide(prs.slide_layouts[5])
    second.shapes.title.text = "Lønn"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(4), Inches(1)).table
    table.cell(0, 0).text = "Navn"
    table.cell(1, 0).text = v["table cell"]
    data = CategoryChartData()
    data.categories = [v["chart category"], "Andre"]
    data.add_series(v["chart series name"], (3, 5))
    second.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(3), Inches(5), Inches(3), data)
    hidden = prs.slides.add_slide(prs.slide_layouts[5])
    hidden.shapes.title.text = f"Intern: {v['hidden slide']}"
    hidden._element.set("show", "0")
    prs.core_properties.author = v["creator"]
    prs.core_properties.last_modified_by = v["lastModifiedBy"]
    prs.save(path)
    _add_parts(path)
    return path


def _add_parts(path: Path) -> None:
    v = PLANTED
    p188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
    author_id = "{1B2C3D4E-0000-4A4A-8B8B-123456789ABC}"
    parts = {
        "ppt/commentAuthors.xml": _xml(
            f'<p:cmAuthorLst xmlns:p="{P}"><p:cmAuthor id="0" name="{v["legacy comment author"]}" '
            'initials="TL" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>'),
        "ppt/comments/comment1.xml": _xml(
            f'<p:cmLst xmlns:p="{P}"><p:cm authorId="0" dt="2025-02-01T10:00:00.000" idx="1">'
            f'<p:pos x="10" y="10"/><p:text>Sjekk tallene med {v["legacy comment"]}</p:text></p:cm></p:cmLst>'),
        "ppt/authors.xml": _xml(
            f'<p188:authorLst xmlns:p188="{p188}"><p188:author id="{author_id}" name="{v["modern comment author"]}" '
            f'initials="HN" userId="{v["modern comment author id"]}" providerId="None"/></p188:authorLst>'),
        "ppt/comments/modernComment_100_1.xml": _xml(
            f'<p188:cmLst xmlns:p188="{p188}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<p188:cm id="{{2C3D4E5F-0000-4A4A-8B8B-123456789ABC}}" authorId="{author_id}" '
            'created="2025-02-02T10:00:00.000"><p188:txBody><a:bodyPr/><a:lstStyle/>'
            f'<a:p><a:r><a:t>Spør {v["modern comment"]}</a:t></a:r></a:p></p188:txBody></p188:cm></p188:cmLst>'),
        "ppt/diagrams/data1.xml": _xml(
            '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
            '<dgm:pt modelId="{00000000-0000-0000-0000-000000000001}" type="doc"><dgm:prSet/><dgm:spPr/></dgm:pt>'
            '<dgm:pt modelId="{00000000-0000-0000-0000-000000000002}"><dgm:prSet/><dgm:spPr/>'
            f'<dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>Leder: {v["SmartArt"]}</a:t></a:r></a:p></dgm:t>'
            '</dgm:pt></dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>'),
        "ppt/tags/tag1.xml": _xml(
            f'<p:tagLst xmlns:p="{P}"><p:tag name="REVIEWER" val="{v["tag"]}"/></p:tagLst>'),
        "customXml/item1.xml": _xml(f'<prosjekt><eier>{v["custom XML"]}</eier></prosjekt>'),
    }
    edit_package(
        path,
        parts=parts,
        relationships=[
            ("ppt/presentation.xml", "rIdAuthors", f"{RT}/commentAuthors", "commentAuthors.xml", None),
            ("ppt/presentation.xml", "rIdAuthors2", "http://schemas.microsoft.com/office/2018/10/relationships/authors",
             "authors.xml", None),
            ("ppt/slides/slide1.xml", "rIdComments", f"{RT}/comments", "../comments/comment1.xml", None),
            ("ppt/slides/slide1.xml", "rIdModern", "http://schemas.microsoft.com/office/2018/10/relationships/comments",
             "../comments/modernComment_100_1.xml", None),
            ("ppt/slides/slide2.xml", "rIdData", f"{RT}/diagramData", "../diagrams/data1.xml", None),
            ("ppt/slides/slide1.xml", "rIdTags", f"{RT}/tags", "../tags/tag1.xml", None),
            ("ppt/presentation.xml", "rIdCustomXml", f"{RT}/customXml", "../customXml/item1.xml", None),
        ],
        content_types={
            "ppt/commentAuthors.xml": "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml",
            "ppt/comments/comment1.xml": "application/vnd.openxmlformats-officedocument.presentationml.comments+xml",
            "ppt/authors.xml": "application/vnd.ms-powerpoint.authors+xml",
            "ppt/comments/modernComment_100_1.xml": "application/vnd.ms-powerpoint.comments+xml",
            "ppt/diagrams/data1.xml": "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
            "ppt/tags/tag1.xml": "application/vnd.openxmlformats-officedocument.presentationml.tags+xml",
        },
    )


def every_text(path: Path) -> str:
    return package_text(path, ADAPTER)


@pytest.fixture(scope="module")
def presentation(tmp_path_factory) -> Path:
    return build_presentation(tmp_path_factory.mktemp("pptx") / "prosjekt.pptx")


@pytest.fixture(scope="module")
def sanitized(presentation, tmp_path_factory):
    document = ADAPTER.read(presentation)
    out = tmp_path_factory.mktemp("pptx-out") / "prosjekt.pptx"
    ADAPTER.write(document, plan_for(document, PLANTED.values()), out)
    return document, out


def test_the_built_presentation_holds_every_value(presentation):
    text = every_text(presentation)
    assert not [place for place, value in PLANTED.items() if value not in text and place != "picture Exif"]


def test_every_hiding_place_is_a_segment(sanitized):
    document, _ = sanitized
    segment_text = "\n".join(segment.text for segment in document.segments)
    assert not [place for place, value in PLANTED.items() if value not in segment_text and place != "picture Exif"]
    kinds = {segment.location.kind for segment in document.segments}
    assert {"body", "note", "layout", "master", "comment", "alt_text", "smartart", "chart_data", "hyperlink",
            "metadata", "tag"} <= kinds
    hidden = [s for s in document.segments if PLANTED["hidden slide"] in s.text]
    assert hidden[0].location.details == {"slide": 3, "hidden": True, "paragraph": 1}


def test_no_value_is_left_anywhere_in_the_copy(sanitized):
    _, out = sanitized
    text = every_text(out)
    assert not [place for place, value in PLANTED.items() if value in text]
    with zipfile.ZipFile(out) as package:
        embedded = [name for name in package.namelist() if name.startswith("ppt/embeddings/")]
        inner = zipfile.ZipFile(io.BytesIO(package.read(embedded[0])))
        inner_text = "\n".join(inner.read(name).decode("utf-8", "ignore") for name in inner.namelist())
        assert PLANTED["chart category"] not in inner_text and PLANTED["chart series name"] not in inner_text
        from screening.formats.ooxml import BLANK_JPEG
        assert package.read("docProps/thumbnail.jpeg") == BLANK_JPEG


def test_copy_opens_with_its_shapes(sanitized):
    _, out = sanitized
    prs = Presentation(out)
    first, second, third = prs.slides
    assert first.shapes.title.text.startswith("Møte med [VALUE_")
    assert [shape.shape_type for shape in first.shapes] == [shape.shape_type for shape in Presentation(
        sanitized[0].path).slides[0].shapes]
    assert second.shapes[1].table.cell(0, 0).text == "Navn"
    chart = second.shapes[2].chart
    assert list(chart.plots[0].categories)[1] == "Andre"
    assert third._element.get("show") == "0"
    authors = zipfile.ZipFile(out).read("ppt/commentAuthors.xml").decode()
    assert 'initials="TL"' not in authors  # initials follow the replaced author name


def test_broken_file_gives_one_line_error(tmp_path):
    path = tmp_path / "bad.pptx"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(FormatError, match="not a valid PPTX"):
        ADAPTER.read(path)


@pytest.fixture(scope="module")
def job():
    from screening.pipeline import Job

    return Job()


def test_screen_redact_end_to_end_leaves_no_value(job, presentation, tmp_path):
    out = tmp_path / "prosjekt.pptx"
    result = job.process(presentation, out_path=out)
    assert result.status == "ok" and result.verified, result.error
    text = every_text(out)
    assert not [place for place, value in PLANTED.items() if value in text]
    Presentation(out)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_copy(sanitized, tmp_path):
    _, out = sanitized
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=180,
    )
    pdf = tmp_path / "prosjekt.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000
