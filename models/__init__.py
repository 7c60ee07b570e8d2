"""Trained spaCy NER pipelines shipped with screen, and the recipe that builds them.

``models/nb``, ``models/nn`` and ``models/da`` load with ``spacy.load(path)`` and need no download.
Build them with ``python -m models.train``; score them with ``python -m models.evaluate``.
"""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
LANGUAGES: tuple[str, ...] = ("nb", "nn", "da")


def pipeline_path(lang: str) -> Path:
    """Folder of the shipped pipeline for a Presidio language code (nb, nn or da)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no trained pipeline for language {lang!r}; have {', '.join(LANGUAGES)}")
    return MODELS_DIR / lang
