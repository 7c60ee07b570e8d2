"""Legal forms of companies and public bodies written after their names ("Fjordkraft AS").

Norway: AS, ASA (limited companies), ANS, DA (partnerships), SA, BA (co-operatives), KS, IKS,
HF (health trust), SF (state enterprise), NUF (foreign branch). Denmark: ApS, A/S, I/S, IVS, P/S,
K/S. Sweden AB, Finland Oy, and the English and German forms met in Nordic files.

A name followed by one of these is a company's, not a person's ("Storm AS"), and an organisation
number beside one is the company's number, not personal data.
"""

from __future__ import annotations

import re

COMPANY_FORMS = frozenset({
    "AS", "ASA", "ANS", "DA", "SA", "BA", "KS", "IKS", "HF", "SF", "NUF",
    "ApS", "A/S", "I/S", "IVS", "P/S", "K/S",
    "AB", "Oy", "Ltd", "GmbH", "Inc", "LLC",
})

# Public bodies and foundations: their numbers are not personal data either.
PUBLIC_BODY_WORDS = ("[Kk]ommune", "[Ff]ylkeskommune", "[Rr]egion", "[Ss]tiftelse", "[Ff]orening(?:en)?",
                     "[Ss]ykehus", "[Hh]ospital")

COMPANY_FORM_PATTERN = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(re.escape(form) for form in sorted(COMPANY_FORMS, key=len, reverse=True))
    + "|" + "|".join(PUBLIC_BODY_WORDS)
    + r")(?![\w/])"
)
