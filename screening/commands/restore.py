"""``screen restore PATH... --vault FILE --out DIR``: put the originals back into translated files.

The key comes from ``--key-file`` or ``SCREEN_VAULT_PASSPHRASE`` (or a hidden prompt on a terminal),
never from a command-line value. A wrong key or a changed vault stops before any file is written.
Writes ``DIR/<relative path>`` per file and ``DIR/restore-report.json`` (placeholders and places, no
values). Exit status: 0 all restored and accounted for, 1 restored but something to check (a deleted,
duplicated or unknown placeholder), 3 a file could not be restored, 4 usage error or vault problem.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from typing import Any, Callable

import click

REPORT_NAME = "restore-report.json"
EXIT_USAGE = 4
LANG_CHOICES = ("auto", "nb", "nn", "da", "en")


def _common_options(function: Callable[..., Any]) -> Callable[..., Any]:
    # The options of screening.cli.common_options, declared here because screening.cli imports this
    # module while it is being set up (`python -m screening.cli` would make the import circular).
    function = click.option("--verbose", "-v", is_flag=True, help="Log what the command does (never values).")(function)
    function = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")(function)
    function = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                            help="Policy file (TOML); accepted for symmetry, restore applies no policy.")(function)
    function = click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True,
                            help="Accepted like in the other commands; restore needs no language.")(function)
    return function


def _vault_problem(message: str) -> click.ClickException:
    problem = click.ClickException(message)
    problem.exit_code = EXIT_USAGE
    return problem


@click.command(name="restore")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--vault", "vault_path", required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The vault written by `screen redact --vault`.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the restored files and restore-report.json.")
@click.option("--key-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Key file of the vault; without it the passphrase is read from $SCREEN_VAULT_PASSPHRASE "
                   "or asked for.")
@_common_options
def command(paths: tuple[Path, ...], vault_path: Path, out_dir: Path, key_file: Path | None,
            lang: str, config_path: Path | None, quiet: bool, verbose: bool) -> None:
    """Put the originals from the vault back into (translated) files."""
    import logging

    from screening import restore, vault
    from screening.batch import MANIFEST_NAME, QUARANTINE_DIR
    from screening.pipeline import expand_paths

    logging.basicConfig(level=logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")

    for path in paths:
        if path.is_dir() and (out_dir.resolve() == path.resolve() or out_dir.resolve().is_relative_to(path.resolve())):
            raise click.UsageError(f"--out {out_dir} must not be inside the input folder {path}")

    def ask(confirm: bool) -> str:
        return click.prompt("Vault passphrase", hide_input=True, err=True)

    try:
        with contextlib.ExitStack() as stack:
            if not vault_path.exists():
                raise vault.VaultError(f"{vault_path.name}: no such vault")
            opened = vault.open_for_run(stack, vault_path, key_file, ask if sys.stdin.isatty() else None)
    except vault.VaultError as error:
        raise _vault_problem(f"{error}; nothing was restored") from None
    restorer = restore.Restorer(opened.content)
    results = []
    for path, relative in expand_paths(paths):
        if relative.name == REPORT_NAME or relative.name.startswith("screening-report."):
            continue
        # A batch outbox given as it is: its manifest and quarantined originals are not translations.
        if relative.name.startswith(MANIFEST_NAME) or relative.parts[0] == QUARANTINE_DIR:
            continue
        target = out_dir / relative
        if target.resolve() == path.resolve():
            raise click.UsageError(f"{path}: --out would overwrite the input")
        result = restore.restore_file(restorer, path, target, str(path), relative)
        results.append(result)
        if not quiet and sys.stderr.isatty():
            click.echo(f"  {result.status:<8} {result.path}", err=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = restore.report(results)
    (out_dir / REPORT_NAME).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for result in results:
        if result.error:
            click.echo(f"screen: {result.error}", err=True)
        for problem in result.problems:
            click.echo(f"screen: {result.path}: {problem}", err=True)
    if not quiet:
        summary = report["summary"]
        click.echo(f"{summary['restored']} of {summary['files']} files restored "
                   f"({summary['placeholders_restored']} placeholders), {summary['to_check']} to check, "
                   f"{summary['errors']} errors; report: {out_dir / REPORT_NAME}")
    sys.exit(restore.exit_status(results))
