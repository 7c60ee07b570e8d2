"""Builds the DOCX samples of samples/ (run: python samples/make_samples.py). All people and numbers are made up.

The fødselsnummer, CPR and account numbers have valid check digits but belong to no one we know of.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def employment_contract(path: Path) -> list[dict[str, str]]:
    document = docx.Document()
    document.core_properties.author = ""
    document.sections[0].header.paragraphs[0].text = "Fjordkraft Industri AS – Personalavdelingen – saksbehandler Henrik Aas"
    document.add_heading("ARBEIDSAVTALE", level=1)
    intro = document.add_paragraph("Mellom Fjordkraft Industri AS (org.nr. 923 609 016) og ")
    first = intro.add_run("Kristoffer ")
    first.bold = True
    last = intro.add_run("Nilsen")
    last.bold = True
    last.italic = True
    intro.add_run(" er det inngått følgende avtale om fast ansettelse.")
    table = document.add_table(rows=5, cols=2)
    table.style = "Table Grid"
    rows = [
        ("Navn", "Kristoffer Nilsen"),
        ("Fødselsnummer", "110992 45710"),
        ("Adresse", "Løkkeveien 7, 4008 Stavanger"),
        ("Mobil", "+47 934 12 876"),
        ("Kontonummer", "1503.12.34562"),
    ]
    for row, (label, value) in zip(table.rows, rows):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph(
        "Stillingen er som prosessoperatør med tiltredelse 1. september 2024. Prøvetiden er seks måneder. "
        "Kristoffers nærmeste leder er driftssjef Anne-Lise Øverby."
    )
    closing = document.add_paragraph("Stavanger, 14. august 2024")
    closing.runs[0].font.size = Pt(10)
    document.add_paragraph("Anne-Lise Øverby, driftssjef")
    document.save(path)
    return [
        {"type": "PERSON", "text": "Henrik Aas"},
        {"type": "PERSON", "text": "Kristoffer Nilsen"},
        {"type": "NO_FODSELSNUMMER", "text": "110992 45710"},
        {"type": "ADDRESS", "text": "Løkkeveien 7, 4008 Stavanger"},
        {"type": "PHONE_NUMBER", "text": "+47 934 12 876"},
        {"type": "NO_KONTONUMMER", "text": "1503.12.34562"},
        {"type": "PERSON", "text": "Anne-Lise Øverby"},
    ]


def insurance_claim(path: Path) -> list[dict[str, str]]:
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Skadeanmeldelse behandlet af Jonas Friis Holm, tlf. 33 12 45 67"
    document.add_heading("Skadeanmeldelse – indbrud", level=1)
    document.add_paragraph("Forsikringstager: Camilla Juul Mortensen, CPR-nr. 050612-4000")
    document.add_paragraph("Adresse: Vesterbrogade 41, 1620 København V")
    document.add_paragraph(
        "Natten til den 12. januar blev der begået indbrud i lejligheden. Camilla Juul Mortensen opdagede "
        "indbruddet om morgenen og kontaktede politiet. Hendes datter Freja var hjemme."
    )
    document.add_paragraph("Kontakt: camilla.mortensen@eksempel-mail.dk eller 28 91 03 44.")
    document.save(path)
    return [
        {"type": "PERSON", "text": "Jonas Friis Holm"},
        {"type": "PHONE_NUMBER", "text": "33 12 45 67"},
        {"type": "PERSON", "text": "Camilla Juul Mortensen"},
        {"type": "DK_CPR", "text": "050612-4000"},
        {"type": "ADDRESS", "text": "Vesterbrogade 41, 1620 København V"},
        {"type": "PERSON", "text": "Freja"},
        {"type": "EMAIL_ADDRESS", "text": "camilla.mortensen@eksempel-mail.dk"},
        {"type": "PHONE_NUMBER", "text": "28 91 03 44"},
    ]


def main() -> None:
    for relative, builder, language in (
        ("nb/arbeidsavtale.docx", employment_contract, "nb"),
        ("da/skadeanmeldelse.docx", insurance_claim, "da"),
    ):
        path = HERE / relative
        entities = builder(path)
        expected = {"language": language, "entities": entities}
        path.with_name(path.name + ".expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
