"""Shared fixtures: one real analysis engine for the whole test session (building it takes seconds)."""

from __future__ import annotations

import pytest

from screening.analysis import Analyzer, shared_analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return shared_analyzer()
