"""The pipeline end to end on real files with the real engine: placeholders, verification, reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from click.testing import CliRunner

from screening.cli import main_group
from screening.document import Plan
from screening.formats import text as text_format
from screening.pipeline import STATUS_QUARANTINED, Job, Settings, run
from screening.policy import Policy


def _redact(paths: list[Path], out: Path, *extra: str):
    return CliRunner().invoke(main_group, ["redact", *map(str, paths), "--out", str(out), "-q", *extra])


def test_same_value_gets_same_placeholder_across_files(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Navn: Kari Nordmann\nTelefon: 412 55 983\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Kontaktperson: Per Hansen")
    document.add_paragraph("Navn: Kari Nordmann, mobil +47 412 55 983")
    document.save(inbox / "b.docx")
    result = _redact([inbox], tmp_path / "out")
    assert result.exit_code == 1, result.output
    text = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    copy = "\n".join(p.text for p in docx.Document(tmp_path / "out" / "b.docx").paragraphs)
    name_label = re.search(r"Navn: (\[PERSON_\d+\])", text).group(1)
    phone_label = re.search(r"Telefon: (\[PHONE_NUMBER_\d+\])", text).group(1)
    assert f"Navn: {name_label}" in copy
    assert phone_label in copy  # "+47 412 55 983" is the same number as "412 55 983"
    assert "Nordmann" not in text + copy and "412" not in text + copy


def test_genitive_stays_outside_the_placeholder(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "brev.txt"
    source.write_text("Navn: Ola Nordmann\n\nOlas bil sto parkert utenfor. Nordmanns advokat ringte.\n", encoding="utf-8")
    results = run([source], Settings(), out_dir=tmp_path / "out", analyzer=analyzer)
    assert results[0].status == "ok", results[0].error
    copy = (tmp_path / "out" / "brev.txt").read_text(encoding="utf-8")
    assert "[PERSON_1]s bil" in copy
    assert "[PERSON_1]s advokat" in copy
    assert "Ola" not in copy and "Nordmann" not in copy


class _LeakyTextAdapter(text_format.TextAdapter):
    """Writes every replacement except those in the last paragraph, like an adapter with a bug."""

    def write(self, document, plan, out_path):
        last = document.segments[-1].id
        super().write(document, Plan(r for r in plan if r.segment_id != last), out_path)


def test_copy_with_a_leftover_is_quarantined_not_delivered(tmp_path: Path, analyzer, monkeypatch) -> None:
    import screening.formats as formats

    monkeypatch.setitem(formats._loaded, "text", _LeakyTextAdapter())
    source = tmp_path / "notat.txt"
    source.write_text("Pasient: Kari Nordmann\n\nE-post kari.nordmann@example.no\n", encoding="utf-8")
    out = tmp_path / "out"
    results = run([source], Settings(), out_dir=out, analyzer=analyzer)
    assert results[0].status == STATUS_QUARANTINED
    assert results[0].verified is False
    assert "EMAIL_ADDRESS still present" in results[0].error
    assert "kari.nordmann" not in results[0].error
    assert not any(out.iterdir())  # nothing delivered, no temporary file left behind


def test_modes_mask_and_remove(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "skjema.txt"
    source.write_text("Navn: Kari Nordmann\nE-post: kari@example.no\n", encoding="utf-8")
    run([source], Settings(mode="mask"), out_dir=tmp_path / "mask", analyzer=analyzer)
    run([source], Settings(mode="remove"), out_dir=tmp_path / "remove", analyzer=analyzer)
    assert "Navn: K*** N*******" in (tmp_path / "mask" / "skjema.txt").read_text(encoding="utf-8")
    removed = (tmp_path / "remove" / "skjema.txt").read_text(encoding="utf-8")
    assert removed.startswith("Navn: \nE-post: ") and "Kari" not in removed


def test_report_holds_no_raw_values_unless_asked(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "brev.txt"
    source.write_text("Kjære Kari Nordmann,\n\nFødselsnummer: 150387 23585\nTelefon 412 55 983\n", encoding="utf-8")
    result = _redact([source], tmp_path / "out")
    assert result.exit_code == 1, result.output
    report = (tmp_path / "out" / "screening-report.json").read_text(encoding="utf-8")
    html = (tmp_path / "out" / "screening-report.html").read_text(encoding="utf-8")
    for value in ("Nordmann", "23585", "150387", "412 55 983", "41255983"):
        assert value not in report and value not in html
    data = json.loads(report)
    assert data["schema_version"] == 1
    entry = data["files"][0]
    assert entry["status"] == "ok" and entry["verified"] is True and entry["risk"] == "personal"
    assert entry["counts"]["NO_FODSELSNUMMER"] == 1
    assert all(f["preview"] and f["placeholder"] for f in entry["findings"])

    _redact([source], tmp_path / "out2", "--include-values")
    data = json.loads((tmp_path / "out2" / "screening-report.json").read_text(encoding="utf-8"))
    assert "raw personal data" in data["warning"]
    assert "150387 23585" in {f.get("value") for f in data["files"][0]["findings"]}


def test_second_run_gives_identical_copies(tmp_path: Path, analyzer) -> None:
    samples = Path(__file__).resolve().parent.parent / "samples"
    inputs = [samples / "nb", samples / "da"]
    for name in ("one", "two"):
        for folder in inputs:
            _redact([folder], tmp_path / name / folder.name)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file() and not p.name.endswith(".html"))
    assert any(str(f).endswith(".docx") for f in files)
    for relative in files:
        if relative.name == "screening-report.json":
            continue
        assert (tmp_path / "one" / relative).read_bytes() == (tmp_path / "two" / relative).read_bytes(), relative


def test_child_detected_from_fodselsnummer(tmp_path: Path, analyzer) -> None:
    import datetime as dt

    source = tmp_path / "elev.txt"
    source.write_text("Elev: Sindre Tveit\nFødselsnummer: 24051151239\n", encoding="utf-8")
    job = Job(Settings(screening_date=dt.date(2026, 12, 1)), analyzer)
    result = job.process(source)
    assert result.child_data is True
    assert any("aged 15" in reason for reason in result.child_reasons)


def test_special_category_terms_are_reported_and_redacted(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "journal.txt"
    source.write_text("Pasient: Kari Nordmann\n\nKari Nordmann har diabetes type 2 og er sykmeldt.\n", encoding="utf-8")
    result = _redact([source], tmp_path / "out")
    assert result.exit_code == 2  # special-category data found
    entry = json.loads((tmp_path / "out" / "screening-report.json").read_text(encoding="utf-8"))["files"][0]
    assert entry["risk"] == "special" and entry["special_categories"] == ["health"]
    copy = (tmp_path / "out" / "journal.txt").read_text(encoding="utf-8")
    assert "[HEALTH]" in copy and "diabetes" not in copy and "sykmeldt" not in copy

    _redact([source], tmp_path / "kept", "--keep-special")
    kept = (tmp_path / "kept" / "journal.txt").read_text(encoding="utf-8")
    assert "diabetes" in kept and "Nordmann" not in kept
    entry = json.loads((tmp_path / "kept" / "screening-report.json").read_text(encoding="utf-8"))["files"][0]
    assert entry["special_categories"] == ["health"]


def test_privacy_statement_is_no_statement_about_a_person(analyzer) -> None:
    statement = Path(__file__).resolve().parent / "data" / "special" / "personvernerklaering_nb.txt"
    result = Job(Settings(), analyzer).process(statement)
    assert result.status == "ok"
    assert result.special_categories == []


def test_company_numbers_are_not_personal_data(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "faktura.txt"
    source.write_text(
        "Leverandør: Fjordkraft Industri AS, org.nr. 923 609 016\n\n"
        "Enkeltpersonforetaket til Kari Nordmann har organisasjonsnummer 998 877 601.\n",
        encoding="utf-8",
    )
    result = Job(Settings(), analyzer).process(source)
    assert [f["location"]["paragraph"] for f in result.findings if f["entity_type"] == "NO_ORGANISASJONSNUMMER"] == [2]


def test_shared_mailboxes_are_not_personal_data(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "personvern.txt"
    source.write_text(
        "Spørsmål om personvern sendes til personvern@bolgendata.example.com eller post@bolgendata.example.com.\n\n"
        "Saksbehandler er Kari Nordmann, kari.nordmann@bolgendata.example.com, kn@bolgendata.example.com.\n",
        encoding="utf-8",
    )
    found = Job(Settings(), analyzer).process(source).findings
    assert [f["location"]["paragraph"] for f in found if f["entity_type"] == "EMAIL_ADDRESS"] == [2, 2]
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('role_addresses = "report"\n', encoding="utf-8")
    reported = Job(Settings(policy=Policy.from_toml(policy_file)), analyzer).process(source).findings
    assert len([f for f in reported if f["entity_type"] == "EMAIL_ADDRESS"]) == 4


def test_known_names_are_replaced_in_file_names_and_at_sentence_starts(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "journal.xlf"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file original="C:\\Users\\kl\\journal_rasmussen.docx" source-language="nn-NO" target-language="en-GB"'
        ' datatype="plaintext"><body>\n'
        '    <trans-unit id="1"><source>Melding frå læraren til Elv Rasmussen (klasse 7A).</source></trans-unit>\n'
        '    <trans-unit id="2"><source>Elv har legetime måndag.</source></trans-unit>\n'
        '  </body></file>\n</xliff>\n',
        encoding="utf-8",
    )
    out = tmp_path / "out" / "journal.xlf"
    out.parent.mkdir()
    result = Job(Settings(), analyzer).process(source, "journal.xlf", out)
    assert result.status == "ok", result.error
    copy = out.read_text(encoding="utf-8")
    assert "rasmussen" not in copy.lower() and "Elv" not in copy
    assert "journal_" in copy and "måndag" in copy
