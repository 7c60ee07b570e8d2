"""XLSX: every hiding place of a workbook is read as a segment and sanitized in the copy.

The workbook is built here with openpyxl, then given the parts openpyxl cannot write (threaded
comments and their persons, a drawing with a text box and a picture with Exif data, a pivot cache,
an external link cache, custom properties, a thumbnail, a shared-workbook change log). Each hiding
place holds its own fictitious value. The plan replaces every planted value wherever a segment holds
it, as the pipeline would; then no value may be left in any part of the copy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

from screening.document import FormatError, Plan, Replacement
from screening.formats.xlsx import ADAPTER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples" / "office"))
from ooxml_parts import edit_package, jpeg_with_exif  # noqa: E402
from ooxml_parts import every_text as package_text  # noqa: E402

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# hiding place -> fictitious value planted there
PLANTED = {
    "cell name": "Siri Fjellheim",
    "cell fødselsnummer (text)": "15057810014",
    "cell phone (number)": "41234567",
    "cell e-mail": "siri.fjellheim@example.no",
    "cell fødselsnummer (number, leading zero)": "01019010046",
    "second name": "Jon Gravdal",
    "cell in a hidden row": "Torstein Lunde",
    "legacy comment text": "Gunnhild Vik",
    "legacy comment author": "Ragnhild Sæther",
    "header": "Bjørn Hagen",
    "footer": "Kjellaug Rise",
    "formula literal": "Audun Haug",
    "hyperlink target": "hanne.lie@example.no",
    "hyperlink tooltip": "Marit Fossum",
    "data validation list": "Oddvar Brå",
    "data validation prompt": "Ivar Myklebust",
    "sheet name": "Kari Nordmann",
    "hidden sheet": "Arne Bakke",
    "very hidden sheet": "24068910095",
    "defined name": "Lars Holm",
    "creator": "Eva Strand",
    "lastModifiedBy": "Nils Moen",
    "title": "Per Dahl",
    "app Manager": "Jorunn Vold",
    "custom property": "Trond Kvam",
    "threaded comment": "Sigrun Eide",
    "threaded comment person": "Helge Nesse",
    "threaded comment person id": "helge.nesse@example.no",
    "text box in drawing": "Astrid Bergum",
    "alt text": "Vidar Strøm",
    "pivot cache item": "Ingrid Moe",
    "pivot cache record": "Ola Rustad",
    "external link cache": "Tove Lien",
    "external link path": "reidun.vik",
    "shared workbook change log": "Kristian Aune",
    "picture Exif": "Liv Sand",
    "thumbnail": "Eirik Dal",
    "saved-in folder (absPath)": "mathilde.krog",
    "custom view name": "Bente Hovde",
}


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode()


def build_workbook(path: Path) -> Path:
    v = PLANTED
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ansatte"
    ws.append(["Navn", "Fødselsnummer", "Telefon", "E-post", "Merknad", "Beløp"])
    ws.append([v["cell name"], v["cell fødselsnummer (text)"], int(v["cell phone (number)"]),
               v["cell e-mail"], "Ring henne", 1250.5])
    ws.append([v["second name"], int(v["cell fødselsnummer (number, leading zero)"]), None, None, "ok", 99])
    ws["B3"].number_format = "00000000000"
    ws.append([v["cell in a hidden row"], None, None, None, "ok", 3])
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["A"].width = 31
    ws["F2"].number_format = "#,##0.00"
    ws["E3"].comment = Comment(f"Sjekk med {v['legacy comment text']}", v["legacy comment author"])
    ws.oddHeader.left.text = f"Lønnsliste {v['header']}"
    ws.oddFooter.right.text = f"Utarbeidet av {v['footer']}"
    ws["G2"] = f'=IF(A2="{v["formula literal"]}","ja","nei")'
    ws["G3"] = f"='{v['sheet name']}'!A1&\" \"&SUM(F2:F4)"
    ws["H2"] = "Send e-post"
    ws["H2"].hyperlink = f"mailto:{v['hyperlink target']}"
    ws["H2"].hyperlink.tooltip = f"Skriv til {v['hyperlink tooltip']}"
    validation = DataValidation(type="list", formula1=f'"{v["data validation list"]},Kari"',
                                prompt=f"Velg {v['data validation prompt']} eller en annen")
    ws.add_data_validation(validation)
    validation.add("I2")
    named = wb.create_sheet(v["sheet name"])
    named["A1"] = "Lønn 2025"
    hidden = wb.create_sheet("Arkiv")
    hidden["A1"] = f"Tidligere ansatt {v['hidden sheet']}"
    hidden.sheet_state = "hidden"
    very_hidden = wb.create_sheet("Data")
    very_hidden["A1"] = f"Fødselsnummer {v['very hidden sheet']}"
    very_hidden.sheet_state = "veryHidden"
    wb.defined_names["kontakt"] = DefinedName("kontakt", attr_text=f'"{v["defined name"]}"')
    wb.defined_names["lonn"] = DefinedName("lonn", attr_text=f"'{v['sheet name']}'!$A$1")
    wb.properties.creator = v["creator"]
    wb.properties.lastModifiedBy = v["lastModifiedBy"]
    wb.properties.title = f"Lønn for {v['title']}"
    wb.save(path)
    _add_parts(path)
    return path


def _add_parts(path: Path) -> None:
    v = PLANTED
    ct = "application/vnd.openxmlformats-officedocument."
    person_id = "{6F1B5C2A-1111-4C3D-9E8F-0A1B2C3D4E5F}"
    parts = {
        "xl/persons/person.xml": _xml(
            '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
            f'<person displayName="{v["threaded comment person"]}" id="{person_id}" '
            f'userId="{v["threaded comment person id"]}" providerId="None"/></personList>'),
        "xl/threadedComments/threadedComment1.xml": _xml(
            '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
            f'<threadedComment ref="E2" dT="2025-03-01T10:00:00.00" personId="{person_id}" '
            'id="{0A0A0A0A-2222-4C3D-9E8F-0A1B2C3D4E5F}">'
            f'<text>Avklar med {v["threaded comment"]}</text><mentions><mention mentionpersonId="{person_id}" '
            'mentionId="{0B0B0B0B-3333-4C3D-9E8F-0A1B2C3D4E5F}" startIndex="11" length="11"/></mentions>'
            '</threadedComment></ThreadedComments>'),
        "xl/drawings/drawing1.xml": _xml(
            '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            f'xmlns:r="{RT}">'
            '<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>'
            '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff>'
            '<xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
            '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Tekstboks 1"/><xdr:cNvSpPr txBox="1"/>'
            '</xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="700000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>'
            '<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="nb-NO"/><a:t>Ansvarlig: Astrid </a:t></a:r>'
            '<a:r><a:rPr lang="nb-NO" b="1"/><a:t>Bergum</a:t></a:r></a:p></xdr:txBody></xdr:sp>'
            '<xdr:clientData/></xdr:twoCellAnchor>'
            '<xdr:twoCellAnchor><xdr:from><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>'
            '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff>'
            '<xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
            f'<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Bilde 2" descr="Portrett av {v["alt text"]}"/>'
            '<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch>'
            '</xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="600000" cy="600000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>'
            '</xdr:wsDr>'),
        "xl/media/image1.jpeg": jpeg_with_exif(f"Foto: {v['picture Exif']}"),
        "xl/pivotCache/pivotCacheDefinition1.xml": _xml(
            f'<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{RT}" r:id="rId1" recordCount="1">'
            '<cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Ansatte"/></cacheSource>'
            '<cacheFields count="1"><cacheField name="Navn" numFmtId="0"><sharedItems count="1">'
            f'<s v="{v["pivot cache item"]}"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>'),
        "xl/pivotCache/pivotCacheRecords1.xml": _xml(
            f'<pivotCacheRecords xmlns="{MAIN}" count="1"><r><s v="{v["pivot cache record"]}"/></r></pivotCacheRecords>'),
        "xl/externalLinks/externalLink1.xml": _xml(
            f'<externalLink xmlns="{MAIN}" xmlns:r="{RT}"><externalBook r:id="rId1"><sheetNames>'
            '<sheetName val="Liste"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1">'
            f'<cell r="A1" t="str"><v>{v["external link cache"]}</v></cell></row></sheetData></sheetDataSet>'
            '</externalBook></externalLink>'),
        "xl/revisions/revisionHeaders.xml": _xml(
            f'<headers xmlns="{MAIN}" guid="{{11111111-2222-3333-4444-555555555555}}">'
            f'<header guid="{{11111111-2222-3333-4444-555555555556}}" dateTime="2025-01-01T10:00:00" '
            f'maxSheetId="4" userName="{v["shared workbook change log"]}" r:id="rId1" xmlns:r="{RT}"/></headers>'),
        "docProps/custom.xml": _xml(
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Saksbehandler">'
            f'<vt:lpwstr>{v["custom property"]}</vt:lpwstr></property></Properties>'),
        "docProps/thumbnail.jpeg": jpeg_with_exif(v["thumbnail"]),
    }

    def add_drawing(data: bytes) -> bytes:
        return data.replace(b"<legacyDrawing", f'<drawing xmlns:r="{RT}" r:id="rIdDrawing1"/><legacyDrawing'.encode(), 1)

    def add_manager(data: bytes) -> bytes:
        return data.replace(b"</Properties>", f"<Manager>{v['app Manager']}</Manager></Properties>".encode())

    def add_abs_path(data: bytes) -> bytes:
        saved_in = (
            '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/'
            f'spreadsheetml/2010/11/ac" url="C:\\Users\\{v["saved-in folder (absPath)"]}\\Documents\\"/>'
            '</mc:Choice></mc:AlternateContent>')
        views = (f'<customWorkbookViews><customWorkbookView name="{v["custom view name"]} - Personlig visning" '
                 'guid="{22222222-3333-4444-5555-666666666666}" windowWidth="800" windowHeight="600" '
                 'activeSheetId="1"/></customWorkbookViews>')
        data = data.replace(b"<calcPr", views.encode() + b"<calcPr", 1)
        return data.replace(b"<bookViews>", saved_in.encode() + b"<bookViews>", 1)

    wb_rels = "xl/workbook.xml"
    edit_package(
        path,
        parts=parts,
        replace={"xl/worksheets/sheet1.xml": add_drawing, "docProps/app.xml": add_manager,
                 "xl/workbook.xml": add_abs_path},
        relationships=[
            (wb_rels, "rIdPerson", "http://schemas.microsoft.com/office/2017/10/relationships/person",
             "persons/person.xml", None),
            (wb_rels, "rIdPivot1", f"{RT}/pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml", None),
            (wb_rels, "rIdExt1", f"{RT}/externalLink", "externalLinks/externalLink1.xml", None),
            (wb_rels, "rIdRev", f"{RT}/revisionHeaders", "revisions/revisionHeaders.xml", None),
            ("xl/pivotCache/pivotCacheDefinition1.xml", "rId1", f"{RT}/pivotCacheRecords",
             "pivotCacheRecords1.xml", None),
            ("xl/externalLinks/externalLink1.xml", "rId1", f"{RT}/externalLinkPath",
             f"file:///C:/Users/{v['external link path']}/Documents/liste.xlsx", "External"),
            ("xl/worksheets/sheet1.xml", "rIdThreaded1", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
             "../threadedComments/threadedComment1.xml", None),
            ("xl/worksheets/sheet1.xml", "rIdDrawing1", f"{RT}/drawing", "../drawings/drawing1.xml", None),
            ("xl/drawings/drawing1.xml", "rId1", f"{RT}/image", "../media/image1.jpeg", None),
            ("", "rIdThumb", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
             "docProps/thumbnail.jpeg", None),
            ("", "rIdCustom", f"{RT}/custom-properties", "docProps/custom.xml", None),
        ],
        content_types={
            "xl/persons/person.xml": "application/vnd.ms-excel.person+xml",
            "xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
            "xl/drawings/drawing1.xml": ct + "drawing+xml",
            "xl/media/image1.jpeg": "image/jpeg",
            "xl/pivotCache/pivotCacheDefinition1.xml": ct + "spreadsheetml.pivotCacheDefinition+xml",
            "xl/pivotCache/pivotCacheRecords1.xml": ct + "spreadsheetml.pivotCacheRecords+xml",
            "xl/externalLinks/externalLink1.xml": ct + "spreadsheetml.externalLink+xml",
            "xl/revisions/revisionHeaders.xml": ct + "spreadsheetml.revisionHeaders+xml",
            "docProps/custom.xml": ct + "custom-properties+xml",
            "docProps/thumbnail.jpeg": "image/jpeg",
        },
    )


def plan_for(document, values) -> Plan:
    """One replacement per occurrence of a planted value in a segment, longest values first."""
    replacements = []
    for segment in document.segments:
        taken: list[tuple[int, int]] = []
        for value in sorted(values, key=len, reverse=True):
            start = segment.text.find(value)
            while start >= 0:
                end = start + len(value)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    label = f"[VALUE_{sorted(values).index(value) + 1}]"
                    replacements.append(Replacement(segment.id, start, end, value, label, label, "PERSON"))
                start = segment.text.find(value, end)
    return Plan(replacements)


def every_text(path: Path) -> str:
    return package_text(path, ADAPTER)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("xlsx") / "ansatte.xlsx")


@pytest.fixture(scope="module")
def sanitized(workbook, tmp_path_factory):
    document = ADAPTER.read(workbook)
    out = tmp_path_factory.mktemp("xlsx-out") / "ansatte.xlsx"
    ADAPTER.write(document, plan_for(document, PLANTED.values()), out)
    return document, out


def test_the_built_workbook_holds_every_value(workbook):
    text = every_text(workbook)
    stored_otherwise = {"picture Exif", "cell fødselsnummer (number, leading zero)"}  # binary; number 1019012345
    missing = [place for place, value in PLANTED.items() if value not in text and place not in stored_otherwise]
    assert not missing


def test_every_hiding_place_is_a_segment_or_removed(sanitized):
    document, _ = sanitized
    segment_text = "\n".join(segment.text for segment in document.segments)
    removed_places = {"thumbnail", "shared workbook change log", "picture Exif"}
    not_read = [place for place, value in PLANTED.items() if value not in segment_text and place not in removed_places]
    assert not not_read
    removed = {part.part for part in document.unscanned if part.removed}
    assert {"docProps/thumbnail.jpeg", "xl/revisions/revisionHeaders.xml"} <= removed


def test_no_value_is_left_anywhere_in_the_copy(sanitized):
    _, out = sanitized
    text = every_text(out)
    left = [place for place, value in PLANTED.items() if value in text]
    assert not left


def test_copy_opens_and_keeps_types_formats_and_layout(sanitized):
    _, out = sanitized
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Ansatte" and wb.sheetnames[2:] == ["Arkiv", "Data"]
    renamed = wb.sheetnames[1]
    assert "[" not in renamed and renamed.startswith("VALUE_")
    ws = wb["Ansatte"]
    assert ws["A2"].value.startswith("[VALUE_")
    assert ws["F2"].value == 1250.5 and ws["F2"].number_format == "#,##0.00"  # untouched number
    assert ws["C2"].value.startswith("[VALUE_") and ws["C2"].data_type == "s"  # number became text
    assert ws.column_dimensions["A"].width == 31
    assert ws.row_dimensions[4].hidden
    assert ws["G3"].value == f"='{renamed}'!A1&\" \"&SUM(F2:F4)"  # reference follows the renamed sheet
    assert wb.defined_names["lonn"].attr_text == f"'{renamed}'!$A$1"
    assert wb["Arkiv"].sheet_state == "hidden" and wb["Data"].sheet_state == "veryHidden"
    with zipfile.ZipFile(out) as package:
        names = set(package.namelist())
        assert "xl/drawings/drawing1.xml" in names  # shapes survive (openpyxl would drop them)
        assert b'refreshOnLoad="1"' in package.read("xl/pivotCache/pivotCacheDefinition1.xml")
        assert b"<mentions" not in package.read("xl/threadedComments/threadedComment1.xml")  # offsets changed
        assert "xl/revisions/revisionHeaders.xml" not in names
        assert b"revisionHeaders" not in package.read("xl/_rels/workbook.xml.rels")
        assert b"revisionHeaders" not in package.read("[Content_Types].xml")
        from screening.formats.ooxml import BLANK_JPEG
        assert package.read("docProps/thumbnail.jpeg") == BLANK_JPEG


def test_column_headers_give_entity_hints(sanitized):
    document, _ = sanitized
    hints = {s.location.details.get("cell"): s.entity_hint for s in document.segments
             if s.location.part == "xl/worksheets/sheet1.xml" and s.location.kind == "cell"}
    assert hints["A2"] == "PERSON" and hints["B2"] == "NO_FODSELSNUMMER"
    assert hints["C2"] == "PHONE_NUMBER" and hints["D2"] == "EMAIL_ADDRESS"
    assert hints["A1"] is None and hints["E2"] is None  # the header itself, a column without a telling header
    padded = document.segment("xl/worksheets/sheet1.xml#B3")
    assert padded.text == PLANTED["cell fødselsnummer (number, leading zero)"]  # leading zero restored


def test_cells_sharing_a_string_are_replaced_independently(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Tone Viken"])
    wb.active.append(["Tone Viken"])
    source = tmp_path / "shared.xlsx"
    wb.save(source)
    document = ADAPTER.read(source)
    first = document.segment("xl/worksheets/sheet1.xml#A1")
    plan = Plan([Replacement(first.id, 0, 10, "Tone Viken", "[PERSON_1]", "[PERSON_1]", "PERSON")])
    ADAPTER.write(document, plan, tmp_path / "one.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "one.xlsx").active
    assert (ws["A1"].value, ws["A2"].value) == ("[PERSON_1]", "Tone Viken")
    both = Plan(list(plan) + [Replacement("xl/worksheets/sheet1.xml#A2", 0, 10, "Tone Viken", "[PERSON_1]",
                                          "[PERSON_1]", "PERSON")])
    ADAPTER.write(ADAPTER.read(source), both, tmp_path / "both.xlsx")
    assert "Tone Viken" not in every_text(tmp_path / "both.xlsx")


def test_input_is_not_modified(workbook, sanitized):
    before = workbook.read_bytes()
    document = ADAPTER.read(workbook)
    ADAPTER.write(document, plan_for(document, PLANTED.values()), workbook.with_name("again.xlsx"))
    assert workbook.read_bytes() == before


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "encrypted"),
    (b"PK\x03\x04 broken", "not a valid XLSX"),
])
def test_broken_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        ADAPTER.read(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_copy(sanitized, tmp_path):
    _, out = sanitized
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=180,
    )
    pdf = tmp_path / "ansatte.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000


@pytest.fixture(scope="module")
def job():
    from screening.pipeline import Job

    return Job()


def test_screen_redact_end_to_end_leaves_no_value(job, workbook, tmp_path):
    out = tmp_path / "ansatte.xlsx"
    result = job.process(workbook, out_path=out)
    assert result.status == "ok" and result.verified, result.error
    text = every_text(out)
    assert not [place for place, value in PLANTED.items() if value in text]
    assert openpyxl.load_workbook(out).sheetnames[0] == "Ansatte"
    reported = {entry["part"] for entry in result.unscanned}
    assert {"docProps/thumbnail.jpeg", "xl/media/image1.jpeg"} <= reported


def test_a_defined_name_that_names_a_person_is_renamed_with_its_uses(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = 12000
    ws["B1"] = "=Gudrun_Lie_bonus*2"
    wb.defined_names["Gudrun_Lie_bonus"] = DefinedName("Gudrun_Lie_bonus", attr_text="Sheet!$A$1")
    source = tmp_path / "bonus.xlsx"
    wb.save(source)
    document = ADAPTER.read(source)
    (segment,) = [s for s in document.segments if s.location.kind == "defined_name"]
    assert segment.text == "Gudrun Lie bonus"  # underscores read as spaces, so the name can be found
    plan = Plan([Replacement(segment.id, 0, 10, "Gudrun Lie", "[PERSON_1]", "[PERSON_1]", "PERSON")])
    ADAPTER.write(document, plan, tmp_path / "out.xlsx")
    copy = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert "PERSON_1_bonus" in copy.defined_names
    assert copy.active["B1"].value == "=PERSON_1_bonus*2"
    assert "Gudrun" not in every_text(tmp_path / "out.xlsx")


def test_masked_copy_passes_verification(workbook, tmp_path):
    """Masked cells under a telling header ("S*** F********") are no longer hinted as that type."""
    from screening.pipeline import Job, Settings

    out = tmp_path / "masked.xlsx"
    result = Job(Settings(mode="mask")).process(workbook, out_path=out)
    assert result.status == "ok" and result.verified, result.error
    assert openpyxl.load_workbook(out)["Ansatte"]["A2"].value.startswith("S*")
