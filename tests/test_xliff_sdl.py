"""SDLXLIFF (Trados) and MQXLIFF (memoQ): tool metadata, embedded originals, revisions, histories."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from plans import make_plan
from screening.formats import inline
from screening.formats.xliff import ADAPTER

X = "urn:oasis:names:tc:xliff:document:1.2"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ = "MQXliff"
NS = {"x": X, "sdl": SDL, "mq": MQ}

SDLXLIFF = r"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0">
<rev-defs><rev-def id="r1" type="Delete" author="FIRMA\aud.lerstad" date="03/11/2026 09:12:00"/></rev-defs>
<cmt-defs><cmt-def id="c1"><Comments><Comment severity="Medium" user="Gunnar Tveit" date="2026-03-11T09:14:00" version="1.0">Avklar med Synnøve Rud</Comment></Comments></cmt-def></cmt-defs>
</doc-info>
<file original="C:\Users\aud.lerstad\Desktop\Brev.docx" datatype="x-sdlfilterframework2" source-language="nb-NO" target-language="en-GB">
<header>
<file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><value key="SDL:FileId">9a1</value><value key="SDL:OriginalFilePath">C:\Users\aud.lerstad\Desktop\Brev.docx</value><value key="SDLWS:UserName">FIRMA\aud.lerstad</value></file-info>
<reference><internal-file form="base64">UEsDBBQABgAIAAAAIQBvbGEgbm9yZG1hbm4=</internal-file></reference>
<tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="1"><bpt name="cf" word-end="false">&lt;cf bold="True"&gt;</bpt><ept name="cf" word-end="false">&lt;/cf&gt;</ept></tag><tag id="2"><ph name="hyperlink" word-end="false">&lt;hyperlink href="mailto:tove.moe@eksempel.no"/&gt;</ph></tag></tag-defs>
</header>
<body>
<trans-unit id="t1"><source>Brev til <g id="1">Tove</g> Moe</source>
<seg-source><mrk mtype="seg" mid="1">Brev til <g id="1">Tove</g> Moe</mrk></seg-source>
<target><mrk mtype="seg" mid="1">Letter to <g id="1">Tove</g> Moe<mrk mtype="x-sdl-deleted" sdl:revid="r1"> og Arild Skog</mrk></mrk></target>
<sdl:seg-defs><sdl:seg id="1" conf="Translated"><sdl:value key="created_by">FIRMA\aud.lerstad</sdl:value><sdl:value key="last_modified_by">FIRMA\gunnar.tveit</sdl:value></sdl:seg></sdl:seg-defs>
</trans-unit>
<trans-unit id="t2"><source>Tove Moe svarer.<x id="2"/></source>
<seg-source><mrk mtype="seg" mid="2">Tove Moe svarer.</mrk><x id="2"/></seg-source>
<target><mrk mtype="seg" mid="2">Tove Moe answers.</mrk><x id="2"/></target>
</trans-unit>
</body></file></xliff>
"""
SDL_VALUES = {
    "Tove Moe": "PERSON", "Arild Skog": "PERSON", "Gunnar Tveit": "PERSON", "Synnøve Rud": "PERSON",
    "FIRMA\\aud.lerstad": "PERSON", "FIRMA\\gunnar.tveit": "PERSON", "tove.moe@eksempel.no": "EMAIL_ADDRESS",
}

MQXLIFF = r"""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">
<file original="\\server\kunder\Jens Holm\notat.docx" source-language="nb-NO" target-language="da-DK" datatype="x-docx">
<body>
<trans-unit id="1" mq:status="ManuallyConfirmed" mq:lastchanginguser="jens.holm" mq:lastchangedtimestamp="2026-03-01T10:00:00Z" mq:translatorcommitusername="jens.holm">
<source>Nora Brekke har ferie.</source>
<target>Nora Brekke har ferie.</target>
<mq:minorversions><mq:historical-unit mq:minorversionstart="1" mq:lastchanginguser="bo.vinther"><source>Nora Brekke og Elin Sund har ferie.</source><target>Nora Brekke og Elin Sund har ferie.</target></mq:historical-unit></mq:minorversions>
<mq:comments><mq:comment id="c1" creatoruser="Bo Vinther" time="2026-03-01T10:00:00Z">Spørg Nora Brekke</mq:comment></mq:comments>
</trans-unit>
</body></file></xliff>
"""
MQ_VALUES = {"Nora Brekke": "PERSON", "jens.holm": "PERSON", "Bo Vinther": "PERSON"}


def _write(tmp_path: Path, name: str, content: str, values: dict[str, str]):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    document = ADAPTER.read(source)
    plan, labels = make_plan(document, values)
    out = tmp_path / f"out-{name}"
    ADAPTER.write(document, plan, out)
    return document, labels, out


