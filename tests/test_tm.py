"""``screen tm``: a translation memory cleaned streaming, with the redact and drop policies, real engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from screening.pipeline import Job, Settings
from screening.tm import TmError, clean_tm

DTD = Path(__file__).resolve().parent.parent / "screening" / "formats" / "schemas" / "tmx14.dtd"
FNR = "14037923126"  # fictitious, valid checksums
UNITS = [
    ("Pasienten Ingrid Solberg ble innlagt med diabetes.", "The patient Ingrid Solberg was admitted with diabetes."),
    ("Fødselsnummer: " + FNR, "National identity number: " + FNR),
    ("Kontakt <bpt i=\"1\">&lt;b&gt;</bpt>Eirik Haugland<ept i=\"1\">&lt;/b&gt;</ept> for mer informasjon.",
     "Contact <bpt i=\"1\">&lt;b&gt;</bpt>Eirik Haugland<ept i=\"1\">&lt;/b&gt;</ept> for more information."),
    ("Trykk på Lagre for å lagre endringene.", "Press Save to save the changes."),
    ("Velg et språk fra listen.", "Choose a language from the list."),
    ("Send søknaden til sigrid.bakke@eksempel.no innen fredag.", "Send the application to sigrid.bakke@eksempel.no by Friday."),
    ("Filen kunne ikke åpnes.", "The file could not be opened."),
    ("Trykk på Lagre for å lagre endringene.", "Press Save to save the changes."),
    ("Møtet ledes av Ingrid Solberg.", "The meeting is chaired by Ingrid Solberg."),
    ("Innstillingene er lagret.", "The settings have been saved."),
]


def _memory(path: Path) -> Path:
    units = "\n".join(
        f'<tu tuid="{n}" creationid="turid.admin" changeid="turid.admin">'
        f'<tuv xml:lang="nb-NO"><seg>{nb}</seg></tuv><tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>'
        for n, (nb, en) in enumerate(UNITS, start=1)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="nb-NO"'
        ' datatype="plaintext" creationid="turid.admin"><note>Kunde: Ingrid Solberg</note></header>\n<body>\n'
        + units + "\n</body>\n</tmx>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def redacted(tmp_path_factory, analyzer):
    folder = tmp_path_factory.mktemp("tm")
    source = _memory(folder / "memory.tmx")
    out = folder / "clean.tmx"
    # batches of 3 units: consistency and repeated texts across batches are exercised too
    report = clean_tm(source, out, Job(Settings(), analyzer), policy="redact", workers=1, batch_units=3)
    return source, out, report


def test_redact_keeps_every_unit_and_counts_them(redacted) -> None:
    _, out, report = redacted
    assert report.units == len(UNITS) == report.kept + report.redacted and report.dropped == 0
    assert report.redacted >= 4 and report.verified
    assert "health" in report.special_categories
    tree = etree.parse(str(out))
    assert etree.DTD(str(DTD)).validate(tree)
    assert len(tree.findall(".//tu")) == len(UNITS)


def test_redact_leaves_no_value_and_aligns_placeholders(redacted) -> None:
    _, out, _ = redacted
    text = out.read_text(encoding="utf-8")
    for value in ("Ingrid Solberg", "Eirik Haugland", FNR, "sigrid.bakke@eksempel.no", "turid.admin"):
        assert value not in text, value
    tree = etree.parse(str(out))
    first, later = tree.find(".//tu[@tuid='1']"), tree.find(".//tu[@tuid='9']")

    def person_tags(tu):
        return [(ph.get("x"), ph.text) for ph in tu.iter("ph") if ph.get("type") == "x-pii-person"]

    # the same person has one placeholder in the whole memory, in batch 1 and batch 3 alike
    assert {t for _, t in person_tags(first)} == {t for _, t in person_tags(later)}
    for tu in (first, later):
        source, target = [[(ph.get("x"), ph.text) for ph in seg.iter("ph")] for seg in tu.iter("seg")]
        assert source == target  # same x and same placeholder in both variants
    bold = tree.find(".//tu[@tuid='3']/tuv/seg")
    assert [child.tag for child in bold] == ["bpt", "ph", "ept"]
    assert tree.find("header/note").text.startswith("Kunde: [PERSON_")


def test_drop_policy_leaves_out_special_and_identifier_units(tmp_path: Path, analyzer) -> None:
    source = _memory(tmp_path / "memory.tmx")
    out = tmp_path / "clean.tmx"
    report = clean_tm(source, out, Job(Settings(), analyzer), policy="drop", workers=1, batch_units=4)
    assert report.dropped >= 2 and report.units == report.kept + report.redacted + report.dropped
    assert report.dropped_by_reason["identifier:NO_FODSELSNUMMER"] == 1
    assert report.dropped_by_reason["special:health"] >= 1
    tree = etree.parse(str(out))
    kept = {tu.get("tuid") for tu in tree.iter("tu")}
    assert "1" not in kept and "2" not in kept and "4" in kept
    text = out.read_text(encoding="utf-8")
    assert FNR not in text and "diabetes" not in text and "Eirik Haugland" not in text
    assert etree.DTD(str(DTD)).validate(tree)


def test_only_tmx_and_never_over_the_original(tmp_path: Path, analyzer) -> None:
    job = Job(Settings(), analyzer)
    other = tmp_path / "memory.xlf"
    other.write_text("<xliff/>", encoding="utf-8")
    with pytest.raises(TmError, match="not a TMX file"):
        clean_tm(other, tmp_path / "out.tmx", job)
    source = _memory(tmp_path / "memory.tmx")
    with pytest.raises(TmError, match="must not overwrite"):
        clean_tm(source, source, job)
    broken = tmp_path / "broken.tmx"
    broken.write_text('<tmx version="1.4"><header/><body><tu>', encoding="utf-8")
    with pytest.raises(TmError, match="not well-formed"):
        clean_tm(broken, tmp_path / "b.tmx", job)
    assert not (tmp_path / "b.tmx").exists() and not list(tmp_path.glob(".b.screen-*"))


def test_command_line(tmp_path: Path, analyzer) -> None:
    from screening.commands.tm import command

    source = _memory(tmp_path / "memory.tmx")
    out = tmp_path / "clean.tmx"
    result = CliRunner().invoke(command, [str(source), "--out", str(out), "--policy", "drop", "--workers", "1",
                                          "--report", str(tmp_path / "tm.json")])
    assert result.exit_code == 2, result.output  # special-category data was found
    assert f"{len(UNITS)} units:" in result.output and "dropped for identifier:NO_FODSELSNUMMER: 1" in result.output
    assert out.exists() and '"policy": "drop"' in (tmp_path / "tm.json").read_text(encoding="utf-8")


def test_drop_reasons() -> None:
    from screening.document import Finding
    from screening.tm import unit_reasons

    about_someone = Finding("s", 0, 8, "HEALTH", 0.9, "diabetes", category="special", special_category="health")
    about_no_one = Finding("s", 0, 8, "HEALTH", 0.9, "diabetes", category="special", special_category="health",
                           metadata={"about_person": False})
    cpr = Finding("s", 0, 11, "DK_CPR", 1.0, "070881-4417")
    name = Finding("s", 0, 9, "PERSON", 0.9, "Anne Holm")
    assert unit_reasons([about_someone, cpr, name]) == {"special:health", "identifier:DK_CPR"}
    assert unit_reasons([about_no_one, name]) == set()


def test_memory_without_body_is_refused(tmp_path: Path, analyzer) -> None:
    source = tmp_path / "empty.tmx"
    source.write_text('<tmx version="1.4"><header srclang="nb-NO"/></tmx>', encoding="utf-8")
    with pytest.raises(TmError, match="no <body>"):
        clean_tm(source, tmp_path / "out.tmx", Job(Settings(), analyzer))
    assert not (tmp_path / "out.tmx").exists()


def test_a_unit_with_a_leftover_is_not_stored(tmp_path: Path, analyzer) -> None:
    from screening.document import Plan, Replacement
    from screening.tm import TmCleaner, _Batch

    tu = etree.fromstring('<tu><tuv xml:lang="nb-NO"><seg>Hilsen Kari, Kari og Per</seg></tuv></tu>')
    clean = etree.fromstring('<tu><tuv xml:lang="nb-NO"><seg>Hilsen [PERSON_1]</seg></tuv></tu>')
    # the plan replaced "Kari" somewhere; the first unit still has it, the second does not
    plan = Plan([Replacement("tu9.tuv1.seg", 7, 11, "Kari", "[PERSON_1]", "[PERSON_1]", "PERSON")])
    cleaner = TmCleaner(Job(Settings(), analyzer))
    assert cleaner._verify(_Batch(1, [tu, clean]), set(), plan, "nb-NO") == {0}
    assert cleaner._verify(_Batch(1, [clean]), set(), plan, "nb-NO") == set()


def test_deferred_analyzer_is_the_shared_engine(analyzer) -> None:
    from screening.tm import DeferredAnalyzer, special_types

    assert DeferredAnalyzer().languages == analyzer.languages
    assert special_types() == frozenset(analyzer.special_types)
