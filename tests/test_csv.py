"""The CSV/TSV adapter: the field scanner, the delimiter, and real files through ``screen redact``/``restore``.

All people and numbers are made up. The engine is the real one, built once for the session (conftest).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.cli import main_group
from screening.document import Plan, Replacement
from screening.formats import adapter_for
from screening.formats.delimited import ADAPTER, Malformed, column_name, layout, scan

PASSPHRASE = "oversettelse-hemmelighet-42"
ENV = {"SCREEN_VAULT_PASSPHRASE": PASSPHRASE}
PLACEHOLDER = re.compile(r"\[([A-Z_]+)_\d+\]")
CONTACTS = (
    "navn;telefon;e-post\n"
    "Kari Nordmann;+47 912 34 567;kari.nordmann@example.no\n"
    "Ola Hansen;41234567;ola@firma.no\n"
)


def _cli(*args: str):
    return CliRunner().invoke(main_group, list(args), env=ENV)


def _redact(tmp_path: Path, source: Path, *extra: str, status: int = 1) -> tuple[Path, dict]:
    out = tmp_path / "out"
    result = _cli("redact", str(source), "--out", str(out), "-q", *extra)
    assert result.exit_code == status, result.output
    return out / source.name, json.loads((out / "screening-report.json").read_text(encoding="utf-8"))


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir(exist_ok=True)
    (inbox / name).write_bytes(data)
    return inbox / name


def _types(field: str) -> str:
    match = PLACEHOLDER.fullmatch(field)
    assert match, f"{field!r} is not a placeholder"
    return match.group(1)


# The scanner and the delimiter (no engine) -----------------------------------------------------------


def test_scanner_gives_spans_values_and_quoting() -> None:
    text = 'a,"b, ""c""\r\nd",\r\n,e\rf,"g"'
    records = scan(text, ",")
    assert [[f.value for f in r.fields] for r in records] == [["a", 'b, "c"\r\nd', ""], ["", "e"], ["f", "g"]]
    assert [r.line for r in records] == [1, 3, 4]
    for record in records:
        for field in record.fields:
            raw = text[field.start:field.end]
            assert raw == (f'"{field.value.replace(chr(34), chr(34) * 2)}"' if field.quoted else field.value)
    assert len(scan("a;b\n", ";")) == 1 and len(scan("a;b\n\n", ";")) == 2  # a final line break starts nothing
    with pytest.raises(Malformed, match="unterminated quote on line 2"):
        scan('a;b\n"c;d\n', ";")
    with pytest.raises(Malformed, match="after a closing quote"):
        scan('"a"b;c\n', ";")
    assert [column_name(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


@pytest.mark.parametrize(
    ("text", "suffix", "delimiter"),
    [
        (CONTACTS, ".csv", ";"),
        ("navn;telefon\nNordmann, Kari;41234567\nHansen, Ola;41234568\n", ".csv", ";"),
        ("Navn, fornavn;telefon\nNordmann, Kari;41234567\n", ".csv", ";"),  # the Sniffer says ","
        ('id,tekst\r\n1,"Hei, ""du""\r\nlinje to"\r\n2,ok\r\n', ".csv", ","),  # the Sniffer gives up here
        ("a|b|c\n1|2|3\n", ".csv", "|"),
        ("a\tb\n1\t2\n", ".csv", "\t"),
        ("sep=,\nnavn;x,tlf\nKari;y,4\n", ".csv", ","),
        ("a\tb\n1\t2\n", ".tsv", "\t"),
        ("Hei, jeg heter Kari.\nRing meg på telefon, 41234567\n", ".csv", None),  # prose
        ("Kari Nordmann\nOla Hansen\n", ".csv", None),  # one column
        ("navn;telefon\n", ".csv", None),  # a single line
        ("a;b\n1;2;3\n4\n", ".csv", None),  # no consistent column count
        ('a;b\n"1;2\n', ".csv", None),  # unterminated quote
    ],
)
def test_delimiter(text: str, suffix: str, delimiter: str | None) -> None:
    found = layout(text, suffix)
    assert (found.delimiter if found else None) == delimiter


def test_unchanged_write_is_byte_identical_and_new_values_are_quoted_as_needed(tmp_path: Path) -> None:
    data = 'navn,notat\r\nKari,"sa ""hei"""\r\nOla,x'.encode()
    source = _file(tmp_path, "a.csv", data)
    document = ADAPTER.read(source)
    ADAPTER.write(document, Plan(), tmp_path / "same.csv")
    assert (tmp_path / "same.csv").read_bytes() == data
    kari, note = document.segment("R2C1"), document.segment("R2C2")
    plan = Plan([
        Replacement(kari.id, 0, 4, "Kari", 'Nordmann, "K"', "[PERSON_1]", "PERSON"),
        Replacement(note.id, 3, 8, '"hei"', "[X_1]", "[X_1]", "X"),
    ])
    ADAPTER.write(document, plan, tmp_path / "new.csv")
    written = (tmp_path / "new.csv").read_bytes()
    assert written == 'navn,notat\r\n"Nordmann, ""K""","sa [X_1]"\r\nOla,x'.encode()
    assert list(csv.reader(io.StringIO(written.decode(), newline=""))) == [
        ["navn", "notat"], ['Nordmann, "K"', "sa [X_1]"], ["Ola", "x"]]
    assert list(ADAPTER.raw_texts(source))[1:] == ['sa "hei"']  # the value as it reads, quotes single


