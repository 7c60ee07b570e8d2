"""Redact with a vault, translate, restore: round trips per format with the real engine and the CLI.

Each test redacts real files with ``screen redact --vault``, rewrites the sanitized copy the way a
translator would (new text around the placeholders, placeholders moved, a genitive added, inline tags
copied from source to target), runs ``screen restore`` and compares the result with the document
expected. All people and numbers are made up (15076500565 is a fictitious fødselsnummer with valid
check digits).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from screening.cli import main_group

PASSPHRASE = "oversettelse-hemmelighet-42"
ENV = {"SCREEN_VAULT_PASSPHRASE": PASSPHRASE}
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"

LETTER = (
    "Navn: Kari Nordmann\n"
    "Fødselsnummer: 150765 00565\n"
    "Telefon: 412 55 983\n"
    "\n"
    "Karis søknad om opphold ble sendt fra kari.nordmann@eksempel.no.\n"
)


def _cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main_group, list(args), env=ENV if env is None else env)


def _redact(tmp_path: Path, *inputs: Path, extra: tuple[str, ...] = (), status: int = 1) -> Path:
    out = tmp_path / "sanitized"
    result = _cli("redact", *map(str, inputs), "--out", str(out), "--vault", str(tmp_path / "job.vault"), "-q", *extra)
    assert result.exit_code == status, result.output
    return out


def _restore(tmp_path: Path, *inputs: Path, env: dict[str, str] | None = None):
    out = tmp_path / "restored"
    result = _cli("restore", *map(str, inputs), "--vault", str(tmp_path / "job.vault"), "--out", str(out), env=env)
    report = json.loads((out / "restore-report.json").read_text()) if (out / "restore-report.json").exists() else None
    return result, out, report


def _label(text: str, pattern: str) -> str:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in the sanitized text"
    return match.group(1)


def _translate_letter(sanitized: str) -> tuple[str, dict[str, str]]:
    labels = {
        "person": _label(sanitized, r"Navn: (\[PERSON_\d+\])"),
        "fnr": _label(sanitized, r"Fødselsnummer: (\[NO_FODSELSNUMMER_\d+\])"),
        "phone": _label(sanitized, r"Telefon: (\[PHONE_NUMBER_\d+\])"),
        "email": _label(sanitized, r"fra (\[EMAIL_ADDRESS_\d+\])"),
    }
    assert f"{labels['person']}s søknad" in sanitized  # the genitive stayed outside the placeholder
    translated = (
        f"Name: {labels['person']}\n"
        f"National identity number: {labels['fnr']}\n"
        f"Phone: {labels['phone']}\n"
        "\n"
        f"The residence application was sent from {labels['email']} in {labels['person']}'s name.\n"
    )
    return translated, labels


# Each place gets the spelling it had ("Karis" was "Kari" + genitive), as the counts match.
EXPECTED_LETTER = (
    "Name: Kari Nordmann\n"
    "National identity number: 150765 00565\n"
    "Phone: 412 55 983\n"
    "\n"
    "The residence application was sent from kari.nordmann@eksempel.no in Kari's name.\n"
)


@pytest.fixture()
def letter(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "brev.txt").write_text(LETTER, encoding="utf-8")
    return inbox / "brev.txt"


def test_text_round_trip(tmp_path: Path, letter: Path, analyzer) -> None:
    sanitized = _redact(tmp_path, letter) / "brev.txt"
    copy_text = sanitized.read_text(encoding="utf-8")
    assert "Nordmann" not in copy_text and "00565" not in copy_text
    translated_text, _ = _translate_letter(copy_text)
    translated = tmp_path / "translated" / "brev.txt"
    translated.parent.mkdir()
    translated.write_text(translated_text, encoding="utf-8")
    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 0, result.output
    assert (out / "brev.txt").read_text(encoding="utf-8") == EXPECTED_LETTER
    entry = report["files"][0]
    assert entry["status"] == "ok" and entry["compared_with"] == "brev.txt"
    assert entry["missing"] == {} and entry["duplicated"] == {} and sum(entry["restored"].values()) == 5
    assert "Nordmann" not in json.dumps(report) and "00565" not in json.dumps(report)


def test_deleted_and_duplicated_placeholders_are_reported(tmp_path: Path, letter: Path, analyzer) -> None:
    sanitized = (_redact(tmp_path, letter) / "brev.txt").read_text(encoding="utf-8")
    _, labels = _translate_letter(sanitized)
    # The translator dropped the e-mail address and wrote the phone number twice; one label is mistyped.
    translated_text = (
        f"Name: {labels['person']}\nID: {labels['fnr']}\nPhone: {labels['phone']} / {labels['phone']}\n\n"
        f"{labels['person']}'s application. [PERSON_77]\n"
    )
    translated = tmp_path / "translated" / "brev.txt"
    translated.parent.mkdir()
    translated.write_text(translated_text, encoding="utf-8")
    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 1, result.output
    entry = report["files"][0]
    assert entry["status"] == "check"
    assert entry["missing"] == {labels["email"]: 1}
    assert entry["duplicated"] == {labels["phone"]: 1}
    assert entry["unknown"] == {"[PERSON_77]": 1}
    assert f"{labels['email']} was deleted" in result.output
    restored = (out / "brev.txt").read_text(encoding="utf-8")
    assert "Phone: 412 55 983 / 412 55 983" in restored and "[PERSON_77]" in restored


def test_wrong_key_restores_nothing(tmp_path: Path, letter: Path, analyzer) -> None:
    sanitized = _redact(tmp_path, letter)
    result, out, report = _restore(tmp_path, sanitized / "brev.txt", env={"SCREEN_VAULT_PASSPHRASE": "feil passord 123"})
    assert result.exit_code == 4
    assert "wrong key, or the vault has been changed" in result.output and "nothing was restored" in result.output
    assert not out.exists()
    result, out, _ = _restore(tmp_path, sanitized / "brev.txt", env={})
    assert result.exit_code == 4 and "--key-file FILE or set SCREEN_VAULT_PASSPHRASE" in result.output


def test_redact_with_the_wrong_key_leaves_the_vault_alone(tmp_path: Path, letter: Path, analyzer) -> None:
    _redact(tmp_path, letter)
    before = (tmp_path / "job.vault").read_bytes()
    result = _cli("redact", str(letter), "--out", str(tmp_path / "again"), "--vault", str(tmp_path / "job.vault"),
                  env={"SCREEN_VAULT_PASSPHRASE": "feil passord 123"})
    assert result.exit_code == 4 and "wrong key" in result.output
    assert (tmp_path / "job.vault").read_bytes() == before and not (tmp_path / "again" / "brev.txt").exists()


def test_tampered_vault_restores_nothing(tmp_path: Path, letter: Path, analyzer) -> None:
    sanitized = _redact(tmp_path, letter)
    vault = tmp_path / "job.vault"
    data = json.loads(vault.read_text())
    data["ciphertext"] = ("A" if data["ciphertext"][0] != "A" else "B") + data["ciphertext"][1:]
    vault.write_text(json.dumps(data))
    result, out, _ = _restore(tmp_path, sanitized / "brev.txt")
    assert result.exit_code == 4 and "authentication failed" in result.output
    assert not out.exists()


def test_key_file_and_no_key_on_the_command_line(tmp_path: Path, letter: Path, analyzer) -> None:
    key = tmp_path / "job.key"
    key.write_bytes(bytes(range(7, 47)))
    key.chmod(0o600)
    out = tmp_path / "sanitized"
    result = _cli("redact", str(letter), "--out", str(out), "--vault", str(tmp_path / "job.vault"),
                  "--key-file", str(key), "-q", env={})
    assert result.exit_code == 1, result.output
    assert oct((tmp_path / "job.vault").stat().st_mode & 0o777) == "0o600"
    restored = tmp_path / "restored"
    result = _cli("restore", str(out / "brev.txt"), "--vault", str(tmp_path / "job.vault"), "--out", str(restored),
                  "--key-file", str(key), env={})
    assert result.exit_code == 0, result.output
    assert (restored / "brev.txt").read_text(encoding="utf-8") == LETTER
    assert "--passphrase" not in _cli("restore", "--help").output


def test_vault_refuses_modes_that_cannot_be_restored(tmp_path: Path, letter: Path) -> None:
    result = _cli("redact", str(letter), "--out", str(tmp_path / "o"), "--vault", str(tmp_path / "v"), "--mode", "mask")
    assert result.exit_code != 0 and "--vault needs --mode placeholder or pseudonym" in result.output
    result = _cli("redact", str(letter), "--out", str(tmp_path / "o"), "--vault", str(tmp_path / "o" / "v"))
    assert result.exit_code != 0 and "must not be inside --out" in result.output


def test_runs_sharing_a_vault_number_consistently(tmp_path: Path, analyzer) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text("Navn: Kari Nordmann\nTelefon: 412 55 983\n", encoding="utf-8")
    (second / "b.txt").write_text("Navn: Ingrid Solberg\n\nKontakt: Kari Nordmann, mobil +47 412 55 983\n", encoding="utf-8")
    out_a = _redact(tmp_path, first / "a.txt")
    out_b = _redact(tmp_path, second / "b.txt")
    text_a = (out_a / "a.txt").read_text(encoding="utf-8")
    text_b = (out_b / "b.txt").read_text(encoding="utf-8")
    kari = _label(text_a, r"Navn: (\[PERSON_\d+\])")
    assert f"Kontakt: {kari}" in text_b
    assert _label(text_a, r"Telefon: (\[PHONE_NUMBER_\d+\])") in text_b
    assert _label(text_b, r"Navn: (\[PERSON_\d+\])") != kari
    result, out, _ = _restore(tmp_path, out_a / "a.txt", out_b / "b.txt")
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == "Navn: Kari Nordmann\nTelefon: 412 55 983\n"
    assert (out / "b.txt").read_text(encoding="utf-8") == "Navn: Ingrid Solberg\n\nKontakt: Kari Nordmann, mobil +47 412 55 983\n"


def test_special_category_placeholders_are_reported_not_guessed(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "in" / "erklaering.txt"
    source.parent.mkdir()
    source.write_text("Pasient: Kari Nordmann\n\nPasienten bruker sertralin 50 mg daglig.\n", encoding="utf-8")
    sanitized_path = _redact(tmp_path, source, status=2) / "erklaering.txt"
    sanitized = sanitized_path.read_text(encoding="utf-8")
    numbered = re.search(r"\[HEALTH_\d+\]", sanitized)
    assert numbered, sanitized  # with a vault the medicine gets a numbered placeholder
    # An unnumbered "[HEALTH]" (from a copy made without a vault) names no value: reported, not guessed.
    sanitized_path.write_text(sanitized.replace(numbered.group(), "[HEALTH]"), encoding="utf-8")
    result, out, report = _restore(tmp_path, sanitized_path)
    assert result.exit_code == 1, result.output
    entry = report["files"][0]
    assert entry["unnumbered"] == {"[HEALTH]": 1} and entry["status"] == "check"
    assert "special-category terms have no number" in result.output
    assert (out / "erklaering.txt").read_text(encoding="utf-8").startswith("Pasient: Kari Nordmann\n")
    assert "sertralin" not in (tmp_path / "job.vault").read_text(errors="ignore")


# DOCX --------------------------------------------------------------------------------------------


def test_docx_round_trip_with_split_runs_and_table(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Saksbehandler: Ola Nordmann"
    document.add_paragraph("Søker: Kari Hansen")
    document.add_paragraph("Fødselsnummer: 150765 00565")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Telefon"
    table.cell(0, 1).text = "Telefon: 412 55 983"
    document.add_paragraph("Karis sak ble behandlet av Ola Nordmann.")
    document.save(inbox / "sak.docx")
    sanitized = _redact(tmp_path, inbox / "sak.docx") / "sak.docx"

    copy_doc = docx.Document(sanitized)
    body = [p.text for p in copy_doc.paragraphs]
    kari = _label(body[0], r"Søker: (\[PERSON_\d+\])")
    ola = _label(copy_doc.sections[0].header.paragraphs[0].text, r"Saksbehandler: (\[PERSON_\d+\])")
    fnr = _label(body[1], r"(\[NO_FODSELSNUMMER_\d+\])")
    phone = _label(copy_doc.tables[0].cell(0, 1).text, r"(\[PHONE_NUMBER_\d+\])")
    assert body[2] == f"{kari}s sak ble behandlet av {ola}."

    # The translation: text rewritten, placeholders moved; one placeholder split over two runs.
    copy_doc.sections[0].header.paragraphs[0].text = f"Case officer: {ola}"
    copy_doc.paragraphs[0].text = f"Applicant: {kari}"
    copy_doc.paragraphs[1].text = f"National identity number: {fnr}"
    copy_doc.tables[0].cell(0, 0).text = "Phone"
    copy_doc.tables[0].cell(0, 1).text = f"Phone: {phone}"
    last = copy_doc.paragraphs[2]
    for run in list(last.runs):
        run._r.getparent().remove(run._r)
    last.add_run(f"{ola[:4]}")
    bold = last.add_run(f"{ola[4:]} handled ")
    bold.bold = True
    last.add_run(f"{kari}'s case.")
    translated = tmp_path / "translated" / "sak.docx"
    translated.parent.mkdir()
    copy_doc.save(translated)

    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 0, result.output
    restored = docx.Document(out / "sak.docx")
    assert restored.sections[0].header.paragraphs[0].text == "Case officer: Ola Nordmann"
    assert [p.text for p in restored.paragraphs] == [
        "Applicant: Kari Hansen",
        "National identity number: 150765 00565",
        "Ola Nordmann handled Kari's case.",
    ]
    assert restored.tables[0].cell(0, 1).text == "Phone: 412 55 983"
    assert any(run.bold for run in restored.paragraphs[2].runs)  # the formatting of the runs stays
    assert report["files"][0]["left_in_file"] == []


# XLIFF and TMX -------------------------------------------------------------------------------------

XLIFF_SOURCE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="brev.docx" source-language="nb-NO" target-language="en-GB" datatype="plaintext">
    <body>
      <trans-unit id="u1"><source>Søker: Kari Nordmann, telefon 412 55 983.</source><target/></trans-unit>
      <trans-unit id="u2"><source>Karis søknad ble behandlet av Nordmann selv.</source><target/></trans-unit>
      <trans-unit id="u3"><source>Vennlig hilsen</source><target/></trans-unit>
    </body>
  </file>
</xliff>
"""


