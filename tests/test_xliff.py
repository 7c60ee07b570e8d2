"""XLIFF 1.2: inline codes kept around and inside values, aligned placeholder tags, metadata, XSD."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from plans import make_plan
from screening.formats import adapter_for, inline
from screening.formats.xliff import ADAPTER

SCHEMAS = Path(__file__).resolve().parent.parent / "screening" / "formats" / "schemas"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}

# One fictitious value per hiding place.
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="C:\\Users\\torunn.eik\\Jobber\\kontrakt.docx" source-language="nb-NO" target-language="en-GB" datatype="plaintext">
    <header>
      <skl><internal-file form="base64">U2tqZWxldHQgbWVkIEdyZXRlIFNhbmQ=</internal-file></skl>
      <phase-group>
        <phase phase-name="p1" process-name="translation" contact-name="Vegard Nilsen"
               contact-email="vegard.nilsen@byraa.eksempel.no" contact-phone="+47 922 33 441"/>
      </phase-group>
      <note from="Hilde Fossum">Oversetter: Hilde Fossum</note>
    </header>
    <body>
      <trans-unit id="1">
        <source>Avtalen er signert av <g id="1">Kari</g> Nordmann<x id="2"/> i Bergen.</source>
        <target xml:lang="en-GB">The agreement was signed by <g id="1">Kari</g> Nordmann<x id="2"/> in Bergen.</target>
        <alt-trans origin="Kunde AS minne">
          <source>Avtalen er signert av Kari Nordmann.</source>
          <target>The contract is signed by Kari Nordmann.</target>
        </alt-trans>
        <note from="Per Strand">Sjekk stavemåten.</note>
      </trans-unit>
      <trans-unit id="2">
        <source>Ring Lars Ø<g id="3">degård</g> på <ph id="4">&lt;a href="tel:+4741122334"&gt;</ph>41 12 23 34.</source>
        <target>Call Lars Ø<g id="3">degård</g> on 41 12 23 34.</target>
        <context-group name="ctx"><context context-type="record">Kunde: Maren Dahle</context></context-group>
      </trans-unit>
      <trans-unit id="3">
        <source><mrk mtype="x-note" comment="Spurt av Siri Halvorsen">Lagre</mrk></source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
VALUES = {
    "Kari Nordmann": "PERSON",
    "Lars Ødegård": "PERSON",
    "Vegard Nilsen": "PERSON",
    "vegard.nilsen@byraa.eksempel.no": "EMAIL_ADDRESS",
    "+47 922 33 441": "PHONE_NUMBER",
    "Hilde Fossum": "PERSON",
    "Per Strand": "PERSON",
    "Maren Dahle": "PERSON",
    "Siri Halvorsen": "PERSON",
    "+4741122334": "PHONE_NUMBER",
    "41 12 23 34": "PHONE_NUMBER",
}


@pytest.fixture
def written(tmp_path: Path):
    source = tmp_path / "job.xlf"
    source.write_text(XLIFF, encoding="utf-8")
    document = ADAPTER.read(source)
    out = tmp_path / "out.xlf"
    plan, labels = make_plan(document, VALUES)
    ADAPTER.write(document, plan, out)
    return source, labels, out


def test_registered_for_xliff_extensions() -> None:
    for name in ("a.xlf", "a.xliff", "a.sdlxliff", "a.mqxliff"):
        assert adapter_for(Path(name)) is ADAPTER


def test_segments_carry_language_kind_and_natural_text(tmp_path: Path) -> None:
    source = tmp_path / "job.xlf"
    source.write_text(XLIFF, encoding="utf-8")
    document = ADAPTER.read(source)
    by_text = {s.text: s for s in document.segments}
    unit1 = by_text["Avtalen er signert av Kari Nordmann  i Bergen."]  # <x/> counts as a space
    assert unit1.language == "nb" and unit1.location.kind == "source"
    target = by_text["The agreement was signed by Kari Nordmann  in Bergen."]
    assert target.language == "en" and target.location.details["side"] == "target"
    assert by_text["Ring Lars Ødegård på 41 12 23 34."].location.details["unit"] == "2"
    assert by_text["Hilde Fossum"].entity_hint == "PERSON"
    assert by_text["vegard.nilsen@byraa.eksempel.no"].entity_hint == "EMAIL_ADDRESS"
    assert by_text["kontrakt.docx"].location.kind == "metadata"  # the folders are not even shown
    assert any(s.location.kind == "match" and "Kari Nordmann" in s.text for s in document.segments)
    assert any(s.location.kind == "inline_code" and "tel:+4741122334" in s.text for s in document.segments)
    assert [u.removed for u in document.unscanned] == [True]


def test_every_value_is_gone_and_the_copy_validates(written) -> None:
    _, _, out = written
    everything = "\n".join(ADAPTER.raw_texts(out))
    for value in VALUES:
        assert value not in everything, value
    assert "torunn.eik" not in everything and "U2tqZWxldHQ" not in everything
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd")))
    tree = etree.parse(str(out))
    assert schema.validate(tree), schema.error_log


def test_the_original_file_validates_too(tmp_path: Path) -> None:
    # The test file itself is valid XLIFF 1.2, so a failure above is the writer's fault.
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd")))
    source = tmp_path / "job.xlf"
    source.write_text(XLIFF, encoding="utf-8")
    assert schema.validate(etree.parse(str(source))), schema.error_log


def test_inline_codes_survive_around_and_inside_a_name(written) -> None:
    _, labels, out = written
    tree = etree.parse(str(out))
    source = tree.find(".//x:trans-unit[@id='1']/x:source", NS)
    # <g id="1"> wrapped the first name: the placeholder sits in it, the code pair stays balanced.
    g = source.find("x:g", NS)
    assert g is not None and g.get("id") == "1"
    ph = g.find("x:ph", NS)
    assert ph.get("ctype") == "x-pii-person" and ph.text == labels["Kari Nordmann"]
    assert source.find("x:x", NS).get("id") == "2"
    assert "".join(source.itertext()) == f"Avtalen er signert av {labels['Kari Nordmann']} i Bergen."
    # A code inside the name ("Ø<g>degård</g>"): the code is kept, emptied of the name.
    unit2 = tree.find(".//x:trans-unit[@id='2']/x:source", NS)
    assert unit2.find("x:g", NS).get("id") == "3"
    assert "Ødegård" not in etree.tostring(unit2, encoding="unicode")
    assert unit2.find("x:ph[@id='4']", NS) is not None  # the hyperlink code is still there


def test_source_and_target_share_placeholder_ids(written) -> None:
    _, labels, out = written
    tree = etree.parse(str(out))
    for unit in tree.iterfind(".//x:trans-unit", NS):
        source_ids = sorted(p.get("id") for p in unit.find("x:source", NS).iter(f"{{{NS['x']}}}ph")
                            if p.get("id", "").startswith("pii-"))
        target = unit.find("x:target", NS)
        if target is None:
            continue
        target_ids = sorted(p.get("id") for p in target.iter(f"{{{NS['x']}}}ph") if p.get("id", "").startswith("pii-"))
        assert source_ids == target_ids
    unit2 = tree.find(".//x:trans-unit[@id='2']", NS)
    ids = [p.get("id") for p in unit2.find("x:source", NS).iter(f"{{{NS['x']}}}ph")]
    assert inline.tag_id(labels["Lars Ødegård"]) in ids and inline.tag_id(labels["41 12 23 34"]) in ids


def test_metadata_is_cleaned(written) -> None:
    _, labels, out = written
    tree = etree.parse(str(out))
    assert tree.find(".//x:file", NS).get("original") == "kontrakt.docx"
    phase = tree.find(".//x:phase", NS)
    assert phase.get("contact-name") == labels["Vegard Nilsen"]
    assert phase.get("contact-email") == labels["vegard.nilsen@byraa.eksempel.no"]
    assert phase.get("contact-phone") == labels["+47 922 33 441"]
    note = tree.find(".//x:header/x:note", NS)
    assert note.get("from") == labels["Hilde Fossum"] and note.text == f"Oversetter: {labels['Hilde Fossum']}"
    assert tree.find(".//x:trans-unit/x:note", NS).get("from") == labels["Per Strand"]
    assert tree.find(".//x:context", NS).text == f"Kunde: {labels['Maren Dahle']}"
    assert tree.find(".//x:skl/x:internal-file", NS).text is None
    assert tree.find(".//x:mrk", NS).get("comment") == f"Spurt av {labels['Siri Halvorsen']}"


def test_the_input_is_not_modified(written) -> None:
    source, _, _ = written
    assert source.read_text(encoding="utf-8") == XLIFF


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file>", "not well-formed"),
        (b"<html/>", "not an XLIFF file"),
        (b"PK\x03\x04rest", "not XLIFF"),
    ],
)
def test_bad_input_is_a_one_line_format_error(tmp_path: Path, content: bytes, message: str) -> None:
    from screening.document import FormatError

    path = tmp_path / "bad.xlf"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message) as error:
        ADAPTER.read(path)
    assert "\n" not in str(error.value)


def test_end_to_end_with_the_engine(tmp_path: Path, analyzer) -> None:
    from screening.pipeline import Settings, run

    source = tmp_path / "job.xlf"
    source.write_text(XLIFF, encoding="utf-8")
    (result,) = run([source], Settings(), out_dir=tmp_path / "out", analyzer=analyzer)
    assert result.status == "ok", result.error
    assert result.verified
    copy = tmp_path / "out" / "job.xlf"
    everything = "\n".join(ADAPTER.raw_texts(copy))
    for value in ("Kari Nordmann", "Hilde Fossum", "Vegard Nilsen", "vegard.nilsen@byraa.eksempel.no", "Per Strand"):
        assert value not in everything, value
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd")))
    assert schema.validate(etree.parse(str(copy))), schema.error_log
