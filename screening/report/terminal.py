"""The short summary `screen scan` prints: colour on a terminal, plain text when piped."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table

_STYLE = {"special": "bold red", "personal": "yellow", "none": "green", "error": "magenta", "quarantined": "magenta"}


def render(report: dict[str, Any], color: bool) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=110, highlight=False)
    summary = report["summary"]
    console.print(
        f"[bold]{summary['files']}[/] files screened: [yellow]{summary['with_personal_data']}[/] with personal data, "
        f"[red]{summary['with_special_categories']}[/] with special categories, "
        f"{summary['with_child_data']} with data about children, {summary['errors']} errors"
        + (f", {summary['skipped']} skipped (unsupported)" if summary.get("skipped") else "")
    )
    if report.get("warning"):
        console.print(f"[bold red]{report['warning']}[/]")
    if report["files"]:
        table = Table(show_edge=False, box=None, pad_edge=False)
        for column in ("risk", "file", "findings", "special categories"):
            table.add_column(column)
        for entry in report["files"]:
            risk = entry["status"] if entry["status"] != "ok" else entry["risk"]
            counts = ", ".join(f"{k} {v}" for k, v in entry["counts"].items()) or entry.get("error", "") or "-"
            specials = ", ".join(entry["special_categories"]) + (" (child)" if entry["child_data"] else "")
            table.add_row(f"[{_STYLE.get(risk, '')}]{risk}[/]", entry["path"], counts, specials)
        console.print(table)
    return buffer.getvalue()
