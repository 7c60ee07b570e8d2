"""Name lists from Faker's no_NO, da_DK and en person providers (MIT), loaded once.

Used to tell a name from a word that looks like one: "Per" and "Bo" are given names as well as
words, "Lars" is a name and not "Lar" with a genitive s.
"""

from __future__ import annotations

from functools import lru_cache


def _providers():
    from faker.providers.person.da_DK import Provider as Danish
    from faker.providers.person.en import Provider as English
    from faker.providers.person.no_NO import Provider as Norwegian

    return Norwegian, Danish, English


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    names: set[str] = set()
    for provider in _providers():
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(getattr(provider, attribute, ()))
    return frozenset(names)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(name for provider in _providers() for name in getattr(provider, "last_names", ()))
