"""Formulas, sheet references, header codes and column headers of spreadsheets, as the XLSX adapter
reads them (pure functions: no workbook needed)."""

from __future__ import annotations

import pytest

from screening.formats.xlsx_formulas import (
    header_footer_display,
    literal_display,
    rename_sheet_references,
    valid_sheet_name,
)
from screening.formats.xlsx_headers import entity_for_header


def test_only_string_literals_are_shown_to_the_analysis():
    formula = 'IF(A2="Kari Nordmann";VLOOKUP(B2;Ansatte!A:C;2);"ukjent ""x""")'
    shown = literal_display(formula)
    assert len(shown) == len(formula)
    assert shown.split() == ["Kari", "Nordmann", 'ukjent', '""x""']
    assert "VLOOKUP" not in shown and "Ansatte" not in shown


def test_header_codes_are_blanked_with_the_same_length():
    text = '&L&"Arial,Bold"&14Lønnsliste for Kari Nordmann&RSide &P av &N&&co'
    shown = header_footer_display(text)
    assert len(shown) == len(text)
    assert "Kari Nordmann" in shown and "&L" not in shown and "Arial" not in shown and "& co" in shown


@pytest.mark.parametrize("formula, expected", [
    ("'Kari Nordmann'!A1", "'PERSON_1'!A1"),
    ("SUM('Kari Nordmann'!B2:B9)*2", "SUM('PERSON_1'!B2:B9)*2"),
    ("Kari!A1+Karina!A1", "'PERSON_2'!A1+Karina!A1"),
    ('"Kari!A1"&Kari!B1', '"Kari!A1"&\'PERSON_2\'!B1'),  # a literal is text, not a reference
    ("'Ola''s liste'!C3", "'PERSON_3'!C3"),
    ("[1]Kari!A1", "[1]Kari!A1"),  # a sheet of another workbook
])
def test_references_follow_renamed_sheets(formula, expected):
    renames = {"Kari Nordmann": "PERSON_1", "Kari": "PERSON_2", "Ola's liste": "PERSON_3"}
    assert rename_sheet_references(formula, renames) == expected


def test_new_sheet_names_are_legal_and_unique():
    assert valid_sheet_name("[PERSON_1]", set()) == "PERSON_1"
    assert valid_sheet_name("[PERSON_1]", {"person_1"}) == "PERSON_1 (2)"
    assert len(valid_sheet_name("Lønn for [PERSON_12] og [PERSON_13] i 2025", set())) <= 31


@pytest.mark.parametrize("header, entity", [
    ("Navn", "PERSON"), ("Fullt navn", "PERSON"), ("Namn", "PERSON"), ("Etternavn", "PERSON"),
    ("Fødselsnummer", "NO_FODSELSNUMMER"), ("Fødselsnr.", "NO_FODSELSNUMMER"), ("CPR-nummer", "DK_CPR"),
    ("CPR nr.", "DK_CPR"), ("Telefon", "PHONE_NUMBER"), ("Tlf.", "PHONE_NUMBER"), ("Mobil nr", "PHONE_NUMBER"),
    ("E-post", "EMAIL_ADDRESS"), ("E-mail", "EMAIL_ADDRESS"), ("Adresse", "ADDRESS"), ("Bopæl", "ADDRESS"),
    ("Fødselsdato", "DATE_OF_BIRTH"), ("Firmanavn", None), ("Filnavn", None), ("Beløp", None), ("", None),
])
def test_column_headers(header, entity):
    assert entity_for_header(header) == entity


def test_uses_of_a_renamed_defined_name_follow_it():
    from screening.formats.xlsx_formulas import rename_defined_names, valid_defined_name

    formula = "SUM(Kari_lonn)+Ark1!Kari_lonn+\"Kari_lonn\"+'Kari_lonn'!A1+kari_LONN*2+Kari_lonn2"
    assert rename_defined_names(formula, {"Kari_lonn": "PERSON_1_lonn"}) == (
        "SUM(PERSON_1_lonn)+Ark1!PERSON_1_lonn+\"Kari_lonn\"+'Kari_lonn'!A1+PERSON_1_lonn*2+Kari_lonn2")
    assert valid_defined_name("[PERSON_1] lonn", set()) == "PERSON_1_lonn"
    assert valid_defined_name("[AB12]", set()) == "_AB12"  # would read as a cell reference
    assert valid_defined_name("lonn", {"LONN"}) == "lonn_2"
