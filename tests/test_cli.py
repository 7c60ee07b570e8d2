"""The command line: bad input, exit statuses, skipped files, and no network at run time."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main_group

ROOT = Path(__file__).resolve().parent.parent
SCREEN = [sys.executable, "-m", "screening"]


def _scan(*args: str):
    return CliRunner().invoke(main_group, ["scan", *args])


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Kjære Kari Nordmann,\ntelefon 412 55 983.\n", encoding="utf-8")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 truncated zip")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not screened")
    return folder


def test_bad_files_are_errors_and_the_others_are_processed(inbox: Path, tmp_path: Path, analyzer) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main_group, ["redact", str(inbox), str(tmp_path / "missing.txt"), "--out", str(out), "-q"])
    assert result.exit_code == 3
    report = json.loads((out / "screening-report.json").read_text(encoding="utf-8"))
    status = {Path(f["path"]).name: f for f in report["files"]}
    assert status["good.txt"]["status"] == "ok" and (out / "good.txt").exists()
    for name, message in (("corrupt.docx", "not a valid DOCX"), ("empty.txt", "empty file"),
                          ("binary.txt", "binary file"), ("missing.txt", "no such file")):
        assert status[name]["status"] == "error", name
        assert message in status[name]["error"] and name in status[name]["error"]
        assert "\n" not in status[name]["error"]
    assert not (out / "corrupt.docx").exists() and not (out / "sub" / "binary.txt").exists()
    assert [Path(s["path"]).name for s in report["skipped"]] == ["photo.jpg"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("screen: ")]
    assert len(errors) == 4 and all(len(line) < 200 for line in errors)


def test_unreadable_file_is_an_error(analyzer) -> None:
    import tempfile

    from screening.pipeline import Job, Settings

    tmp_path = Path(tempfile.mkdtemp(prefix="screen-perm-"))
    tmp_path.chmod(0o755)  # the folder can be listed by anyone, the file below cannot be read

    secret = tmp_path / "secret.txt"
    secret.write_text("Navn: Kari Nordmann\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Ingen personopplysninger her, bare Kari Nordmann.\n", encoding="utf-8")
    job = Job(Settings(), analyzer)
    assert job.process(good).status == "ok"  # warm: everything the run needs is loaded
    secret.chmod(0)
    as_root = os.geteuid() == 0
    if as_root:  # root reads everything: look at the file as an ordinary user, then become root again
        os.seteuid(65534)
    try:
        result = job.process(secret)
    finally:
        if as_root:
            os.seteuid(0)
    shutil.rmtree(tmp_path)
    assert result.status == "error"
    assert result.error == f"{secret}: permission denied"


def test_exit_status_0_for_nothing_and_1_for_personal_data(tmp_path: Path, analyzer) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Møtet starter klokken ti i morgen.\n", encoding="utf-8")
    assert _scan(str(clean)).exit_code == 0
    personal = tmp_path / "personal.txt"
    personal.write_text("Send kvitteringen til kari.nordmann@example.no.\n", encoding="utf-8")
    result = _scan(str(personal))
    assert result.exit_code == 1
    assert "1 with personal data" in result.output


def test_usage_error_exits_4() -> None:
    completed = subprocess.run(SCREEN + ["redact", "samples"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert completed.returncode == 4
    assert "--out" in completed.stderr
    completed = subprocess.run(SCREEN + ["scan", "--mode", "x", "samples"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert completed.returncode == 4


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(main_group, ["--help"])
    assert result.exit_code == 0
    assert "scan" in result.output and "redact" in result.output


def test_redact_makes_no_network_connection(tmp_path: Path, monkeypatch) -> None:
    """The whole run, engine start-up included, with every socket connection failing loudly."""
    attempts: list[object] = []

    def refuse(self, address):  # noqa: ANN001
        attempts.append(address)
        raise OSError("network access attempted during screening")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))

    from screening import analysis

    monkeypatch.setattr(analysis, "shared_analyzer", lambda *a: analysis.Analyzer())
    source = tmp_path / "in"
    shutil.copytree(ROOT / "samples" / "nb", source)
    (source / "web.txt").write_text("Se https://www.eksempel.no/side og skriv til ola@eksempel.no.\n", encoding="utf-8")
    result = CliRunner().invoke(main_group, ["redact", str(source), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code in (1, 2), result.output
    assert attempts == []
    report = json.loads((tmp_path / "out" / "screening-report.json").read_text(encoding="utf-8"))
    web = next(f for f in report["files"] if f["path"].endswith("web.txt"))
    assert web["counts"].get("EMAIL_ADDRESS") == 1 and web["counts"].get("URL") == 1
