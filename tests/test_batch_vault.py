"""`screen batch --vault`: one numbering for the batch and the runs after it, restore across files, watch.

Real files (a letter, a DOCX built here, a corrupt DOCX), the real engine in real worker processes and
the CLI. All people and numbers are made up (15076500565 is a fictitious fødselsnummer with valid
check digits).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from screening.batch import MANIFEST_NAME, QUARANTINE_DIR
from screening.cli import main, main_group
from screening.vault import KeySource, Vault

PASSPHRASE = "batch-hvelv-hemmelighet-42"
ENV = {"SCREEN_VAULT_PASSPHRASE": PASSPHRASE}
SCREEN = Path(sys.executable).with_name("screen")

LETTER = (
    "Til Kari Nordmann\n"
    "\n"
    "Fødselsnummer: 150765 00565.\n"
    "Telefon: 412 55 983.\n"
    "Karis sak er under behandling.\n"
)
MINUTES = ("Referat fra møtet 4. mars", "Til stede: Kari Nordmann og Per Hansen.",
           "Per Hansen ringer Kari på 412 55 983 i morgen.")


def _cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main_group, list(args), env=ENV if env is None else env)


def _batch(inbox: Path, outbox: Path, vault: Path, *extra: str, env: dict[str, str] | None = None):
    return _cli("batch", str(inbox), "--out", str(outbox), "--vault", str(vault), *extra, env=env)


def _label(text: str, pattern: str) -> str:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in the sanitized text"
    return match.group(1)


def _load(vault: Path) -> Vault:
    return Vault.load(vault, KeySource.from_passphrase(PASSPHRASE))


def _manifest_rows(outbox: Path) -> list[dict]:
    with sqlite3.connect(outbox / MANIFEST_NAME, timeout=30) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM files ORDER BY relative")]


def _make_inbox(inbox: Path) -> None:
    (inbox / "kunde").mkdir(parents=True)
    (inbox / "brev.txt").write_text(LETTER, encoding="utf-8")
    minutes = docx.Document()
    for text in MINUTES:
        minutes.add_paragraph(text)
    minutes.save(inbox / "kunde" / "referat.docx")
    (inbox / "kunde" / "ødelagt.docx").write_bytes((inbox / "kunde" / "referat.docx").read_bytes()[:900])


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, analyzer):
    base = tmp_path_factory.mktemp("batch-vault")
    inbox, outbox, vault = base / "inbox", base / "outbox", base / "job.vault"
    _make_inbox(inbox)
    result = _batch(inbox, outbox, vault, "--workers", "2")
    return {"base": base, "inbox": inbox, "outbox": outbox, "vault": vault, "result": result}


def test_one_numbering_across_the_files_of_the_batch(first_run) -> None:
    result, outbox = first_run["result"], first_run["outbox"]
    assert result.exit_code == 3, result.output  # the corrupt DOCX
    letter = (outbox / "brev.txt").read_text(encoding="utf-8")
    minutes = [p.text for p in docx.Document(outbox / "kunde" / "referat.docx").paragraphs]
    kari = _label(letter, r"Til (\[PERSON_\d+\])")
    assert _label(minutes[1], r"Til stede: (\[PERSON_\d+\]) og") == kari
    assert _label(minutes[2], r"ringer (\[PERSON_\d+\]) på") == kari  # the lone first name too
    assert _label(letter, r"Telefon: (\[PHONE_NUMBER_\d+\])") == _label(minutes[2], r"på (\[PHONE_NUMBER_\d+\])")
    assert f"{kari}s sak" in letter
    assert not list(outbox.rglob(".*screen-staged*"))  # every staged copy was moved into place


def test_vault_is_private_encrypted_and_records_only_delivered_files(first_run) -> None:
    vault = first_run["vault"]
    assert stat.S_IMODE(vault.stat().st_mode) == 0o600
    raw = vault.read_text(encoding="ascii")
    assert "Nordmann" not in raw and "00565" not in raw and "PERSON" not in raw
    content = _load(vault).content
    assert set(content.files) == {"brev.txt", "kunde/referat.docx"}  # not the quarantined file
    assert {e.original for e in content.entries.values()} >= {"Kari Nordmann", "Per Hansen", "150765 00565"}
    assert len(content.runs) == 1
    assert (first_run["outbox"] / QUARANTINE_DIR / "kunde" / "ødelagt.docx").is_file()


def _translate(outbox: Path, translated: Path) -> None:
    """The translator's work on both copies: new text, placeholders moved, a genitive."""
    letter = (outbox / "brev.txt").read_text(encoding="utf-8")
    kari = _label(letter, r"Til (\[PERSON_\d+\])")
    fnr = _label(letter, r"(\[NO_FODSELSNUMMER_\d+\])")
    phone = _label(letter, r"(\[PHONE_NUMBER_\d+\])")
    (translated / "kunde").mkdir(parents=True)
    (translated / "brev.txt").write_text(
        f"To {kari}\n\nNational identity number: {fnr}.\nPhone: {phone}.\n{kari}'s case is being processed.\n",
        encoding="utf-8")
    minutes = docx.Document(outbox / "kunde" / "referat.docx")
    per = _label(minutes.paragraphs[1].text, r"og (\[PERSON_\d+\])")
    minutes.paragraphs[0].text = "Minutes of the meeting on 4 March"
    minutes.paragraphs[1].text = f"Present: {per} and {kari}."
    minutes.paragraphs[2].text = f"Tomorrow {per} will call {kari} at {phone}."
    minutes.save(translated / "kunde" / "referat.docx")


