"""memoQ MQXLIFF: redact with a vault, translate in the target, restore; with the real engine and the CLI.

The file is built like a memoQ bilingual export (XLIFF 1.2 with ``xmlns:mq="MQXliff"``, ``mq:status`` and
the other per-unit attributes, ``{}`` native codes in ``bpt``/``ept``, an ``mq:ch`` tab as ``ph``, the
empty ``mq:minorversions``/``mq:startingws``... of every unit, a header with the Windows login in the
import and export paths). The translator fills the empty targets and rewrites a pre-translated one,
copying the placeholder tags from the source as memoQ does: moved, one with a genitive. The restored
file must be the original document with the translations in it, byte for byte after canonicalisation,
except for the folders of the header's paths, which redaction drops on purpose. All people and numbers
are made up (15076500565 is a fictitious fødselsnummer with valid check digits).
"""

from __future__ import annotations

import copy
import json
import stat
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from screening.cli import main_group
from screening.formats.xliff import ADAPTER

PASSPHRASE = "memoq-oversettelse-hemmelig-7"
ENV = {"SCREEN_VAULT_PASSPHRASE": PASSPHRASE}
X = "urn:oasis:names:tc:xliff:document:1.2"
MQ = "MQXliff"
NS = {"x": X, "mq": MQ}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

HEADER_PATHS = {
    "export": r"C:\Users\ingrid.solberg\Documents\memoQ\vedtak_eng-GB.docx",
    "origfile": r"C:\Users\ingrid.solberg\Documents\Saker\vedtak.docx",
}

UNIT_TAIL = """<context-group><context context-type="x-mmq-structural-context">trans-units / trans-unit#{n}</context></context-group>
<mq:minorversions>
</mq:minorversions>
<mq:startingws xml:space="preserve" />
<mq:endingws xml:space="preserve" />
<mq:commitinfos xmlns="MQXliff" /><mq:nosplitjoins />
<mq:originalsource edited="false" />
</trans-unit>"""


def unit(n: int, status: str, source: str, target: str, extra: str = "") -> str:
    return (f'<trans-unit id="{n}" mq:status="{status}" mq:segmentguid="3f1a9b7c-000{n}-4c2d-8e5f-6a7b8c9d0e1{n}" '
            f'mq:lastchangedtimestamp="2026-03-02T08:1{n}:00Z" mq:firstlabel="{n}" mq:lastlabel="{n}" {extra}>\n'
            f'<source xml:space="preserve" mq:segpart="{n}">{source}</source>\n'
            f'<target xml:space="preserve">{target}</target>\n' + UNIT_TAIL.format(n=n))


