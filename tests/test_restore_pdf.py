"""Redact -> translate -> restore for PDF, with the real engine and the CLI.

One job (one vault) redacts PDFs built here with reportlab. Then the originals are put back into the
sanitized copies themselves (labels on black boxes), and into "translated" PDFs made from scratch the
way a DTP tool would make them: new English text, placeholders moved, a genitive added. The restored
page text is read with pdfplumber and pypdfium2. All people and numbers are made up (15076500565 is a
fictitious fødselsnummer with valid check digits).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
import reportlab
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from screening.cli import main_group
from screening.formats import pdf_font

ENV = {"SCREEN_VAULT_PASSPHRASE": "oversettelse-hemmelighet-42"}
PLACEHOLDER = re.compile(r"\[[A-Za-z_]+_\d+\]")
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
DEJAVU = next((path for path in pdf_font.CANDIDATES if path.is_file() and "DejaVu" in path.name), None)
POLICY = 'deny_list = ["Łukasz Kowalczyk", "Жанна Петрова", "سارة علي"]\n'

LETTER = [  # (font, text); the letter's lines in two fonts, as a word processor's PDF would have them
    ("Helvetica-Bold", "Søknad om opphold"),
    ("Helvetica", "Søker: Kari Nordmann"),
    ("Helvetica", "Fødselsnummer: 150765 00565"),
    ("Helvetica", "Telefon: 412 55 983"),
    ("Vera", "Karis søknad ble sendt fra kari.nordmann@eksempel.no i mars."),
    ("Vera", "Saken gjelder opphold i Norge fra 1. juni."),
]


def _pdf(path: Path, lines: list[tuple[str, str]], build=None) -> Path:
    pdfmetrics.registerFont(TTFont("Vera", str(VERA)))
    if DEJAVU is not None:
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setAuthor("")  # reportlab's "anonymous" would be taken for a name, as an author
    y = A4[1] - 72
    for font, text in lines:
        c.setFont(font, 16 if font.endswith("Bold") else 11)
        c.drawString(72, y, text)
        y -= 24 if font.endswith("Bold") else 18
    if build:
        build(c, y)
    c.showPage()
    c.save()
    return path


def _form(c: canvas.Canvas, y: float) -> None:
    c.setTitle("Skjema for Lars Hovland")
    c.bookmarkPage("start")
    c.addOutlineEntry("Lars Hovland", "start")
    c.acroForm.textfield(name="saksbehandler", value="Lars Hovland", x=72, y=y - 30, width=200, height=20,
                         fontName="Helvetica", fontSize=11, borderWidth=0)
    c.textAnnotation("Ring Lars Hovland om saken", Rect=(400, y, 420, y + 20), name="merknad")


def _contact_field(c: canvas.Canvas, y: float) -> None:
    c.acroForm.textfield(name="kontakt", value="Lukasz", x=72, y=y - 30, width=200, height=20,
                         fontName="Helvetica", fontSize=11, borderWidth=0)


def _page_text(path: Path) -> str:
    with pdfplumber.open(path) as plumber:
        return "\n".join(page.extract_text() or "" for page in plumber.pages)


def _pdfium_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        page.render(scale=0.5)  # it must render, not only parse
        return page.get_textpage().get_text_range()
    finally:
        document.close()


def _cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main_group, list(args), env={**ENV, **(env or {})})


@pytest.fixture(scope="module")
def job(tmp_path_factory, analyzer):
    """One redact run with a vault: (root, sanitized folder, inputs by name)."""
    root = tmp_path_factory.mktemp("restore_pdf")
    inbox = root / "in"
    inbox.mkdir()
    inputs = {
        "brev": _pdf(inbox / "brev.pdf", LETTER),
        "skjema": _pdf(inbox / "skjema.pdf", [("Helvetica", "Saksbehandler: Lars Hovland")], _form),
        "polsk": _pdf(inbox / "polsk.pdf", [("Vera", "Pasient: Łukasz Kowalczyk, innlagt 3. mai.")], _contact_field),
    }
    inputs["rotert"] = _pdf(inbox / "rotert.pdf", LETTER[1:4])
    with pikepdf.open(inputs["rotert"], allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90  # a landscape scan setting: the lines run down the displayed page
        pdf.save(inputs["rotert"])
    with pikepdf.open(inputs["polsk"], allow_overwriting_input=True) as pdf:
        pdf.Root.AcroForm.Fields[0].V = pikepdf.String("Łukasz Kowalczyk")  # reportlab writes WinAnsi only
        pdf.save(inputs["polsk"])
    (inbox / "kyrillisk.txt").write_text("Pasient: Жанна Петрова\nPårørende: سارة علي\n", encoding="utf-8")
    (root / "policy.toml").write_text(POLICY, encoding="utf-8")
    result = _cli("redact", str(inbox), "--out", str(root / "sanitized"), "--vault", str(root / "job.vault"),
                  "--config", str(root / "policy.toml"), "-q")
    assert result.exit_code == 1, result.output
    report = json.loads((root / "sanitized" / "screening-report.json").read_text())
    assert all(f["status"] == "ok" for f in report["files"]), [f.get("error") for f in report["files"]]
    return root, root / "sanitized", inputs


def _restore(root: Path, path: Path, name: str, env: dict[str, str] | None = None):
    out = root / f"restored-{name}"
    result = _cli("restore", str(path), "--vault", str(root / "job.vault"), "--out", str(out), env=env)
    report = json.loads((out / "restore-report.json").read_text())
    return result, out / path.name, report["files"][0]


def _labels(text: str) -> dict[str, str]:
    """The placeholders of the sanitized letter, by what they stand for."""
    found = {
        "person": re.search(r"Søker: (\[PERSON_\d+\])", text),
        "fnr": re.search(r"Fødselsnummer: (\[[A-Z_]+_\d+\])", text),
        "phone": re.search(r"Telefon: (\[PHONE_NUMBER_\d+\])", text),
        "email": re.search(r"fra (\[EMAIL_ADDRESS_\d+\])", text),
    }
    assert all(found.values()), text
    return {key: match.group(1) for key, match in found.items()}


def _assert_opens(path: Path) -> None:
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 1
        assert not [problem for problem in pdf.check_pdf_syntax()]
    _pdfium_text(path)


def test_sanitized_copy_restores_to_the_original_page_text(job) -> None:
    root, sanitized, inputs = job
    text = _page_text(sanitized / "brev.pdf")
    labels = _labels(text)
    assert text.count(labels["person"]) == 2 and "Kari" not in text and "412 55 983" not in text

    result, out, entry = _restore(root, sanitized / "brev.pdf", "sanitized")
    assert result.exit_code == 0, result.output
    assert entry["status"] == "ok" and entry["compared_with"] == "brev.pdf" and entry["left_in_file"] == []
    assert sum(entry["restored"].values()) >= 4
    restored = _page_text(out)
    assert restored == _page_text(inputs["brev"])  # every placeholder back, the rest of the page unchanged
    assert not PLACEHOLDER.search(restored)
    pdfium_text = _pdfium_text(out)
    assert "Kari Nordmann" in pdfium_text and "412 55 983" in pdfium_text and not PLACEHOLDER.search(pdfium_text)
    _assert_opens(out)
    # The black boxes are painted over in white: where the sanitized copy was black, the restored page
    # has only the strokes of dark letters.
    with pdfplumber.open(out) as plumber:
        chars = plumber.pages[0].chars
        assert all(c["non_stroking_color"] in ((0,), (0.0,), [0], 0) for c in chars), "all text is dark"
        found = plumber.pages[0].search("Kari Nordmann")[0]
    box = (found["x0"], found["top"], found["x1"], found["bottom"])
    assert _dark_share(sanitized / "brev.pdf", box) > 0.6 > 0.3 > _dark_share(out, box)


def _dark_share(path: Path, box: tuple[float, float, float, float]) -> float:
    document = pdfium.PdfDocument(str(path))
    try:
        image = document[0].render(scale=2).to_pil().convert("L")
    finally:
        document.close()
    region = image.crop(tuple(int(v * 2) for v in box))
    return sum(1 for p in region.get_flattened_data() if p < 100) / (region.width * region.height)


def test_structure_strings_are_restored(job) -> None:
    root, sanitized, inputs = job
    with pikepdf.open(sanitized / "skjema.pdf") as pdf:
        assert PLACEHOLDER.fullmatch(str(pdf.Root.AcroForm.Fields[0].V))
    result, out, entry = _restore(root, sanitized / "skjema.pdf", "skjema")
    assert result.exit_code == 0, result.output
    assert _page_text(out) == _page_text(inputs["skjema"])
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Skjema for Lars Hovland"
        assert str(pdf.Root.Outlines.First.Title) == "Lars Hovland"
        assert str(pdf.Root.AcroForm.Fields[0].V) == "Lars Hovland"
        annotation = next(a for a in pdf.pages[0].Annots if a.Subtype == pikepdf.Name.Text)
        assert str(annotation.Contents) == "Ring Lars Hovland om saken"
    _assert_opens(out)


def _translation(path: Path, lines: list[str]) -> Path:
    """A PDF made from the translated text by another tool: new layout, placeholders typed as text."""
    return _pdf(path, [("Helvetica-Bold", lines[0])] + [("Helvetica", line) for line in lines[1:]])


def test_translated_pdf_with_moved_placeholders_and_a_genitive(job) -> None:
    root, sanitized, _ = job
    labels = _labels(_page_text(sanitized / "brev.pdf"))
    folder = root / "translated"
    folder.mkdir()
    translated = _translation(folder / "brev_en.pdf", [
        "Application for residence",
        f"Applicant: {labels['person']}",
        f"Phone {labels['phone']} belongs to the applicant, national identity number {labels['fnr']}.",
        f"{labels['person']}'s application was sent from {labels['email']} in March.",
        "The case concerns residence in Norway from 1 June.",
    ])
    before = translated.read_bytes()
    result, out, entry = _restore(root, translated, "translated")
    assert result.exit_code == 0, result.output
    assert entry["compared_with"] == "brev.pdf" and entry["status"] == "ok"
    assert _page_text(out).splitlines() == [
        "Application for residence",
        "Applicant: Kari Nordmann",
        "Phone 412 55 983 belongs to the applicant, national identity number 150765 00565.",
        # The place spelled "Karis" in the original gets "Kari" back, with the translator's genitive.
        "Kari's application was sent from kari.nordmann@eksempel.no in March.",
        "The case concerns residence in Norway from 1 June.",
    ]
    assert not PLACEHOLDER.search(_pdfium_text(out))
    _assert_opens(out)
    assert translated.read_bytes() == before  # the input is not modified


def test_deleted_duplicated_and_unknown_placeholders_are_reported(job) -> None:
    root, sanitized, _ = job
    labels = _labels(_page_text(sanitized / "brev.pdf"))
    folder = root / "careless"
    folder.mkdir()
    translated = _translation(folder / "brev_en.pdf", [
        "Application",
        f"Applicant: {labels['person']}, number {labels['fnr']} (again: {labels['fnr']}).",
        f"{labels['person']}'s application came from {labels['email']}; see [PERSON_99].",
    ])
    result, out, entry = _restore(root, translated, "careless")
    assert result.exit_code == 1, result.output
    assert entry["status"] == "check"
    assert entry["missing"] == {labels["phone"]: 1}
    assert entry["duplicated"] == {labels["fnr"]: 1}
    assert entry["unknown"] == {"[PERSON_99]": 1}
    assert f"{labels['phone']} was deleted" in result.output and "[PERSON_99] is not in the vault" in result.output
    text = _page_text(out)
    assert "number 150765 00565 (again: 150765 00565)." in text
    assert PLACEHOLDER.findall(text) == ["[PERSON_99]"]  # a typo stays as the translator wrote it
    assert "Kari" not in result.output and "412 55 983" not in json.dumps(entry)


def test_value_outside_winansi_is_drawn_in_an_embedded_font(job) -> None:
    root, sanitized, inputs = job
    assert "Łukasz" not in _page_text(sanitized / "polsk.pdf")
    result, out, entry = _restore(root, sanitized / "polsk.pdf", "polsk")
    assert result.exit_code == 0, result.output
    assert _page_text(out) == _page_text(inputs["polsk"]) == "Pasient: Łukasz Kowalczyk, innlagt 3. mai."
    assert "Łukasz Kowalczyk" in _pdfium_text(out)
    with pdfplumber.open(out) as plumber:
        fonts = {c["fontname"] for c in plumber.pages[0].chars if c["text"] in "Łukasz"}
    assert fonts and all("+" in name for name in fonts), fonts  # an embedded subset, not Helvetica
    with pikepdf.open(out) as pdf:
        field = pdf.Root.AcroForm.Fields[0]
        assert str(field.V) == "Łukasz Kowalczyk"
        # No appearance that would show "?ukasz": the viewer draws the value with a font of its own.
        assert "/AP" not in field and pdf.Root.AcroForm.NeedAppearances
    assert out.stat().st_size < 60_000  # only the glyphs used are embedded


def _cyrillic_translation(root: Path, sanitized: Path, name: str) -> Path:
    label = re.search(r"Pasient: (\[[A-Z_]+_\d+\])", (sanitized / "kyrillisk.txt").read_text(encoding="utf-8")).group(1)
    folder = root / name
    folder.mkdir()
    return _translation(folder / "patient.pdf", ["Discharge letter", f"Patient: {label}, admitted on 3 May."])


def test_value_no_font_can_show_fails_the_file_clearly(job) -> None:
    root, sanitized, _ = job
    translated = _cyrillic_translation(root, sanitized, "cyrillic-vera")
    # Vera has no Cyrillic: the file fails with one line instead of drawing wrong glyphs.
    result, out, entry = _restore(root, translated, "cyrillic-vera", env={pdf_font.FONT_VARIABLE: str(VERA)})
    assert result.exit_code == 3
    assert entry["status"] == "error" and not out.exists()
    errors = [line for line in result.output.splitlines() if str(translated) in line]
    assert len(errors) == 1 and "no font has its Cyrillic characters" in errors[0], result.output
    assert "Жанна" not in result.output and "Петрова" not in result.output


@pytest.mark.skipif(DEJAVU is None, reason="DejaVu Sans is not installed")
def test_cyrillic_value_is_restored_with_dejavu(job) -> None:
    root, sanitized, _ = job
    translated = _cyrillic_translation(root, sanitized, "cyrillic-dejavu")
    result, out, entry = _restore(root, translated, "cyrillic-dejavu", env={pdf_font.FONT_VARIABLE: ""})
    assert result.exit_code == 0, result.output
    # (No sanitized PDF of this name, the original was a text file: nothing to compare the counts with.)
    assert entry["problems"] == ["no sanitized file of this name in the vault: deleted placeholders not checked"]
    assert _page_text(out).splitlines() == ["Discharge letter", "Patient: Жанна Петрова, admitted on 3 May."]
    _assert_opens(out)


def test_right_to_left_value_fails_clearly(job) -> None:
    root, sanitized, _ = job
    label = re.search(r"Pårørende: (\[[A-Z_]+_\d+\])", (sanitized / "kyrillisk.txt").read_text(encoding="utf-8")).group(1)
    folder = root / "arabic"
    folder.mkdir()
    translated = _translation(folder / "patient.pdf", ["Discharge letter", f"Next of kin: {label}."])
    # Whatever font is found: drawn left to right without shaping, the letters would be wrong.
    result, out, entry = _restore(root, translated, "arabic")
    assert result.exit_code == 3 and not out.exists()
    errors = [line for line in result.output.splitlines() if str(translated) in line]
    assert len(errors) == 1 and "Arabic characters" in errors[0] and "right-to-left" in errors[0], result.output
    assert "سارة" not in result.output


def test_page_turned_by_90_degrees(job) -> None:
    root, sanitized, inputs = job
    assert "Kari" not in _page_text(sanitized / "rotert.pdf")
    result, out, entry = _restore(root, sanitized / "rotert.pdf", "rotert")
    assert result.exit_code == 0, result.output
    # The values run down the page like their lines; pdfplumber reads the page as it read the original.
    assert _page_text(out) == _page_text(inputs["rotert"])
    with pdfplumber.open(out) as plumber:
        restored = [c for c in plumber.pages[0].chars if c["text"] == "K"]
        assert restored and all(not c["upright"] for c in restored)


def test_kerned_and_form_xobject_placeholders(job) -> None:
    """A DTP tool's PDF: placeholders split by kerning inside TJ, a column set by kerning, a form XObject."""
    root, sanitized, _ = job
    labels = _labels(_page_text(sanitized / "brev.pdf"))
    person, phone = (label.encode() for label in (labels["person"], labels["phone"]))
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A4)
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))
    form = pdf.make_stream(b"BT /F1 11 Tf 72 700 Td (Signed: " + person + b" today.) Tj ET", Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
                           Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Fm=form))
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 11 Tf 72 760 Td [(Appl) 20 (icant: " + person[:5] + b") -10 (" + person[5:] + b", phone " + phone
        + b".)] TJ 0 -18 Td [(" + phone + b") -3000 (column two)] TJ ET /Fm Do")
    folder = root / "dtp"
    folder.mkdir()
    pdf.save(folder / "notat.pdf")
    with pdfplumber.open(folder / "notat.pdf") as plumber:
        column = next(c["x0"] for c in plumber.pages[0].chars if c["text"] == "c" and c["x0"] > 150)
    result, out, entry = _restore(root, folder / "notat.pdf", "dtp")
    assert result.exit_code == 0, result.output
    assert _page_text(out).splitlines() == [
        "Applicant: Kari Nordmann, phone 412 55 983.",
        "412 55 983 column two",
        "Signed: Kari Nordmann today.",
    ]
    with pdfplumber.open(out) as plumber:
        # The narrower number closes up with the full stop after it, but the column stays where it was.
        assert next(c["x0"] for c in plumber.pages[0].chars if c["text"] == "c" and c["x0"] > 150) == pytest.approx(column)
    assert not PLACEHOLDER.search(_pdfium_text(out))
