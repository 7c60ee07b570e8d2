"""The short summary `screen scan` prints: colour on a terminal, plain text when piped.

Most urgent files first (special categories, files that could not be screened, personal data),
then the totals by type. Values never appear here, even with --include-values.
"""

from __future__ import annotations

import io
import shutil
from collections import Counter
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

_STYLE = {"special": "bold red", "personal": "yellow", "none": "green", "error": "magenta", "quarantined": "magenta"}
_ORDER = {"special": 0, "error": 1, "quarantined": 1, "personal": 2, "none": 3}


def _risk(entry: dict[str, Any]) -> str:
    return entry["status"] if entry["status"] in ("error", "quarantined") else entry["risk"]


def render(report: dict[str, Any], color: bool, width: int | None = None) -> str:
    buffer = io.StringIO()
    width = width or (shutil.get_terminal_size((110, 24)).columns if color else 110)
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False,
                      emoji=False, soft_wrap=not color)
    summary = report["summary"]
    if summary.get("includes_values"):
        console.print("[bold red]This run used --include-values: the JSON/HTML/CSV reports hold raw personal data.[/]")
    problems = summary["errors"] + summary.get("quarantined", 0)
    console.print(
        f"[bold]{summary['files']}[/] files screened: "
        f"[yellow]{summary['with_personal_data']}[/] with personal data, "
        f"[red]{summary['with_special_categories']}[/] with special categories, "
        f"{summary['with_child_data']} with data about children, "
        + (f"[magenta]{problems}[/] not screened" if problems else "0 not screened")
        + (f", {summary['skipped']} skipped (unsupported)" if summary.get("skipped") else "")
    )
    entries = sorted(report["files"], key=lambda e: (_ORDER.get(_risk(e), 9), not e["child_data"], -len(e["findings"]), e["path"]))
    if entries:
        table = Table(show_edge=False, box=None, pad_edge=False, show_header=True, header_style="bold")
        table.add_column("risk", no_wrap=True)
        table.add_column("file", overflow="fold")
        table.add_column("found", justify="right")
        table.add_column("types / problem", overflow="fold")
        for entry in entries:
            risk = _risk(entry)
            label = risk + (" +child" if entry["child_data"] else "")
            if entry["status"] in ("error", "quarantined"):
                detail = entry.get("error") or entry["status"]
            else:
                counts = ", ".join(f"{k} {v}" for k, v in sorted(entry["counts"].items(), key=lambda kv: (-kv[1], kv[0])))
                specials = ", ".join(entry["special_categories"])
                detail = counts + (f"  [{specials}]" if specials else "") if counts else "-"
            table.add_row(f"[{_STYLE.get(risk, '')}]{label}[/]", escape(entry["path"]), str(len(entry["findings"])),
                          escape(detail))
        console.print(table)
    totals: Counter[str] = Counter()
    for entry in report["files"]:
        totals.update(entry["counts"])
    if totals:
        console.print("[dim]by type:[/] " + ", ".join(f"{k} {v}" for k, v in totals.most_common()))
    return buffer.getvalue()
