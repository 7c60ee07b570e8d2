"""The plain-text adapter: encodings, paragraphs, exact round trip, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from screening.document import FormatError, Plan, Replacement
from screening.formats.text import ADAPTER

TEXT = "Navn: Kari Nordmann\nTelefon: 912 34 567\r\n\r\nHilsen Ola – «ærlig»\n"


def _replace_name(path: Path, out: Path) -> str:
    document = ADAPTER.read(path)
    segment = document.segments[0]
    start = segment.text.index("Kari Nordmann")
    plan = Plan([Replacement(segment.id, start, start + 13, "Kari Nordmann", "[PERSON_1]", "[PERSON_1]", "PERSON")])
    ADAPTER.write(document, plan, out)
    return segment.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b"")],
)
def test_round_trip_keeps_encoding_bom_and_line_endings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(bom + TEXT.encode(encoding))
    out = tmp_path / "out.txt"
    _replace_name(source, out)
    expected = bom + TEXT.replace("Kari Nordmann", "[PERSON_1]").encode(encoding)
    assert out.read_bytes() == expected
    assert source.read_bytes() == bom + TEXT.encode(encoding)  # input untouched


def test_paragraphs_are_segments_with_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Første avsnitt\nlinje to\n\n\nAndre avsnitt\n", encoding="utf-8")
    document = ADAPTER.read(source)
    assert [s.text for s in document.segments] == ["Første avsnitt\nlinje to", "Andre avsnitt"]
    assert document.segments[1].location.details["line"] == 5


def test_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "image.txt"
    source.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(FormatError, match="binary file"):
        ADAPTER.read(source)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    with pytest.raises(FormatError, match="empty file"):
        ADAPTER.read(source)
