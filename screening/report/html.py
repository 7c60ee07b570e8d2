"""One self-contained HTML page per run, for the project manager: no external assets, no JavaScript.

The page is built from the JSON report (schema_version 1) only, so it never knows more than the JSON:
masked previews, and raw values only when the run was made with ``--include-values`` (and then a
warning stands at the top). Texts are in English or Norwegian Bokmål (``--report-lang en|nb``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

_TEMPLATES = Path(__file__).with_name("templates")
# The page's words, by language, in one TOML file a translator can edit without reading Python.
_WORDS = tomllib.loads((_TEMPLATES / "texts.toml").read_text(encoding="utf-8"))
TEXTS: dict[str, dict[str, str]] = _WORDS["page"]
LOCATION_WORDS: dict[str, dict[str, str]] = _WORDS["location"]
ENTITY_LABELS: dict[str, dict[str, str]] = _WORDS["entity"]
KIND_LABELS: dict[str, dict[str, str]] = _WORDS["kind"]
SPECIAL_LABELS: dict[str, dict[str, str]] = _WORDS["special"]
LANGUAGES = tuple(TEXTS)

# Most urgent first: special categories, then files nobody could check, then ordinary personal data.
_RISK_ORDER = {"special": 0, "error": 1, "quarantined": 1, "personal": 2, "none": 3}


def _label(table: dict[str, dict[str, str]], code: str, lang: str) -> str:
    labels = table.get(code)
    return labels.get(lang, labels["en"]) if labels else code


def location_text(location: dict[str, Any], lang: str) -> tuple[str, str]:
    """A location a person can follow ("Ansatte!B7", "side 2, felt creator") and its kind ("metadata").

    The part of the file is added where it tells more than the details (word/footer1.xml, not "text").
    """
    words = LOCATION_WORDS[lang]
    details = {k: v for k, v in location.items() if k not in ("part", "kind")}
    pieces = []
    if isinstance(details.get("sheet"), str) and "cell" in details:
        pieces.append(f"{details.pop('sheet')}!{details.pop('cell')}")
    for key, value in details.items():
        if key in ("side", "sheet_state"):
            pieces.append(words.get(f"{key}_{value}", str(value)))
        else:
            pieces.append(f"{words.get(key, key)} {value}")
    part = str(location.get("part", ""))
    # The main story of a DOCX, a worksheet's XML name or the one table of a CSV says nothing to a
    # reader; a header, footer or note keeps its part name.
    redundant = (part in ("", "text", "body", "table", "word/document.xml") or part.startswith(("page ", "xl/worksheets/"))
                 or any(part in (f"{k} {v}", str(v)) for k, v in location.items() if k not in ("part", "kind")))
    if part and not redundant:
        pieces.insert(0, part)
    return ", ".join(pieces) or part, _label(KIND_LABELS, str(location.get("kind", "")), lang)


_CHILD_OF_AGE = re.compile(r"^(?P<type>[A-Z_]+) of a person aged (?P<age>\d+)$")
_CHILD_IN_TEXT = re.compile(r"^child named in (?P<kind>\w+) text next to personal data \((?P<reason>.*)\)$")
_CHILD_SIGNALS = (
    ("child_word", re.compile(r"^child word: (?P<word>.+)$")),
    ("child_born", re.compile(r"^born (?P<date>[\d-]+): age (?P<age>\d+) on (?P<on>[\d-]+)$")),
    ("child_age", re.compile(r"^age (?P<age>\d+)$")),
)


def child_reason_text(reason: str, lang: str) -> str:
    """The pipeline's reason for "children's data" in the report's language; unknown forms as they are."""
    words = TEXTS[lang]
    match = _CHILD_OF_AGE.match(reason)
    if match:
        return words["child_of_age"].format(type=_label(ENTITY_LABELS, match["type"], lang), age=match["age"])
    match = _CHILD_IN_TEXT.match(reason)
    if match:
        inner = match["reason"]
        for key, pattern in _CHILD_SIGNALS:
            signal = pattern.match(inner)
            if signal:
                inner = words[key].format(**signal.groupdict())
                break
        return words["child_in_text"].format(kind=_label(KIND_LABELS, match["kind"], lang), reason=inner)
    return reason


