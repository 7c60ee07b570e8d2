"""Batch screening of an incoming folder: workers, a resumable manifest, quarantine and watch.

``run_batch(INBOX, OUTBOX, settings)`` writes a verified sanitized copy of every supported file under
INBOX to OUTBOX/<relative path>, the run's reports beside them, and every file that could not be
processed or failed verification, with a reason file, to OUTBOX/_quarantine. Inputs are only read.

How it stays safe and resumable:

- Each worker is a separate process that builds the analysis engine once and screens one file at a
  time with :class:`screening.pipeline.Job`, exactly as ``screen redact`` does, so a copy is written to
  a temporary name and only renamed once verified. A worker that crashes or passes the per-file time
  limit is killed; its file is retried once (the crash may have come from outside: the OOM killer, a
  kill) and then quarantined, and the batch goes on.
- A SQLite manifest (OUTBOX/screening-manifest.sqlite) records every file by relative path, content
  hash and a fingerprint of the settings. A rerun skips what is done (when the copy on disk still has
  the recorded hash) and redoes what was running when the last run stopped. The manifest never holds
  a raw value: the stored results are the report entries without values.
- Numbering is job-wide, as in ``screen redact``: the parent process serves one
  :class:`~screening.placeholders.PlaceholderBook` to every worker (a multiprocessing manager), so the
  same person is "[PERSON_1]" in every file of the run. Which number a new value gets depends on which
  worker reaches it first; with one worker the numbers are those of ``screen redact``. Without a vault
  a resumed run starts a new book: the manifest holds no raw value, so it cannot continue the old
  numbering.
- With a vault (``screen batch --vault``) the book starts from the vault's numbering, so a later run
  gives a known person the placeholder of the earlier runs, and ``--mode pseudonym`` stand-ins come
  from one pseudonymizer served the same way. A worker writes its verified copy under a hidden staging
  name; the parent records the file in the vault, saves the vault (atomically, 0600) and only then
  renames the copy into place and marks it done in the manifest. So every delivered copy is in the
  vault even when the batch is killed, also in watch mode; a copy the manifest holds as done but the
  vault lacks (another vault, a crash between the two) is screened again. Quarantined and failed
  files get no record: restore only needs delivered files, and the values they numbered stay in the
  book so that the file, fixed and put back in the inbox, keeps the same placeholders.
- ``watch`` polls INBOX and takes a file only when its size and modification time have stayed the same
  for ``settle`` seconds, so a file that is still being copied in is not screened half-written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import signal
import sqlite3
import threading
import time
from collections import deque
from multiprocessing.managers import BaseManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Protocol

from screening import __version__
from screening.formats import adapter_for
from screening.placeholders import PlaceholderBook
from screening.pipeline import (
    STATUS_ERROR,
    STATUS_OK,
    STATUS_QUARANTINED,
    STATUS_SKIPPED,
    FileResult,
    Settings,
    sha256_of,
)

if TYPE_CHECKING:
    from screening.vault import FileRecord, Vault

logger = logging.getLogger(__name__)

MANIFEST_NAME = "screening-manifest.sqlite"
QUARANTINE_DIR = "_quarantine"
REPORT_NAMES = ("screening-report.json", "screening-report.html", "screening-report.csv")
LOCK_NAME = ".screening-batch.lock"
DEFAULT_TIME_LIMIT = 300.0
MAX_ATTEMPTS = 2  # a worker crash is retried once: the kill may not have been the file's fault
MAX_STARTUP_FAILURES = 3

# Files that are being written or are not documents: Office lock files, browser and rsync partials.
_INCOMPLETE = re.compile(r"^~\$|\.(?:part|partial|crdownload|download|tmp|temp)$", re.IGNORECASE)
_TEMPORARY_COPY = re.compile(r"^\..+\.screen-\d+(?:\.[^.]+)?$")
# A verified copy waiting for the vault to be saved before it is renamed into place (see the docstring).
_STAGED_COPY = re.compile(r"^\..+\.screen-staged(?:\.[^.]+)?$")


class BatchError(Exception):
    """The batch cannot run (folders, lock, workers that do not start); the message says why."""


# Settings -----------------------------------------------------------------------------------------


def settings_fingerprint(settings: Settings) -> str:
    """A short hash of everything that changes an output; a rerun with other settings redoes the files.

    The screening date is left out on purpose: it only moves the age of a person across 16 on a
    birthday, and including it would redo the whole inbox every day.
    """
    policy = settings.policy
    described = {
        "tool": __version__,
        "mode": settings.mode,
        "language": settings.language,
        "include_values": settings.include_values,
        "pdf_ocr": bool(os.environ.get("SCREEN_PDF_OCR")),  # set by --ocr; the workers inherit it
        "policy": {
            name: sorted(value) if isinstance(value, (set, frozenset, tuple, list)) else value
            for name, value in sorted(dataclasses.asdict(policy).items())
        },
    }
    if settings.number_special:  # "[HEALTH_1]" rather than "[HEALTH]"; absent otherwise, so older manifests stay valid
        described["number_special"] = True
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=sorted).encode()).hexdigest()[:16]


# Manifest -----------------------------------------------------------------------------------------


@dataclass
class Record:
    relative: str
    sha256: str
    state: str  # running | done
    status: str | None
    output_sha256: str | None
    result: dict[str, Any] | None
    attempts: int


class Manifest:
    """The SQLite file that makes a batch resumable; one row per (relative path, content, settings)."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS files (
        relative      TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        settings      TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('running', 'done')),
        status        TEXT,
        output_sha256 TEXT,
        result        TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        worker_pid    INTEGER,
        started       TEXT,
        finished      TEXT,
        PRIMARY KEY (relative, sha256, settings)
    );
    """

    def __init__(self, path: Path, settings_key: str) -> None:
        self.path = path
        self.settings_key = settings_key
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(self.SCHEMA)

    def close(self) -> None:
        self.db.close()

    def get(self, relative: str, sha256: str) -> Record | None:
        row = self.db.execute(
            "SELECT relative, sha256, state, status, output_sha256, result, attempts FROM files "
            "WHERE relative = ? AND sha256 = ? AND settings = ?",
            (relative, sha256, self.settings_key),
        ).fetchone()
        if row is None:
            return None
        return Record(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]) if row[5] else None, row[6])

    def start(self, relative: str, sha256: str, worker_pid: int) -> int:
        """Mark a file as running in a worker; returns the attempt number (1 for the first)."""
        with self.db:
            self.db.execute(
                "INSERT INTO files (relative, sha256, settings, state, attempts, worker_pid, started) "
                "VALUES (?, ?, ?, 'running', 1, ?, ?) "
                "ON CONFLICT (relative, sha256, settings) DO UPDATE SET state = 'running', "
                "attempts = attempts + 1, worker_pid = excluded.worker_pid, started = excluded.started",
                (relative, sha256, self.settings_key, worker_pid, _now()),
            )
        return self.db.execute(
            "SELECT attempts FROM files WHERE relative = ? AND sha256 = ? AND settings = ?",
            (relative, sha256, self.settings_key),
        ).fetchone()[0]

    def finish(self, relative: str, sha256: str, result: FileResult, output_sha256: str | None) -> None:
        stored = result.to_dict()
        for finding in stored["findings"]:
            finding.pop("value", None)  # the manifest is not a place for raw values
        with self.db:
            self.db.execute(
                "INSERT INTO files (relative, sha256, settings, state, status, output_sha256, result, attempts, finished) "
                "VALUES (?, ?, ?, 'done', ?, ?, ?, 1, ?) "
                "ON CONFLICT (relative, sha256, settings) DO UPDATE SET state = 'done', status = excluded.status, "
                "output_sha256 = excluded.output_sha256, result = excluded.result, worker_pid = NULL, "
                "finished = excluded.finished",
                (relative, sha256, self.settings_key, result.status, output_sha256,
                 json.dumps(stored, ensure_ascii=False), _now()),
            )


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def result_from_dict(entry: dict[str, Any]) -> FileResult:
    """A FileResult again from its report entry (as stored in the manifest)."""
    names = {f.name for f in dataclasses.fields(FileResult)}
    return FileResult(**{key: value for key, value in entry.items() if key in names})


# Inputs -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    source: Path
    relative: Path
    sha256: str
    attempt: int = 0


def list_inputs(inbox: Path) -> list[tuple[Path, Path]]:
    """(file, relative path) for every file under INBOX that is a candidate document, sorted.

    Hidden files and folders, Office lock files and partial downloads are left out.
    """
    found = []
    for file in sorted(inbox.rglob("*")):
        if not (file.is_file() or file.is_symlink()):
            continue
        relative = file.relative_to(inbox)
        if any(part.startswith(".") for part in relative.parts) or _INCOMPLETE.search(file.name):
            continue
        found.append((file, relative))
    return found


class _HashCache:
    """Content hashes, recomputed only when size or modification time change (watch polls often)."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[int, int, str]] = {}

    def sha256(self, path: Path) -> str:
        stat = path.stat()
        known = self._known.get(path)
        if known and known[:2] == (stat.st_size, stat.st_mtime_ns):
            return known[2]
        digest = sha256_of(path)
        self._known[path] = (stat.st_size, stat.st_mtime_ns, digest)
        return digest