def _ph(unit: etree._Element, index: int) -> etree._Element:
    tags = unit.find(f"{{{XLIFF}}}source").findall(f"{{{XLIFF}}}ph")
    return copy.deepcopy(tags[index])


def _translate_xliff(sanitized: Path, translated: Path, drop_tag: bool = False) -> None:
    """A CAT tool's work: targets written around tags copied from the source, one placeholder typed."""
    tree = etree.parse(str(sanitized))
    units = {u.get("id"): u for u in tree.iter(f"{{{XLIFF}}}trans-unit")}
    person = units["u1"].find(f"{{{XLIFF}}}source/{{{XLIFF}}}ph").text
    target = units["u1"].find(f"{{{XLIFF}}}target")
    target.text = "Applicant: "
    name, phone = _ph(units["u1"], 0), _ph(units["u1"], 1)
    name.tail = ", phone "
    target.append(name)
    if not drop_tag:
        phone.tail = "."
        target.append(phone)
    else:
        name.tail = ", phone on file."
    target = units["u2"].find(f"{{{XLIFF}}}target")
    target.text = f"{person} processed "  # typed as text by the translator, before the tag
    genitive = _ph(units["u2"], 0)
    genitive.tail = "'s application personally."
    target.append(genitive)
    units["u3"].find(f"{{{XLIFF}}}target").text = "Kind regards"
    tree.write(str(translated), xml_declaration=True, encoding="UTF-8")


