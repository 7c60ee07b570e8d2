"""DOCX body, tables and headers: a value split over runs is found and replaced, formatting kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from screening.document import FormatError, Plan, Replacement
from screening.formats.docx import ADAPTER


def _split_name_docx(path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Søker: ")
    for text, style in (("Ola ", "bold"), ("Nord", "italic"), ("mann", "underline")):
        run = paragraph.add_run(text)
        setattr(run, style, True)
    paragraph.add_run(" sendte søknaden.")
    cell = document.add_table(rows=1, cols=2).cell(0, 1).paragraphs[0]
    for text, bold in (("Kari ", False), ("Nord", True), ("mann", False)):
        cell.add_run(text).bold = bold
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Saksbehandler: ")
    header.add_run("Per ").italic = True
    header.add_run("Hansen")
    document.save(path)


def _replace(document, needle: str, label: str) -> list[Replacement]:
    replacements = []
    for segment in document.segments:
        position = segment.text.find(needle)
        if position >= 0:
            replacements.append(Replacement(segment.id, position, position + len(needle), needle, label, label, "PERSON"))
    return replacements


def test_name_split_over_three_runs_in_body_table_and_header(tmp_path: Path) -> None:
    source = tmp_path / "split.docx"
    _split_name_docx(source)
    document = ADAPTER.read(source)
    texts = {segment.location.kind: segment.text for segment in document.segments}
    assert texts["body"] == "Søker: Ola Nordmann sendte søknaden."
    assert texts["table"] == "Kari Nordmann"
    assert texts["header"] == "Saksbehandler: Per Hansen"

    plan = Plan(
        _replace(document, "Ola Nordmann", "[PERSON_1]")
        + _replace(document, "Kari Nordmann", "[PERSON_2]")
        + _replace(document, "Per Hansen", "[PERSON_3]")
    )
    out = tmp_path / "out.docx"
    ADAPTER.write(document, plan, out)

    copy = docx.Document(out)
    runs = [(run.text, run.bold, run.italic, run.underline) for run in copy.paragraphs[0].runs]
    assert runs[1] == ("[PERSON_1]", True, None, None)  # the placeholder takes the first run's formatting
    assert runs[2][0] == "" and runs[2][2] is True and runs[3][0] == "" and runs[3][3] is True
    assert copy.paragraphs[0].text == "Søker: [PERSON_1] sendte søknaden."
    assert copy.tables[0].cell(0, 1).text == "[PERSON_2]"
    assert copy.sections[0].header.paragraphs[0].text == "Saksbehandler: [PERSON_3]"
    with zipfile.ZipFile(out) as package:
        everything = b"".join(package.read(name) for name in package.namelist())
    for value in (b"Nordmann", b"Hansen", b"Nord"):
        assert value not in everything


def test_unchanged_parts_are_copied_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "split.docx"
    _split_name_docx(source)
    document = ADAPTER.read(source)
    out = tmp_path / "out.docx"
    ADAPTER.write(document, Plan(_replace(document, "Per Hansen", "[PERSON_3]")), out)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        assert before.read("word/styles.xml") == after.read("word/styles.xml")
        assert before.read("word/document.xml") == after.read("word/document.xml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "not a valid DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "encrypted"),
        (b"", "empty file"),
    ],
)
def test_bad_docx_gives_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.docx"
    source.write_bytes(content)
    with pytest.raises(FormatError, match=message) as error:
        ADAPTER.read(source)
    assert "\n" not in str(error.value) and str(source) in str(error.value)


def test_zip_without_document_part_is_not_docx(tmp_path: Path) -> None:
    source = tmp_path / "other.docx"
    with zipfile.ZipFile(source, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(FormatError, match="word/document.xml is missing"):
        ADAPTER.read(source)
