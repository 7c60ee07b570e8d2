"""Gettext PO: header fields, comments, multi-line strings, plurals and obsolete entries; bytes kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screening.document import FormatError
from plans import make_plan
from screening.formats import adapter_for
from screening.formats.po import ADAPTER

PO = '''# Norsk oversettelse av appen.
# Ingvild Brekke <ingvild.brekke@eksempel.no>, 2026.
#
msgid ""
msgstr ""
"Project-Id-Version: app 2.1\\n"
"Report-Msgid-Bugs-To: feil@eksempel.no\\n"
"Last-Translator: Ingvild Brekke <ingvild.brekke@eksempel.no>\\n"
"Language-Team: Norsk <Audun Li, audun.li@eksempel.no>\\n"
"Language: nb_NO\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#. Vises for Sindre Lunde etter innlogging
#: src/login.py:42
#, python-format
msgid "Welcome back, %(name)s"
msgstr ""
"Velkommen tilbake, %(name)s. Kontakt Sindre "
"Lunde ved spørsmål."

# Oversetter: spør Ingvild Brekke om tonen
msgid "One message from \\"Sindre Lunde\\""
msgid_plural "%d messages from \\"Sindre Lunde\\""
msgstr[0] "Én melding fra «Sindre Lunde»"
msgstr[1] "%d meldinger fra «Sindre Lunde»"

#| msgid "Call Sindre Lunde"
msgid "Call support"
msgstr "Ring kundestøtte"

#~ msgid "Old text for Ole Vang"
#~ msgstr "Gammel tekst for Ole Vang"
'''
VALUES = {
    "Ingvild Brekke <ingvild.brekke@eksempel.no>": "PERSON",
    "Ingvild Brekke": "PERSON",
    "ingvild.brekke@eksempel.no": "EMAIL_ADDRESS",
    "audun.li@eksempel.no": "EMAIL_ADDRESS",
    "Audun Li": "PERSON",
    "Sindre Lunde": "PERSON",
    "Ole Vang": "PERSON",
}


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "nb.po"
    path.write_text(PO, encoding="utf-8")
    return path


def test_registered() -> None:
    assert adapter_for(Path("nb.po")) is ADAPTER and adapter_for(Path("app.pot")) is ADAPTER


def test_segments(catalogue: Path) -> None:
    document = ADAPTER.read(catalogue)
    by_field = {(s.location.kind, s.location.details.get("field"), s.text): s for s in document.segments}
    last = by_field[("metadata", "Last-Translator", "Ingvild Brekke <ingvild.brekke@eksempel.no>")]
    assert last.entity_hint == "PERSON"
    assert ("metadata", "Language-Team", "Norsk <Audun Li, audun.li@eksempel.no>") in by_field
    assert not any(s.location.details.get("field") in ("Content-Type", "Plural-Forms") for s in document.segments)
    target = by_field[("target", "msgstr", "Velkommen tilbake, %(name)s. Kontakt Sindre Lunde ved spørsmål.")]
    assert target.language == "nb"
    assert ("source", "msgid", 'One message from "Sindre Lunde"') in by_field
    assert ("target", "msgstr[1]", "%d meldinger fra «Sindre Lunde»") in by_field
    assert ("comment", "translator comment", "Oversetter: spør Ingvild Brekke om tonen") in by_field
    assert ("comment", "extracted comment", "Vises for Sindre Lunde etter innlogging") in by_field
    assert ("previous", "msgid", "Call Sindre Lunde") in by_field
    assert ("obsolete", "msgstr", "Gammel tekst for Ole Vang") in by_field


def test_copy_has_no_value_and_keeps_everything_else(catalogue: Path, tmp_path: Path) -> None:
    document = ADAPTER.read(catalogue)
    plan, labels = make_plan(document, VALUES)
    out = tmp_path / "clean.po"
    ADAPTER.write(document, plan, out)
    text = out.read_text(encoding="utf-8")
    everything = "\n".join(ADAPTER.raw_texts(out))
    for value in VALUES:
        assert value not in everything, value
    person = labels["Sindre Lunde"]
    # a value split over two quoted lines: the placeholder goes where it starts, the lines stay two
    assert f'"Velkommen tilbake, %(name)s. Kontakt {person}"\n"' + ' ved spørsmål."' in text
    assert f'msgid "One message from \\"{person}\\""' in text
    assert f'"Last-Translator: {labels["Ingvild Brekke <ingvild.brekke@eksempel.no>"]}\\n"' in text
    assert '"Report-Msgid-Bugs-To: feil@eksempel.no\\n"' in text  # not personal, kept
    assert "#: src/login.py:42\n#, python-format\n" in text
    # nothing outside the replaced values changed
    unsplit = PO.replace('Sindre "\n"Lunde', '"\n"')  # the split value leaves its line break behind
    rest_original = re.sub("|".join(re.escape(v) for v in sorted(VALUES, key=len, reverse=True)), "", unsplit)
    rest_copy = re.sub(r"\[[A-Z_]+_\d+\]", "", text)
    assert rest_copy == rest_original
    assert ADAPTER.read(out).segments  # the copy is still a catalogue


def test_not_a_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text("this is not gettext\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not a valid PO catalogue"):
        ADAPTER.read(path)


def test_end_to_end_with_the_engine(catalogue: Path, tmp_path: Path, analyzer) -> None:
    from screening.pipeline import Settings, run

    (result,) = run([catalogue], Settings(), out_dir=tmp_path / "out", analyzer=analyzer)
    assert result.status == "ok", result.error
    text = (tmp_path / "out" / "nb.po").read_text(encoding="utf-8")
    for value in ("Ingvild Brekke", "ingvild.brekke@eksempel.no", "audun.li@eksempel.no"):
        assert value not in text, value
