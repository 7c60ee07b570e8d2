"""``screen tm FILE.tmx --out CLEAN.tmx``: clean a translation memory before it is stored."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable

import click

LANG_CHOICES = ("auto", "nb", "nn", "da", "en")
SMALL_MEMORY_BYTES = 1 << 20


def _common_options(function: Callable[..., Any]) -> Callable[..., Any]:
    # The same options as screening.cli.common_options, declared here because screening.cli imports this
    # module while it is being set up: importing it back at load time would be circular.
    function = click.option("--verbose", "-v", is_flag=True, help="Log what the cleaner does (never values).")(function)
    function = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")(function)
    function = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                            help="Policy file (TOML): thresholds, entity types, allow and deny lists.")(function)
    function = click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True,
                            help="Analysis language; auto takes each variant's xml:lang (detected where missing).")(function)
    return function


@click.command("tm")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The clean memory (TMX) to write.")
@click.option("--policy", "tm_policy", type=click.Choice(("redact", "drop")), default="redact", show_default=True,
              help="redact: aligned placeholders; drop: leave out units with special-category data or an identifier.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Analysis processes, each with its own engine (~400 MB).  [default: 1 for memories under"
                   " 1 MiB, else the number of cores]")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the counts as JSON to this file.")
@_common_options
def command(source: Path, out_path: Path, tm_policy: str, workers: int | None, report_path: Path | None,
            lang: str, config_path: Path | None, quiet: bool, verbose: bool) -> None:
    """Clean the translation memory SOURCE into --out, unit by unit, in bounded memory.

    Counts units kept, redacted and dropped (by reason). Exit status 0: nothing found; 1: personal
    data redacted or dropped; 2: special-category data found; 3: the memory could not be cleaned.
    """
    from screening.cli import CommonOptions
    from screening.pipeline import Job, Settings
    from screening.tm import DeferredAnalyzer, TmError, clean_tm

    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING if not quiet else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    common = CommonOptions(lang, config_path, quiet, verbose)
    settings = Settings(language=common.language, policy=common.policy())
    if workers is None:  # starting engines in worker processes costs more than a small memory takes
        workers = 1 if source.stat().st_size < SMALL_MEMORY_BYTES else os.cpu_count() or 1
    try:
        # With workers, this process only plans and writes: its engine is built only if it is needed.
        job = Job(settings, analyzer=DeferredAnalyzer()) if workers > 1 else Job(settings)
        report = clean_tm(source, out_path, job, policy=tm_policy, workers=workers)
    except TmError as error:
        click.echo(f"screen: {error}", err=True)
        sys.exit(3)
    data = report.to_dict()
    if report_path is not None:
        report_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not quiet:
        click.echo(f"{report.units} units: {report.kept} kept, {report.redacted} redacted, {report.dropped} dropped"
                   f" ({report.seconds:.1f} s) -> {out_path}")
        for reason, count in sorted(report.dropped_by_reason.items()):
            click.echo(f"  dropped for {reason}: {count}")
        for entity, count in sorted(report.redacted_by_type.items()):
            click.echo(f"  replaced {entity}: {count}")
        if report.metadata_fields_cleaned:
            click.echo(f"  user names in metadata replaced: {report.metadata_fields_cleaned}")
    if report.special_categories:
        sys.exit(2)
    sys.exit(1 if report.redacted or report.dropped or report.redacted_by_type else 0)
