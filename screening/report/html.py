"""One self-contained HTML page per run (no external assets, readable without JavaScript)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

_TEMPLATES = Path(__file__).with_name("templates")
_RISK_ORDER = {"special": 0, "personal": 1, "quarantined": 2, "error": 2, "none": 3}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Personal data screening report", "generated": "Generated", "files": "files",
        "with_personal": "with personal data", "with_special": "with special categories",
        "with_children": "with data about children", "errors": "errors or quarantined",
        "files_heading": "Files by risk", "file": "File", "risk": "Risk", "status": "Status",
        "counts": "Findings by type", "special": "Special categories", "children": "Children",
        "yes": "yes", "problem": "Problem", "unscanned": "Not screened", "findings": "findings",
        "type": "Type", "location": "Location", "preview": "Preview (masked)", "placeholder": "Placeholder",
        "score": "Score", "skipped": "Skipped (unsupported)",
        "risk_special": "special", "risk_personal": "personal", "risk_none": "none",
        "risk_error": "error", "risk_quarantined": "quarantined",
        "status_ok": "ok", "status_error": "error", "status_quarantined": "quarantined",
        "values_warning": "This report contains raw personal data (--include-values). Handle it as personal data.",
    },
    "nb": {
        "title": "Rapport: personopplysninger funnet", "generated": "Laget", "files": "filer",
        "with_personal": "med personopplysninger", "with_special": "med særlige kategorier",
        "with_children": "med opplysninger om barn", "errors": "feil eller i karantene",
        "files_heading": "Filer etter risiko", "file": "Fil", "risk": "Risiko", "status": "Status",
        "counts": "Funn etter type", "special": "Særlige kategorier", "children": "Barn",
        "yes": "ja", "problem": "Problem", "unscanned": "Ikke kontrollert", "findings": "funn",
        "type": "Type", "location": "Plassering", "preview": "Forhåndsvisning (maskert)",
        "placeholder": "Plassholder", "score": "Sikkerhet", "skipped": "Hoppet over (ikke støttet)",
        "risk_special": "sensitiv", "risk_personal": "personopplysninger", "risk_none": "ingen",
        "risk_error": "feil", "risk_quarantined": "karantene",
        "status_ok": "ok", "status_error": "feil", "status_quarantined": "karantene",
        "values_warning": "Rapporten inneholder personopplysninger i klartekst (--include-values). Behandle den deretter.",
    },
}


def _location_text(location: dict[str, Any]) -> str:
    details = [f"{k} {v}" for k, v in location.items() if k not in ("part", "kind")]
    return f"{location.get('part', '')} · {location.get('kind', '')}" + (f" · {', '.join(details)}" if details else "")


def render(report: dict[str, Any], lang: str = "en") -> str:
    lang = lang if lang in TEXTS else "en"
    files = []
    for entry in report["files"]:
        risk_class = entry["status"] if entry["status"] != "ok" else entry["risk"]
        findings = [dict(x, location_text=_location_text(x["location"])) for x in entry["findings"]]
        files.append(dict(entry, risk_class=risk_class, findings=findings))
    files.sort(key=lambda f: (_RISK_ORDER.get(f["risk_class"], 9), f["path"]))
    environment = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    template = environment.get_template("report.html.j2")
    return template.render(
        report=report, files=files, s=report["summary"], t=TEXTS[lang], lang=lang,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def default_language(report: dict[str, Any]) -> str:
    languages = [f.get("language") for f in report["files"] if f.get("language")]
    norwegian = sum(1 for code in languages if code in ("nb", "nn"))
    return "nb" if languages and norwegian * 2 >= len(languages) else "en"


def write(report: dict[str, Any], path: Path, lang: str | None = None) -> None:
    path.write_text(render(report, lang or default_language(report)), encoding="utf-8")
