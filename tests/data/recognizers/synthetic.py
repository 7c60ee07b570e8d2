"""Fictitious Nordic identifiers with valid (or deliberately wrong) check digits.

Every value is drawn from a seeded random generator; none is taken from a register.
Used by make_sentences.py (the labelled set) and by the unit tests.
"""

from __future__ import annotations

import datetime
import random

import phonenumbers
from stdnum import iban, luhn

FNR_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
FNR_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


class Synth:
    def __init__(self, seed: int = 2024) -> None:
        self.r = random.Random(seed)

    # -- helpers ---------------------------------------------------------------------
    def date(self, start: int = 1935, end: int = 2012) -> datetime.date:
        first = datetime.date(start, 1, 1).toordinal()
        last = datetime.date(end, 12, 31).toordinal()
        return datetime.date.fromordinal(self.r.randint(first, last))

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    # -- Norway ----------------------------------------------------------------------
    @staticmethod
    def fnr_checks(nine: str) -> str | None:
        n = [int(c) for c in nine]
        k1 = (11 - sum(w * x for w, x in zip(FNR_W1, n)) % 11) % 11
        if k1 == 10:
            return None
        k2 = (11 - sum(w * x for w, x in zip(FNR_W2, n + [k1])) % 11) % 11
        if k2 == 10:
            return None
        return f"{nine}{k1}{k2}"

    def fnr(self, kind: str = "fnr") -> str:
        while True:
            if kind == "fh":
                number = self.fnr_checks(self.r.choice("89") + self.digits(8))
            else:
                d = self.date()
                if d.year >= 2000:
                    individual = self.r.randint(500, 999)
                else:
                    individual = self.r.randint(0, 499)
                day, month = d.day, d.month
                if kind == "d":
                    day += 40
                elif kind == "h":
                    month += 40
                elif kind == "tenor":
                    month += 80
                number = self.fnr_checks(f"{day:02d}{month:02d}{d.year % 100:02d}{individual:03d}")
            if number:
                return number

    def kontonr(self) -> str:
        weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        while True:
            ten = self.r.choice("1235679") + self.digits(9)
            check = (11 - sum(w * int(c) for w, c in zip(weights, ten)) % 11) % 11
            if check != 10:
                return ten + str(check)

    def orgnr(self) -> str:
        weights = (3, 2, 7, 6, 5, 4, 3, 2)
        while True:
            eight = self.r.choice("89") + self.digits(7)
            check = (11 - sum(w * int(c) for w, c in zip(weights, eight)) % 11) % 11
            if check != 10:
                return eight + str(check)

    # -- Denmark ---------------------------------------------------------------------
    def cpr(self, mod11: bool | None = None) -> str:
        while True:
            d = self.date(1940, 2012)
            yy = d.year % 100
            # 7th digit consistent with the century rule (2000-2012: 4-9; 1900s: 0-3).
            seventh = self.r.choice("456789" if d.year >= 2000 else "0123")
            number = f"{d.day:02d}{d.month:02d}{yy:02d}{seventh}{self.digits(3)}"
            ok = sum(w * int(c) for w, c in zip((4, 3, 2, 7, 6, 5, 4, 3, 2, 1), number)) % 11 == 0
            if mod11 is None or ok == mod11:
                return number

    def cvr(self) -> str:
        weights = (2, 7, 6, 5, 4, 3, 2)
        while True:
            seven = self.r.choice("123456789") + self.digits(6)
            check = (11 - sum(w * int(c) for w, c in zip(weights, seven)) % 11) % 11
            if check != 10:
                return seven + str(check)

    # -- Sweden, Finland, Iceland ------------------------------------------------------
    def se_pnr(self, samordning: bool = False) -> str:
        d = self.date(1940, 2010)
        day = d.day + 60 if samordning else d.day
        nine = f"{d.year % 100:02d}{d.month:02d}{day:02d}{self.digits(3)}"
        return f"{nine[:6]}-{nine[6:]}{luhn.calc_check_digit(nine)}"

    def fi_hetu(self) -> str:
        d = self.date(1940, 2010)
        sign = "-" if d.year < 2000 else "A"
        individual = f"{self.r.randint(2, 899):03d}"
        value = int(f"{d.day:02d}{d.month:02d}{d.year % 100:02d}{individual}")
        check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[value % 31]
        return f"{d.day:02d}{d.month:02d}{d.year % 100:02d}{sign}{individual}{check}"

    def kennitala(self) -> str:
        weights = (3, 2, 7, 6, 5, 4, 3, 2)
        while True:
            d = self.date(1940, 1999)
            eight = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}{self.r.randint(20, 99):02d}"
            check = (11 - sum(w * int(c) for w, c in zip(weights, eight)) % 11) % 11
            if check != 10:
                return f"{eight[:6]}-{eight[6:]}{check}9"

    # -- bank, cards -------------------------------------------------------------------
    def iban(self, country: str) -> str:
        bban = self.kontonr() if country == "NO" else self.digits(14)
        check = iban.calc_check_digits(f"{country}00{bban}")
        compact = f"{country}{check}{bban}"
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))

    def card(self) -> str:
        fifteen = "4" + self.digits(14)
        number = fifteen + luhn.calc_check_digit(fifteen)
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))

    # -- phones ------------------------------------------------------------------------
    def phone(self, region: str, style: str) -> str:
        while True:
            if region == "NO":
                national = self.r.choice(["9", "4"]) + self.digits(7) if style != "land" else self.r.choice(["22", "23", "55", "73"]) + self.digits(6)
            else:
                national = self.r.choice(["20", "21", "22", "26", "28", "30", "31", "40", "42", "50", "60", "61", "71", "32", "33", "35", "45", "86", "98"]) + self.digits(6)
            number = phonenumbers.parse(national, region)
            if phonenumbers.is_valid_number(number):
                break
        cc = "47" if region == "NO" else "45"
        n = national
        if region == "NO" and style in ("mobile", "intl"):
            grouped = f"{n[:3]} {n[3:5]} {n[5:]}"
        else:
            grouped = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
        return {
            "mobile": grouped,
            "land": grouped,
            "plain": n,
            "intl": f"+{cc} {grouped}",
            "intl_compact": f"+{cc}{n}",
            "idd": f"00{cc} {grouped}",
        }[style]
