"""The HTML, CSV and terminal reports, built from a real run over sample files with the real engine.

All people and numbers in the samples are made up.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from screening.cli import main_group
from screening.pipeline import Settings, run
from screening.report import csv_report, html, json_report, terminal

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def expected_values(sample: Path, personal_only: bool = True) -> list[str]:
    entities = json.loads(sample.with_name(sample.name + ".expected.json").read_text(encoding="utf-8"))["entities"]
    return [e["text"] for e in entities if not personal_only or e["type"] not in ("HEALTH", "CRIMINAL")]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    shutil.copy(SAMPLES / "nb" / "legeerklaering.txt", folder / "legeerklaering.txt")
    shutil.copy(SAMPLES / "da" / "email.txt", folder / "email.txt")
    (folder / "møtereferat.txt").write_text("Møtet er flyttet til torsdag klokken ti.\n", encoding="utf-8")
    (folder / "kontrakt.docx").write_bytes((SAMPLES / "nb" / "arbeidsavtale.docx").read_bytes()[:1800])
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    return folder


@pytest.fixture(scope="module")
def report(inbox, analyzer, tmp_path_factory) -> dict:
    results = run([inbox], Settings(), out_dir=tmp_path_factory.mktemp("out"), analyzer=analyzer)
    return json_report.build_report(results, command="redact")


@pytest.fixture(scope="module")
def values_report(inbox, analyzer) -> dict:
    results = run([inbox / "legeerklaering.txt"], Settings(include_values=True), analyzer=analyzer)
    return json_report.build_report(results, include_values=True, command="scan")


def page(text: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(text)


def test_html_is_self_contained(report):
    text = html.render(report, "en")
    tree = page(text)
    assert not tree.xpath("//script | //link | //img | //iframe | //object")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", text)
    assert "url(" not in text and "@import" not in text
    # Every in-page link points to an anchor that exists.
    anchors = {element.get("id") for element in tree.xpath("//*[@id]")}
    assert {link.get("href")[1:] for link in tree.xpath("//a[@href]")} <= anchors


def test_html_lists_files_by_risk_with_colour_and_words(report):
    tree = page(html.render(report, "en"))
    rows = tree.xpath("//h2[@id='files']/following-sibling::table[1]/tbody/tr")
    order = [(row.xpath("string(td[2])").strip().rsplit("/", 1)[-1], row.xpath("td[1]/span")[0].get("class"))
             for row in rows]
    assert order == [
        ("legeerklaering.txt", "badge risk-special"),
        ("kontrakt.docx", "badge risk-error"),
        ("email.txt", "badge risk-personal"),
        ("møtereferat.txt", "badge risk-none"),
    ]
    risk_words = [row.xpath("string(td[1])").split()[0] for row in rows]
    assert risk_words == ["Special", "Not", "Personal", "Nothing"]  # not colour alone


def test_html_summary_counts_and_totals(report):
    tree = page(html.render(report, "en"))
    numbers = {card.xpath("string(span)"): int(card.xpath("string(b)"))
               for card in tree.xpath("//div[@class='cards']/div")}
    assert numbers["files screened"] == 4
    assert numbers["with personal data"] == 2
    assert numbers["with special categories (GDPR art. 9/10)"] == 1
    assert numbers["could not be screened or failed verification"] == 1
    assert numbers["skipped (format not supported)"] == 1
    totals = {row.xpath("string(td[2])"): int(row.xpath("string(td[3])"))
              for row in tree.xpath("//h2[@id='types']/following-sibling::table[1]/tbody/tr")}
    expected = {}
    for entry in report["files"]:
        for code, count in entry["counts"].items():
            expected[code] = expected.get(code, 0) + count
    assert totals == expected
    specials = tree.xpath("//h2[@id='special']/following-sibling::table[1]/tbody/tr")
    assert [row.xpath("string(td[1])").strip() for row in specials] == ["health"]


def test_html_per_file_details(report):
    tree = page(html.render(report, "en"))
    (section,) = [s for s in tree.xpath("//section[@class and contains(@class, 'file')]")
                  if s.xpath("string(.//h3)").endswith("legeerklaering.txt")]
    facts = section.xpath("string(.//dl)")
    assert "Verified" in facts and "no replaced value left" in facts
    rows = section.xpath(".//table/tbody/tr")
    entry = next(f for f in report["files"] if f["path"].endswith("legeerklaering.txt"))
    assert len(rows) == len(entry["findings"])
    first = entry["findings"][0]
    assert rows[0].xpath("string(td[3])") == f"paragraph {first['location']['paragraph']}, line {first['location']['line']}"
    assert rows[0].xpath("string(td[5])") == first["preview"]
    assert rows[0].xpath("string(td[6])") == first["placeholder"]
    (broken,) = [s for s in tree.xpath("//section") if s.xpath("string(.//h3)").endswith("kontrakt.docx")]
    assert "corrupt" in broken.xpath("string(.//dl)")


def test_html_shows_what_was_not_screened(analyzer, tmp_path):
    results = run([SAMPLES / "pdf" / "legeerklaering.pdf"], Settings(), out_dir=tmp_path, analyzer=analyzer)
    report = json_report.build_report(results, command="redact")
    assert report["files"][0]["unscanned"]
    tree = page(html.render(report, "nb"))
    facts = tree.xpath("string(//section//dl)")
    assert "Ikke kontrollert" in facts
    assert report["files"][0]["unscanned"][0]["reason"] in facts
    assert "fjernet fra kopien" in facts


def test_html_in_norwegian(report):
    tree = page(html.render(report, "nb"))
    assert tree.get("lang") == "nb"
    assert tree.xpath("string(//h1)") == "Kontroll av personopplysninger"
    text = tree.text_content()
    for word in ("Sammendrag", "Filer etter risiko", "Funn etter type", "brødtekst", "avsnitt", "Fødselsnummer",
                 "Særlige kategorier", "Verifisert"):
        assert word in text
    for english in ("Summary", "body text", "paragraph", "Verified"):
        assert english not in text


def test_default_report_language_follows_the_files(report):
    assert html.default_language(report) == "nb"  # two Norwegian files of four (one tie-breaking text)
    danish = dict(report, files=[f for f in report["files"] if f["language"] == "da"])
    assert html.default_language(danish) == "en"


def test_no_report_holds_a_raw_value(report):
    values = expected_values(SAMPLES / "nb" / "legeerklaering.txt") + expected_values(SAMPLES / "da" / "email.txt")
    outputs = {
        "html en": html.render(report, "en"), "html nb": html.render(report, "nb"),
        "csv": csv_report.render(report), "terminal": terminal.render(report, color=False),
        "json": json_report.dumps(report),
    }
    for name, text in outputs.items():
        for value in values:
            assert value not in text, f"{name} holds a raw value"
            assert value.replace(" ", "") not in text, f"{name} holds a raw value"


def test_values_only_on_request_and_then_a_warning_first(values_report):
    text = html.render(values_report, "en")
    tree = page(text)
    body = tree.xpath("//body")[0]
    first_after_header = body.xpath("./header/following-sibling::*[1]")[0]
    assert first_after_header.get("class") == "warning" and "--include-values" in first_after_header.text_content()
    assert "Ingrid Solberg-Haugen" in text and "150387 23585" in text
    assert "Value (raw)" in text
    rows = list(csv.reader(io.StringIO(csv_report.render(values_report))))
    assert rows[0][-1] == "value" and "150387 23585" in [row[-1] for row in rows]
    plain = terminal.render(values_report, color=False)
    assert plain.splitlines()[0].startswith("This run used --include-values")
    assert "150387" not in plain


def test_csv_one_row_per_finding_and_every_file_accounted(report):
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report))))
    for entry in report["files"]:
        mine = [row for row in rows if row["path"] == entry["path"]]
        assert len(mine) == max(1, len(entry["findings"]))
        if entry["findings"]:
            assert [row["entity_type"] for row in mine] == [f["entity_type"] for f in entry["findings"]]
            # A preview such as "+45 ** ** ** **" would be a formula to a spreadsheet: it is defused.
            assert [row["preview"] for row in mine] == [
                "'" + f["preview"] if f["preview"].startswith(("+", "-", "=", "@")) else f["preview"]
                for f in entry["findings"]]
    assert [row["status"] for row in rows if row["path"].endswith("logo.png")] == ["skipped"]
    assert [row["status"] for row in rows if row["path"].endswith("kontrakt.docx")] == ["error"]


def test_csv_defuses_spreadsheet_formulas(analyzer, tmp_path):
    source = tmp_path / "brev.txt"
    source.write_text("Ring Kari Nordmann på 915 42 318.\n", encoding="utf-8")
    from screening.pipeline import Job

    result = Job(Settings(), analyzer).process(source, display='=HYPERLINK("http://example.invalid","brev")')
    rows = list(csv.reader(io.StringIO(csv_report.render(json_report.build_report([result])))))
    assert all(row[0].startswith("'=HYPERLINK") for row in rows[1:])


def test_terminal_plain_when_piped_colour_on_a_terminal(report):
    plain = terminal.render(report, color=False)
    assert "\x1b[" not in plain
    lines = plain.splitlines()
    assert lines[0].startswith("4 files screened: 2 with personal data, 1 with special categories")
    risks = [line.split()[0] for line in lines if re.match(r"(special|error|personal|none)\b", line)]
    assert risks == ["special", "error", "personal", "none"]
    assert "\x1b[" in terminal.render(report, color=True, width=100)


def test_scan_prints_the_summary_by_default(inbox):
    result = CliRunner().invoke(main_group, ["scan", str(inbox / "email.txt")])
    assert result.exit_code == 1
    assert result.output.startswith("1 files screened: 1 with personal data")
    assert "\x1b[" not in result.output
    assert "by type:" in result.output


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium (Debian package chromium) not installed")
def test_printed_report_fits_the_page(report, tmp_path):
    """Print the page to PDF the way a browser does, and check no column is cut off at the paper's edge.

    Chromium clips what is wider than the page, so a cut-off table loses its last column (the
    confidence, "85 %") from the PDF's text: every finding's confidence must be there.
    """
    import pdfplumber

    source = tmp_path / "report.html"
    source.write_text(html.render(report, "nb"), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
         source.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    with pdfplumber.open(pdf) as document:
        text = "".join(p.extract_text() or "" for p in document.pages)
    assert "Kontroll av personopplysninger" in text
    findings = sum(len(entry["findings"]) for entry in report["files"])
    assert len(re.findall(r"\b\d{1,3} %", text)) >= findings