def mqxliff(targets: dict[int, str], statuses: dict[int, str], paths: dict[str, str] = HEADER_PATHS) -> str:
    """The document; ``targets`` and ``statuses`` by unit, so that the expected result is built the same way."""
    units = [
        unit(1, statuses[1], '<bpt id="1" ctype="bold">{}</bpt>Vedtak om arbeidsavklaringspenger<ept id="1">{}</ept>',
             targets[1]),
        unit(2, statuses[2], 'Pasient: <bpt id="1" ctype="bold">{}</bpt>Ingrid Solberg-Haugen<ept id="1">{}</ept>, '
                             'fødselsnummer 150765 00565.', targets[2]),
        unit(3, statuses[3], 'Ingrid Solberg-Haugen kan nås på telefon 412 55 983.'
                             '<ph id="2">&lt;mq:ch val="&#x9;" /&gt;</ph>', targets[3]),
        unit(4, statuses[4], 'Ingrids søknad ble behandlet av saksbehandler Ole Bakken.', targets[4],
             extra='mq:percent="100" mq:translatorcommitmatchrate="100" mq:lastchanginguser="ole.bakken"'),
        unit(5, statuses[5], 'Med vennlig hilsen', targets[5], extra='mq:percent="101"'),
    ]
    return f"""{DECLARATION}
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:oasis:names:tc:xliff:document:1.2 xliff-core-1.2-transitional.xsd">
<file original="vedtak.docx" mq:id="5b0d6c1e-2f4a-4d8e-9c1b-7a3e5f0d2c41" mq:projectid="9e4c2a10-6b7d-4f3e-8a21-0c5d7e9f1b32" source-language="nb-no" target-language="en-gb" datatype="x-docx">
<header>
<tool tool-id="MQ" tool-name="MemoQ" tool-version="11.2.7" tool-company="Kilgray" />
<mq:export-path>{paths["export"]}</mq:export-path>
<mq:docinformation mq:docname="vedtak.docx" mq:majorversion="1" mq:minorversion="1" mq:origfile="{paths["origfile"]}" mq:numberofwords="42">
<mq:versioninfos mq:majorversion="1"><mq:minorversioninfo mq:minorversion="0" mq:comment="" mq:createreason="Import" mq:creationtime="562070962" mq:creatoruser="ingrid.solberg" mq:tag=""><mq:details mq:type="MinorVersionDetailsImport"><![CDATA[<?xml version="1.0"?>
<MinorVersionDetailsImport><FilePath>{paths["origfile"]}</FilePath></MinorVersionDetailsImport>]]></mq:details></mq:minorversioninfo></mq:versioninfos>
</mq:docinformation>
</header>
<body>
{chr(10).join(units)}
</body>
</file>
</xliff>
"""


ORIGINAL_TARGETS = {1: "", 2: "", 3: "", 4: "Ingrid's application was processed by caseworker Ole Bakken.",
                    5: "Kind regards"}
ORIGINAL_STATUSES = {1: "NotStarted", 2: "NotStarted", 3: "NotStarted", 4: "PreTranslated", 5: "ManuallyConfirmed"}
TRANSLATED_STATUSES = {**dict.fromkeys((1, 2, 3, 4), "ManuallyConfirmed"), 5: "ManuallyConfirmed"}
# What the delivered file holds: the translations with the originals back. Targets get the full name (a
# target has no spelling of its own in the vault); the header's paths keep their file names only.
EXPECTED_TARGETS = {
    1: '<bpt id="1" ctype="bold">{}</bpt>Decision on work assessment allowance<ept id="1">{}</ept>',
    2: 'Patient: <bpt id="1" ctype="bold">{}</bpt>Ingrid Solberg-Haugen<ept id="1">{}</ept>, '
       'national identity number 150765 00565.',
    3: 'You can reach Ingrid Solberg-Haugen by phone at 412 55 983.<ph id="2">&lt;mq:ch val="&#x9;" /&gt;</ph>',
    4: "Caseworker Ole Bakken processed Ingrid Solberg-Haugen's application.",
    5: "Kind regards",
}
EXPECTED_PATHS = {"export": "vedtak_eng-GB.docx", "origfile": "vedtak.docx"}


def _cli(*args: str):
    return CliRunner().invoke(main_group, list(args), env=ENV)


def _canonical(path_or_text: Path | str) -> str:
    """C14N 2.0 (1.0 refuses memoQ's relative namespace name "MQXliff"): attribute order, CDATA, quotes aside."""
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    return etree.canonicalize(xml_data=text.split("?>", 1)[1])


def _units(tree: etree._Element) -> dict[str, etree._Element]:
    return {u.get("id"): u for u in tree.iter(f"{{{X}}}trans-unit")}


def _placeholder_tags(element: etree._Element) -> dict[str, etree._Element]:
    """The placeholder tags of a source, by the placeholder they stand for."""
    return {ph.text: ph for ph in element.iter(f"{{{X}}}ph") if (ph.get("ctype") or "").startswith("x-pii-")}


