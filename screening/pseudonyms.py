"""Made-up stand-ins for ``--mode pseudonym``: realistic values of the same kind and language.

A translator reads "Jonas Berg" where the customer wrote "Kari Nordmann" and translates a natural
sentence; `screen restore` puts the original back from the vault. Per placeholder (one person, one
number) the stand-in is the same everywhere in the job, and it is derived from the job's secret and the
placeholder, never from the original, so two jobs give the same person unrelated stand-ins.

- Names: Faker's no_NO, da_DK or en names (by the segment's language), the gender of the first name
  kept where the name lists know it, never a function word ("Per", "Bo") or a name of under three
  letters, which restore could not tell from the translation's own words. Names are mapped word by word, so the person called "Nordmann" or
  "K. Nordmann" elsewhere becomes "Berg" or "J. Berg"; stand-ins never end in s, x or z, so that a
  genitive ending added after them stays unambiguous.
- Fødselsnummer (and D-nummer), CPR (date rule and mod 11), kontonummer, organisasjonsnummer, CVR and
  IBAN: random digits with valid check digits, checked with the validators of the ``recognizers``
  package; written in the layout of the original ("150786 12345", "150786-1234"). They are made up,
  not reserved test numbers: a made-up valid number can belong to someone, which is why restore, not
  the translator, is the only place the stand-ins are resolved.
- Phone numbers: a valid Norwegian or Danish number (``phonenumbers``) of the original's country,
  in the original's layout (country code and spacing kept).
- E-mail addresses: a Faker user name at example.com / example.org / example.net (RFC 2606).
- Addresses: a Faker street address of the locale, with a postcode and town when the original has one.
- Anything else: the same shape with other letters and digits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import random
import re
import string
from functools import lru_cache
from typing import Callable, Mapping

import phonenumbers
from faker import Faker

import recognizers
from recognizers import dk_cpr, dk_cvr, no_fodselsnummer, no_kontonummer, no_organisasjonsnummer

_LOCALES = {"nb": "no_NO", "nn": "no_NO", "da": "da_DK", "en": "en"}
_TYPE_LOCALES = {"NO_": "no_NO", "DK_": "da_DK"}
_INITIAL = re.compile(r"^\w\.?$")
_WORD = re.compile(r"[^\s]+")
_MAX_ATTEMPTS = 50


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Function words of the three languages: a stand-in "Per" or "Bo" would be restored inside "Per the contract"."""
    from spacy.lang.da.stop_words import STOP_WORDS as DANISH
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.nb.stop_words import STOP_WORDS as NORWEGIAN

    return frozenset(DANISH | ENGLISH | NORWEGIAN)


@lru_cache(maxsize=None)
def _faker(locale: str) -> Faker:
    return Faker(locale)


