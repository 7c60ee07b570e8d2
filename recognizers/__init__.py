"""Presidio recognizers for Nordic personal data: identity numbers, accounts, contact data.

Usable with any Presidio ``AnalyzerEngine``::

    from recognizers import nordic_registry
    engine = AnalyzerEngine(registry=nordic_registry(), nlp_engine=..., supported_languages=[...])

Importing the package makes tldextract use its bundled suffix list (no network).
"""

from recognizers.web import use_offline_suffix_list

use_offline_suffix_list()

from recognizers.normalize import birth_date, normalize  # noqa: E402
from recognizers.registry import ENTITY_TYPES, LANGUAGES, nordic_recognizers, nordic_registry  # noqa: E402

__all__ = [
    "ENTITY_TYPES",
    "LANGUAGES",
    "birth_date",
    "nordic_recognizers",
    "nordic_registry",
    "normalize",
    "use_offline_suffix_list",
]
