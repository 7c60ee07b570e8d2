"""Builds ``given.txt.gz`` and ``surnames.txt.gz`` from Faker's person providers (python recognizers/data/names/build_names.py).

Faker (MIT licence, https://github.com/joke2k/faker) collects common given names and surnames per
locale. The lists keep capitalised Latin-script names of the locales that matter for Norwegian and
Danish customer files: the Nordic ones, English, and those of the largest immigrant groups that Faker
covers. Added to them: the given names and surnames of the people annotated in the NorNE training
split (first and last words of PER names of two or more words; the annotations are CC0), which Faker
lacks many Norwegian names of ("Jostein", "Tveit"). Shipping the lists keeps start-up fast (importing
twenty Faker locales takes a second).
"""

from __future__ import annotations

import gzip
import importlib
import re
from pathlib import Path

LOCALES = (
    "no_NO", "da_DK", "sv_SE", "fi_FI", "en", "en_GB", "en_US", "en_IE", "de_DE", "pl_PL", "lt_LT",
    "tr_TR", "vi_VN", "nl_NL", "fr_FR", "es_ES", "it_IT", "pt_PT", "ro_RO", "hr_HR", "sk_SK", "cs_CZ",
)
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿĀ-ſ'’\-]+$")
HERE = Path(__file__).resolve().parent


def collect(attributes: tuple[str, ...]) -> list[str]:
    names: set[str] = set()
    for locale in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attribute in attributes:
            for name in getattr(provider, attribute, ()) or ():
                names.update(part for part in str(name).split() if _LATIN_NAME.match(part))
    return sorted(names)


def _norne_names() -> tuple[set[str], set[str]]:
    """First and last words of multi-word PER names in the NorNE train files (../shared/datasets)."""
    root = next((p for p in (HERE.parents[3] / "shared" / "datasets", Path("/work/shared/datasets")) if p.is_dir()), None)
    given: set[str] = set()
    family: set[str] = set()
    if root is None:
        return given, family
    for conll in sorted((root / "norne" / "ndt").glob("*/*.conll")):
        span: list[str] = []
        for line in conll.read_text(encoding="utf-8").splitlines() + [""]:
            columns = line.split("\t")
            tag = columns[9] if len(columns) > 9 else ""
            if tag == "name=I-PER":
                span.append(columns[1])
                continue
            if len(span) >= 2 and _LATIN_NAME.match(span[0]) and _LATIN_NAME.match(span[-1]):
                given.add(span[0])
                family.add(span[-1])
            span = [columns[1]] if tag == "name=B-PER" else []
    return given, family


def main() -> None:
    norne_given, norne_family = _norne_names()
    for filename, attributes in (
        ("given.txt.gz", ("first_names", "first_names_male", "first_names_female")),
        ("surnames.txt.gz", ("last_names", "last_names_male", "last_names_female")),
    ):
        names = sorted(set(collect(attributes)) | (norne_given if filename.startswith("given") else norne_family))
        (HERE / filename).write_bytes(gzip.compress(("\n".join(names) + "\n").encode("utf-8"), 9, mtime=0))
        print(f"{filename}: {len(names)} names")


if __name__ == "__main__":
    main()