def _fill(target: etree._Element, parts: list) -> None:
    """Make ``target`` the sequence of ``parts``: strings and (copies of) elements of the source."""
    for child in list(target):
        target.remove(child)
    target.text = None
    last = None
    for part in parts:
        if isinstance(part, str):
            if last is None:
                target.text = (target.text or "") + part
            else:
                last.tail = (last.tail or "") + part
        else:
            last = copy.deepcopy(part)
            last.tail = None
            target.append(last)


def _save_like_memoq(tree: etree._ElementTree, path: Path) -> None:
    path.write_text(DECLARATION + "\n" + etree.tostring(tree, encoding="unicode"), encoding="utf-8")


def _translate(sanitized: Path, translated: Path) -> dict[str, str]:
    """What a translator does in memoQ: targets written, placeholder tags copied, moved, one with a genitive."""
    tree = etree.parse(str(sanitized))
    units = _units(tree.getroot())
    source = {n: units[n].find("x:source", NS) for n in units}
    codes = {n: {(inline.tag, inline.get("id")): inline for inline in source[n] if inline.get("id") in ("1", "2")}
             for n in units}
    tags = {n: _placeholder_tags(source[n]) for n in units}
    person = next(p for p in tags["2"] if p.startswith("[PERSON_"))
    fnr = next(p for p in tags["2"] if p.startswith("[NO_FODSELSNUMMER_"))
    phone = next(p for p in tags["3"] if p.startswith("[PHONE_NUMBER_"))
    caseworker = next(p for p in tags["4"] if p.startswith("[PERSON_") and p != person)
    assert set(tags["4"]) == {person, caseworker}  # "Ingrids" is the same person as "Ingrid Solberg-Haugen"
    assert source["4"].text in (None, "") and tags["4"][person].tail.startswith("s søknad")  # the genitive stayed outside
    bpt, ept = codes["1"][(f"{{{X}}}bpt", "1")], codes["1"][(f"{{{X}}}ept", "1")]
    _fill(units["1"].find("x:target", NS), [bpt, "Decision on work assessment allowance", ept])
    bpt, ept = codes["2"][(f"{{{X}}}bpt", "1")], codes["2"][(f"{{{X}}}ept", "1")]
    _fill(units["2"].find("x:target", NS),
          ["Patient: ", bpt, tags["2"][person], ept, ", national identity number ", tags["2"][fnr], "."])
    _fill(units["3"].find("x:target", NS),
          ["You can reach ", tags["3"][person], " by phone at ", tags["3"][phone], ".",
           codes["3"][(f"{{{X}}}ph", "2")]])
    # The pre-translated target held the names too, so it has the placeholder tags already; rewritten.
    target4 = units["4"].find("x:target", NS)
    assert set(_placeholder_tags(target4)) == {person, caseworker}
    _fill(target4, ["Caseworker ", tags["4"][caseworker], " processed ", tags["4"][person], "'s application."])
    for element in units.values():
        element.set(f"{{{MQ}}}status", "ManuallyConfirmed")
    _save_like_memoq(tree, translated)
    return {"person": person, "fnr": fnr, "phone": phone, "caseworker": caseworker}


