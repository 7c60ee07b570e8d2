"""`screen batch`: a folder tree with good and bad files, an interrupted run resumed, and --watch.

Real worker processes with real engines (each takes seconds to build), so every test uses one or two
workers and small files. All people and numbers are made up; the fødselsnumre have valid check digits.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from screening.batch import MANIFEST_NAME, QUARANTINE_DIR, BatchOptions, run_batch
from screening.cli import main_group
from screening.formats.ooxml import OLE_MAGIC
from screening.pipeline import Job, Settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCREEN = Path(sys.executable).with_name("screen")

FIRST_NAMES = ("Ingrid", "Torbjørn", "Sigrid", "Eirik", "Maren", "Halvor", "Solveig", "Anders", "Tuva", "Jostein",
               "Ragnhild", "Vegard", "Liv", "Øystein")
SURNAMES = ("Haugland", "Bråten", "Solheim", "Kvamme", "Lunde", "Rønning", "Fossum", "Aasen", "Vik", "Strand",
            "Moen", "Hovland", "Berge", "Tangen")


def fodselsnummer(day: int, month: int, year: int, individual: int) -> str:
    """A fictitious fødselsnummer with valid check digits (born 1900-1999, individnummer 000-499)."""
    for number in range(individual, 500):
        digits = [int(c) for c in f"{day:02d}{month:02d}{year % 100:02d}{number:03d}"]
        k1 = (11 - sum(w * d for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), digits)) % 11) % 11
        if k1 == 10:
            continue
        k2 = (11 - sum(w * d for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), digits + [k1])) % 11) % 11
        if k2 != 10:
            return "".join(map(str, digits + [k1, k2]))
    raise ValueError("no valid individnummer")


def letter(index: int) -> tuple[str, str]:
    """A short Norwegian letter about a made-up person; returns (text, the fødselsnummer in it)."""
    name = f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {SURNAMES[(index * 5) % len(SURNAMES)]}"
    number = fodselsnummer(1 + index % 27, 1 + index % 12, 1961 + index % 30, 100 + index % 350)
    text = (f"Til {name}\n\nVi viser til søknaden din. Fødselsnummer: {number}.\n"
            f"Ta kontakt med saksbehandler på telefon 915 {index % 90 + 10:02d} 3{index % 10}8 om du har spørsmål.\n")
    return text, number


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest_rows(outbox: Path) -> list[dict]:
    with sqlite3.connect(outbox / MANIFEST_NAME, timeout=30) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM files ORDER BY relative")]


def visible_files(folder: Path) -> set[str]:
    """Files a person would see, without the manifest (and its SQLite -wal/-shm companions)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            and not p.name.startswith(MANIFEST_NAME)}


def encrypted_pdf(path: Path) -> None:
    with pikepdf.open(SAMPLES / "pdf" / "legeerklaering.pdf") as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="eier-2026", user="bruker-2026", R=6))


# A folder tree with good, corrupt, encrypted, unsupported and hanging files -----------------------


