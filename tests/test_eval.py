"""`screen eval`: the scores are computed right, a missed value counts as a miss and as a leak."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from screening.cli import main_group
from screening.eval import changed_outside, compare, evaluate


def test_compare_counts_distinct_pairs() -> None:
    gold = [("PERSON", "Kari Nordmann"), ("PHONE_NUMBER", "412 55 983"), ("PERSON", "Kari Nordmann")]
    found = [("PERSON", "kari  nordmann"), ("PERSON", "Oslo"), ("EMAIL_ADDRESS", "a@b.no")]
    scores = compare(gold, found)
    assert (scores["PERSON"].true_positives, scores["PERSON"].false_positives) == (1, 1)
    assert scores["PHONE_NUMBER"].false_negatives == 1 and scores["PHONE_NUMBER"].recall == 0.0
    assert scores["EMAIL_ADDRESS"].precision == 0.0
    assert round(scores["PERSON"].f1, 3) == 0.667


def test_changed_outside_ignores_the_gold_values() -> None:
    changed, other = changed_outside("Hei Kari, ring meg.", "Hei [PERSON_1], ring [X].", ["Kari"])
    assert other == len("Hei , ring meg.")
    assert changed == len("meg")


def test_eval_scores_a_missed_value_as_a_miss_and_a_leak(tmp_path: Path, analyzer) -> None:
    letter = tmp_path / "brev.txt"
    # The order number looks like nothing the tool knows as personal data: the gold says it is, so it
    # must show up as a false negative and as a leaked value.
    letter.write_text("Navn: Kari Nordmann\nE-post: kari@example.no\nKundenummer: ZX-991-QQ\n", encoding="utf-8")
    (tmp_path / "brev.txt.expected.json").write_text(json.dumps({"entities": [
        {"type": "PERSON", "text": "Kari Nordmann"},
        {"type": "EMAIL_ADDRESS", "text": "kari@example.no"},
        {"type": "CUSTOMER_ID", "text": "ZX-991-QQ"},
    ]}), encoding="utf-8")
    summary = evaluate(tmp_path, analyzer=analyzer)
    assert summary["documents"] == 1 and summary["delivered"] == 1
    assert summary["per_type"]["PERSON"]["tp"] == 1
    assert summary["per_type"]["EMAIL_ADDRESS"]["tp"] == 1
    assert summary["per_type"]["CUSTOMER_ID"]["fn"] == 1
    assert summary["leaked_values"] == 1 and summary["gold_values"] == 3
    assert summary["leak_rate"] == round(1 / 3, 4)


def test_eval_command_prints_table_and_json(tmp_path: Path, analyzer) -> None:
    (tmp_path / "a.txt").write_text("Kjære Ola Hansen,\n", encoding="utf-8")
    (tmp_path / "a.txt.expected.json").write_text('{"entities": [{"type": "PERSON", "text": "Ola Hansen"}]}', encoding="utf-8")
    result = CliRunner().invoke(main_group, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "leak rate" in result.output and "Ola" not in result.output
    result = CliRunner().invoke(main_group, ["eval", str(tmp_path), "--format", "json"])
    assert json.loads(result.output)["overall"]["recall"] == 1.0
