"""The recognizers alone reach P and R >= 0.97 on the labelled sentences (identifiers, phone, e-mail)."""

from __future__ import annotations

from collections import Counter

import pytest

from recognizers.evaluate import DEFAULT_DATA, TARGET_TYPES, evaluate, load, table

TARGET = 0.97


@pytest.fixture(scope="module")
def rows():
    return load(sorted(DEFAULT_DATA.glob("*.jsonl")))


@pytest.fixture(scope="module")
def scores(rows):
    return evaluate(rows)


def test_labelled_set_size(rows):
    langs = Counter(r["lang"] for r in rows)
    assert sum(langs[l] for l in ("nb", "nn", "da")) >= 300
    assert min(langs["nb"], langs["nn"], langs["da"]) >= 50
    assert sum(1 for r in rows if not r["entities"]) >= 50  # sentences that must stay clean


@pytest.mark.parametrize("entity", TARGET_TYPES)
def test_per_type_targets(scores, entity):
    assert scores.tp[entity] + scores.fn[entity] > 0, f"no examples of {entity}"
    assert scores.precision(entity) >= TARGET, table(scores)
    assert scores.recall(entity) >= TARGET, table(scores)


def test_overall_target(scores):
    precision, recall = scores.total(TARGET_TYPES)
    assert precision >= TARGET and recall >= TARGET, table(scores)
