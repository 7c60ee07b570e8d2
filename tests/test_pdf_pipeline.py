"""The sample PDF through the real pipeline (engine, planner, adapter, verification): every expected
value of samples/pdf/legeerklaering.pdf.expected.json is found and is gone from the whole copy."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from screening.pipeline import STATUS_OK, Job, Settings

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "pdf" / "legeerklaering.pdf"
EXPECTED = json.loads(SAMPLE.with_name("legeerklaering.pdf.expected.json").read_text(encoding="utf-8"))["entities"]


def _everything(path: Path) -> str:
    pieces = [path.read_bytes().decode("latin-1")]
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                pieces.append(obj.read_bytes().decode("latin-1", errors="replace"))
                pieces.append(obj.read_bytes().decode("utf-8", errors="replace"))
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array, pikepdf.String)):
                pieces.append(obj.unparse(resolved=True).decode("latin-1"))
            if isinstance(obj, pikepdf.Dictionary):
                pieces.extend(str(value) for value in obj.values() if isinstance(value, pikepdf.String))
        info = pdf.trailer.get("/Info")
        if info is not None:
            pieces.extend(str(value) for value in info.values())
    with pdfplumber.open(path) as plumber:
        pieces.extend(page.extract_text() or "" for page in plumber.pages)
    return "\n".join(pieces)


@pytest.fixture(scope="module")
def processed(analyzer, tmp_path_factory):
    out = tmp_path_factory.mktemp("pipeline") / "legeerklaering.pdf"
    result = Job(Settings(), analyzer).process(SAMPLE, str(SAMPLE), out)
    return result, out


def test_sample_is_redacted_and_verified(processed):
    result, out = processed
    assert result.status == STATUS_OK, result.error
    assert result.verified and out.exists()
    everything = _everything(out)
    for entity in EXPECTED:
        assert entity["text"] not in everything, entity["type"]
    # Text that is no one's data stays readable.
    with pdfplumber.open(out) as plumber:
        text = plumber.pages[0].extract_text()
    for kept in ("Legeerklæring ved arbeidsuførhet", "Fødselsnummer:", "siden januar", "om fire uker"):
        assert kept in text, kept


def test_sample_findings_cover_expected_types(processed):
    result, _ = processed
    counts = result.to_dict()["counts"]
    for entity_type in {entity["type"] for entity in EXPECTED}:
        assert counts.get(entity_type, 0) >= 1, entity_type
    unscanned = result.to_dict()["unscanned"]
    assert any("embedded file" in part["reason"] and part["removed"] for part in unscanned)