# Real files through the engine -----------------------------------------------------------------------


def test_contact_list_is_delivered_with_every_value_replaced(tmp_path: Path, analyzer) -> None:
    source = _file(tmp_path, "liste.csv", CONTACTS.encode("utf-8"))
    copy, report = _redact(tmp_path, source)
    lines = copy.read_bytes().decode("utf-8").split("\n")
    assert lines[0] == "navn;telefon;e-post" and lines[3] == "" and len(lines) == 4
    for line in lines[1:3]:
        assert [_types(field) for field in line.split(";")] == ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]
    (entry,) = report["files"]
    assert entry["status"] == "ok" and entry["verified"] is True and entry["format"] == "csv"
    assert {"part": "table", "cell": "B3", "row": 3, "column": 2, "kind": "cell"} in [
        f["location"] for f in entry["findings"] if f["entity_type"] == "PHONE_NUMBER"]
    assert "41234567" not in json.dumps(report)


def test_quoted_comma_csv_with_bom_and_crlf(tmp_path: Path, analyzer) -> None:
    template = (
        "id,navn,notat\r\n"
        '1,"{0}","Hun sa ""ja"". Svar til {1}\r\nsnarest"\r\n'
        "2,{2},ingen merknad\r\n"
    )
    originals = ("Nordmann, Kari", "kari.nordmann@example.no", "Ola Hansen")
    source = _file(tmp_path, "kunder.csv", codecs.BOM_UTF8 + template.format(*originals).encode("utf-8"))
    copy, _ = _redact(tmp_path, source)
    written = copy.read_bytes()
    assert written.startswith(codecs.BOM_UTF8)
    placeholders = PLACEHOLDER.findall(written.decode("utf-8"))
    labels = [m.group() for m in PLACEHOLDER.finditer(written.decode("utf-8"))]
    assert placeholders == ["PERSON", "EMAIL_ADDRESS", "PERSON"]
    assert written == codecs.BOM_UTF8 + template.format(*labels).encode("utf-8")


def test_cp1252_file_keeps_its_encoding(tmp_path: Path, analyzer) -> None:
    template = "navn;kommentar\r\n{0};Ønsker svar på brev, ikke på telefon\r\n"
    source = _file(tmp_path, "ansatte.csv", template.format("Bjørn Ærøy-Åsheim").encode("cp1252"))
    copy, _ = _redact(tmp_path, source)
    written = copy.read_bytes()
    (label,) = [m.group() for m in PLACEHOLDER.finditer(written.decode("cp1252"))]
    assert written == template.format(label).encode("cp1252")


