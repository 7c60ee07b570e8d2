"""TMX 1.4b: inline codes kept, aligned <ph x> placeholders, creationid/changeid/note/prop cleaned, DTD."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from screening.document import FormatError
from plans import make_plan
from screening.formats import adapter_for
from screening.formats.tmx import ADAPTER

DTD = Path(__file__).resolve().parent.parent / "screening" / "formats" / "schemas" / "tmx14.dtd"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="Test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="nb-NO"
        datatype="plaintext" creationid="ranveig.admin" changeid="ranveig.admin">
  <note>Eier: Ranveig Holt</note>
</header>
<body>
<!-- importert av Ketil Aune -->
<tu tuid="7" creationid="oddny.k" changeid="trym.b">
  <prop type="x-context-pre">Forrige setning nevner Bjørn Rønning.</prop>
  <note>Godkjent av Astrid Vold</note>
  <tuv xml:lang="nb-NO" creationid="oddny.k">
    <seg>Pasient <bpt i="1" x="1">&lt;b&gt;</bpt>Halvard<ept i="1">&lt;/b&gt;</ept> Rønning, tlf. <ph x="2">&lt;a href="tel:48211930"&gt;</ph>482 11 930, har astma.</seg>
  </tuv>
  <tuv xml:lang="en-GB" changeid="trym.b">
    <seg>Patient <bpt i="1" x="1">&lt;b&gt;</bpt>Halvard<ept i="1">&lt;/b&gt;</ept> Rønning, tel. <ph x="2">&lt;a href="tel:48211930"&gt;</ph>482 11 930, has asthma.</seg>
  </tuv>
</tu>
<tu tuid="8">
  <tuv xml:lang="nb-NO"><seg>Halvard Rønnings bil er <hi type="x-ital">blå</hi>.<ph x="1">&lt;img alt="<sub>Foto av Halvard Rønning</sub>"/&gt;</ph></seg></tuv>
  <tuv xml:lang="en-GB"><seg>Halvard Rønning's car is <hi type="x-ital">blue</hi>.<ph x="1">&lt;img alt="<sub>Photo of Halvard Rønning</sub>"/&gt;</ph></seg></tuv>
</tu>
</body>
</tmx>
"""
VALUES = {
    "Halvard Rønning": "PERSON", "Bjørn Rønning": "PERSON", "Astrid Vold": "PERSON", "Ranveig Holt": "PERSON",
    "Ketil Aune": "PERSON", "ranveig.admin": "PERSON", "oddny.k": "PERSON", "trym.b": "PERSON",
    "482 11 930": "PHONE_NUMBER", "48211930": "PHONE_NUMBER",
}


@pytest.fixture
def written(tmp_path: Path):
    source = tmp_path / "memory.tmx"
    source.write_text(TMX, encoding="utf-8")
    document = ADAPTER.read(source)
    plan, labels = make_plan(document, VALUES)
    out = tmp_path / "clean.tmx"
    ADAPTER.write(document, plan, out)
    return document, labels, out


def test_registered() -> None:
    assert adapter_for(Path("x.TMX")) is ADAPTER


def test_segments(tmp_path: Path) -> None:
    source = tmp_path / "memory.tmx"
    source.write_text(TMX, encoding="utf-8")
    document = ADAPTER.read(source)
    by_id = {s.id: s for s in document.segments}
    source_seg = by_id["tu1.tuv1.seg"]
    assert source_seg.text.strip().startswith("Pasient Halvard Rønning, tlf. 482 11 930")
    assert source_seg.language == "nb" and source_seg.location.kind == "source"
    assert source_seg.location.details == {"unit": "7", "side": "source", "language": "nb-NO"}
    assert by_id["tu1.tuv2.seg"].language == "en" and by_id["tu1.tuv2.seg"].location.kind == "target"
    assert by_id["tu1@creationid"].entity_hint == "PERSON"
    assert by_id["tu1.tuv1@creationid"].entity_hint == "PERSON"
    assert by_id["tu1.prop1"].location.kind == "context"
    assert by_id["tu1.note2"].location.kind == "note"
    assert by_id["tu2.tuv1.sub1"].text == "Foto av Halvard Rønning"
    assert "tel:48211930" in by_id["tu1.tuv1.codes"].text
    assert "tu2.tuv1.codes" not in by_id or "Halvard" not in by_id["tu2.tuv1.codes"].text


def test_every_value_is_gone_and_the_copy_is_valid_tmx(written) -> None:
    _, _, out = written
    everything = "\n".join(ADAPTER.raw_texts(out))
    for value in VALUES:
        assert value not in everything, value
    tree = etree.parse(str(out))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM')


def test_inline_codes_and_aligned_x(written) -> None:
    _, labels, out = written
    tree = etree.parse(str(out))
    tu = tree.find(".//tu[@tuid='7']")
    person, phone = labels["Halvard Rønning"], labels["482 11 930"]
    sides = []
    for seg in tu.iter("seg"):
        # the bold pair is still there and balanced, the placeholder after its opening code
        assert [c.tag for c in seg] == ["bpt", "ph", "ept", "ph", "ph", ]
        bpt, ph, ept, link, ph_phone = list(seg)
        assert bpt.get("i") == ept.get("i") == "1" and link.get("x") == "2"
        assert ph.text == person and ph.get("type") == "x-pii-person"
        assert ph_phone.text == phone and ph_phone.get("type") == "x-pii-phone-number"
        assert link.text == f'<a href="tel:{labels["48211930"]}">'
        sides.append((ph.get("x"), ph_phone.get("x")))
    # same x for the same value in both variants, above the unit's own codes (1 and 2)
    assert sides[0] == sides[1] == ("3", "4")
    assert tu.get("creationid") == labels["oddny.k"] and tu.get("changeid") == labels["trym.b"]
    assert tu.find("tuv").get("creationid") == labels["oddny.k"]
    assert tu.find("prop").text == f"Forrige setning nevner {labels['Bjørn Rønning']}."
    genitive = tree.find(".//tu[@tuid='8']/tuv/seg")
    assert genitive.find("hi").text == "blå"
    sub = genitive.find("ph/sub")  # translatable text inside a code gets an inline placeholder too
    assert sub.text == "Foto av " and sub.find("ph").text == person


def test_header_and_comments_are_clean(written) -> None:
    _, labels, out = written
    tree = etree.parse(str(out))
    header = tree.find("header")
    assert header.get("creationid") == header.get("changeid") == labels["ranveig.admin"]
    assert header.find("note").text == f"Eier: {labels['Ranveig Holt']}"
    assert "Ketil Aune" not in out.read_text(encoding="utf-8")


def test_not_tmx_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "x.tmx"
    path.write_text("<xliff/>", encoding="utf-8")
    with pytest.raises(FormatError, match="not a TMX file"):
        ADAPTER.read(path)


def test_utf16_memory_round_trips(tmp_path: Path) -> None:
    # Trados exports TMX in UTF-16: the copy keeps the encoding and its declaration.
    source = tmp_path / "utf16.tmx"
    source.write_bytes(TMX.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    document = ADAPTER.read(source)
    plan, _ = make_plan(document, VALUES)
    out = tmp_path / "clean16.tmx"
    ADAPTER.write(document, plan, out)
    data = out.read_bytes()
    assert data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")
    text = data.decode("utf-16")
    assert 'encoding="UTF-16"' in text and "Halvard" not in text
    assert etree.DTD(str(DTD)).validate(etree.parse(str(out)))
