"""`screen eval CORPUS`: precision, recall and leak rate against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from screening.cli import CommonOptions, common_options


@click.command("eval")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@common_options
def command(corpus: Path, output_format: str, common: CommonOptions) -> None:
    """Run the full redaction pipeline on every annotated file under CORPUS and score it.

    Gold files are <file>.expected.json beside each document (see docs/gold-format.md). Prints
    precision, recall and F1 per entity type and overall, the leak rate of the sanitized copies and
    the share of non-personal text changed. Values are never printed.
    """
    from screening.eval import evaluate, format_table, gold_files
    from screening.pipeline import Settings

    if not gold_files(corpus):
        raise click.UsageError(f"{corpus}: no annotated documents (*.expected.json) found")
    summary = evaluate(corpus, Settings(language=common.language, policy=common.policy()))
    if output_format == "json":
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(summary), nl=False)
