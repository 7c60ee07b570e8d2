"""``screen batch INBOX --out OUTBOX``: screen and redact a folder of incoming files, resumably."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from screening.cli import CommonOptions, check_vault_options, common_options, open_vault, vault_options

if TYPE_CHECKING:  # imported when the command runs: `screen --help` stays fast
    from screening.batch import BatchOptions, BatchSummary
    from screening.pipeline import Settings
    from screening.vault import Vault


class _RichProgress:
    """A progress bar on stderr (only used when stderr is a terminal)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("[bold]screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[last]}", style="dim"),
            console=Console(stderr=True), transient=False,
        )
        self.task = self.progress.add_task("screening", total=0, last="starting workers…")
        self.progress.start()

    def add_total(self, count: int) -> None:
        total = self.progress.tasks[0].total or 0
        self.progress.update(self.task, total=total + count)

    def file_done(self, relative: Path, result) -> None:
        mark = {"ok": "", "error": " (error)", "quarantined": " (quarantined)"}.get(result.status, "")
        self.progress.update(self.task, advance=1, last=f"{relative.as_posix()}{mark}")

    def stop(self) -> None:
        self.progress.stop()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run(inbox: Path, outbox: Path, settings: Settings, options: BatchOptions, watch: bool,
         watch_for: float | None, quiet: bool, opened: Vault | None) -> BatchSummary:
    """The batch with its progress bar, --watch-for clock and SIGTERM handling; exits on Ctrl-C."""
    from screening.batch import BatchError, run_batch

    progress = _RichProgress() if not quiet and sys.stderr.isatty() else None
    stop = threading.Event()
    timer = threading.Timer(watch_for, stop.set) if watch and watch_for is not None else None
    if timer:
        timer.daemon = True
        timer.start()
    # A service manager stops with SIGTERM: stop the workers the same way as on Ctrl-C.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_batch(inbox, outbox, settings, options, reporter=progress, stop=stop, vault=opened)
    except BatchError as error:
        raise click.UsageError(str(error)) from None
    except KeyboardInterrupt:
        if progress:
            progress.stop()
        if watch:
            click.echo("screen: stopped watching; the report covers what was done.", err=True)
            sys.exit(0)
        click.echo(f"screen: interrupted; run the same command again to finish {inbox}.", err=True)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        if timer:
            timer.cancel()
    if progress:
        progress.stop()
    return summary


@click.command("batch")
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "outbox", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the sanitized copies, the reports, the manifest and _quarantine.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes, each with its own engine (about 0.5 GB of RAM).  [default: number of cores]")
@click.option("--mode", type=click.Choice(("placeholder", "mask", "remove", "pseudonym")), default="placeholder",
              show_default=True, help="What replaces a value (pseudonym needs --vault).")
@vault_options
@click.option("--keep-special", is_flag=True, help="Report special-category terms but leave them in the copy.")
@click.option("--include-values", is_flag=True, help="Put raw values in the report (debugging only).")
@click.option("--report-lang", type=click.Choice(("en", "nb")), default=None, help="Language of the HTML report.")
@click.option("--time-limit", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Seconds one file may take before it is quarantined.")
@click.option("--retry-failed", is_flag=True, help="Screen files that failed in an earlier run again.")
@click.option("--watch", is_flag=True, help="Keep running and screen new files as they arrive (Ctrl-C stops).")
@click.option("--poll-interval", type=click.FloatRange(min=0.1), default=2.0, show_default=True,
              help="With --watch: seconds between looks at the inbox.")
@click.option("--settle", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="With --watch: seconds a file must stay unchanged before it is taken.")
@click.option("--watch-for", type=click.FloatRange(min=0), default=None,
              help="With --watch: stop after this many seconds (for scheduled runs).")
@common_options
def command(inbox: Path, outbox: Path, workers: int | None, mode: str, vault: Path | None, key_file: Path | None,
            keep_special: bool, include_values: bool, report_lang: str | None, time_limit: float, retry_failed: bool,
            watch: bool, poll_interval: float, settle: float, watch_for: float | None, common: CommonOptions) -> None:
    """Screen every supported file under INBOX into OUTBOX; a rerun resumes where the last one stopped.

    Sanitized copies go to OUTBOX/<relative path>, with screening-report.html/.json/.csv; files that
    cannot be processed or fail verification are copied, with a reason file, to OUTBOX/_quarantine.
    With --vault, the originals of every delivered copy are stored in the vault as the copy is
    delivered (also with --watch), the numbering continues that of earlier runs with the same vault,
    and `screen restore` puts them back into the translated files.
    """
    from screening.batch import BatchOptions
    from screening.pipeline import Settings, exit_status

    check_vault_options(vault, key_file, mode, outbox)
    if vault is not None and vault.resolve().is_relative_to(inbox.resolve()):
        # Checked before the vault is opened: opening makes its lock file, and inputs are never changed.
        raise click.UsageError(f"--vault {vault} must not be inside the inbox {inbox}")
    if mode == "pseudonym" and vault is None:
        raise click.UsageError("--mode pseudonym needs --vault in a batch: the stand-ins are kept there, "
                               "the same for every run and restorable")
    settings = Settings(mode=mode, language=common.language, policy=common.policy(keep_special),
                        include_values=include_values, number_special=vault is not None)
    options = BatchOptions(workers=workers or os.cpu_count() or 1, time_limit=time_limit, retry_failed=retry_failed,
                           report_lang=report_lang, watch=watch, poll_interval=poll_interval, settle=settle)
    with contextlib.ExitStack() as stack:
        # A missing or wrong key stops here, before any file is read (exit 4), and before the progress
        # bar and the --watch-for clock start (the passphrase may be typed); the vault stays locked for
        # the whole run, so runs sharing it wait for each other.
        opened = open_vault(stack, vault, key_file) if vault is not None else None
        summary = _run(inbox, outbox, settings, options, watch, watch_for, common.quiet, opened)
    results = summary.results
    if not common.quiet:
        failed = [r for r in results if r.status in ("error", "quarantined")]
        skipped = sum(1 for r in results if r.status == "skipped")
        click.echo(
            f"{len(results) - skipped} files: {summary.processed} screened now, {summary.reused} done before"
            + (f", {skipped} skipped (unsupported)" if skipped else "") + "; "
            f"{sum(1 for r in results if r.findings)} with personal data, "
            f"{sum(1 for r in results if r.special_categories)} with special categories, "
            f"{len(failed)} quarantined; report: {outbox / 'screening-report.html'}"
        )
        for result in failed:
            click.echo(f"screen: {result.error or result.path}", err=True)
    sys.exit(exit_status(results))
