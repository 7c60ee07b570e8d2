"""Redact -> translate -> restore for the other formats with adapters: XLSX, PPTX, PO, XLIFF 2, SDLXLIFF.

One job (one vault) covers all files, as an agency's job would; each file is then "translated" in the
way its tool does it (cells and text boxes retyped around the placeholders, a PO msgstr filled in,
XLIFF targets written around inline tags copied from the source) and restored.
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pptx
import pytest
from click.testing import CliRunner
from lxml import etree
from pptx.util import Inches

from screening.cli import main_group

ENV = {"SCREEN_VAULT_PASSPHRASE": "oversettelse-hemmelighet-42"}
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF1 = "urn:oasis:names:tc:xliff:document:1.2"
SENTENCE = "Søker: Kari Nordmann, telefon 412 55 983."

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgid "Kontakt Kari Nordmann på telefon 412 55 983."
msgstr ""
'''
XLIFF2_SOURCE = f'''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="{XLIFF2}" version="2.0" srcLang="nb-NO" trgLang="en-GB">
  <file id="f1"><unit id="u1"><segment><source>{SENTENCE}</source></segment></unit></file>
</xliff>
'''
SDLXLIFF_SOURCE = f'''<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="{XLIFF1}" version="1.2" sdl:version="1.0">
<file original="brev.docx" datatype="x-sdlfilterframework2" source-language="nb-NO" target-language="en-GB">
<header></header>
<body><trans-unit id="t1"><source>{SENTENCE}</source><seg-source><mrk mtype="seg" mid="1">{SENTENCE}</mrk></seg-source><target><mrk mtype="seg" mid="1"></mrk></target></trans-unit></body></file></xliff>
'''


def _write_inputs(inbox: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ansatte"
    sheet.append(["Navn", "Telefon", "Merknad"])
    sheet.append(["Kari Nordmann", "412 55 983", "Karis kontrakt er fornyet."])
    workbook.save(inbox / "ansatte.xlsx")
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Prosjektleder: Kari Nordmann"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(5), Inches(1))
    box.text_frame.text = "Ring Kari Nordmann på 412 55 983."
    deck.save(inbox / "møte.pptx")
    (inbox / "app.po").write_text(PO, encoding="utf-8")
    (inbox / "brev2.xlf").write_text(XLIFF2_SOURCE, encoding="utf-8")
    (inbox / "brev.sdlxliff").write_text(SDLXLIFF_SOURCE, encoding="utf-8")


@pytest.fixture(scope="module")
def job(tmp_path_factory, analyzer):
    """One redact run with a vault over all five files: (sanitized folder, folder for translations, root)."""
    root = tmp_path_factory.mktemp("formats")
    inbox = root / "in"
    inbox.mkdir()
    _write_inputs(inbox)
    result = CliRunner().invoke(main_group, ["redact", str(inbox), "--out", str(root / "sanitized"),
                                             "--vault", str(root / "job.vault"), "-q"], env=ENV)
    assert result.exit_code == 1, result.output
    report = json.loads((root / "sanitized" / "screening-report.json").read_text())
    assert all(f["status"] == "ok" for f in report["files"]), [f.get("error") for f in report["files"]]
    translated = root / "translated"
    translated.mkdir()
    return root / "sanitized", translated, root


def _restore(root: Path, path: Path):
    out = root / "restored"
    result = CliRunner().invoke(main_group, ["restore", str(path), "--vault", str(root / "job.vault"),
                                             "--out", str(out)], env=ENV)
    report = json.loads((out / "restore-report.json").read_text())
    return result, out / path.name, report["files"][0]


def _translate_package(source: Path, target: Path, strings: dict[str, str]) -> None:
    """Copy an OOXML package with strings of its XML parts replaced (each must be found)."""
    found = set()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                for old, new in strings.items():
                    if old in text:
                        found.add(old)
                        text = text.replace(old, new)
                data = text.encode("utf-8")
            out.writestr(info, data)
    assert found == set(strings), set(strings) - found


def _labels(text: str) -> tuple[str, str]:
    return re.search(r"\[PERSON_\d+\]", text).group(), re.search(r"\[PHONE_NUMBER_\d+\]", text).group()


def test_xlsx(job) -> None:
    sanitized, translated, root = job
    workbook = openpyxl.load_workbook(sanitized / "ansatte.xlsx")
    sheet = workbook["Ansatte"]
    person, phone = sheet["A2"].value, sheet["B2"].value
    assert PLACEHOLDER.fullmatch(person) and PLACEHOLDER.fullmatch(phone)
    assert sheet["C2"].value == f"{person}s kontrakt er fornyet."
    # A CAT tool changes the strings only (saving with openpyxl would also rewrite the document properties).
    _translate_package(sanitized / "ansatte.xlsx", translated / "ansatte.xlsx", {
        ">Merknad<": ">Remark<",
        f">{person}s kontrakt er fornyet.<": f">{person}'s contract has been renewed.<",
    })
    result, out, entry = _restore(root, translated / "ansatte.xlsx")
    assert result.exit_code == 0, result.output
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(out)["Ansatte"].iter_rows()]
    # (Whatever the engine replaced in the header row comes back too.)
    assert rows == [["Navn", "Telefon", "Remark"], ["Kari Nordmann", "412 55 983", "Kari's contract has been renewed."]]
    assert entry["status"] == "ok"


def test_pptx(job) -> None:
    sanitized, translated, root = job
    deck = pptx.Presentation(sanitized / "møte.pptx")
    title, box = [s for s in deck.slides[0].shapes if s.has_text_frame]
    person, phone = _labels(box.text_frame.text)
    title.text_frame.text = f"Project manager: {person}"
    box.text_frame.text = f"Call {person} on {phone}."
    deck.save(translated / "møte.pptx")
    result, out, entry = _restore(root, translated / "møte.pptx")
    assert result.exit_code == 0, result.output
    texts = [s.text_frame.text for s in pptx.Presentation(out).slides[0].shapes if s.has_text_frame]
    assert texts == ["Project manager: Kari Nordmann", "Call Kari Nordmann on 412 55 983."]


def test_po(job) -> None:
    sanitized, translated, root = job
    text = (sanitized / "app.po").read_text(encoding="utf-8")
    person, phone = _labels(text)
    text = text.replace('msgstr ""\n', f'msgstr "Contact {person} by phone on {phone}."\n')
    text = text.replace(f'msgstr "Contact {person} by phone on {phone}."\n"Content', 'msgstr ""\n"Content', 1)
    (translated / "app.po").write_text(text, encoding="utf-8")
    result, out, entry = _restore(root, translated / "app.po")
    assert result.exit_code == 0, result.output
    restored = out.read_text(encoding="utf-8")
    assert 'msgid "Kontakt Kari Nordmann på telefon 412 55 983."' in restored
    assert 'msgstr "Contact Kari Nordmann by phone on 412 55 983."' in restored
    assert not PLACEHOLDER.search(restored)


def test_xliff2(job) -> None:
    sanitized, translated, root = job
    tree = etree.parse(str(sanitized / "brev2.xlf"))
    segment = tree.find(f".//{{{XLIFF2}}}segment")
    person, phone = [copy.deepcopy(t) for t in segment.find(f"{{{XLIFF2}}}source").findall(f"{{{XLIFF2}}}ph")]
    assert person.get("disp").startswith("[PERSON_")
    target = etree.SubElement(segment, f"{{{XLIFF2}}}target")
    target.text = "Phone "
    phone.tail = " belongs to the applicant, "
    person.tail = "."
    target.extend([phone, person])
    tree.write(str(translated / "brev2.xlf"), xml_declaration=True, encoding="UTF-8")
    result, out, entry = _restore(root, translated / "brev2.xlf")
    assert result.exit_code == 0, result.output
    restored = etree.parse(str(out))
    assert "".join(restored.find(f".//{{{XLIFF2}}}source").itertext()) == SENTENCE
    assert "".join(restored.find(f".//{{{XLIFF2}}}target").itertext()) == \
        "Phone 412 55 983 belongs to the applicant, Kari Nordmann."
    assert restored.find(f".//{{{XLIFF2}}}ph") is None


def test_sdlxliff(job) -> None:
    sanitized, translated, root = job
    tree = etree.parse(str(sanitized / "brev.sdlxliff"))
    source = tree.find(f".//{{{XLIFF1}}}seg-source/{{{XLIFF1}}}mrk")
    person, phone = [copy.deepcopy(t) for t in source.findall(f"{{{XLIFF1}}}x")]
    assert person.get("id").startswith("pii-PERSON-")
    target = tree.find(f".//{{{XLIFF1}}}target/{{{XLIFF1}}}mrk")
    target.text = "Applicant: "
    person.tail = " (phone "
    phone.tail = ")."
    target.extend([person, phone])
    tree.write(str(translated / "brev.sdlxliff"), xml_declaration=True, encoding="utf-8")
    result, out, entry = _restore(root, translated / "brev.sdlxliff")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    restored = etree.fromstring(text.encode())
    assert "".join(restored.find(f".//{{{XLIFF1}}}target").itertext()) == "Applicant: Kari Nordmann (phone 412 55 983)."
    assert "".join(restored.find(f".//{{{XLIFF1}}}source").itertext()) == SENTENCE
    assert "pii-" not in text and "tag-defs" not in text


def test_damaged_pdf_is_refused_clearly(job, tmp_path: Path) -> None:
    # (PDF round trips: tests/test_restore_pdf.py.)
    _, _, root = job
    fake = tmp_path / "oversatt.pdf"
    fake.write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = CliRunner().invoke(main_group, ["restore", str(fake), "--vault", str(root / "job.vault"),
                                             "--out", str(tmp_path / "out")], env=ENV)
    assert result.exit_code == 3 and f"{fake}: damaged PDF" in result.output
