"""One row per finding, for spreadsheets. Values appear only with --include-values."""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("path", "status", "risk", "entity_type", "category", "special_category", "score", "part", "kind",
           "location", "preview", "placeholder")


def render(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    include_values = report["summary"].get("includes_values", False)
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS + (("value",) if include_values else ()))
    for entry in report["files"]:
        if not entry["findings"]:
            writer.writerow([entry["path"], entry["status"], entry["risk"]] + [""] * (len(COLUMNS) - 3))
        for finding in entry["findings"]:
            location = finding["location"]
            details = "; ".join(f"{k}={v}" for k, v in location.items() if k not in ("part", "kind"))
            row = [entry["path"], entry["status"], entry["risk"], finding["entity_type"], finding["category"],
                   finding.get("special_category", ""), finding["score"], location.get("part", ""),
                   location.get("kind", ""), details, finding["preview"], finding.get("placeholder") or ""]
            if include_values:
                row.append(finding.get("value", ""))
            writer.writerow(row)
    return buffer.getvalue()
