"""Restore's parts without the engine: placeholder spellings, genitives, stand-ins, tags, file matching."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from screening.restore import PLACEHOLDER, Restorer, canonical, match_record, unwrap_placeholder_tags, with_ending
from screening.vault import Entry, FileRecord, VaultContent


def _content() -> VaultContent:
    content = VaultContent()
    content.entries = {
        "[PERSON_1]": Entry("PERSON", "Kari Nordmann"),
        "[PERSON_2]": Entry("PERSON", "Lars Strand Jonas"),
        "[PHONE_NUMBER_1]": Entry("PHONE_NUMBER", "412 55 983"),
        "[PERSON_3]": Entry("PERSON", "Ola Nordmann", "Bjørn Lie",
                            {"Bjørn Lie": "Ola Nordmann", "Lie": "Nordmann"}),
        "[NO_FODSELSNUMMER_1]": Entry("NO_FODSELSNUMMER", "150765 00565", "300541 47631",
                                      {"300541 47631": "150765 00565"}),
    }
    return content


def _restore(text: str, spellings: dict[str, list[str]] | None = None) -> tuple[str, Counter[str]]:
    restorer = Restorer(_content())
    unknown: Counter[str] = Counter()
    hits = restorer.hits("s", text, False, unknown)
    replacements = restorer.resolve(hits, {"s": text}, spellings or {}, sources_only=False)
    out, position = [], 0
    for replacement in replacements:
        out += [text[position:replacement.start], replacement.new_text]
        position = replacement.end
    return "".join(out + [text[position:]]), unknown


@pytest.mark.parametrize("typed", ["[PERSON_1]", "[person_1]", "[ PERSON_1 ]", "[PERSON _1]"])
def test_placeholder_as_machine_translation_writes_it(typed: str) -> None:
    match = PLACEHOLDER.fullmatch(typed)
    assert match and canonical(match) == "[PERSON_1]"


def test_genitives() -> None:
    assert with_ending("Kari Nordmann", "s") == "Kari Nordmanns"
    assert with_ending("Lars Strand Jonas", "s") == "Lars Strand Jonas'"  # nb/da: apostrophe after s
    assert with_ending("Kari Nordmann", "'s") == "Kari Nordmann's"
    text, _ = _restore("[PERSON_1]s bil, [PERSON_2]s hus og [PERSON_1]'s car; [PERSON_1]sbil")
    assert text == "Kari Nordmanns bil, Lars Strand Jonas' hus og Kari Nordmann's car; Kari Nordmannsbil"


def test_numbers_keep_what_follows() -> None:
    text, _ = _restore("Ring [PHONE_NUMBER_1]s sentralbord")  # not a genitive: the s stays as written
    assert text == "Ring 412 55 983s sentralbord"


def test_unknown_placeholders_are_counted_and_left() -> None:
    text, unknown = _restore("[PERSON_1] og [PERSON_9]")
    assert text == "Kari Nordmann og [PERSON_9]" and unknown == Counter({"[PERSON_9]": 1})


def test_spellings_in_order_when_the_counts_match() -> None:
    spellings = {"[PERSON_1]": ["Kari Nordmann", "Kari"]}
    assert _restore("[PERSON_1] ... [PERSON_1]s", spellings)[0] == "Kari Nordmann ... Karis"
    # One more place than written: every place gets the full name.
    assert _restore("[PERSON_1] [PERSON_1] [PERSON_1]", spellings)[0] == "Kari Nordmann Kari Nordmann Kari Nordmann"


def test_stand_ins_are_restored_with_their_own_spelling() -> None:
    text, _ = _restore("Bjørn Lie met Lie. Lie's ID: 300541 47631, also 30054147631.")
    assert text == "Ola Nordmann met Nordmann. Nordmann's ID: 150765 00565, also 150765 00565."


def test_match_record() -> None:
    records = {"brev.docx": FileRecord(), "kunde/avtale.docx": FileRecord(), "a/x.txt": FileRecord(),
               "b/x.txt": FileRecord()}
    assert match_record(Path("brev.docx"), records) == "brev.docx"
    assert match_record(Path("avtale.docx"), records) == "kunde/avtale.docx"
    assert match_record(Path("brev_en.docx"), records) == "brev.docx"
    assert match_record(Path("brev.en-GB.docx"), records) == "brev.docx"
    assert match_record(Path("x.txt"), records) is None  # two candidates: not guessed
    assert match_record(Path("a/x.txt"), records) == "a/x.txt"
    assert match_record(Path("brevmal.docx"), records) is None


@pytest.mark.parametrize("fragment, flat", [
    ('<ph id="pii-PERSON-1" ctype="x-pii-person">[PERSON_1]</ph>s bil', "[PERSON_1]s bil"),
    ('<ph id="pii-PERSON-1" disp="[PERSON_1]" equiv="[PERSON_1]" type="other" subType="pii:person"/>s', "[PERSON_1]s"),
    ('<ph x="3" type="x-pii-phone-number">[PHONE_NUMBER_1]</ph>.', "[PHONE_NUMBER_1]."),
    ('<x id="pii-PERSON-2"/> og <x id="pii-PERSON-1-2"/>', "[PERSON_2] og [PERSON_1]"),
    ('<ph id="7">&lt;br/&gt;</ph> kept', "<br/> kept"),  # a native code of the document stays a code
])
def test_unwrap_placeholder_tags(tmp_path: Path, fragment: str, flat: str) -> None:
    source = tmp_path / "in.xlf"
    source.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<seg>A: {fragment}</seg>\n', encoding="utf-8")
    out = tmp_path / "out.xlf"
    unwrap_placeholder_tags(source, out)
    root = etree.parse(str(out)).getroot()
    assert "".join(root.itertext()) == f"A: {flat}"
    assert root.find("ph") is not None if "kept" in flat else len(root) == 0