def _risk_class(entry: dict[str, Any]) -> str:
    return entry["status"] if entry["status"] in ("error", "quarantined") else entry["risk"]


def _file_view(entry: dict[str, Any], lang: str) -> dict[str, Any]:
    findings = []
    for number, finding in enumerate(entry["findings"], 1):
        where, kind = location_text(finding["location"], lang)
        findings.append(dict(
            finding, number=number, where=where, kind_label=kind,
            type_label=_label(ENTITY_LABELS, finding["entity_type"], lang),
            special_label=_label(SPECIAL_LABELS, finding["special_category"], lang) if finding.get("special_category") else "",
        ))
    return dict(
        entry, risk_class=_risk_class(entry), findings=findings,
        problem=_problem(entry),
        child_reason_texts=[child_reason_text(reason, lang) for reason in entry.get("child_reasons", [])],
        count_labels=[(_label(ENTITY_LABELS, code, lang), code, n)
                      for code, n in sorted(entry["counts"].items(), key=lambda item: (-item[1], item[0]))],
        special_labels=[_label(SPECIAL_LABELS, code, lang) for code in entry["special_categories"]],
    )


def _problem(entry: dict[str, Any]) -> str:
    """The error line without the path in front (the table shows the path beside it)."""
    error = entry.get("error") or ""
    return error[len(entry["path"]) + 2:] if error.startswith(entry["path"] + ": ") else error


def breakable(path: str) -> Markup:
    """A path that may wrap after each slash rather than in the middle of a name."""
    return Markup("/<wbr>").join(escape(piece) for piece in str(path).split("/"))


def _sort_key(view: dict[str, Any]) -> tuple:
    return (_RISK_ORDER.get(view["risk_class"], 9), not view["child_data"], -len(view["findings"]), view["path"])


def _totals(report: dict[str, Any], lang: str) -> tuple[list[tuple], list[tuple]]:
    """(label, code, findings, files) per entity type and per special category, largest first."""
    by_type: Counter[str] = Counter()
    type_files: Counter[str] = Counter()
    by_special: Counter[str] = Counter()
    special_files: Counter[str] = Counter()
    for entry in report["files"]:
        for code, count in entry["counts"].items():
            by_type[code] += count
            type_files[code] += 1
        specials = Counter(f["special_category"] for f in entry["findings"] if f.get("special_category"))
        for code in entry["special_categories"]:
            by_special[code] += specials.get(code, 0)
            special_files[code] += 1
    types = [(_label(ENTITY_LABELS, c, lang), c, n, type_files[c]) for c, n in by_type.most_common()]
    specials = [(_label(SPECIAL_LABELS, c, lang), c, n, special_files[c]) for c, n in by_special.most_common()]
    return types, specials


def render(report: dict[str, Any], lang: str = "en") -> str:
    lang = lang if lang in TEXTS else "en"
    files = sorted((_file_view(entry, lang) for entry in report["files"]), key=_sort_key)
    types, specials = _totals(report, lang)
    environment = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["breakable"] = breakable
    template = environment.get_template("report.html.j2")
    summary = report["summary"]
    return template.render(
        report=report, files=files, s=summary, t=TEXTS[lang], lang=lang, types=types, specials=specials,
        unverified=sum(1 for f in files if f["verified"] is False),
        verified=sum(1 for f in files if f["verified"] is True),
        not_screened=summary["errors"] + summary.get("quarantined", 0),
        generated=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    )


def default_language(report: dict[str, Any]) -> str:
    """Norwegian when most screened files are Norwegian (Bokmål or Nynorsk), else English."""
    languages = [f.get("language") for f in report["files"] if f.get("language")]
    norwegian = sum(1 for code in languages if code in ("nb", "nn"))
    return "nb" if languages and norwegian * 2 >= len(languages) else "en"


def write(report: dict[str, Any], path: Path, lang: str | None = None) -> None:
    path.write_text(render(report, lang or default_language(report)), encoding="utf-8")