def test_mqxliff_round_trip(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    original = inbox / "vedtak.mqxliff"
    original.write_text(mqxliff(ORIGINAL_TARGETS, ORIGINAL_STATUSES), encoding="utf-8")
    before = original.read_bytes()
    vault = tmp_path / "job.vault"

    result = _cli("redact", str(inbox), "--out", str(tmp_path / "sanitized"), "--vault", str(vault), "-q")
    assert result.exit_code == 1, result.output
    assert original.read_bytes() == before and stat.S_IMODE(vault.stat().st_mode) == 0o600
    sanitized = tmp_path / "sanitized" / "vedtak.mqxliff"
    text = sanitized.read_text(encoding="utf-8")
    for value in ("Ingrid", "Solberg", "Haugen", "Bakken", "ole.bakken", "00565", "412 55 983", "Users"):
        assert value not in text, value
    report = json.loads((tmp_path / "sanitized" / "screening-report.json").read_text(encoding="utf-8"))
    assert report["files"][0]["status"] == "ok" and report["files"][0]["verified"] is True
    assert ADAPTER.read(original).format == "mqxliff"

    translated = tmp_path / "translated" / "vedtak.mqxliff"
    translated.parent.mkdir()
    labels = _translate(sanitized, translated)

    out = tmp_path / "restored"
    result = _cli("restore", str(translated), "--vault", str(vault), "--out", str(out))
    assert result.exit_code == 0, result.output
    restored = out / "vedtak.mqxliff"
    entry = json.loads((out / "restore-report.json").read_text(encoding="utf-8"))["files"][0]
    assert entry["status"] == "ok" and entry["missing"] == {} and entry["duplicated"] == {} and entry["unknown"] == {}
    assert entry["restored"][labels["person"]] == 6  # 3 sources, 3 targets
    assert "Ingrid" not in json.dumps(entry) and "00565" not in json.dumps(entry)

    # The whole document: the original with the translations, canonicalised (attribute order, CDATA).
    expected = mqxliff(EXPECTED_TARGETS, TRANSLATED_STATUSES, EXPECTED_PATHS)
    assert _canonical(restored) == _canonical(expected)
    # Restore gave the source back exactly as the customer wrote it, also "Ingrids".
    tree = etree.parse(str(restored)).getroot()
    units = _units(tree)
    assert "".join(units["4"].find("x:source", NS).itertext()) == "Ingrids søknad ble behandlet av saksbehandler Ole Bakken."
    # memoQ's own attributes and elements are all there, the user name back in place.
    assert units["4"].get(f"{{{MQ}}}lastchanginguser") == "ole.bakken"
    assert units["4"].get(f"{{{MQ}}}percent") == "100"
    assert tree.find(".//mq:minorversioninfo", NS).get(f"{{{MQ}}}creatoruser") == "ingrid.solberg"
    for element in units.values():
        assert element.get(f"{{{MQ}}}status") == "ManuallyConfirmed"
        assert [etree.QName(child).localname for child in element] == [
            "source", "target", "context-group", "minorversions", "startingws", "endingws", "commitinfos",
            "nosplitjoins", "originalsource"]
    assert not list(tree.iter(f"{{{X}}}ph")) or all(not (ph.get("ctype") or "").startswith("x-pii-")
                                                    for ph in tree.iter(f"{{{X}}}ph"))
    assert restored.read_text(encoding="utf-8").startswith(DECLARATION + "\n<xliff ")


def test_mqxliff_placeholder_tag_lost_in_memoq_is_reported(tmp_path: Path, analyzer) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "vedtak.mqxliff").write_text(mqxliff(ORIGINAL_TARGETS, ORIGINAL_STATUSES), encoding="utf-8")
    vault = tmp_path / "job.vault"
    assert _cli("redact", str(inbox), "--out", str(tmp_path / "sanitized"), "--vault", str(vault), "-q").exit_code == 1
    translated = tmp_path / "translated" / "vedtak.mqxliff"
    translated.parent.mkdir()
    labels = _translate(tmp_path / "sanitized" / "vedtak.mqxliff", translated)
    # The translator deleted the phone number's tag in unit 3.
    tree = etree.parse(str(translated))
    target = _units(tree.getroot())["3"].find("x:target", NS)
    tag = _placeholder_tags(target)[labels["phone"]]
    previous = tag.getprevious()
    previous.tail = (previous.tail or "") + "the number on file" + (tag.tail or "")
    target.remove(tag)
    _save_like_memoq(tree, translated)

    result = _cli("restore", str(translated), "--vault", str(vault), "--out", str(tmp_path / "restored"))
    assert result.exit_code == 1, result.output
    entry = json.loads((tmp_path / "restored" / "restore-report.json").read_text(encoding="utf-8"))["files"][0]
    assert entry["status"] == "check" and entry["missing"] == {labels["phone"]: 1}
    assert f"unit 3: {labels['phone']} of the source is missing in the target" in entry["problems"]
