"""Child signals: age from birth dates and identifiers, and child words with their traps."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.dk import cpr
from stdnum.no import fodselsnummer

from recognizers.special.children import (
    CHILD_AGE_LIMIT,
    age_on,
    child_data,
    child_signals,
    find_child_signals,
    is_child,
)

SCREENING_DAY = date(2026, 12, 1)


def _fodselsnummer(birth: date, individual: int) -> str:
    """A fictitious fødselsnummer with valid check digits (mod 11)."""
    digits = [int(c) for c in f"{birth:%d%m%y}{individual:03d}"]
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        check = 11 - sum(w * d for w, d in zip(weights, digits)) % 11
        if check == 10:
            raise ValueError("no valid number with this individual number")
        digits.append(0 if check == 11 else check)
    return "".join(map(str, digits))


def test_age_on_birthdays_and_leap_days() -> None:
    assert CHILD_AGE_LIMIT == 16
    assert age_on(date(2010, 12, 1), SCREENING_DAY) == 16
    assert age_on(date(2010, 12, 2), SCREENING_DAY) == 15
    assert age_on(date(2012, 2, 29), date(2028, 2, 28)) == 15
    assert age_on(date(2012, 2, 29), date(2028, 2, 29)) == 16
    with pytest.raises(ValueError):
        age_on(date(2030, 1, 1), SCREENING_DAY)


def test_birth_dates_decoded_from_identifiers() -> None:
    child = _fodselsnummer(date(2014, 5, 17), 512)  # individnummer 500-999 with year < 40: 2000s
    assert fodselsnummer.is_valid(child)
    assert is_child(fodselsnummer.get_birth_date(child), SCREENING_DAY)
    adult = _fodselsnummer(date(1985, 5, 17), 123)
    assert not is_child(fodselsnummer.get_birth_date(adult), SCREENING_DAY)
    assert is_child(cpr.get_birth_date("120314-4123"), SCREENING_DAY)  # 7th digit 4, year 14: 2014
    assert not is_child(cpr.get_birth_date("120390-1123"), SCREENING_DAY)


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        ("Barnet ble hentet av faren.", "nb", "child word: barnet"),
        ("Eleven leverte oppgaven for sent.", "nb", "child word: eleven"),
        ("Søkeren er mindreårig.", "nb", "child word: mindreårig"),
        ("Fosterbarnet flytter i mars.", "nb", "child word: fosterbarnet"),
        ("Hun går i barnehagen på Tøyen.", "nb", "child word: barnehagen"),
        ("Tilbudet gjelder ungdom under 16 år.", "nb", "under 16 years (generic)"),
        ("Ola er 12 år gammel.", "nb", "age 12"),
        ("Ola (7) og søsteren hans var hjemme.", "nb", "age 7"),
        ("Han går i 4. klasse.", "nb", "age 9"),
        ("Barnet er født 14.02.2016.", "nb", "born 2016-02-14: age 10 on 2026-12-01"),
        ("Eleven er 13 år gammel.", "da", "age 13"),
        ("Drengen blev født den 3. maj 2015.", "da", "born 2015-05-03: age 11 on 2026-12-01"),
        ("The pupil, aged 12, was absent.", "en", "age 12"),
        ("The child was seen by a nurse.", "en", "child word: child"),
        ("She is a minor who lives with her aunt.", "en", "child word: minor"),
        ("Date of birth: 2 May 2013.", "en", "born 2013-05-02: age 13 on 2026-12-01"),
    ],
)
def test_child_signals(text: str, language: str, reason: str) -> None:
    reasons = {found for _, _, found in find_child_signals(text, language, SCREENING_DAY)}
    assert reason in reasons, reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Barnehagelæreren Kari Hansen begynte i august.", "nb"),
        ("Saken ligger hos Barne- og familiedepartementet.", "nb"),
        ("Hun er barnelege på Ullevål.", "nb"),
        ("Han søkte om barnetrygd.", "nb"),
        ("Ola er 45 år gammel.", "nb"),
        ("Han ble født 12.03.1980.", "nb"),
        ("Vi har levert oversettelsen på 5 år.", "nb"),
        ("Børnehavepædagogen holdt fri.", "da"),
        ("She works as a childcare worker.", "en"),
        ("He suffered a minor injury.", "en"),
        ("The Children's Commissioner published a report.", "en"),
        ("Born on 12 March 1975.", "en"),
        ("Tilbudet gjelder voksne under 67 år.", "nb"),
    ],
)
def test_adults_institutions_and_traps_are_not_children(text: str, language: str) -> None:
    assert find_child_signals(text, language, SCREENING_DAY) == []


def test_future_birth_dates_are_ignored_and_offsets_point_at_the_signal() -> None:
    text = "Termin: født 01.01.2030. Eleven heter Ola."
    signals = child_signals(text, "nb", SCREENING_DAY)
    assert [(text[s.start : s.end], s.reason) for s in signals] == [("Eleven", "child word: eleven")]


def test_child_data_counts_specific_signals_and_identifiers_only() -> None:
    leaflet = "Legemiddelet skal oppbevares utilgjengelig for barn. Ikke egnet for barn under 12 år."
    assert child_data(leaflet, "nb", SCREENING_DAY) == (False, [])
    assert child_data("Keep out of the reach of children.", "en", SCREENING_DAY) == (False, [])
    assert child_data("Barnet er innlagt.", "nb", SCREENING_DAY) == (True, ["child word: barnet"])
    assert child_data("The child was seen by a nurse.", "en", SCREENING_DAY)[0]
    found, reasons = child_data("Ingen ord om alder.", "nb", SCREENING_DAY, [date(2014, 5, 17), date(1980, 1, 1)])
    assert found and reasons == ["identifier of a person born 2014-05-17: age 12 on 2026-12-01"]
    assert child_data("Ingen ord om alder.", "nb", SCREENING_DAY, [date(1980, 1, 1)]) == (False, [])