def test_xliff_round_trip_with_inline_tags(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "brev.xlf").write_text(XLIFF_SOURCE, encoding="utf-8")
    sanitized = _redact(tmp_path, inbox / "brev.xlf") / "brev.xlf"
    assert 'ctype="x-pii-person"' in sanitized.read_text(encoding="utf-8")
    translated = tmp_path / "translated" / "brev.xlf"
    translated.parent.mkdir()
    _translate_xliff(sanitized, translated)

    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 0, result.output
    text = (out / "brev.xlf").read_text(encoding="utf-8")
    tree = etree.fromstring(text.encode())
    units = {u.get("id"): u for u in tree.iter(f"{{{XLIFF}}}trans-unit")}

    def flat(unit: str, side: str) -> str:
        return "".join(units[unit].find(f"{{{XLIFF}}}{side}").itertext())

    assert flat("u1", "source") == "Søker: Kari Nordmann, telefon 412 55 983."
    assert flat("u1", "target") == "Applicant: Kari Nordmann, phone 412 55 983."
    # The source gets back exactly what the customer wrote; the target the full name.
    assert flat("u2", "source") == "Karis søknad ble behandlet av Nordmann selv."
    assert flat("u2", "target") == "Kari Nordmann processed Kari Nordmann's application personally."
    assert "x-pii" not in text and not PLACEHOLDER.search(text)
    assert report["files"][0]["missing"] == {} and report["files"][0]["status"] == "ok"


