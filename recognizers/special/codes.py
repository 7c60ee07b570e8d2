"""Diagnosis codes: ICD-10, ICPC-2 and the Danish SKS codes.

* ICD-10 (WHO; in Norway as ICD-10 by Direktoratet for e-helse, in Denmark within SKS):
  a letter A-Z except U, two digits, optionally a dot and one or two digits: ``C50.9``,
  ``E11``, ``F32.1``. U codes are reserved for special purposes (``U07.1`` COVID-19) and
  are accepted too.
* ICPC-2 (WONCA; used by Norwegian GPs and on sick-leave certificates): a chapter letter
  and two digits: ``T90`` (diabetes), ``P76`` (depression), ``L03``. Same shape as a
  three-character ICD-10 code.
* SKS (Sundhedsdatastyrelsen): diagnosis codes are ``D`` + the ICD-10 code without the dot:
  ``DC509``, ``DE119``, often written ``DC50.9``.

Such strings are also product codes, seat numbers and room numbers ("rom B12"), so a
code only counts with a health cue in the same sentence ("diagnose", "ICD-10", "ICPC").
"""

from __future__ import annotations

import re

# SKS first: "DC50.9" must not be read as ICD-10 "C50.9" inside a longer token.
# Not when groups of digits follow: "DK50 0040 0440 1162 43" is a Danish IBAN, not Crohn's disease.
CODE_PATTERN = re.compile(
    r"(?<![\w.])(?:D[A-Z]\d{2,4}(?:\.\d{1,2})?|[A-Z]\d{2}(?:\.\d{1,2})?)(?![\w])(?![ \u00a0]\d{2,4}\b)"
)


def find_codes(sentence: str) -> list[tuple[int, int, str]]:
    """Offsets and text of code-shaped strings in ``sentence`` (relative offsets)."""
    return [(match.start(), match.end(), match.group(0)) for match in CODE_PATTERN.finditer(sentence)]


def code_system(code: str) -> str:
    """Best guess of the code system of a code-shaped string."""
    if re.fullmatch(r"D[A-Z]\d{2,4}(?:\.\d{1,2})?", code):
        return "SKS"
    if "." in code:
        return "ICD-10"
    return "ICD-10/ICPC-2"