def test_restore_of_the_translated_batch_gives_the_originals(first_run, tmp_path: Path) -> None:
    translated, delivered = tmp_path / "translated", tmp_path / "delivered"
    _translate(first_run["outbox"], translated)
    result = _cli("restore", str(translated), "--vault", str(first_run["vault"]), "--out", str(delivered))
    assert result.exit_code == 0, result.output
    # Counts match the sanitized files, so each place gets back its own spelling ("Kari", "Karis" -> "Kari's").
    assert (delivered / "brev.txt").read_text(encoding="utf-8") == (
        "To Kari Nordmann\n\nNational identity number: 150765 00565.\nPhone: 412 55 983.\nKari's case is being processed.\n")
    assert [p.text for p in docx.Document(delivered / "kunde" / "referat.docx").paragraphs] == [
        "Minutes of the meeting on 4 March", "Present: Per Hansen and Kari Nordmann.",
        "Tomorrow Per Hansen will call Kari at 412 55 983."]
    report = json.loads((delivered / "restore-report.json").read_text(encoding="utf-8"))
    assert [(f["compared_with"], f["status"], f["missing"]) for f in report["files"]] == [
        ("brev.txt", "ok", {}), ("kunde/referat.docx", "ok", {})]


def test_restore_of_the_outbox_as_it_is_skips_the_batch_files(first_run, tmp_path: Path) -> None:
    result = _cli("restore", str(first_run["outbox"]), "--vault", str(first_run["vault"]), "--out", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "back" / "brev.txt").read_text(encoding="utf-8") == LETTER
    assert not (tmp_path / "back" / QUARANTINE_DIR).exists() and "2 of 2 files restored" in result.output


def _copy_of_first_run(first_run, tmp_path: Path) -> tuple[Path, Path, Path]:
    inbox, outbox, vault = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "job.vault"
    shutil.copytree(first_run["inbox"], inbox)
    shutil.copytree(first_run["outbox"], outbox)
    shutil.copy2(first_run["vault"], vault)
    return inbox, outbox, vault


def _highest(vault: Path, entity_type: str) -> int:
    """The highest number of a type in the vault (the DOCX properties have a "person" too: python-docx)."""
    return max(int(p.strip("[]").rsplit("_", 1)[1]) for p in _load(vault).content.entries
               if p.startswith(f"[{entity_type}_"))


