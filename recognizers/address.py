"""ADDRESS: street addresses and postcode + town lines in Norway and Denmark.

Basis: a home address is personal data (the agencies' privacy statements list it first
after the name).

Format: a street name ending in a street word (``-veien``, ``-vegen``, ``-gata``,
``-gate``, ``-vej``, ``-gade``, ``-stræde``, ``-allé``, ...) or followed by one as a
separate word (``Karl Johans gate``), a house number with an optional letter, an optional
Danish floor (``2. tv.``), and optionally ``, 0450 Oslo`` / ``2100 København Ø``.
``Postboks 123, 0101 Oslo`` counts as well, and so does any one-word name with a house number when a
postcode and town follow after a comma and the address stands on its own (``Sæ 14, 5412 Stord``,
``Fjellsiden 9, 5014 Bergen``): street names without a street word are common in Norway. A postcode + town line is an address only at
the start of a line (the address block of a letter or form), never a postcode alone:
without a postcode list a four-digit number followed by a capitalised word is too
often a year ("2019 Oslo-maraton").

Fictitious examples: Fjordveien 12B, 0450 Oslo; Solbærvej 7, 2. tv., 2100 København Ø.

Scoring: street + postcode + town 0.9 (a name without a street word 0.8); street + number 0.75;
postcode line 0.6;
postboks with town 0.85, without 0.45.
"""

from __future__ import annotations

import re
from typing import Optional

from recognizers.base import NordicRecognizer
from recognizers.context import ContextHit

_UPPER = "A-ZÆØÅÄÖÜÉ"
_LOWER = "a-zæøåäöüé"
_SUFFIX = (
    "veien|vegen|veg|vei|vn\\.|gata|gaten|gate|gt\\.|allé|alle|alléen|plass|plassen|torg|torget|"
    "stien|stie|bakken|brekka|lia|kroken|ringen|svingen|tunet|haugen|løkka|kaia|kaien|"
    "vej|vejen|gade|gaden|stræde|strædet|plads|pladsen|torv|torvet|vænget|vænge|have|"
    "parken|boulevarden|boulevard|bakke|høj|holm|toften|marken|engen|skoven|grenda|grend|åsen|dalen|siden|"
    "myra|vollen|jordet|enga|hagen|kollen|berget|sletta|lunden|haven|parken|kvarteret"
)
_SEPARATE = "(?i:gate|gata|vei|veg|vej|gade|allé|alle|plass|plads|torg|torv|stræde|vænge|park|boulevard)"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}.\-']+"
_STREET = (
    rf"(?:(?:{_NAME_WORD}|[Ss]t\.|[Ss]ankt|[Ll]ille|[Gg]amle)[ \u00a0]){{0,3}}"
    rf"(?:[{_UPPER}][{_LOWER}\-]*(?:{_SUFFIX})|{_NAME_WORD}s?[ \u00a0](?:{_SEPARATE}))"
)
# House letter glued on ("12B", "12b") or spaced in capitals ("124 A"); never " i" or " og".
_NUMBER = r"[ \u00a0]\d{1,4}(?:[A-Za-z]|[ \u00a0][A-Z])?(?![\w])(?:[-–]\d{1,4})?"
STREET_AND_NUMBER = f"{_STREET}{_NUMBER}"
_FLOOR = r"(?:,?[ \u00a0](?:\d{1,2}\.|st\.|kl\.)(?:[ \u00a0]?(?:tv|th|mf|sal)\.?)?)?"
_TOWN = rf"\d{{4}}[ \u00a0]+[{_UPPER}][{_LOWER}\-]+(?:[ \u00a0](?:[A-ZØÆ]\b|[{_UPPER}][{_LOWER}]+|i[ \u00a0][{_UPPER}][{_LOWER}]+))?"
# A town without a hyphen: "2019 Oslo-maraton" is a year and an event.
_PLAIN_TOWN = rf"\d{{4}}[ \u00a0]+[{_UPPER}][{_LOWER}]+(?:[ \u00a0](?:[A-ZØÆ]\b|[{_UPPER}][{_LOWER}]+|i[ \u00a0][{_UPPER}][{_LOWER}]+))?"
_POSTCODE_LINE = rf"(?:,[ \u00a0]*|[ \u00a0]+|\n)(?:(?:DK|NO|N)-)?{_TOWN}"

_ENDS_WITH_TOWN = re.compile(rf"(?:{_POSTCODE_LINE})$")


class AddressRecognizer(NordicRecognizer):
    """Street addresses; see the module docstring."""

    ENTITY = "ADDRESS"
    PATTERNS = (
        ("street", rf"(?<![\w-])(?P<v>{_STREET}{_NUMBER}{_FLOOR}(?:{_POSTCODE_LINE})?)(?![\w])"),
        ("postboks", rf"(?<![\w-])(?P<v>(?:[Pp]ostboks|[Pp]ostbox|Boks)[ \u00a0]\d{{1,5}}(?:{_POSTCODE_LINE})?)"),
        ("postcode line", rf"(?:^|\n)[ \t]*(?P<v>(?:(?:DK|NO|N)-)?{_TOWN})[ \t]*(?=$|\n)"),
        # Any street name is an address when a postcode and town follow it: "Sæ 14, 5412 Stord".
        ("name, number, town", rf"(?:^|(?<=[\n,:·•|\t]) ?)(?P<v>{_NAME_WORD}{_NUMBER},[ \u00a0]*{_PLAIN_TOWN})(?=[ \t]*(?:$|[\n.,;·•|\t)]))"),
    )
    FLAGS = 0
    CHECK_RUNS = False

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if pattern == "postcode line":
            return 0.6
        if pattern == "name, number, town":
            return 0.8
        has_town = _ENDS_WITH_TOWN.search(value) is not None
        if pattern == "postboks":
            return 0.85 if has_town else 0.45
        return 0.9 if has_town else 0.75
