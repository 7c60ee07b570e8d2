"""XLIFF 2.0: <ph disp equiv/> placeholders with aligned ids, matches, original data, change tracking."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from plans import make_plan
from screening.formats import inline
from screening.formats.xliff import ADAPTER

X2 = "urn:oasis:names:tc:xliff:document:2.0"
NS = {"x": X2, "mtc": "urn:oasis:names:tc:xliff:matches:2.0", "ctr": "urn:oasis:names:tc:xliff:changetracking:2.0"}

XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
       xmlns:ctr="urn:oasis:names:tc:xliff:changetracking:2.0" version="2.0" srcLang="da-DK" trgLang="nb-NO">
<file id="f1" original="/home/bjarke/sager/brev.docx">
<notes><note>Projektleder: Pernille Skov</note></notes>
<unit id="u1">
<ctr:changeTrack><ctr:revisions appliesTo="target"><ctr:revision author="bjarke.m" datetime="2026-01-05T10:00:00Z"><ctr:item property="content">Kære Jytte Bach</ctr:item></ctr:revision></ctr:revisions></ctr:changeTrack>
<mtc:matches><mtc:match ref="#s1" origin="TM Kunde Nord"><source>Kære Mads Krogh</source><target>Kjære Mads Krogh</target></mtc:match></mtc:matches>
<originalData><data id="d1">&lt;a href="mailto:mads.krogh@eksempel.dk"&gt;</data><data id="d2">&lt;/a&gt;</data></originalData>
<segment id="s1"><source>Kære <pc id="1" dataRefStart="d1" dataRefEnd="d2">Mads</pc> Krogh og Mads Krogh<ph id="2"/>!</source>
<target>Kjære <pc id="1" dataRefStart="d1" dataRefEnd="d2">Mads</pc> Krogh og Mads Krogh<ph id="2"/>!</target></segment>
<ignorable><source> </source></ignorable>
</unit>
</file>
</xliff>
"""
VALUES = {"Mads Krogh": "PERSON", "Pernille Skov": "PERSON", "mads.krogh@eksempel.dk": "EMAIL_ADDRESS"}


def _written(tmp_path: Path):
    source = tmp_path / "a.xlf"
    source.write_text(XLIFF2, encoding="utf-8")
    document = ADAPTER.read(source)
    plan, labels = make_plan(document, VALUES)
    out = tmp_path / "out.xlf"
    ADAPTER.write(document, plan, out)
    return document, labels, out


def test_segments_and_languages(tmp_path: Path) -> None:
    source = tmp_path / "a.xlf"
    source.write_text(XLIFF2, encoding="utf-8")
    document = ADAPTER.read(source)
    texts = {(s.location.kind, s.text): s for s in document.segments}
    assert texts[("source", "Kære Mads Krogh og Mads Krogh !")].language == "da"
    assert texts[("target", "Kjære Mads Krogh og Mads Krogh !")].language == "nb"
    assert ("match", "Kære Mads Krogh") in texts
    assert ("inline_code", '<a href="mailto:mads.krogh@eksempel.dk">') in texts
    assert ("metadata", "brev.docx") in texts
    assert all("Jytte Bach" not in s.text for s in document.segments)  # history is removed, not screened
    assert [u.removed for u in document.unscanned] == [True]


def test_placeholders_are_ph_with_disp_and_equiv_aligned_in_source_and_target(tmp_path: Path) -> None:
    _, labels, out = _written(tmp_path)
    tree = etree.parse(str(out))
    person = labels["Mads Krogh"]
    segment = tree.find(".//x:segment", NS)
    ids = {}
    for side in ("source", "target"):
        element = segment.find(f"x:{side}", NS)
        phs = [p for p in element.iter(f"{{{X2}}}ph") if p.get("id", "").startswith("pii-")]
        assert [p.get("disp") for p in phs] == [person, person]
        assert all(p.get("equiv") == person and p.get("type") == "other" and p.get("subType") == "pii:person"
                   for p in phs)
        ids[side] = [p.get("id") for p in phs]
        # the value that sat in <pc> keeps its code around the placeholder
        assert element.find("x:pc", NS).find("x:ph", NS) is not None
        assert element.find("x:ph[@id='2']", NS) is not None
    # ids are unique within a side of the unit and equal across source and target
    assert ids["source"] == ids["target"] == [inline.tag_id(person), inline.tag_id(person) + "-2"]


def test_metadata_matches_and_history_are_clean(tmp_path: Path) -> None:
    _, labels, out = _written(tmp_path)
    text = out.read_text(encoding="utf-8")
    for value in ("Mads Krogh", "Pernille Skov", "mads.krogh@eksempel.dk", "Jytte Bach", "bjarke", "/home/"):
        assert value not in text, value
    tree = etree.parse(str(out))
    assert tree.find(".//ctr:changeTrack", NS) is None
    assert tree.find(".//x:file", NS).get("original") == "brev.docx"
    match = tree.find(".//mtc:match", NS)
    assert [p.get("disp") for p in match.iter(f"{{{X2}}}ph")] == [labels["Mads Krogh"]] * 2
    assert tree.find(".//x:data[@id='d1']", NS).text == f'<a href="mailto:{labels["mads.krogh@eksempel.dk"]}">'
    assert tree.find(".//x:note", NS).text == f"Projektleder: {labels['Pernille Skov']}"
    assert tree.find(".//x:ignorable/x:source", NS).text == " "  # whitespace is kept as it was
