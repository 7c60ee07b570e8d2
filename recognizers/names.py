"""Given names and surnames (lists built from Faker's person providers, MIT; see data/names/)."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "names"


def _load(filename: str) -> frozenset[str]:
    return frozenset(gzip.decompress((_DATA / filename).read_bytes()).decode("utf-8").split())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return _load("given.txt.gz")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _load("surnames.txt.gz")
