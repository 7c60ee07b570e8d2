"""With a vault, special-category terms are numbered and come back on restore."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from screening.cli import main_group


def test_health_terms_round_trip_through_the_vault(tmp_path: Path, analyzer, monkeypatch) -> None:
    monkeypatch.setenv("SCREEN_VAULT_PASSPHRASE", "a long test passphrase")
    original = "Pasient: Kari Nordmann\n\nKari Nordmann har diabetes og er sykmeldt fra mandag.\n"
    source = tmp_path / "notat.txt"
    source.write_text(original, encoding="utf-8")
    vault = tmp_path / "job.vault"
    runner = CliRunner()
    result = runner.invoke(main_group, ["redact", str(source), "--out", str(tmp_path / "out"), "--vault", str(vault), "-q"])
    assert result.exit_code == 2, result.output
    sanitized = (tmp_path / "out" / "notat.txt").read_text(encoding="utf-8")
    assert "[HEALTH_1]" in sanitized and "[HEALTH_2]" in sanitized and "diabetes" not in sanitized
    translated = tmp_path / "translated" / "notat.txt"
    translated.parent.mkdir()
    translated.write_text(sanitized.replace("Pasient", "Patient").replace(" har ", " has ").replace(" og er ", " and is "), encoding="utf-8")
    result = runner.invoke(main_group, ["restore", str(translated), "--vault", str(vault), "--out", str(tmp_path / "back"), "-q"])
    assert result.exit_code == 0, result.output
    restored = (tmp_path / "back" / "notat.txt").read_text(encoding="utf-8")
    assert restored == "Patient: Kari Nordmann\n\nKari Nordmann has diabetes and is sykmeldt fra mandag.\n"