def test_sdlxliff_reads_segments_not_just_source(tmp_path: Path) -> None:
    source = tmp_path / "a.sdlxliff"
    source.write_text(SDLXLIFF, encoding="utf-8")
    document = ADAPTER.read(source)
    assert document.format == "sdlxliff"
    segments = [s for s in document.segments if s.location.details.get("segment") == "1"]
    assert {s.location.kind for s in segments} == {"source", "target"}
    target = next(s for s in segments if s.location.kind == "target")
    assert target.text == "Letter to Tove Moe" and target.language == "en"  # deleted text is not sentence text
    hints = {s.text: s.entity_hint for s in document.segments if s.entity_hint}
    assert hints == {"FIRMA\\aud.lerstad": "PERSON", "FIRMA\\gunnar.tveit": "PERSON", "Gunnar Tveit": "PERSON"}
    assert {u.reason for u in document.unscanned} == {
        "deleted revision (tracked change)", "embedded original document (SDLXLIFF internal-file)"}


def test_sdlxliff_copy_has_no_value_and_keeps_trados_tags(tmp_path: Path) -> None:
    _, labels, out = _write(tmp_path, "a.sdlxliff", SDLXLIFF, SDL_VALUES)
    text = out.read_text(encoding="utf-8")
    everything = "\n".join(ADAPTER.raw_texts(out))
    for value in SDL_VALUES:
        assert value not in everything, value
    assert "aud.lerstad" not in text and "UEsDB" not in text and "internal-file" not in text
    tree = etree.parse(str(out))
    # Placeholders are <x/> tags defined in tag-defs, as Trados resolves every inline tag there.
    person = labels["Tove Moe"]
    tag_id = inline.tag_id(person)
    definition = tree.find(f".//sdl:tag-defs/sdl:tag[@id='{tag_id}']/sdl:ph", NS)
    assert definition is not None and definition.text == person
    for mrk in tree.iterfind(".//x:mrk[@mtype='seg']", NS):
        assert [x.get("id") for x in mrk.iter(f"{{{X}}}x") if x.get("id").startswith("pii-")] == [tag_id]
    # The original bold code pair stays around the placeholder.
    g = tree.find(".//x:trans-unit[@id='t1']/x:target/x:mrk/x:g", NS)
    assert g.get("id") == "1" and g.find("x:x", NS).get("id") == tag_id
    assert tree.find(".//x:x[@id='2']", NS) is not None
    assert tree.find(".//sdl:rev-def", NS).get("author") == labels["FIRMA\\aud.lerstad"]
    comment = tree.find(".//sdl:Comment", NS)
    assert comment.get("user") == labels["Gunnar Tveit"] and labels["Synnøve Rud"] in comment.text
    assert tree.find(".//x:file", NS).get("original") == "Brev.docx"
    assert tree.find(".//sdl:value[@key='SDL:OriginalFilePath']", NS).text == "Brev.docx"


def test_mqxliff_history_removed_and_users_replaced(tmp_path: Path) -> None:
    document, labels, out = _write(tmp_path, "b.mqxliff", MQXLIFF, MQ_VALUES)
    assert document.format == "mqxliff"
    assert any(u.reason == "memoQ historical versions of a unit" for u in document.unscanned)
    text = out.read_text(encoding="utf-8")
    for value in ("Nora Brekke", "Elin Sund", "jens.holm", "bo.vinther", "Bo Vinther", "Jens Holm"):
        assert value not in text, value
    tree = etree.parse(str(out))
    unit = tree.find(".//x:trans-unit", NS)
    assert unit.get(f"{{{MQ}}}lastchanginguser") == labels["jens.holm"]
    assert unit.get(f"{{{MQ}}}translatorcommitusername") == labels["jens.holm"]
    assert unit.find("mq:minorversions", NS) is None
    comment = unit.find("mq:comments/mq:comment", NS)
    assert comment.get("creatoruser") == labels["Bo Vinther"] and comment.text == f"Spørg {labels['Nora Brekke']}"
    assert tree.find(".//x:file", NS).get("original") == "notat.docx"


def test_sdlxliff_end_to_end_with_the_engine(tmp_path: Path, analyzer) -> None:
    from screening.pipeline import Settings, run

    source = tmp_path / "a.sdlxliff"
    source.write_text(SDLXLIFF, encoding="utf-8")
    (result,) = run([source], Settings(), out_dir=tmp_path / "out", analyzer=analyzer)
    assert result.status == "ok", result.error
    copy = (tmp_path / "out" / "a.sdlxliff").read_text(encoding="utf-8")
    for value in ("Tove Moe", "Arild Skog", "aud.lerstad", "Gunnar Tveit", "tove.moe@eksempel.no", "UEsDB"):
        assert value not in copy, value
    assert {u["reason"] for u in result.unscanned} >= {"embedded original document (SDLXLIFF internal-file)"}