@lru_cache(maxsize=None)
def _name_lists(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    """(female, male) first names of a Faker locale."""
    provider = _faker(locale).provider("faker.providers.person")
    return frozenset(getattr(provider, "first_names_female", ())), frozenset(getattr(provider, "first_names_male", ()))


def _locale(entity_type: str, language: str | None) -> str:
    for prefix, locale in _TYPE_LOCALES.items():
        if entity_type.startswith(prefix):
            return locale
    return _LOCALES.get((language or "nb").split("-")[0].lower(), "no_NO")


def _with_digits(layout: str, new_digits: str) -> str:
    """``layout`` with its last ``len(new_digits)`` digits replaced: "+47 412 55 983" keeps "+47 "."""
    positions = [i for i, c in enumerate(layout) if c.isdigit()]
    if len(positions) < len(new_digits):
        return new_digits
    chars = list(layout)
    for position, digit in zip(positions[len(positions) - len(new_digits):], new_digits):
        chars[position] = digit
    return "".join(chars)


def _mod11_digit(numbers: str, weights: tuple[int, ...]) -> int | None:
    """The check digit that makes the weighted sum divisible by 11 (None when it would be 10)."""
    remainder = sum(w * int(n) for w, n in zip(weights, numbers)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def _random_date(rng: random.Random, first: int = 1940, last: int = 2005) -> dt.date:
    start, end = dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def fodselsnummer(rng: random.Random, d_number: bool = False) -> str:
    """A made-up, valid fødselsnummer (or D-nummer): a real date, the individnummer of its century."""
    for _ in range(_MAX_ATTEMPTS):
        born = _random_date(rng)
        individual = rng.randint(0, 499) if born.year < 2000 else rng.randint(500, 999)
        day = born.day + (40 if d_number else 0)
        head = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
        k1 = _mod11_digit(head, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        if k1 is None:
            continue
        k2 = _mod11_digit(head + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k2 is None:
            continue
        number = f"{head}{k1}{k2}"
        if no_fodselsnummer.kind(number) == ("d" if d_number else "fnr"):
            return number
    raise RuntimeError("no fødselsnummer found")  # pragma: no cover - about 1 in 1.2 attempts fails


def cpr(rng: random.Random) -> str:
    """A made-up CPR number: a real date, the 7th digit of its century, and a valid mod 11."""
    for _ in range(_MAX_ATTEMPTS):
        born = _random_date(rng)
        seventh = rng.randint(0, 3) if born.year < 2000 else rng.choice((4, 9))
        if born.year >= 2000 and born.year % 100 > 36:
            continue
        head = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{seventh}{rng.randint(0, 99):02d}"
        check = _mod11_digit(head, (4, 3, 2, 7, 6, 5, 4, 3, 2))
        if check is None:
            continue
        number = head + str(check)
        if dk_cpr.is_valid(number) and dk_cpr.mod11_ok(number) and dk_cpr.birth_date(number) == born:
            return number
    raise RuntimeError("no CPR number found")  # pragma: no cover


def kontonummer(rng: random.Random) -> str:
    for _ in range(_MAX_ATTEMPTS):
        head = str(rng.randint(1000, 9999)) + "".join(rng.choice(string.digits) for _ in range(6))
        check = _mod11_digit(head, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None and no_kontonummer.is_valid(head + str(check)):
            return head + str(check)
    raise RuntimeError("no kontonummer found")  # pragma: no cover


def organisasjonsnummer(rng: random.Random) -> str:
    for _ in range(_MAX_ATTEMPTS):
        head = rng.choice("89") + "".join(rng.choice(string.digits) for _ in range(7))
        check = _mod11_digit(head, (3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None and no_organisasjonsnummer.is_valid(head + str(check)):
            return head + str(check)
    raise RuntimeError("no organisasjonsnummer found")  # pragma: no cover


def cvr(rng: random.Random) -> str:
    for _ in range(_MAX_ATTEMPTS):
        head = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(6))
        check = _mod11_digit(head, (2, 7, 6, 5, 4, 3, 2))
        if check is not None and dk_cvr.is_valid(head + str(check)):
            return head + str(check)
    raise RuntimeError("no CVR number found")  # pragma: no cover


def phone_digits(rng: random.Random, region: str) -> str:
    """The 8 national digits of a valid Norwegian (mobile: 4/9...) or Danish number."""
    leading = "49" if region == "NO" else "23456789"
    for _ in range(_MAX_ATTEMPTS * 4):
        national = rng.choice(leading) + "".join(rng.choice(string.digits) for _ in range(7))
        number = phonenumbers.parse(national, region)
        if phonenumbers.is_valid_number(number):
            return national
    raise RuntimeError("no phone number found")  # pragma: no cover


def same_shape(rng: random.Random, value: str) -> str:
    """Other letters and digits in the same places: "AB 12345" -> "QF 80316"."""
    out = []
    for char in value:
        if char.isdigit():
            out.append(rng.choice(string.digits))
        elif char.isalpha():
            letter = rng.choice(string.ascii_lowercase)
            out.append(letter.upper() if char.isupper() else letter)
        else:
            out.append(char)
    return "".join(out)


def _phone(rng: random.Random, original: str, language: str | None) -> str:
    region = "DK" if language == "da" else "NO"
    try:
        parsed = phonenumbers.parse(original, region)
        region = phonenumbers.region_code_for_number(parsed) or region
    except phonenumbers.NumberParseException:
        pass
    if region not in ("NO", "DK"):
        return same_shape(rng, original)
    return _with_digits(original, phone_digits(rng, region))


def _iban(rng: random.Random, original: str) -> str:
    from stdnum import iban

    compact = re.sub(r"\s", "", original).upper()
    country = compact[:2] if compact[:2].isalpha() else "NO"
    bban = kontonummer(rng) if country == "NO" else same_shape(rng, compact[4:])
    check = iban.calc_check_digits(country + "00" + bban)
    return _with_digits(original, check + bban) if len(re.sub(r"\D", "", original)) == len(check + bban) \
        else country + check + bban


def _email(rng: random.Random, locale: str) -> str:
    fake = _faker(locale)
    fake.seed_instance(rng.getrandbits(64))
    user = re.sub(r"[^a-z0-9._-]", "", fake.user_name().lower()) or "kontakt"
    return f"{user}{rng.randint(1, 99)}@example.{rng.choice(('com', 'org', 'net'))}"


_POSTCODE_TOWN = re.compile(r"(?P<sep>,\s*|\s*\n\s*|\s+)(?P<code>(?:[A-Z]{1,2}-)?\d{4})\s+(?P<town>\S.*)$", re.S)


def _address(rng: random.Random, original: str, locale: str) -> str:
    fake = _faker(locale)
    fake.seed_instance(rng.getrandbits(64))
    street = fake.street_address()
    match = _POSTCODE_TOWN.search(original)
    if match:
        return f"{street}{match.group('sep')}{fake.postcode()} {fake.city()}"
    return street


_GENERATORS: dict[str, Callable[[random.Random, str, str | None], str]] = {
    "NO_FODSELSNUMMER": lambda rng, o, lang: _with_digits(
        o, fodselsnummer(rng, d_number=no_fodselsnummer.kind(o) == "d")),
    "DK_CPR": lambda rng, o, lang: _with_digits(o, cpr(rng)),
    "NO_KONTONUMMER": lambda rng, o, lang: _with_digits(o, kontonummer(rng)),
    "NO_ORGANISASJONSNUMMER": lambda rng, o, lang: _with_digits(o, organisasjonsnummer(rng)),
    "DK_CVR": lambda rng, o, lang: _with_digits(o, cvr(rng)),
    "PHONE_NUMBER": _phone,
    "IBAN_CODE": lambda rng, o, lang: _iban(rng, o),
    "EMAIL_ADDRESS": lambda rng, o, lang: _email(rng, _locale("", lang)),
    "ADDRESS": lambda rng, o, lang: _address(rng, o, _locale("", lang)),
}


class Pseudonymizer:
    """Stand-ins for the placeholders of one job, the same for the same placeholder across files.

    ``secret`` (kept in the vault) makes the stand-ins reproducible for the job and unrelated across
    jobs. :meth:`records` gives, per placeholder, the main stand-in and every spelling written
    (stand-in -> original), which is what the vault stores for restore.
    """

    def __init__(self, secret: str | bytes, known: Mapping[str, tuple[str, Mapping[str, str]]] | None = None) -> None:
        self._secret = secret.encode() if isinstance(secret, str) else secret
        self._main: dict[str, str] = {}
        self._variants: dict[str, dict[str, str]] = {}
        self._name_tokens: dict[str, dict[str, str]] = {}  # placeholder -> original token (casefold) -> stand-in
        self._taken: set[str] = set()
        for placeholder, (main, variants) in (known or {}).items():
            self._main[placeholder] = main
            self._variants[placeholder] = dict(variants)
            self._taken.update(self._key(v) for v in variants)
            for stand_in, original in variants.items():
                self._learn_tokens(placeholder, original, stand_in)

    @staticmethod
    def _key(value: str) -> str:
        return re.sub(r"\W", "", value).casefold()

    def _rng(self, placeholder: str, attempt: int, what: str = "") -> random.Random:
        digest = hmac.new(self._secret, f"{placeholder}\x00{what}\x00{attempt}".encode(), hashlib.sha256).digest()
        return random.Random(digest)

    def pseudonym(self, placeholder: str, entity_type: str, original: str, language: str | None) -> str:
        """The stand-in written for ``original``, one spelling of the value behind ``placeholder``."""
        variants = self._variants.setdefault(placeholder, {})
        for stand_in, seen in variants.items():
            if seen == original:
                return stand_in
        if entity_type == "PERSON":
            stand_in = self._name(placeholder, original, language)
        else:
            stand_in = self._value(placeholder, entity_type, original, language)
        variants[stand_in] = original
        self._main.setdefault(placeholder, stand_in)
        self._taken.add(self._key(stand_in))
        return stand_in

    def _value(self, placeholder: str, entity_type: str, original: str, language: str | None) -> str:
        generate = _GENERATORS.get(entity_type, lambda rng, o, lang: same_shape(rng, o))
        main = self._main.get(placeholder)
        if main is not None and entity_type != "ADDRESS":
            # Another spelling of a known value ("+47 412 55 983" after "41255983"): same digits, its layout.
            digits = re.sub(r"\D", "", main)
            if digits and re.sub(r"\D", "", original):
                return _with_digits(original, digits[-min(len(digits), len(re.sub(r'\D', '', original))):])
            return main
        for attempt in range(_MAX_ATTEMPTS):
            candidate = generate(self._rng(placeholder, attempt), original, language)
            if self._key(candidate) != self._key(original) and self._key(candidate) not in self._taken:
                return candidate
        raise RuntimeError(f"no stand-in for {placeholder}")  # pragma: no cover

    # Names -----------------------------------------------------------------------------------------

    def _name(self, placeholder: str, original: str, language: str | None) -> str:
        tokens = self._name_tokens.setdefault(placeholder, {})
        words = _WORD.findall(original)
        locale = _locale("PERSON", language or self._guess_language(words))
        out = original
        # Replace from the right so that offsets stay valid.
        for index, match in reversed(list(enumerate(_WORD.finditer(original)))):
            word = match.group()
            out = out[:match.start()] + self._name_word(placeholder, tokens, word, index, len(words), locale) \
                + out[match.end():]
        if original.isupper() and not out.isupper():
            out = out.upper()
        return out

    def _name_word(self, placeholder: str, tokens: dict[str, str], word: str, index: int, count: int, locale: str) -> str:
        if _INITIAL.match(word):  # "K." stands for a first name: take the initial of its stand-in
            for known, stand_in in tokens.items():
                if known[0] == word[0].casefold():
                    return stand_in[0] + word[1:]
            return self._new_name_word(placeholder, tokens, word, first=True, locale=locale, gender=None,
                                       remember=False)[0] + word[1:]
        key = word.casefold()
        if key in tokens:
            return tokens[key]
        is_last = index == count - 1 and (count > 1 or not self._is_first_name(word))
        return self._new_name_word(placeholder, tokens, word, first=not is_last, locale=locale,
                                   gender=self._gender(word))

    def _new_name_word(self, placeholder: str, tokens: dict[str, str], word: str, first: bool, locale: str,
                       gender: str | None, remember: bool = True) -> str:
        fake = _faker(locale)
        used = {self._key(t) for t in tokens.values()}
        for attempt in range(_MAX_ATTEMPTS):
            fake.seed_instance(self._rng(placeholder, attempt, word.casefold()).getrandbits(64))
            if first:
                candidate = fake.first_name_female() if gender == "f" else fake.first_name_male() if gender == "m" \
                    else fake.first_name()
            else:
                candidate = fake.last_name()
            candidate = candidate.split()[0].split("-")[0]
            key = self._key(candidate)
            if (candidate[-1:].lower() in "sxz" or len(candidate) < 3 or candidate.lower() in _common_words()
                    or key == self._key(word) or key in used or key in self._taken
                    or key in {self._key(w) for w in tokens}):
                continue
            if remember:
                tokens[word.casefold()] = candidate
            return candidate
        raise RuntimeError(f"no name for {placeholder}")  # pragma: no cover

    def _learn_tokens(self, placeholder: str, original: str, stand_in: str) -> None:
        words, stand_ins = _WORD.findall(original), _WORD.findall(stand_in)
        if len(words) == len(stand_ins):
            tokens = self._name_tokens.setdefault(placeholder, {})
            for word, other in zip(words, stand_ins):
                if not _INITIAL.match(word):
                    tokens.setdefault(word.casefold(), other)

    @staticmethod
    def _gender(word: str) -> str | None:
        female = male = False
        for locale in ("no_NO", "da_DK", "en"):
            women, men = _name_lists(locale)
            female, male = female or word in women, male or word in men
        return "f" if female and not male else "m" if male and not female else None

    @staticmethod
    def _is_first_name(word: str) -> bool:
        return any(word in women or word in men for women, men in map(_name_lists, ("no_NO", "da_DK", "en")))

    @staticmethod
    def _guess_language(words: list[str]) -> str:
        women, men = _name_lists("da_DK")
        norwegian_women, norwegian_men = _name_lists("no_NO")
        danish = any(w in women or w in men for w in words)
        norwegian = any(w in norwegian_women or w in norwegian_men for w in words)
        return "da" if danish and not norwegian else "nb"

    # What the vault keeps ----------------------------------------------------------------------------

    def records(self) -> dict[str, tuple[str, dict[str, str]]]:
        """placeholder -> (main stand-in, {stand-in written: original spelling})."""
        return {placeholder: (self._main[placeholder], dict(variants))
                for placeholder, variants in self._variants.items() if placeholder in self._main}

    def is_stand_in(self, entity_type: str, text: str) -> bool:
        """True when ``text`` is a stand-in of this job (so verification does not take it for a leftover)."""
        key = self._key(text)
        if key in self._taken:
            return True
        canonical = recognizers.normalize(entity_type, text)
        return any(recognizers.normalize(entity_type, s) == canonical
                   for variants in self._variants.values() for s in variants)
