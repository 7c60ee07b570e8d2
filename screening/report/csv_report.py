"""One row per finding, for spreadsheets. Values appear only with --include-values.

Files without findings (and files that could not be screened) get one row each, so the sheet
accounts for every file. Cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("path", "status", "risk", "child_data", "verified", "entity_type", "category", "special_category",
           "score", "part", "kind", "location", "preview", "placeholder", "recognizer", "error")

# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    include_values = report["summary"].get("includes_values", False)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS + (("value",) if include_values else ()))
    for entry in report["files"]:
        file_part = {"path": entry["path"], "status": entry["status"], "risk": entry["risk"],
                     "child_data": entry["child_data"], "verified": entry["verified"], "error": entry.get("error")}
        if not entry["findings"]:
            writer.writerow([_cell(file_part.get(column)) for column in COLUMNS])
        for finding in entry["findings"]:
            location = finding["location"]
            row = dict(
                file_part,
                entity_type=finding["entity_type"], category=finding["category"],
                special_category=finding.get("special_category"), score=finding["score"],
                part=location.get("part"), kind=location.get("kind"),
                location="; ".join(f"{k}={v}" for k, v in location.items() if k not in ("part", "kind")),
                preview=finding["preview"], placeholder=finding.get("placeholder"),
                recognizer=finding.get("recognizer"),
            )
            cells = [_cell(row.get(column)) for column in COLUMNS]
            if include_values:
                cells.append(_cell(finding.get("value", "")))
            writer.writerow(cells)
    for skipped in report.get("skipped", []):
        writer.writerow([_cell({"path": skipped["path"], "status": "skipped", "error": skipped.get("reason")}.get(c))
                         for c in COLUMNS])
    return buffer.getvalue()
