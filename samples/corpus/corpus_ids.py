"""Fictitious identifiers with valid check digits for the evaluation corpus.

Every number is computed from a made-up birth date or prefix and checked with python-stdnum (or the
project's own validators where stdnum has a gap). None of them is meant to belong to anyone.
"""

from __future__ import annotations

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.dk import cpr as std_cpr
from stdnum.dk import cvr as std_cvr
from stdnum.fi import hetu as std_hetu
from stdnum.is_ import kennitala as std_kennitala
from stdnum.no import fodselsnummer as std_fnr
from stdnum.no import kontonr as std_kontonr
from stdnum.no import orgnr as std_orgnr
from stdnum.se import personnummer as std_se

from recognizers import dk_cpr as own_cpr
from recognizers import no_fodselsnummer as own_fnr


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    """The mod 11 check digit (11 -> 0); None where the remainder makes the number impossible."""
    check = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return None if check == 10 else check % 11


def fodselsnummer(ddmmyy: str, individual: int) -> str:
    """First valid fødselsnummer from this date and individnummer upwards (D-nummer: day + 40)."""
    for number in range(individual, individual + 40):
        base = ddmmyy + f"{number:03d}"
        k1 = _mod11(base, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        if k1 is None:
            continue
        k2 = _mod11(base + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k2 is None:
            continue
        value = f"{base}{k1}{k2}"
        assert std_fnr.is_valid(value) and own_fnr.is_valid(value), value
        return value
    raise ValueError(ddmmyy)


def cpr(ddmmyy: str, serial: int, mod11: bool = True) -> str:
    """A CPR number DDMMYY-SSSS; with ``mod11`` the first serial that also passes the old mod 11 rule."""
    for number in range(serial, serial + 60):
        value = f"{ddmmyy}{number:04d}"
        if mod11 != own_cpr.mod11_ok(value):
            continue
        assert std_cpr.is_valid(value) and own_cpr.is_valid(value), value
        return f"{value[:6]}-{value[6:]}"
    raise ValueError(ddmmyy)


def orgnr(prefix: str) -> str:
    for tail in range(0, 100):
        base = f"{prefix}{tail:02d}"[:8]
        check = _mod11(base, (3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None and std_orgnr.is_valid(base + str(check)):
            value = base + str(check)
            return f"{value[:3]} {value[3:6]} {value[6:]}"
    raise ValueError(prefix)


def cvr(prefix: str) -> str:
    for tail in range(0, 10):
        base = f"{prefix[:6]}{tail}"
        check = -sum(int(d) * w for d, w in zip(base, (2, 7, 6, 5, 4, 3, 2))) % 11
        if check < 10 and std_cvr.is_valid(base + str(check)):
            return base + str(check)
    raise ValueError(prefix)


def kontonummer(prefix: str) -> str:
    """An account number NNNN.NN.NNNNN from a 4-digit bank register prefix and more digits."""
    for tail in range(0, 100):
        base = f"{prefix}{tail:02d}"[:10]
        check = _mod11(base, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None and std_kontonr.is_valid(base + str(check)):
            value = base + str(check)
            return f"{value[:4]}.{value[4:6]}.{value[6:]}"
    raise ValueError(prefix)


def iban(country: str, bban: str, grouped: bool = True) -> str:
    digits = "".join(c for c in bban if c.isalnum())
    check = std_iban.calc_check_digits(country + "00" + digits)
    value = std_iban.validate(country + check + digits)
    return std_iban.format(value) if grouped else value


def se_personnummer(yymmdd: str, serial: int) -> str:
    for number in range(serial, serial + 10):
        base = f"{yymmdd}{number:03d}"
        value = f"{yymmdd}-{number:03d}{luhn.calc_check_digit(base)}"
        if std_se.is_valid(value):
            return value
    raise ValueError(yymmdd)


def hetu(ddmmyy: str, sign: str, serial: int) -> str:
    alphabet = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    value = f"{ddmmyy}{sign}{serial:03d}{alphabet[int(ddmmyy + f'{serial:03d}') % 31]}"
    assert std_hetu.is_valid(value), value
    return value


def kennitala(ddmmyy: str, serial: int, century: str = "9") -> str:
    for number in range(serial, serial + 20):
        base = f"{ddmmyy}{number:02d}"
        check = _mod11(base, (3, 2, 7, 6, 5, 4, 3, 2))
        if check is None:
            continue
        value = f"{base}{check}{century}"
        if std_kennitala.is_valid(value):
            return f"{value[:6]}-{value[6:]}"
    raise ValueError(ddmmyy)


def card(prefix: str) -> str:
    base = prefix[:15]
    value = base + luhn.calc_check_digit(base)
    return " ".join(value[i:i + 4] for i in range(0, 16, 4))


def phone(text: str, region: str) -> str:
    """The number as written, after checking that it is a valid number of the region."""
    parsed = phonenumbers.parse(text, region)
    assert phonenumbers.is_valid_number(parsed), text
    return text