class _Settler:
    """Which files have stopped changing: same size and mtime as at the last poll, and older than ``settle``."""

    def __init__(self, settle: float) -> None:
        self.settle = settle
        self._last: dict[Path, tuple[int, int]] = {}

    def complete(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        signature = (stat.st_size, stat.st_mtime_ns)
        previous = self._last.get(path)
        self._last[path] = signature
        # Seen for the first time and already old: present before the watch began (cp -p and rsync
        # set an old mtime only once done, or write under a hidden name first).
        return (previous is None or previous == signature) and time.time() - stat.st_mtime >= self.settle


# Workers ------------------------------------------------------------------------------------------


def _exit_on_terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


# The manager serves each worker connection in a thread of its own; a book or pseudonymizer checks and
# then updates its counters, so two workers must not be inside one at the same time.
_SHARED_LOCK = threading.Lock()


class SharedBook:
    """The run's placeholder book as the manager serves it: one call at a time, state for the vault."""

    def __init__(self, state: dict[str, Any] | None = None) -> None:
        if state:
            from screening.vault import book_from_state

            self._book = book_from_state(state)
        else:
            self._book = PlaceholderBook()

    def label(self, entity_type: str, value: str) -> str:
        with _SHARED_LOCK:
            return self._book.label(entity_type, value)

    def known_names(self) -> set[str]:
        with _SHARED_LOCK:
            return set(self._book.known_names())

    def originals(self) -> dict[str, str]:
        with _SHARED_LOCK:
            return self._book.originals()

    def state(self) -> dict[str, Any]:
        from screening.vault import book_state

        with _SHARED_LOCK:
            return book_state(self._book)


class SharedPseudonymizer:
    """The stand-ins of ``--mode pseudonym`` for every worker, continuing those of the vault."""

    def __init__(self, secret: str, known: dict[str, tuple[str, dict[str, str]]]) -> None:
        from screening.pseudonyms import Pseudonymizer

        self._pseudonymizer = Pseudonymizer(secret, known)

    def pseudonym(self, placeholder: str, entity_type: str, original: str, language: str | None) -> str:
        with _SHARED_LOCK:
            return self._pseudonymizer.pseudonym(placeholder, entity_type, original, language)

    def is_stand_in(self, entity_type: str, text: str) -> bool:
        with _SHARED_LOCK:
            return self._pseudonymizer.is_stand_in(entity_type, text)

    def records(self) -> dict[str, tuple[str, dict[str, str]]]:
        with _SHARED_LOCK:
            return self._pseudonymizer.records()


class _BookManager(BaseManager):
    """Serves the run's one placeholder book (and pseudonymizer) to the worker processes."""


_BookManager.register("PlaceholderBook", SharedBook)
_BookManager.register("Pseudonymizer", SharedPseudonymizer)


@dataclass(frozen=True)
class VaultStart:
    """What the shared objects start from when the batch has a vault."""

    book: dict[str, Any]
    pseudonym_secret: str
    stand_ins: dict[str, tuple[str, dict[str, str]]]

    @classmethod
    def of(cls, vault: Vault) -> VaultStart:
        stand_ins = {p: (e.pseudonym, dict(e.variants)) for p, e in vault.content.entries.items() if e.pseudonym}
        return cls(dict(vault.content.book), vault.content.pseudonym_secret, stand_ins)


def _worker_main(connection: multiprocessing.connection.Connection, settings: Settings, book: Any = None,
                 pseudonymizer: Any = None, keep_written: bool = False) -> None:
    """A worker process: build the engine once, then screen one file per message until told to stop."""
    # Ctrl-C reaches the whole process group; the parent decides and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM as an exception, so the pipeline removes its temporary copy on the way out.
    signal.signal(signal.SIGTERM, _exit_on_terminate)
    from screening.analysis import shared_analyzer
    from screening.pipeline import Job

    analyzer = shared_analyzer()
    connection.send(("ready", os.getpid()))
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        source, display, target = message
        written: list[tuple[str, str, str]] = []
        try:
            job = Job(settings, analyzer, pseudonymizer=pseudonymizer)
            if book is not None:  # the run's shared numbering: see the module docstring
                job.book = book
            result = job.process(Path(source), display, Path(target))
            if keep_written:  # what the vault records per file; over the pipe, never to disk
                written = job.written.get(str(Path(source)), [])
        except Exception as error:  # a bug must cost one file, not the batch
            logger.debug("screening %s failed", display, exc_info=True)
            result = FileResult(path=display, status=STATUS_ERROR,
                                error=f"{display}: internal error while screening ({type(error).__name__})")
        connection.send(("done", (result, written)))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection
    pid: int | None = None
    task: Task | None = None
    deadline: float | None = None

    @property
    def ready(self) -> bool:
        return self.pid is not None


# A finished task, its result, and what was written per placeholder (only kept when there is a vault).
OnResult = Callable[[Task, FileResult, list[tuple[str, str, str]]], None]


class Reporter(Protocol):
    def add_total(self, count: int) -> None: ...

    def file_done(self, relative: Path, result: FileResult) -> None: ...


@dataclass
class BatchOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds per file, engine start-up not included
    retry_failed: bool = False  # redo files the manifest holds as error or quarantined
    report_lang: str | None = None
    watch: bool = False
    poll_interval: float = 2.0
    settle: float = 2.0


@dataclass
class BatchSummary:
    results: list[FileResult]
    processed: int  # screened in this run (the others came from the manifest)
    reused: int


class WorkerPool:
    """Worker processes that each hold an engine, kept across watch rounds, replaced when they die.

    With ``vault`` set the shared book starts from the vault's numbering, the workers send back what
    they wrote per file, and copies go to a staging name (:meth:`target_for`) for the batch to move.
    """

    def __init__(self, settings: Settings, size: int, time_limit: float, vault: VaultStart | None = None) -> None:
        self.settings = settings
        self.size = max(1, size)
        self.time_limit = time_limit
        self.vault = vault
        self.context = multiprocessing.get_context("spawn")  # no forked copies of a half-initialised engine
        self.workers: list[_Worker] = []
        self.startup_failures = 0
        self._manager: _BookManager | None = None
        self.book: Any = None
        self.pseudonymizer: Any = None

    def _shared(self) -> tuple[Any, Any]:
        if self._manager is None:
            self._manager = _BookManager(ctx=self.context)
            self._manager.start()
            self.book = self._manager.PlaceholderBook(self.vault.book if self.vault else None)
            if self.vault is not None and self.settings.mode == "pseudonym":
                self.pseudonymizer = self._manager.Pseudonymizer(self.vault.pseudonym_secret, self.vault.stand_ins)
        return self.book, self.pseudonymizer

    def target_for(self, outbox: Path, task: Task) -> Path:
        """Where a worker writes the copy: its place in OUTBOX, or with a vault a hidden staging name."""
        target = outbox / task.relative
        if self.vault is None:
            return target
        return target.with_name(f".{target.stem}.screen-staged{target.suffix}")

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        book, pseudonymizer = self._shared()
        process = self.context.Process(target=_worker_main,
                                       args=(child, self.settings, book, pseudonymizer, self.vault is not None),
                                       daemon=True, name="screen-worker")
        process.start()
        child.close()
        self.workers.append(_Worker(process, parent))

    def run(self, tasks: list[Task], outbox: Path, manifest: Manifest, on_result: OnResult) -> None:
        """Screen every task; returns when all are done (each has given ``on_result`` exactly once)."""
        queue = deque(tasks)
        while queue or any(w.task for w in self.workers):
            while len(self.workers) < min(self.size, len(queue) + sum(1 for w in self.workers if w.task)):
                self._start()
            for worker in self.workers:
                if worker.ready and worker.task is None and queue:
                    task = queue.popleft()
                    attempt = manifest.start(task.relative.as_posix(), task.sha256, worker.pid or 0)
                    worker.task = dataclasses.replace(task, attempt=attempt)
                    worker.deadline = time.monotonic() + self.time_limit
                    worker.connection.send((str(task.source), str(task.source), str(self.target_for(outbox, task))))
            deadlines = [w.deadline for w in self.workers if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else 1.0
            waitables: list[Any] = [w.connection for w in self.workers] + [w.process.sentinel for w in self.workers]
            multiprocessing.connection.wait(waitables, timeout=min(timeout, 1.0))
            for worker in list(self.workers):
                self._poll(worker, queue, outbox, on_result)

    def _poll(self, worker: _Worker, queue: deque[Task], outbox: Path, on_result: OnResult) -> None:
        try:
            while worker.connection.poll():
                kind, payload = worker.connection.recv()
                if kind == "ready":
                    worker.pid = payload
                    self.startup_failures = 0
                elif kind == "done" and worker.task is not None:
                    task, worker.task, worker.deadline = worker.task, None, None
                    result, written = payload
                    on_result(task, result, written)
        except (EOFError, OSError):
            pass  # the worker died; handled below
        if not worker.process.is_alive():
            self._lost(worker, queue, outbox, on_result, reason=f"the worker screening it stopped (exit code {worker.process.exitcode})")
        elif worker.deadline is not None and time.monotonic() > worker.deadline:
            self._kill(worker)
            task = worker.task
            assert task is not None
            worker.task = None  # a hang is not retried: it would cost the whole limit again
            self._remove(worker, outbox, task)
            on_result(task, _failure(task, f"took longer than the time limit of {self.time_limit:g} s"), [])

    def _lost(self, worker: _Worker, queue: deque[Task], outbox: Path, on_result: OnResult, reason: str) -> None:
        task = worker.task
        self._remove(worker, outbox, task)
        if task is None:
            if worker.pid is None:
                self.startup_failures += 1
                if self.startup_failures >= MAX_STARTUP_FAILURES:
                    raise BatchError("the screening workers fail to start (run with --verbose --workers 1 to see why)")
            return
        if task.attempt < MAX_ATTEMPTS:
            logger.warning("%s: %s; trying again", task.relative, reason)
            queue.appendleft(task)
        else:
            on_result(task, _failure(task, f"{reason}, {task.attempt} times"), [])

    def _remove(self, worker: _Worker, outbox: Path, task: Task | None) -> None:
        if worker in self.workers:
            self.workers.remove(worker)
        worker.connection.close()
        worker.process.join(timeout=5)
        if task is not None and worker.pid:
            target = self.target_for(outbox, task)
            # The name Job._write_verified gives its temporary copy; a killed worker leaves it behind.
            target.with_name(f".{target.stem}.screen-{worker.pid}{target.suffix}").unlink(missing_ok=True)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        worker.process.terminate()
        worker.process.join(timeout=3)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=3)

    def terminate(self) -> None:
        """Stop now (Ctrl-C, an error): workers remove their temporary copies on SIGTERM."""
        for worker in self.workers:
            self._kill(worker)
            worker.connection.close()
        self.workers.clear()
        self._stop_manager()

    def _stop_manager(self) -> None:
        if self._manager is not None:
            with contextlib.suppress(Exception):
                self._manager.shutdown()
            self._manager, self.book, self.pseudonymizer = None, None, None

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.connection.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                self._kill(worker)
            worker.connection.close()
        self.workers.clear()
        self._stop_manager()


def _failure(task: Task, reason: str) -> FileResult:
    display = str(task.source)
    return FileResult(path=display, format=task.source.suffix.lower().lstrip(".") or None,
                      status=STATUS_QUARANTINED, sha256=task.sha256, error=f"{display}: {reason}", verified=False)


# The batch ----------------------------------------------------------------------------------------


class Batch:
    """One INBOX -> OUTBOX run (or a watch loop): discovery, resume, quarantine and reports."""

    def __init__(self, inbox: Path, outbox: Path, settings: Settings, options: BatchOptions | None = None,
                 reporter: Reporter | None = None, vault: Vault | None = None) -> None:
        self.inbox, self.outbox = inbox, outbox
        self.settings = settings
        self.options = options or BatchOptions()
        self.reporter = reporter
        self.vault = vault  # opened and locked by the caller; see the module docstring
        self.hashes = _HashCache()
        self.processed = 0
        self.reused: set[Path] = set()  # files whose result came from the manifest (counted once in watch)
        self._screened: set[Path] = set()
        self._delivered: dict[str, FileRecord] = {}  # relative path -> its record in the vault, for this run
        _check_folders(inbox, outbox)
        if settings.mode == "pseudonym" and vault is None:
            # Without a vault the stand-ins would change from run to run and could not be restored.
            raise BatchError("--mode pseudonym needs --vault in a batch")
        if vault is not None and settings.mode in ("mask", "remove"):
            raise BatchError(f"--vault needs --mode placeholder or pseudonym: {settings.mode} cannot be put back")

    def run(self, stop: threading.Event | None = None) -> BatchSummary:
        """Process the inbox; with ``options.watch`` keep polling until ``stop`` is set (or Ctrl-C)."""
        self.outbox.mkdir(parents=True, exist_ok=True)
        with _exclusive_lock(self.outbox / LOCK_NAME):
            _remove_temporary_copies(self.outbox)
            manifest = Manifest(self.outbox / MANIFEST_NAME, settings_fingerprint(self.settings))
            pool = WorkerPool(self.settings, self.options.workers, self.options.time_limit,
                              VaultStart.of(self.vault) if self.vault is not None else None)
            try:
                if not self.options.watch:
                    results = self._round(manifest, pool, settler=None)
                    self._finish_vault(pool)
                    self._write_reports(results)
                    return BatchSummary(results, self.processed, len(self.reused - self._screened))
                settler = _Settler(self.options.settle)
                results: list[FileResult] = []
                written = -1
                stop = stop or threading.Event()
                while not stop.is_set():
                    results = self._round(manifest, pool, settler)
                    if self.processed != written:
                        self._write_reports(results)
                        written = self.processed
                    stop.wait(self.options.poll_interval)
                self._finish_vault(pool)
                return BatchSummary(results, self.processed, len(self.reused - self._screened))
            except BaseException:
                pool.terminate()
                raise
            finally:
                pool.close()
                manifest.close()

    def _round(self, manifest: Manifest, pool: WorkerPool, settler: _Settler | None) -> list[FileResult]:
        """One pass over the inbox; the results of every file present (new or from the manifest)."""
        by_relative: dict[Path, FileResult] = {}
        tasks: list[Task] = []
        for source, relative in list_inputs(self.inbox):
            if settler is not None and not settler.complete(source):
                continue
            result = self._known(manifest, source, relative, tasks)
            if result is not None:
                by_relative[relative] = result
        if tasks:
            if self.reporter:
                self.reporter.add_total(len(tasks))

            def done(task: Task, result: FileResult, written: list[tuple[str, str, str]]) -> None:
                if result.status in (STATUS_ERROR, STATUS_QUARANTINED):
                    # A copy made from an earlier version of this file must not stay deliverable.
                    (self.outbox / task.relative).unlink(missing_ok=True)
                    self._quarantine(task, result)
                else:
                    if self.vault is not None and result.output:
                        self._deliver(pool, task, result, written)
                    self._release(task)
                output_sha = sha256_of(Path(result.output)) if result.output else None
                manifest.finish(task.relative.as_posix(), task.sha256, result, output_sha)
                by_relative[task.relative] = result
                self.processed += 1
                self._screened.add(task.relative)
                if self.reporter:
                    self.reporter.file_done(task.relative, result)

            pool.run(tasks, self.outbox, manifest, done)
        return [by_relative[key] for key in sorted(by_relative)]

    def _known(self, manifest: Manifest, source: Path, relative: Path, tasks: list[Task]) -> FileResult | None:
        """The result of a file that needs no worker (done before, unsupported, unreadable), else queue it."""
        display = str(source)
        if relative.parts[0] == QUARANTINE_DIR or (len(relative.parts) == 1 and relative.name in REPORT_NAMES + (MANIFEST_NAME,)):
            return FileResult(path=display, status=STATUS_ERROR,
                              error=f"{display}: this name is reserved for the batch's own output")
        if adapter_for(source) is None:
            return FileResult(path=display, format=source.suffix.lower().lstrip(".") or None,
                              status=STATUS_SKIPPED, error=f"{display}: unsupported file type")
        try:
            sha = self.hashes.sha256(source)
        except OSError as error:
            return FileResult(path=display, status=STATUS_ERROR, error=f"{display}: cannot be read ({error.strerror})")
        record = manifest.get(relative.as_posix(), sha)
        if record is not None and record.state == "done" and record.result is not None and self._still_valid(record, relative):
            self.reused.add(relative)
            return result_from_dict(record.result)
        tasks.append(Task(source, relative, sha))
        return None

    def _still_valid(self, record: Record, relative: Path) -> bool:
        if record.status == STATUS_OK:
            target = self.outbox / relative
            if self.vault is not None and relative.as_posix() not in self.vault.content.files:
                return False  # done with another vault, or before the vault was saved: restore needs its record
            return target.is_file() and self.hashes.sha256(target) == record.output_sha256
        if record.status in (STATUS_ERROR, STATUS_QUARANTINED):
            return not self.options.retry_failed
        return True

    def _deliver(self, pool: WorkerPool, task: Task, result: FileResult, written: list[tuple[str, str, str]]) -> None:
        """Record a verified copy in the vault, save the vault, then move the copy to its place."""
        from screening.vault import FileRecord, book_from_state

        assert self.vault is not None
        book = book_from_state(pool.book.state())
        name = task.relative.as_posix()
        record = FileRecord.from_written(written, set(book.originals()))
        stand_ins = pool.pseudonymizer.records() if pool.pseudonymizer is not None else None
        self.vault.content.record_job(book, stand_ins, {name: record}, self.settings.mode, final=False)
        self._delivered[name] = record
        try:
            self.vault.save()
        except OSError as error:  # not deliverable without its record: stop, the next run redoes the file
            raise BatchError(f"{self.vault.path.name}: cannot save the vault ({error.strerror or error}); "
                             "the batch stopped") from None
        target = self.outbox / task.relative
        os.replace(result.output, target)
        result.output = str(target)

    def _finish_vault(self, pool: WorkerPool) -> None:
        """The run's entry in the vault, and its final numbering (also that of quarantined files)."""
        if self.vault is None or not (self.processed or self.vault.is_new):
            return
        from screening.vault import book_from_state

        book = book_from_state(pool.book.state()) if pool.book is not None else self.vault.content.placeholder_book()
        stand_ins = pool.pseudonymizer.records() if pool.pseudonymizer is not None else None
        self.vault.content.record_job(book, stand_ins, self._delivered, self.settings.mode, final=True)
        try:
            self.vault.save()
        except OSError as error:
            raise BatchError(f"{self.vault.path.name}: cannot save the vault ({error.strerror or error})") from None

    def _quarantine(self, task: Task, result: FileResult) -> None:
        """Copy the input to OUTBOX/_quarantine/<relative path> with <name>.reason.txt beside it."""
        target = self.outbox / QUARANTINE_DIR / task.relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            shutil.copy2(task.source, target)
        reason = result.error or result.status
        target.with_name(target.name + ".reason.txt").write_text(
            f"file: {task.relative.as_posix()}\nsha256: {task.sha256}\nstatus: {result.status}\n"
            f"reason: {reason}\nwhen: {_now()}\n"
            "This is the unprocessed original. Do not deliver it; fix or redact it by hand and put it in the inbox again.\n",
            encoding="utf-8",
        )

    def _release(self, task: Task) -> None:
        """Remove a quarantined earlier version once the file has gone through."""
        target = self.outbox / QUARANTINE_DIR / task.relative
        target.unlink(missing_ok=True)
        target.with_name(target.name + ".reason.txt").unlink(missing_ok=True)

    def _write_reports(self, results: list[FileResult]) -> None:
        from screening.report import csv_report, html, json_report

        report = json_report.build_report(results, self.settings.include_values, command="batch")
        _atomic_write(self.outbox / "screening-report.json", json_report.dumps(report))
        _atomic_write(self.outbox / "screening-report.html",
                      html.render(report, self.options.report_lang or html.default_language(report)))
        _atomic_write(self.outbox / "screening-report.csv", csv_report.render(report), encoding="utf-8-sig")


def run_batch(inbox: Path, outbox: Path, settings: Settings, options: BatchOptions | None = None,
              reporter: Reporter | None = None, stop: threading.Event | None = None,
              vault: Vault | None = None) -> BatchSummary:
    """Run a batch; ``vault`` (opened and locked by the caller, see :func:`screening.vault.open_for_run`)
    receives the mapping of every delivered copy."""
    return Batch(inbox, outbox, settings, options, reporter, vault).run(stop)


def _check_folders(inbox: Path, outbox: Path) -> None:
    if not inbox.is_dir():
        raise BatchError(f"{inbox}: not a folder")
    inbox_resolved, outbox_resolved = inbox.resolve(), outbox.resolve()
    if outbox_resolved == inbox_resolved or outbox_resolved.is_relative_to(inbox_resolved):
        raise BatchError(f"--out {outbox} must not be inside the inbox {inbox}")
    if inbox_resolved.is_relative_to(outbox_resolved):
        raise BatchError(f"the inbox {inbox} must not be inside --out {outbox}")


@contextlib.contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError(f"another batch is already writing to {path.parent}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_temporary_copies(outbox: Path) -> None:
    """Temporary copies of a run that was killed (the lock says no other run is using them)."""
    for file in outbox.rglob(".*.screen-*"):
        if file.is_file() and (_TEMPORARY_COPY.match(file.name) or _STAGED_COPY.match(file.name)):
            file.unlink(missing_ok=True)


def _atomic_write(path: Path, text: str, encoding: str = "utf-8") -> None:
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(text, encoding=encoding)
    os.replace(temporary, path)