def test_tsv(tmp_path: Path, analyzer) -> None:
    template = "navn\ttelefon\tby\n{0}\t{1}\tBergen\n"
    source = _file(tmp_path, "liste.tsv", template.format("Kari Nordmann", "41234567").encode("utf-8"))
    copy, report = _redact(tmp_path, source)
    written = copy.read_text(encoding="utf-8")
    labels = [m.group() for m in PLACEHOLDER.finditer(written)]
    assert [_types(label) for label in labels] == ["PERSON", "PHONE_NUMBER"]
    assert written == template.format(*labels)
    assert report["files"][0]["format"] == "csv"


def test_fodselsnummer_column_and_masked_cell(tmp_path: Path, analyzer) -> None:
    number = "1019012345"  # a fødselsnummer that lost its leading zero: nothing finds it on its own
    assert not analyzer.analyze_text(number, "nb")
    text = f"Fødselsnummer;Merknad\n{number};ok\n0101*******;maskert\n"
    source = _file(tmp_path, "fnr.csv", text.encode("utf-8"))
    copy, report = _redact(tmp_path, source)
    lines = copy.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "Fødselsnummer;Merknad"
    assert _types(lines[1].split(";")[0]) == "NO_FODSELSNUMMER" and lines[1].endswith(";ok")
    assert lines[2] == "0101*******;maskert"
    (finding,) = report["files"][0]["findings"]
    assert finding["location"]["cell"] == "A2" and finding["recognizer"] == "field_hint"


def test_vault_round_trip_gives_back_the_original_bytes(tmp_path: Path, analyzer) -> None:
    source = _file(tmp_path, "liste.csv", CONTACTS.encode("utf-8"))
    vault = tmp_path / "job.vault"
    copy, _ = _redact(tmp_path, source, "--vault", str(vault))
    translated = tmp_path / "translated" / "liste.csv"
    translated.parent.mkdir()
    sanitized = copy.read_bytes()
    translated.write_bytes(sanitized.replace(b"navn;telefon;e-post", b"name;phone;e-mail"))
    result = _cli("restore", str(translated), "--vault", str(vault), "--out", str(tmp_path / "restored"))
    assert result.exit_code == 0, result.output
    restored = (tmp_path / "restored" / "liste.csv").read_bytes()
    assert restored == CONTACTS.replace("navn;telefon;e-post", "name;phone;e-mail").encode("utf-8")
    entry = json.loads((tmp_path / "restored" / "restore-report.json").read_text())["files"][0]
    assert entry["status"] == "ok" and entry["compared_with"] == "liste.csv" and sum(entry["restored"].values()) == 6


def test_prose_csv_is_screened_as_text_without_loss(tmp_path: Path, analyzer) -> None:
    text = "Hei, jeg heter Kari Nordmann.\nRing meg på telefon, 41234567, etter klokka fire.\n"
    source = _file(tmp_path, "notat.csv", text.encode("utf-8"))
    document = adapter_for(source).read(source)
    assert document.format == "text" and [s.text for s in document.segments] == [text.strip()]
    copy, _ = _redact(tmp_path, source)
    written = copy.read_text(encoding="utf-8")
    assert "Kari Nordmann" not in written and "41234567" not in written
    assert PLACEHOLDER.sub("", written) == text.replace("Kari Nordmann", "").replace("41234567", "")


def test_binary_file_named_csv_fails_with_one_line(tmp_path: Path) -> None:
    source = _file(tmp_path, "eksport.csv", bytes(range(256)) * 16)
    out = tmp_path / "out"
    result = _cli("redact", str(source), "--out", str(out), "-q")
    assert result.exit_code == 3
    (entry,) = json.loads((out / "screening-report.json").read_text(encoding="utf-8"))["files"]
    assert entry["status"] == "error" and entry["error"] == f"{source}: binary file, not text"
    errors = [line for line in result.stderr.splitlines() if line.startswith("screen: ")]
    assert len(errors) == 1 and "eksport.csv" in errors[0]
    assert not (out / "eksport.csv").exists()
