"""Build the Office samples: a messy case memo (DOCX), a staff list (XLSX) and a meeting deck (PPTX).

Every person, number and address is made up for this project (the fødselsnumre have valid check digits
but belong to no one; phone numbers and e-mail domains are fictitious). Each file gets
``<file>.expected.json`` listing the values planted in it, which ``tests/test_samples.py`` checks are
gone from the redacted copy.

    .venv/bin/python samples/office/make_office_samples.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.comments import Comment
from pptx import Presentation
from pptx.util import Inches

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from ooxml_parts import add_docx_hiding_places, edit_package  # noqa: E402

FIXED = dt.datetime(2025, 3, 3, 9, 0, 0)

CLIENT, CLIENT_FNR, CLIENT_MAIL = "Jonas Eriksen", "15057810014", "jonas.eriksen@example.no"
CASE_WORKER, CASE_WORKER_MAIL = "Kari Solberg", "kari.solberg@oversett.example.no"
DOCTOR, OLD_PHONE, NEW_PHONE = "Mette Bakken", "412 34 567", "934 56 789"


def _expected(path: Path, entities: list[tuple[str, str]], note: str) -> None:
    data = {"note": note, "entities": [{"type": kind, "text": text} for kind, text in entities]}
    path.with_name(path.name + ".expected.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                                           encoding="utf-8")


def case_memo(path: Path) -> None:
    """A case memo sent for translation, as it arrives: tracked changes, a comment, a text box,
    footnote and endnote, a header with the case worker's name, a mail-merge field and its properties."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading("Saksnotat – søknad om tolketjenester", level=1)
    document.add_paragraph(f"Klient: {CLIENT}, fødselsnummer {CLIENT_FNR}, bosatt i Storgata 12, 0155 Oslo.")
    document.add_paragraph(f"Klienten ønsker svar per e-post til {CLIENT_MAIL}.")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for row, (label, value) in enumerate((("Saksbehandler", CASE_WORKER), ("Fastlege", DOCTOR))):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    document.sections[0].header.paragraphs[0].text = f"Saksbehandler: {CASE_WORKER} – fortrolig"
    document.sections[0].footer.paragraphs[0].text = "Oversettelsesbyrå Nord AS"
    properties = document.core_properties
    properties.author = properties.last_modified_by = CASE_WORKER
    properties.title = f"Saksnotat om {CLIENT}"
    properties.created = properties.modified = FIXED
    properties.revision = 3
    document.save(path)
    add_docx_hiding_places(path, {
        "deleted": f"tlf. {OLD_PHONE}", "deletion author": CASE_WORKER,
        "inserted": f"tlf. {NEW_PHONE}", "insertion author": CASE_WORKER,
        "moved": CLIENT, "move author": CASE_WORKER,
        "comment": f"Sjekk med {DOCTOR} om {CLIENT} trenger tolk også ved neste time.",
        "comment author": "Lars Vik", "comment account": "lars.vik@oversett.example.no",
        "footnote": f"Opplyst av fastlege {DOCTOR} i telefon.",
        "endnote": f"Se brev til {CLIENT} datert 3. mars 2025.",
        "text box": f"Kontaktperson: {CASE_WORKER}, tlf. {NEW_PHONE}",
        "text box (VML copy)": f"Kontaktperson: {CASE_WORKER}, tlf. {NEW_PHONE}",
        "shape alt text": f"Kontaktboks for {CASE_WORKER}", "VML alt text": f"Kontaktboks for {CASE_WORKER}",
        "content control": CLIENT, "content control alias": "Klientnavn", "content control tag": "klient",
        "list item": CASE_WORKER, "custom XML": CLIENT,
        "merge field": "Etternavn", "field code e-mail": CLIENT_MAIL, "field result": CLIENT,
        "hyperlink e-mail": CASE_WORKER_MAIL, "hyperlink tooltip": CASE_WORKER,
        "document variable": f"{CLIENT} ({CLIENT_FNR})",
        "mail merge source user": "kari.solberg", "template user": "kari.solberg",
        "company": "Oversettelsesbyrå Nord AS", "manager": "Lars Vik", "custom property": CASE_WORKER,
        "thumbnail": f"Saksnotat {CLIENT}",
    })
    _expected(path, [
        ("PERSON", CLIENT), ("NO_FODSELSNUMMER", CLIENT_FNR), ("EMAIL_ADDRESS", CLIENT_MAIL),
        ("PERSON", CASE_WORKER), ("EMAIL_ADDRESS", CASE_WORKER_MAIL), ("PERSON", DOCTOR),
        ("PERSON", "Lars Vik"), ("EMAIL_ADDRESS", "lars.vik@oversett.example.no"),
        ("PHONE_NUMBER", OLD_PHONE), ("PHONE_NUMBER", NEW_PHONE), ("ADDRESS", "Storgata 12"),
    ], "tracked deletion (old phone), insertion, move, comment + people.xml, footnote, endnote, text box "
       "(DrawingML + VML), content control bound to customXml, MERGEFIELD, HYPERLINK field, mailto: link, "
       "docVars, mail merge, attached template path, core/app/custom properties, thumbnail")


