"""The JSON report, as the contract in ARCHITECTURE.md section 5 (``schema_version`` 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from screening import __version__
from screening.pipeline import STATUS_ERROR, STATUS_QUARANTINED, STATUS_SKIPPED, FileResult

SCHEMA_VERSION = 1


def build_report(results: Iterable[FileResult], include_values: bool = False, command: str = "scan") -> dict[str, Any]:
    results = list(results)
    screened = [r for r in results if r.status != STATUS_SKIPPED]
    report: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if include_values:
        report["warning"] = "This report contains raw personal data (--include-values). Handle it as personal data."
    report["tool"] = {"name": "screen", "version": __version__, "command": command}
    report["files"] = [r.to_dict() for r in screened]
    report["skipped"] = [{"path": r.path, "reason": "unsupported file type"} for r in results if r.status == STATUS_SKIPPED]
    report["summary"] = {
        "files": len(screened),
        "with_personal_data": sum(1 for r in screened if r.findings),
        "with_special_categories": sum(1 for r in screened if r.special_categories),
        "with_child_data": sum(1 for r in screened if r.child_data),
        "errors": sum(1 for r in screened if r.status == STATUS_ERROR),
        "quarantined": sum(1 for r in screened if r.status == STATUS_QUARANTINED),
        "skipped": len(results) - len(screened),
        "findings": sum(len(r.findings) for r in screened),
        "includes_values": include_values,
    }
    return report


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def write(report: dict[str, Any], path: Path) -> None:
    path.write_text(dumps(report), encoding="utf-8")
