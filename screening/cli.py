"""The ``screen`` command line (contract: ARCHITECTURE.md section 4). Thin: options in, pipeline, output.

Exit status: 0 nothing found, 1 personal data found (or redacted), 2 special-category data found,
3 a file could not be processed, 4 usage error.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from screening import __version__

if TYPE_CHECKING:
    from screening.vault import Vault

EXIT_USAGE = 4
LANG_CHOICES = ("auto", "nb", "nn", "da", "en")
# Commands that live in their own modules; each module exposes a click command named ``command``.
_COMMAND_MODULES = ("restore", "tm", "batch", "eval")


def common_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--lang, --config, --quiet and --verbose, accepted by every command."""

    @click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True,
                  help="Language of the files; auto detects it per segment.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                  help="Policy file (TOML): thresholds, entity types, allow and deny lists.")
    @click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
    @click.option("--verbose", "-v", is_flag=True, help="Log what the pipeline does (never values).")
    @click.option("--password", envvar="SCREEN_PDF_PASSWORD", default=None, metavar="TEXT",
                  help="Password of encrypted PDFs (safer: the SCREEN_PDF_PASSWORD environment variable).")
    @click.option("--ocr", is_flag=True, help="Read image-only PDF pages with Tesseract, when it is installed.")
    @functools.wraps(function)
    def wrapper(*args: Any, lang: str, config_path: Path | None, quiet: bool, verbose: bool,
                password: str | None, ocr: bool, **kwargs: Any) -> Any:
        # Adapters read these from the environment, so batch worker processes get them too.
        if password:
            os.environ["SCREEN_PDF_PASSWORD"] = password
        if ocr:
            os.environ["SCREEN_PDF_OCR"] = "1"
        logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING if not quiet else logging.ERROR,
                            format="%(levelname)s %(name)s: %(message)s")
        return function(*args, common=CommonOptions(lang, config_path, quiet, verbose), **kwargs)

    return wrapper


class CommonOptions:
    def __init__(self, lang: str, config_path: Path | None, quiet: bool, verbose: bool) -> None:
        self.language = None if lang == "auto" else lang
        self.config_path = config_path
        self.quiet = quiet
        self.verbose = verbose

    def policy(self, keep_special: bool = False):
        from screening.policy import Policy, PolicyError

        try:
            policy = Policy.from_toml(self.config_path) if self.config_path else Policy()
        except PolicyError as error:
            raise click.UsageError(str(error)) from None
        policy.keep_special = policy.keep_special or keep_special
        return policy