STAFF = [
    ("Ingrid Haugen", "01019010046", "481 22 301", "ingrid.haugen@example.no", "Løkkeveien 3, 4008 Stavanger", "Prosjektleder"),
    ("Mohammed Rahimi", "24068910095", "902 11 458", "m.rahimi@example.no", "Fjordgata 21, 7010 Trondheim", "Oversetter"),
    ("Sofie Lind", "03038510060", "413 90 772", "sofie.lind@example.no", "Bakkegata 8, 5015 Bergen", "Korrekturleser"),
    ("Henrik Dahle", "12077210081", "977 45 120", "henrik.dahle@example.no", "Elvegata 40, 9008 Tromsø", "Tolk"),
]


def staff_list(path: Path) -> None:
    """An agency's staff list with a hidden salary sheet, cell comments and the author in the properties."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ansatte"
    sheet.append(["Navn", "Fødselsnummer", "Telefon", "E-post", "Adresse", "Stilling"])
    for row in STAFF:
        sheet.append(list(row))
    for column, width in zip("ABCDEF", (22, 16, 14, 28, 32, 16)):
        sheet.column_dimensions[column].width = width
    sheet["A3"].comment = Comment(f"Permisjon til juni, vikar er {STAFF[2][0]}.", "Turid Nilsen")
    sheet.oddFooter.left.text = "Utarbeidet av Turid Nilsen"
    salaries = workbook.create_sheet("Lønn")
    salaries.append(["Ansatt", "Kontonummer", "Månedslønn"])
    for name, *_ in STAFF:
        salaries.append([name, "1503.12.34567" if name == STAFF[0][0] else "", 52000])
    salaries["C6"] = "=SUM(C2:C5)"
    salaries.sheet_state = "hidden"
    workbook.properties.creator = workbook.properties.lastModifiedBy = "Turid Nilsen"
    workbook.properties.created = workbook.properties.modified = FIXED
    workbook.save(path)
    # openpyxl stamps "modified" with the time of saving; the sample keeps a fixed one, and fixed zip times
    edit_package(path, replace={"docProps/core.xml": lambda data: re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-03-03T09:00:00Z", data)})
    entities = [("PERSON", "Turid Nilsen")]
    for name, fnr, phone, mail, address, _ in STAFF:
        entities += [("PERSON", name), ("NO_FODSELSNUMMER", fnr), ("PHONE_NUMBER", phone),
                     ("EMAIL_ADDRESS", mail), ("ADDRESS", address)]
    _expected(path, entities, "headed columns (Navn, Fødselsnummer, Telefon, E-post, Adresse), hidden sheet "
                              "with salaries, legacy comment and its author, footer, properties")


def meeting_deck(path: Path) -> None:
    """Slides from a project meeting with speaker notes that name the people involved."""
    deck = Presentation()
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = "Oppstartsmøte – oversettelse av pasientbrosjyre"
    title.placeholders[1].text = f"Kontakt: {CASE_WORKER_MAIL}"
    title.notes_slide.notes_text_frame.text = f"Husk å takke {DOCTOR} for faglig gjennomgang."
    plan = deck.slides.add_slide(deck.slide_layouts[1])
    plan.shapes.title.text = "Fremdrift"
    plan.placeholders[1].text = "Oversettelse uke 12\nKorrektur uke 13\nLevering uke 14"
    plan.notes_slide.notes_text_frame.text = (
        f"Ingrid Haugen leder prosjektet. Ved spørsmål, ring henne på {STAFF[0][2]}.")
    team = deck.slides.add_slide(deck.slide_layouts[5])
    team.shapes.title.text = "Prosjektgruppe"
    table = team.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(1.5)).table
    for row, (name, *_, role) in enumerate(STAFF[:3]):
        table.cell(row, 0).text, table.cell(row, 1).text = name, role
    deck.core_properties.author = deck.core_properties.last_modified_by = "Ingrid Haugen"
    deck.core_properties.created = deck.core_properties.modified = FIXED
    deck.save(path)
    edit_package(path)
    _expected(path, [
        ("EMAIL_ADDRESS", CASE_WORKER_MAIL), ("PERSON", DOCTOR), ("PERSON", STAFF[0][0]), ("PHONE_NUMBER", STAFF[0][2]),
        ("PERSON", STAFF[1][0]), ("PERSON", STAFF[2][0]),
    ], "speaker notes, a table of names, properties")


def main() -> None:
    case_memo(HERE / "saksnotat.docx")
    staff_list(HERE / "ansattliste.xlsx")
    meeting_deck(HERE / "prosjektmote.pptx")


if __name__ == "__main__":
    main()
