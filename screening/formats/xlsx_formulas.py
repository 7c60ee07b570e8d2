"""Spreadsheet formulas, sheet names and header/footer codes, as text the analysis can read.

A formula holds personal data only in its string literals (``IF(A2="Kari Nordmann";...)``, a data
validation list ``"Ola,Kari"``); function names and references are not data and must not be touched, so
the analysis sees the literals only, with everything else blanked to spaces (same length, same offsets).
Sheet references (``'Ola Nordmann'!B2``, ``Lønn!A1``) follow a renamed sheet. Header and footer texts
carry &-codes (``&L``, ``&"Arial,Bold"``, ``&12``) that are blanked the same way.
"""

from __future__ import annotations

import re

# A string literal, a quoted sheet name followed by "!", or a bare sheet name followed by "!".
_TOKEN = re.compile(r'"(?:[^"]|"")*"|\'((?:[^\']|\'\')+)\'!|(?<![\w.\]])([^\W\d][\w.]*)!')
_HEADER_CODE = re.compile(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d{2}[+-]\d{3}|.)', re.DOTALL)
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31


def literal_display(formula: str) -> str:
    """The formula with everything outside its string literals replaced by spaces."""
    shown = [" "] * len(formula)
    for match in re.finditer(r'"((?:[^"]|"")*)"', formula):
        start, end = match.span(1)
        shown[start:end] = formula[start:end]
    return "".join(shown)


def header_footer_display(text: str) -> str:
    """A header/footer text with its formatting codes replaced by spaces ("&&" is a literal "&")."""
    return _HEADER_CODE.sub(lambda m: "& " if m.group(0) == "&&" else " " * len(m.group(0)), text)


def rename_sheet_references(formula: str, renames: dict[str, str]) -> str:
    """The formula with references to renamed sheets pointing to their new names."""
    if not renames:
        return formula

    def replace(match: re.Match[str]) -> str:
        quoted, bare = match.group(1), match.group(2)
        if quoted is None and bare is None:
            return match.group(0)  # a string literal: left as it is
        name = quoted.replace("''", "'") if quoted is not None else bare
        first, colon, last = name.partition(":")  # a 3-D reference 'Jan:Mar'!A1
        if first not in renames and (not colon or last not in renames):
            return match.group(0)
        new = renames.get(first, first) + (colon + renames.get(last, last) if colon else "")
        return "'" + new.replace("'", "''") + "'!"

    return _TOKEN.sub(replace, formula)


def valid_sheet_name(wanted: str, taken: set[str]) -> str:
    """A legal, unique sheet name close to ``wanted`` ("[PERSON_1]" becomes "PERSON_1")."""
    name = _INVALID_SHEET_CHARS.sub("", wanted).strip().strip("'")[:MAX_SHEET_NAME] or "Sheet"
    candidate, number = name, 2
    while candidate.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    return candidate


# A string literal or a quoted sheet name (skipped), or a name token outside them.
_NAME_TOKEN = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')+\'|(?<![\w.\\])([A-Za-z_\\\\][\w.]*)(?![\w.(\[])')
_CELL_LIKE = re.compile(r"^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$")


def name_display(name: str) -> str:
    """A defined name as words ("Kari_Nordmann_lonn" -> "Kari Nordmann lonn"), same length."""
    return name.replace("_", " ").replace(".", " ")


def valid_defined_name(wanted: str, taken: set[str]) -> str:
    """A legal, unique defined name close to ``wanted`` ("[PERSON_1] lonn" -> "PERSON_1_lonn")."""
    name = re.sub(r"[^\w.]+", "_", wanted.replace("[", "").replace("]", "")).strip("_") or "Name"
    if not re.match(r"[A-Za-z_]", name) or _CELL_LIKE.match(name):
        name = "_" + name
    candidate, number = name, 2
    lowered = {t.casefold() for t in taken}
    while candidate.casefold() in lowered:
        candidate, number = f"{name}_{number}", number + 1
    return candidate


def rename_defined_names(formula: str, renames: dict[str, str]) -> str:
    """The formula with uses of renamed defined names (matched without case) pointing to the new names."""
    if not renames:
        return formula
    lowered = {old.casefold(): new for old, new in renames.items()}

    def replace(match: re.Match[str]) -> str:
        token = match.group(1)
        if token is None:
            return match.group(0)
        return lowered.get(token.casefold(), token)

    return _NAME_TOKEN.sub(replace, formula)