def test_xliff_tag_deleted_in_target_is_reported(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "brev.xlf").write_text(XLIFF_SOURCE, encoding="utf-8")
    sanitized = _redact(tmp_path, inbox / "brev.xlf") / "brev.xlf"
    translated = tmp_path / "translated" / "brev.xlf"
    translated.parent.mkdir()
    _translate_xliff(sanitized, translated, drop_tag=True)
    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 1, result.output
    entry = report["files"][0]
    assert list(entry["missing"]) == [p for p in entry["missing"] if p.startswith("[PHONE_NUMBER_")] and entry["missing"]
    assert any(p.startswith("unit u1: [PHONE_NUMBER_") and "missing in the target" in p for p in entry["problems"])


TMX_SOURCE = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="nb-NO" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body><tu tuid="1"><tuv xml:lang="nb-NO"><seg>Søker: Kari Nordmann, telefon 412 55 983.</seg></tuv><tuv xml:lang="en-GB"><seg>Applicant: Kari Nordmann, phone 412 55 983.</seg></tuv></tu></body></tmx>
"""


def test_tmx_round_trip_with_moved_tags(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "minne.tmx").write_text(TMX_SOURCE, encoding="utf-8")
    sanitized = _redact(tmp_path, inbox / "minne.tmx") / "minne.tmx"
    tree = etree.parse(str(sanitized))
    target = tree.findall(".//tuv")[1].find("seg")
    name, phone = [copy.deepcopy(t) for t in target.findall("ph")]
    for child in list(target):
        target.remove(child)
    target.text = "Phone "  # reordered: the number first, then the name with a genitive
    phone.tail = " is "
    name.tail = "'s."
    target.extend([phone, name])
    translated = tmp_path / "translated" / "minne.tmx"
    translated.parent.mkdir()
    tree.write(str(translated), xml_declaration=True, encoding="UTF-8")

    result, out, report = _restore(tmp_path, translated)
    assert result.exit_code == 0, result.output
    restored = etree.parse(str(out / "minne.tmx"))
    segs = ["".join(seg.itertext()) for seg in restored.iter("seg")]
    assert segs == ["Søker: Kari Nordmann, telefon 412 55 983.", "Phone 412 55 983 is Kari Nordmann's."]
    assert restored.find(".//ph") is None


# Pseudonyms and masks ------------------------------------------------------------------------------


def test_pseudonym_round_trip(tmp_path: Path, letter: Path, analyzer) -> None:
    out = tmp_path / "sanitized"
    result = _cli("redact", str(letter), "--out", str(out), "--vault", str(tmp_path / "job.vault"),
                  "--mode", "pseudonym", "-q")
    assert result.exit_code == 1, result.output
    report = json.loads((out / "screening-report.json").read_text())
    assert report["files"][0]["status"] == "ok" and report["files"][0]["verified"], report["files"][0].get("error")
    text = (out / "brev.txt").read_text(encoding="utf-8")
    assert "Nordmann" not in text and "00565" not in text and "412 55 983" not in text
    assert not PLACEHOLDER.search(text)
    name = _label(text, r"Navn: (\w+ \w+)\n")
    fnr = _label(text, r"Fødselsnummer: (\d{6} \d{5})")
    phone = _label(text, r"Telefon: (\d{3} \d{2} \d{3})")
    email = _label(text, r"fra (\S+@example\.\w+)\.")
    assert text.count(f"{name.split()[0]}s søknad") == 1  # the genitive follows the stand-in
    translated = tmp_path / "translated" / "brev.txt"
    translated.parent.mkdir()
    translated.write_text(
        f"Name: {name}\nNational identity number: {fnr}\nPhone: {phone}\n\n"
        f"The residence application was sent from {email} in {name}'s name.\n",
        encoding="utf-8",
    )
    result, restored, _ = _restore(tmp_path, translated)
    assert result.exit_code == 0, result.output
    assert (restored / "brev.txt").read_text(encoding="utf-8") == EXPECTED_LETTER.replace("Kari's", "Kari Nordmann's")


def test_mask_mode_keeps_the_shape(tmp_path: Path, letter: Path, analyzer) -> None:
    out = tmp_path / "masked"
    result = _cli("redact", str(letter), "--out", str(out), "--mode", "mask", "-q")
    assert result.exit_code == 1, result.output
    text = (out / "brev.txt").read_text(encoding="utf-8")
    assert "Navn: K*** N*******" in text
    assert "Fødselsnummer: 150765 *****" in text
    report = (out / "screening-report.json").read_text()
    assert "150765" not in report  # the report preview shows no more than two digits