def test_a_later_run_with_the_vault_continues_the_numbering(first_run, tmp_path: Path) -> None:
    inbox, outbox, vault = _copy_of_first_run(first_run, tmp_path)
    letter_before = (outbox / "brev.txt").read_bytes()
    minutes_before = (outbox / "kunde" / "referat.docx").read_bytes()
    kari = _label(letter_before.decode("utf-8"), r"Til (\[PERSON_\d+\])")
    highest = _highest(vault, "PERSON")
    (inbox / "ny.txt").write_text("Notat: Kari Nordmann har snakket med Sigrid Lunde.\n", encoding="utf-8")
    # A copy the manifest holds as done but the vault does not know (a crash between the two, another
    # vault) is screened again: restore needs its record.
    opened = _load(vault)
    del opened.content.files["brev.txt"]
    opened.save()

    result = _batch(inbox, outbox, vault, "--workers", "1")
    assert result.exit_code == 3, result.output
    assert "2 screened now, 2 done before" in result.output  # the quarantined file is not retried either
    assert (outbox / "kunde" / "referat.docx").read_bytes() == minutes_before  # done before: not redone
    assert (outbox / "brev.txt").read_bytes() == letter_before  # redone with the vault's numbering: the same copy
    note = (outbox / "ny.txt").read_text(encoding="utf-8")
    assert _label(note, r"Notat: (\[PERSON_\d+\])") == kari  # the same person, the same placeholder
    sigrid = _label(note, r"med (\[PERSON_\d+\])")
    assert sigrid == f"[PERSON_{highest + 1}]"
    content = _load(vault).content
    assert set(content.files) == {"brev.txt", "kunde/referat.docx", "ny.txt"} and len(content.runs) == 2

    translated = tmp_path / "translated"
    translated.mkdir()
    (translated / "ny.txt").write_text(f"Note: {kari} has spoken to {sigrid}.\n", encoding="utf-8")
    result = _cli("restore", str(translated), "--vault", str(vault), "--out", str(tmp_path / "delivered"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "delivered" / "ny.txt").read_text(encoding="utf-8") == "Note: Kari Nordmann has spoken to Sigrid Lunde.\n"


def test_wrong_or_missing_key_stops_before_any_file(first_run, tmp_path: Path) -> None:
    inbox, outbox, vault = _copy_of_first_run(first_run, tmp_path)
    (inbox / "ny.txt").write_text("Notat: Kari Nordmann.\n", encoding="utf-8")
    before, rows = vault.read_bytes(), _manifest_rows(outbox)
    started = time.monotonic()
    result = _batch(inbox, outbox, vault, env={"SCREEN_VAULT_PASSPHRASE": "en helt annen frase"})
    assert result.exit_code == 4
    assert "wrong key, or the vault has been changed" in result.output
    result = _batch(inbox, outbox, vault, env={})
    assert result.exit_code == 4 and "--key-file FILE or set SCREEN_VAULT_PASSPHRASE" in result.output
    assert time.monotonic() - started < 10  # no worker was started
    assert vault.read_bytes() == before and _manifest_rows(outbox) == rows
    assert not (outbox / "ny.txt").exists()


def test_vault_options_that_cannot_work_are_usage_errors(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SCREEN_VAULT_PASSPHRASE", PASSPHRASE)
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()

    def usage_error(*args: str) -> str:
        with pytest.raises(SystemExit) as stopped:  # the real entry point, which maps usage errors to 4
            main(["batch", str(inbox), "--out", str(out), *args])
        assert stopped.value.code == 4
        return capsys.readouterr().err

    assert "--vault needs --mode placeholder or pseudonym" in usage_error("--vault", str(tmp_path / "v"), "--mode", "mask")
    assert "--mode pseudonym needs --vault" in usage_error("--mode", "pseudonym")
    assert "must not be inside --out" in usage_error("--vault", str(out / "job.vault"))
    assert "must not be inside the inbox" in usage_error("--vault", str(inbox / "job.vault"))
    key = tmp_path / "job.key"
    key.write_bytes(os.urandom(32))
    assert "--key-file needs --vault" in usage_error("--key-file", str(key))
    assert list(tmp_path.rglob("*vault*")) == [] and list(inbox.iterdir()) == []  # nothing made, the inbox untouched


def test_pseudonyms_are_shared_by_the_workers_and_restored(tmp_path: Path, analyzer) -> None:
    inbox, outbox, vault = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "job.vault"
    inbox.mkdir()
    (inbox / "a.txt").write_text(LETTER, encoding="utf-8")
    (inbox / "b.txt").write_text("Kari Nordmann har telefon 412 55 983.\n", encoding="utf-8")
    result = _batch(inbox, outbox, vault, "--mode", "pseudonym", "--workers", "2")
    assert result.exit_code == 1, result.output
    a, b = ((outbox / name).read_text(encoding="utf-8") for name in ("a.txt", "b.txt"))
    stand_in = _label(a, r"Til (.+)\n")
    phone = _label(a, r"Telefon: (.+)\.\n")
    assert "Nordmann" not in a + b and "00565" not in a and "412 55 983" not in a + b
    assert b == f"{stand_in} har telefon {phone}.\n"  # the same stand-ins in the other worker's file
    result = _cli("restore", str(outbox), "--vault", str(vault), "--out", str(tmp_path / "delivered"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "delivered" / "a.txt").read_text(encoding="utf-8") == LETTER
    assert (tmp_path / "delivered" / "b.txt").read_text(encoding="utf-8") == "Kari Nordmann har telefon 412 55 983.\n"


def _wait_for(condition, timeout: float, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        assert process.poll() is None, f"the batch stopped early: {process.communicate()}"
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _done(outbox: Path) -> set[str]:
    try:
        return {row["relative"] for row in _manifest_rows(outbox) if row["state"] == "done"}
    except sqlite3.Error:  # not created yet
        return set()


def test_watch_stores_each_new_file_in_the_vault_as_it_is_delivered(tmp_path: Path) -> None:
    inbox, outbox, vault = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "job.vault"
    inbox.mkdir()
    (inbox / "først.txt").write_text(LETTER, encoding="utf-8")
    # --watch-for is only a safety stop here: the test stops the watcher as a service manager does.
    process = subprocess.Popen(
        [str(SCREEN), "batch", str(inbox), "--out", str(outbox), "--vault", str(vault), "--workers", "1",
         "--watch", "--watch-for", "300", "--poll-interval", "0.3", "--settle", "1"],
        env={**os.environ, **ENV}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: "først.txt" in _done(outbox), 180, "the first file", process)
        (inbox / "sak").mkdir()
        (inbox / "sak" / "senere.txt").write_text("Kari Nordmann ringte fra 412 55 983.\n", encoding="utf-8")
        _wait_for(lambda: "sak/senere.txt" in _done(outbox), 120, "the late file", process)
        # Still watching, and the vault on disk already restores the late file.
        assert process.poll() is None
        content = _load(vault).content
        assert set(content.files) == {"først.txt", "sak/senere.txt"}
        late = (outbox / "sak" / "senere.txt").read_text(encoding="utf-8")
        kari = _label(late, r"^(\[PERSON_\d+\]) ringte")
        assert content.entries[kari].original == "Kari Nordmann"
        assert kari in (outbox / "først.txt").read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert "stopped watching" in stderr
    assert stat.S_IMODE(vault.stat().st_mode) == 0o600
    translated = tmp_path / "translated"
    (translated / "sak").mkdir(parents=True)
    phone = _label(late, r"fra (.+)\.")
    (translated / "sak" / "senere.txt").write_text(f"{kari} called from {phone}.\n", encoding="utf-8")
    result = _cli("restore", str(translated), "--vault", str(vault), "--out", str(tmp_path / "delivered"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "delivered" / "sak" / "senere.txt").read_text(encoding="utf-8") == "Kari Nordmann called from 412 55 983.\n"
