"""Every sample in samples/ is redacted without a leftover of the values its expected findings list."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from screening.formats import adapter_for
from screening.pipeline import Settings, run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# The types the foundation issue promises are gone from every copy.
CHECKED_TYPES = {"PERSON", "NO_FODSELSNUMMER", "DK_CPR", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS"}


def _sample_of(gold: Path) -> Path:
    """``x.docx.expected.json`` describes ``x.docx``; ``x.expected.json`` the one file ``x.*`` beside it."""
    target = gold.with_name(gold.name[: -len(".expected.json")])
    if target.exists():
        return target
    (only,) = [p for p in gold.parent.glob(target.name + ".*") if not p.name.endswith(".json")]
    return only


SAMPLE_FILES = sorted(
    _sample_of(p)
    for p in SAMPLES.glob("*/*.expected.json")  # the evaluation corpus (samples/corpus/) has its own test
    if p.parent.name != "corpus"
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sanitized_sample_has_no_expected_value_left(sample: Path, tmp_path: Path, analyzer) -> None:
    gold = sample.with_name(sample.name + ".expected.json")
    if not gold.exists():
        gold = sample.with_name(sample.stem + ".expected.json")
    expected = json.loads(gold.read_text(encoding="utf-8"))
    (result,) = run([sample], Settings(), out_dir=tmp_path, analyzer=analyzer)
    assert result.status == "ok", result.error
    copy = tmp_path / sample.name
    adapter = adapter_for(copy)
    everything = "\n".join(adapter.raw_texts(copy))
    everything_digits = _digits(everything)
    for entity in expected["entities"]:
        if entity["type"] not in CHECKED_TYPES:
            continue
        value = entity["text"]
        assert value not in everything, f"{entity['type']} left in {copy.name}"
        if len(_digits(value)) >= 8:
            assert _digits(value) not in everything_digits, f"{entity['type']} digits left in {copy.name}"
    if expected.get("child_data"):
        assert result.child_data
