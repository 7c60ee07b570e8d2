"""NO_LICENSE_PLATE and DK_LICENSE_PLATE: vehicle registration numbers.

Basis: the registration number ties a vehicle to its owner in Statens vegvesen's
motorvognregister (kjøretøyforskriften § 2-1) and in Motorregistret (DK); agencies list
"bilnummer" as personal data.

Format: Norway two letters + 5 digits, ``AB 12345`` / ``AB12345`` (4 digits for
motorcycles and trailers; EL/EK/EV/EB/EC/ED/EE/EF/EH/EJ... for electric vehicles).
Denmark two letters + 5 digits written ``AB 12 345``. No checksum: the pattern alone
also fits product codes, so a registration context word is required.

Which country: the Norwegian recognizer serves nb, nn and en, the Danish one da; the
``AB 12 345`` spelling is accepted by both.

Fictitious examples: EL 12345, BT 40404, AB 12 345.

Scoring: registration context 0.85; without it 0.3; reference context: dropped.
"""

from __future__ import annotations

from typing import Optional

from recognizers.base import NordicRecognizer
from recognizers.context import NEGATIVE_REFERENCES, Context, ContextHit

PLATE_CONTEXT = (
    "registreringsnummer", "reg.nr", "regnr", "reg. nr", "registrering", "kjennemerke",
    "skilt", "bilnummer", "nummerplade", "nummerplate", "nummerskilt", "plade", "licence plate",
    "license plate", "number plate", "vehicle", "kjøretøy", "køretøj", "bil ", "bilen",
    "motorsykkel", "motorcykel", "tilhenger", "trailer", "registration number", "registration no",
    "reg. no", "car ",
)


class _PlateRecognizer(NordicRecognizer):
    PATTERNS = (
        ("letters+5", r"(?<![\w-])[A-HJ-NPR-Z]{2}[ \u00a0-]?\d{5}(?![\w-])"),
        ("letters+2+3", r"(?<![\w-])[A-HJ-NPR-Z]{2}[ \u00a0]\d{2}[ \u00a0]\d{3}(?![\w-])"),
        ("letters+4", r"(?<![\w-])[A-HJ-NPR-Z]{2}[ \u00a0-]?\d{4}(?![\w-])"),
    )
    FLAGS = 0
    CHECK_RUNS = False
    CONTEXT = Context(PLATE_CONTEXT, NEGATIVE_REFERENCES + ("postboks", "boks", "rom "), before=60)

    def score(self, value: str, pattern: str, hit: ContextHit, text: str, start: int) -> Optional[float]:
        if hit.negative:
            return None
        if pattern == "letters+4":
            return 0.8 if hit.positive else None
        return 0.85 if hit.positive else 0.3


class NoLicensePlateRecognizer(_PlateRecognizer):
    """Norwegian registration numbers (kjennemerke); see the module docstring."""

    ENTITY = "NO_LICENSE_PLATE"


class DkLicensePlateRecognizer(_PlateRecognizer):
    """Danish registration numbers (nummerplade); see the module docstring."""

    ENTITY = "DK_LICENSE_PLATE"
