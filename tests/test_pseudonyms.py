"""Stand-ins for --mode pseudonym: valid, of the same kind and language, stable per placeholder."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from recognizers import dk_cpr, dk_cvr, no_fodselsnummer, no_kontonummer, no_organisasjonsnummer
from screening.pseudonyms import (
    Pseudonymizer,
    _name_lists,
    cpr,
    cvr,
    fodselsnummer,
    kontonummer,
    organisasjonsnummer,
)


@pytest.mark.parametrize("seed", range(40))
def test_generated_numbers_pass_the_recognizers_validators(seed: int) -> None:
    rng = random.Random(seed)
    assert no_fodselsnummer.kind(fodselsnummer(rng)) == "fnr"
    assert no_fodselsnummer.kind(fodselsnummer(rng, d_number=True)) == "d"
    number = cpr(rng)
    assert dk_cpr.is_valid(number) and dk_cpr.mod11_ok(number)
    assert no_kontonummer.is_valid(kontonummer(rng))
    assert no_organisasjonsnummer.is_valid(organisasjonsnummer(rng))
    assert dk_cvr.is_valid(cvr(rng))


def test_same_placeholder_same_stand_in_and_layout_kept() -> None:
    maker = Pseudonymizer("job secret")
    fnr = maker.pseudonym("[NO_FODSELSNUMMER_1]", "NO_FODSELSNUMMER", "150765 00565", "nb")
    assert re.fullmatch(r"\d{6} \d{5}", fnr) and no_fodselsnummer.kind(fnr) == "fnr"
    assert maker.pseudonym("[NO_FODSELSNUMMER_1]", "NO_FODSELSNUMMER", "150765 00565", "nb") == fnr
    # Another spelling of the same number: the same digits in that spelling's layout.
    assert maker.pseudonym("[NO_FODSELSNUMMER_1]", "NO_FODSELSNUMMER", "15076500565", "nb") == fnr.replace(" ", "")
    number = maker.pseudonym("[DK_CPR_1]", "DK_CPR", "050451-0786", "da")
    assert re.fullmatch(r"\d{6}-\d{4}", number) and dk_cpr.is_valid(number) and number != "050451-0786"


def test_stand_ins_depend_on_the_job_secret_not_on_the_original() -> None:
    one = Pseudonymizer("first job").pseudonym("[PERSON_1]", "PERSON", "Kari Nordmann", "nb")
    two = Pseudonymizer("second job").pseudonym("[PERSON_1]", "PERSON", "Kari Nordmann", "nb")
    again = Pseudonymizer("first job").pseudonym("[PERSON_1]", "PERSON", "Kari Nordmann", "nb")
    assert one == again and one != two


def test_names_are_mapped_word_by_word_in_the_right_language_and_gender() -> None:
    maker = Pseudonymizer("job secret")
    full = maker.pseudonym("[PERSON_1]", "PERSON", "Kari Nordmann", "nb")
    first, last = full.split()
    women, _ = _name_lists("no_NO")
    assert first in women and "Kari" not in full and "Nordmann" not in full
    assert not last.endswith(("s", "x", "z"))
    assert maker.pseudonym("[PERSON_1]", "PERSON", "Nordmann", "nb") == last
    assert maker.pseudonym("[PERSON_1]", "PERSON", "K. Nordmann", "nb") == f"{first[0]}. {last}"
    danish = maker.pseudonym("[PERSON_2]", "PERSON", "Søren Jensen", "da")
    _, danish_men = _name_lists("da_DK")
    assert danish.split()[0] in danish_men
    assert maker.records()["[PERSON_1]"][1] == {full: "Kari Nordmann", last: "Nordmann", f"{first[0]}. {last}": "K. Nordmann"}


def test_phone_email_address() -> None:
    maker = Pseudonymizer("job secret")
    phone = maker.pseudonym("[PHONE_NUMBER_1]", "PHONE_NUMBER", "+47 412 55 983", "nb")
    assert phone.startswith("+47 ") and re.fullmatch(r"\+47 \d{3} \d{2} \d{3}", phone)
    assert phonenumbers.is_valid_number(phonenumbers.parse(phone))
    danish = maker.pseudonym("[PHONE_NUMBER_2]", "PHONE_NUMBER", "+45 20 12 34 56", "da")
    assert phonenumbers.region_code_for_number(phonenumbers.parse(danish)) == "DK"
    email = maker.pseudonym("[EMAIL_ADDRESS_1]", "EMAIL_ADDRESS", "kari.nordmann@firma.no", "nb")
    assert re.fullmatch(r"[a-z0-9._-]+@example\.(com|org|net)", email)
    address = maker.pseudonym("[ADDRESS_1]", "ADDRESS", "Storgata 12, 0155 Oslo", "nb")
    assert re.search(r", \d{4} \S", address) and "Storgata" not in address


def test_stand_ins_continue_from_the_vault_records() -> None:
    first = Pseudonymizer("job secret")
    full = first.pseudonym("[PERSON_1]", "PERSON", "Kari Nordmann", "nb")
    later = Pseudonymizer("job secret", first.records())
    assert later.pseudonym("[PERSON_1]", "PERSON", "Nordmann", "nb") == full.split()[1]
    assert later.is_stand_in("PERSON", full)
