"""Special categories of personal data (GDPR art. 9), criminal offences (art. 10) and children.

* :class:`SpecialCategoryRecognizer`: a Presidio recognizer per language.
* :func:`classify_sentences` / :func:`find_special`: the same detection without Presidio.
* :mod:`.children`: age from a birth date and textual signals of a child.
"""

from .children import CHILD_AGE_LIMIT, age_on, child_data, child_signals, find_child_signals, is_child
from .classifier import SpecialFinding, analyse, classify_sentences, find_special
from .lexicon import CATEGORIES, load_lexicon
from .recognizer import SPECIAL_ENTITY_TYPES, SpecialCategoryRecognizer

__all__ = [
    "CATEGORIES",
    "CHILD_AGE_LIMIT",
    "SPECIAL_ENTITY_TYPES",
    "SpecialCategoryRecognizer",
    "SpecialFinding",
    "age_on",
    "analyse",
    "child_data",
    "child_signals",
    "classify_sentences",
    "find_child_signals",
    "find_special",
    "is_child",
    "load_lexicon",
]