def vault_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--vault and --key-file, as `screen redact` and `screen batch` take them."""
    function = click.option("--key-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                            help="Key file of the vault (32+ random bytes); without it the passphrase is read "
                                 "from $SCREEN_VAULT_PASSPHRASE or asked for.")(function)
    return click.option("--vault", type=click.Path(dir_okay=False, path_type=Path),
                        help="Store the originals, encrypted, for `screen restore`.")(function)


def check_vault_options(vault: Path | None, key_file: Path | None, mode: str, out_dir: Path) -> None:
    """Usage errors of --vault and --key-file, raised before anything is read or written."""
    if mode == "pseudonym" or vault is not None:
        _require_module("screening.vault", "--vault and --mode pseudonym")
    if key_file is not None and vault is None:
        raise click.UsageError("--key-file needs --vault")
    if vault is not None and vault.resolve().is_relative_to(out_dir.resolve()):
        raise click.UsageError(f"--vault {vault} must not be inside --out {out_dir}: that folder goes to the translator")
    if vault is not None and mode in ("mask", "remove"):
        done = {"mask": "masked", "remove": "removed"}[mode]
        raise click.UsageError(f"--vault needs --mode placeholder or pseudonym: {done} values cannot be put back")


def open_vault(stack: contextlib.ExitStack, vault: Path, key_file: Path | None) -> Vault:
    """The run's vault, locked until ``stack`` closes; a missing or wrong key is exit status 4.

    Called before any file is read, so a wrong key stops the run with nothing written.
    """
    from screening import vault as vaults

    def ask(confirm: bool) -> str:
        return click.prompt("Vault passphrase", hide_input=True, confirmation_prompt=confirm, err=True)

    try:
        return vaults.open_for_run(stack, vault, key_file, ask if sys.stdin.isatty() else None)
    except vaults.VaultError as error:
        problem = click.ClickException(str(error))
        problem.exit_code = EXIT_USAGE
        raise problem from None


def _echo_errors(results) -> None:
    for result in results:
        if result.status in ("error", "quarantined") and result.error:
            message = result.error if result.error.startswith(result.path) else f"{result.path}: {result.error}"
            click.echo(f"screen: {message}", err=True)


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def report(result) -> None:
        click.echo(f"  {result.status:<11} {result.path}", err=True)

    return report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="screen")
def main_group() -> None:
    """Find personal data in customer files and make sanitized copies for translation.

    Formats: text (.txt .md), CSV/TSV (.csv .tsv), DOCX, XLSX, PPTX, PDF, XLIFF 1.2/2.x, SDLXLIFF, MQXLIFF, TMX and PO.
    Nothing is sent anywhere: all analysis runs on this machine.
    """


@main_group.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(("text", "json", "html", "csv")), default="text",
              show_default=True, help="Report format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option("--include-values", is_flag=True, help="Put raw values in the report (debugging only).")
@click.option("--report-lang", type=click.Choice(("en", "nb")), default=None, help="Language of the HTML report.")
@common_options
def scan(paths: tuple[Path, ...], output_format: str, output: Path | None, include_values: bool,
         report_lang: str | None, common: CommonOptions) -> None:
    """Screen files or folders (recursively) and report what personal data they hold."""
    from screening.pipeline import Settings, exit_status, run
    from screening.report import json_report, terminal

    settings = Settings(language=common.language, policy=common.policy(), include_values=include_values)
    results = run(list(paths), settings, progress=_progress(common.quiet))
    report = json_report.build_report(results, include_values, command="scan")
    if output_format == "json":
        text = json_report.dumps(report)
    elif output_format == "html":
        from screening.report import html

        text = html.render(report, report_lang or html.default_language(report))
    elif output_format == "csv":
        from screening.report import csv_report

        text = csv_report.render(report)
    else:
        text = terminal.render(report, color=output is None and sys.stdout.isatty())
    if output:
        output.write_text(text, encoding="utf-8")
    elif not (common.quiet and output_format == "text"):
        click.echo(text, nl=False)
    _echo_errors(results)
    sys.exit(exit_status(results))


@main_group.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the sanitized copies and the reports.")
@click.option("--mode", type=click.Choice(("placeholder", "mask", "remove", "pseudonym")), default="placeholder",
              show_default=True, help="What replaces a value.")
@vault_options
@click.option("--keep-special", is_flag=True, help="Report special-category terms but leave them in the copy.")
@click.option("--include-values", is_flag=True, help="Put raw values in the report (debugging only).")
@click.option("--report-lang", type=click.Choice(("en", "nb")), default=None, help="Language of the HTML report.")
@common_options
def redact(paths: tuple[Path, ...], out_dir: Path, mode: str, vault: Path | None, key_file: Path | None,
           keep_special: bool, include_values: bool, report_lang: str | None, common: CommonOptions) -> None:
    """Write sanitized copies of files or folders to OUT, with JSON and HTML reports."""
    from screening.pipeline import Job, Settings, exit_status, run
    from screening.report import html, json_report

    check_vault_options(vault, key_file, mode, out_dir)
    for path in paths:
        if path.resolve() == out_dir.resolve() or out_dir.resolve().is_relative_to(path.resolve()) and path.is_dir():
            raise click.UsageError(f"--out {out_dir} must not be inside the input folder {path}")
    settings = Settings(mode=mode, language=common.language, policy=common.policy(keep_special),
                        include_values=include_values, number_special=vault is not None)
    out_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        opened = None
        if vault is not None:
            from screening import vault as vaults

            opened = open_vault(stack, vault, key_file)
        job = Job(settings, pseudonymizer=vaults.pseudonymizer_for(opened) if opened and mode == "pseudonym" else None)
        if opened is not None:
            job.book = opened.content.placeholder_book()
        progress = _progress(common.quiet)
        if opened is not None:
            shown = progress

            def progress(result) -> None:  # save after every copy: an interrupted run stays restorable
                if result.output:
                    vaults.record_run(opened, job, [result], out_dir, mode, final=False)
                    opened.save()
                if shown:
                    shown(result)

        results = run(list(paths), settings, out_dir=out_dir, progress=progress, job=job)
        if opened is not None:
            vaults.record_run(opened, job, results, out_dir, mode)
            opened.save()
    report = json_report.build_report(results, include_values, command="redact")
    json_report.write(report, out_dir / "screening-report.json")
    html.write(report, out_dir / "screening-report.html", report_lang)
    if not common.quiet:
        summary = report["summary"]
        click.echo(
            f"{summary['files']} files screened, {summary['with_personal_data']} with personal data, "
            f"{summary['with_special_categories']} with special categories, "
            f"{summary['errors']} errors, {summary['quarantined']} quarantined; report: {out_dir / 'screening-report.html'}"
        )
    _echo_errors(results)
    sys.exit(exit_status(results))


def _require_module(name: str, feature: str) -> None:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        raise click.UsageError(f"{feature} is not available in this version") from None


def _register_optional_commands() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"screening.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"screening.commands.{name}":
                continue
            raise
        main_group.add_command(module.command)


_register_optional_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: click, with usage errors mapped to exit status 4."""
    try:
        main_group.main(args=argv, prog_name="screen", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.UsageError as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    sys.exit(0)


if __name__ == "__main__":
    main()