@pytest.fixture(scope="module")
def tree_run(tmp_path_factory, analyzer):
    base = tmp_path_factory.mktemp("tree")
    inbox, outbox = base / "inbox", base / "outbox"
    (inbox / "kunde-a" / "juni").mkdir(parents=True)
    (inbox / "kunde-b").mkdir()
    shutil.copy(SAMPLES / "nb" / "legeerklaering.txt", inbox / "kunde-a" / "legeerklaering.txt")
    shutil.copy(SAMPLES / "da" / "skadeanmeldelse.docx", inbox / "kunde-b" / "skadeanmeldelse.docx")
    text, number = letter(3)
    (inbox / "kunde-a" / "juni" / "brev.txt").write_text(text, encoding="utf-8")
    (inbox / "kunde-b" / "ødelagt.docx").write_bytes((SAMPLES / "nb" / "arbeidsavtale.docx").read_bytes()[:2500])
    (inbox / "kunde-b" / "passord.docx").write_bytes(OLE_MAGIC + bytes(504) + b"EncryptedPackage" * 32)
    encrypted_pdf(inbox / "kunde-a" / "låst.pdf")
    (inbox / "kunde-a" / "bilde.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (inbox / "kunde-a" / "~$brev.docx").write_bytes(b"Office lock file")
    (inbox / ".DS_Store").write_bytes(b"finder")
    # 2 MB of letters take minutes to screen on any machine (about 2 KB/s here): the limit kills the worker.
    (inbox / "kunde-b" / "zz-stor.txt").write_text("".join(letter(i)[0] for i in range(10000)), encoding="utf-8")
    before = snapshot(inbox)
    result = CliRunner().invoke(main_group, ["batch", str(inbox), "--out", str(outbox), "--workers", "2",
                                             "--time-limit", "20"])
    report = json.loads((outbox / "screening-report.json").read_text(encoding="utf-8"))
    return {"inbox": inbox, "outbox": outbox, "before": before, "result": result, "report": report,
            "number": number, "analyzer": analyzer}


def entry(report: dict, name: str) -> dict:
    (found,) = [f for f in report["files"] if f["path"].endswith(name)]
    return found


def test_tree_good_files_are_redacted_and_verified(tree_run):
    report, outbox = tree_run["report"], tree_run["outbox"]
    assert tree_run["result"].exit_code == 3, tree_run["result"].output
    for name in ("legeerklaering.txt", "skadeanmeldelse.docx", "brev.txt"):
        assert entry(report, name)["status"] == "ok", entry(report, name).get("error")
        assert entry(report, name)["verified"] is True
    letter_copy = (outbox / "kunde-a" / "juni" / "brev.txt").read_text(encoding="utf-8")
    assert tree_run["number"] not in letter_copy and re.search(r"\[NO_FODSELSNUMMER_\d+\]", letter_copy)
    assert entry(report, "legeerklaering.txt")["risk"] == "special"


def test_tree_bad_files_are_quarantined_with_a_reason(tree_run):
    report, outbox, inbox = tree_run["report"], tree_run["outbox"], tree_run["inbox"]
    assert "corrupt" in entry(report, "ødelagt.docx")["error"]
    assert "encrypted" in entry(report, "passord.docx")["error"]
    assert "encrypted PDF" in entry(report, "låst.pdf")["error"]
    assert entry(report, "zz-stor.txt")["status"] == "quarantined"
    assert "time limit" in entry(report, "zz-stor.txt")["error"]
    for relative in ("kunde-b/ødelagt.docx", "kunde-b/passord.docx", "kunde-a/låst.pdf", "kunde-b/zz-stor.txt"):
        kept = outbox / QUARANTINE_DIR / relative
        assert digest(kept) == digest(inbox / relative)
        reason = kept.with_name(kept.name + ".reason.txt").read_text(encoding="utf-8")
        assert "reason:" in reason and relative in reason
        assert not (outbox / relative).exists()
    assert tree_run["number"] not in (outbox / QUARANTINE_DIR / "kunde-b" / "zz-stor.txt.reason.txt").read_text()


def test_tree_unsupported_and_hidden_files_are_skipped(tree_run):
    report, outbox = tree_run["report"], tree_run["outbox"]
    assert [s["path"] for s in report["skipped"]] == [str(tree_run["inbox"] / "kunde-a" / "bilde.png")]
    assert {f["path"] for f in report["files"]}.isdisjoint({"~$brev.docx", ".DS_Store"})
    delivered = visible_files(outbox)
    assert {p for p in delivered if not p.startswith(QUARANTINE_DIR)} == {
        "kunde-a/legeerklaering.txt", "kunde-a/juni/brev.txt", "kunde-b/skadeanmeldelse.docx",
        "screening-report.json", "screening-report.html", "screening-report.csv"}


def test_tree_inputs_are_never_changed(tree_run):
    assert snapshot(tree_run["inbox"]) == tree_run["before"]


def _unnumbered(text: str) -> str:
    return re.sub(r"\[([A-Z_]+?)_\d+\]", r"[\1_n]", text)


def test_batch_copy_equals_what_redact_writes(tree_run, tmp_path):
    # The numbers depend on which worker reached a value first; everything else is what redact writes.
    source = tree_run["inbox"] / "kunde-a" / "legeerklaering.txt"
    Job(Settings(), tree_run["analyzer"]).process(source, str(source), tmp_path / "redacted.txt")
    batch_copy = (tree_run["outbox"] / "kunde-a" / "legeerklaering.txt").read_text(encoding="utf-8")
    assert _unnumbered((tmp_path / "redacted.txt").read_text(encoding="utf-8")) == _unnumbered(batch_copy)


def test_batch_numbers_placeholders_for_the_whole_run(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (inbox / name).write_text(f"Fil {name}\n\nNavn: Kari Nordmann\nE-post: kari.nordmann@example.no\n", encoding="utf-8")
    result = CliRunner().invoke(main_group, ["batch", str(inbox), "--out", str(outbox), "--workers", "2"])
    assert result.exit_code == 1, result.output
    copies = [(outbox / name).read_text(encoding="utf-8") for name in ("a.txt", "b.txt", "c.txt")]
    labels = {re.search(r"Navn: (\[PERSON_\d+\])", copy).group(1) for copy in copies}
    emails = {re.search(r"E-post: (\[EMAIL_ADDRESS_\d+\])", copy).group(1) for copy in copies}
    assert labels == {"[PERSON_1]"} and emails == {"[EMAIL_ADDRESS_1]"}


def test_tree_rerun_does_nothing_again(tree_run):
    outbox = tree_run["outbox"]
    outputs = snapshot(outbox / "kunde-a")
    started = time.monotonic()
    result = CliRunner().invoke(main_group, ["batch", str(tree_run["inbox"]), "--out", str(outbox), "--workers", "2"])
    assert result.exit_code == 3
    assert "7 files: 0 screened now, 7 done before" in result.output
    assert time.monotonic() - started < 5  # no worker, no engine was started
    assert snapshot(outbox / "kunde-a") == outputs
    assert len(manifest_rows(outbox)) == 7


# Killed mid-run, then resumed ---------------------------------------------------------------------


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def rows_if_ready(outbox: Path) -> list[dict]:
    if not (outbox / MANIFEST_NAME).exists():
        return []
    try:
        return manifest_rows(outbox)
    except sqlite3.OperationalError:  # the batch has not created the table yet
        return []


# Enough files that the run is still going when the test kills it, on a fast machine too.
FILES_IN_KILLED_RUN = 60


def test_killed_batch_resumes_to_completion(tmp_path, analyzer):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    numbers = {}
    for index in range(FILES_IN_KILLED_RUN):
        folder = inbox / f"sak-{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text, numbers[f"sak-{index % 3}/brev-{index:02d}.txt"] = letter(index)
        (folder / f"brev-{index:02d}.txt").write_text(text, encoding="utf-8")
    run = subprocess.Popen([str(SCREEN), "batch", str(inbox), "--out", str(outbox), "--workers", "1", "-q"],
                           start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        def done_count() -> int:
            return sum(1 for r in rows_if_ready(outbox) if r["state"] == "done")

        wait_for(lambda: done_count() >= 2, 180, "two files done")

        def retried() -> list[dict]:
            return [r for r in rows_if_ready(outbox) if r["attempts"] >= 2]

        for _ in range(5):
            running = wait_for(lambda: [r for r in rows_if_ready(outbox) if r["state"] == "running"], 30, "a running file")
            os.kill(running[0]["worker_pid"], signal.SIGKILL)  # the worker dies mid-file
            # A fast worker may have finished that file just before the kill: then kill the next one.
            with contextlib.suppress(AssertionError):
                wait_for(retried, 30, "the killed file taken again")
            if retried():
                break
        before = done_count()
        # The run goes on with a new worker, which took the killed file again first...
        wait_for(lambda: done_count() >= before + 1, 180, "progress after the worker was killed")
        assert run.poll() is None
        # ...and then the whole run is killed, workers included.
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        run.stderr.close()
    interrupted = {r["relative"]: r for r in manifest_rows(outbox)}
    # The file the worker died on was taken again by the new worker and went through.
    assert [r["status"] for r in interrupted.values() if r["attempts"] >= 2] == ["ok"]
    assert len(interrupted) < FILES_IN_KILLED_RUN or any(r["state"] == "running" for r in interrupted.values())
    # No visible half-written copy: a copy on disk is one the manifest records as done, or the one the
    # killed run had just renamed into place; either way it equals what the resumed run ends with
    # (a copy recorded as done is kept; one the killed run had not yet recorded is made again).
    on_disk = {name: digest(outbox / name) for name in visible_files(outbox)}
    for name, sha in on_disk.items():
        assert name in interrupted
        assert interrupted[name]["state"] == "running" or interrupted[name]["output_sha256"] == sha

    result = CliRunner().invoke(main_group, ["batch", str(inbox), "--out", str(outbox), "--workers", "1"])
    assert result.exit_code == 1, result.output
    rows = manifest_rows(outbox)
    assert sorted(r["relative"] for r in rows) == sorted(numbers)  # one row per file: nothing twice
    assert all(r["state"] == "done" and r["status"] == "ok" for r in rows)
    report = json.loads((outbox / "screening-report.json").read_text(encoding="utf-8"))
    assert sorted(f["path"] for f in report["files"]) == sorted(str(inbox / n) for n in numbers)
    assert all(f["verified"] is True for f in report["files"])
    assert visible_files(outbox) - {"screening-report.json", "screening-report.html",
                                    "screening-report.csv"} == set(numbers)
    assert not [p for p in outbox.rglob(".*.screen-*")]  # temporary copies of the killed run are gone
    kept = {name for name in on_disk if interrupted[name]["state"] == "done"}
    assert {name: digest(outbox / name) for name in kept} == {name: on_disk[name] for name in kept}
    for name, number in numbers.items():
        copy = (outbox / name).read_text(encoding="utf-8")
        assert number not in copy and re.search(r"\[NO_FODSELSNUMMER_\d+\]", copy)
        assert [r["output_sha256"] for r in rows if r["relative"] == name] == [digest(outbox / name)]


# --watch ------------------------------------------------------------------------------------------


def test_watch_takes_a_file_written_after_start_once_complete(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    first, _ = letter(1)
    (inbox / "først.txt").write_text(first, encoding="utf-8")
    stop = threading.Event()
    options = BatchOptions(workers=1, watch=True, poll_interval=0.3, settle=1.5, time_limit=120)
    summaries = []
    watcher = threading.Thread(target=lambda: summaries.append(run_batch(inbox, outbox, Settings(), options, stop=stop)))
    watcher.start()
    try:
        wait_for(lambda: any(r["state"] == "done" for r in rows_if_ready(outbox)), 180, "the first file")
        text, number = letter(2)
        half = len(text) // 2
        late = inbox / "sak" / "senere.txt"
        late.parent.mkdir()
        with late.open("w", encoding="utf-8") as handle:  # written in two steps, like a slow copy
            handle.write(text[:half])
            handle.flush()
            time.sleep(0.7)
            handle.write(text[half:])
        wait_for(lambda: len([r for r in rows_if_ready(outbox) if r["state"] == "done"]) == 2, 120, "the late file")
    finally:
        stop.set()
        watcher.join(timeout=60)
    assert not watcher.is_alive()
    late_rows = [r for r in manifest_rows(outbox) if r["relative"] == "sak/senere.txt"]
    assert len(late_rows) == 1 and late_rows[0]["sha256"] == digest(late)  # taken once, complete
    copy = (outbox / "sak" / "senere.txt").read_text(encoding="utf-8")
    assert number not in copy and re.search(r"\[NO_FODSELSNUMMER_\d+\]", copy) and copy.endswith("spørsmål.\n")
    report = json.loads((outbox / "screening-report.json").read_text(encoding="utf-8"))
    assert len(report["files"]) == 2 and summaries[0].processed == 2 and summaries[0].reused == 0
