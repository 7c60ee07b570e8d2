"""The PDF adapter on PDFs built here: each hiding place holds its own fictitious value, and after
redaction no value may be left anywhere (pdfplumber text, any object, any decompressed stream), while
the rest of the page keeps its text, and its position.

All names are made up for these tests.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import reportlab
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from screening.document import FormatError, Plan, Replacement
from screening.formats import adapter_for
from screening.formats.pdf import ADAPTER, PASSWORD_VARIABLE, PdfAdapter

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"

# One value per hiding place.
HELVETICA_NAME = "Ola Testmann"
TRUETYPE_NAME = "Åse Prøvesen"
FORM_XOBJECT_NAME = "Gunnar Fiktivsen"
FIELD_VALUE = "Mette Oppdiktet"
ANNOTATION_TEXT = "Lars Fiksjonsen"
ANNOTATION_AUTHOR = "Bente Ukjentsen"
ATTACHMENT_TEXT = "Hemmelig Vedleggsen"
INFO_AUTHOR = "Pål Metadatasen"
XMP_CREATOR = "Randi Xmpsen"
BOOKMARK_NAME = "Jens Bokmerkesen"
SCRIPT_NAME = "Kjell Skriptesen"
THUMBNAIL_TEXT = "Tina Miniatyrsen"
PIECEINFO_TEXT = "Petter Privatdatasen"
PAGE_ACTION_NAME = "Siri Handlingsen"
# Hiding places that are stripped, not screened.
STRIPPED_VALUES = [ATTACHMENT_TEXT, SCRIPT_NAME, THUMBNAIL_TEXT, PIECEINFO_TEXT, PAGE_ACTION_NAME]
ALL_VALUES = [
    HELVETICA_NAME, TRUETYPE_NAME, FORM_XOBJECT_NAME, FIELD_VALUE, ANNOTATION_TEXT, ANNOTATION_AUTHOR,
    INFO_AUTHOR, XMP_CREATOR, BOOKMARK_NAME, *STRIPPED_VALUES,
]
# Values the adapter reads as segments.
SCREENED_VALUES = [v for v in ALL_VALUES if v not in STRIPPED_VALUES]
KEPT_TEXT = ["Saksbehandler:", "skrev notatet i går.", "bor i Bergen", "Fra skjema:", "kom innom kontoret"]


def _build(path: Path, *, image_page: bool = False) -> Path:
    pdfmetrics.registerFont(TTFont("Vera", str(VERA)))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setAuthor(INFO_AUTHOR)
    c.setTitle("Notat")
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, f"Saksbehandler: {HELVETICA_NAME} skrev notatet i går.")
    c.setFont("Vera", 12)
    c.drawString(72, 730, f"Klient: {TRUETYPE_NAME} bor i Bergen")
    c.setFont("Helvetica", 12)
    c.drawString(72, 650, "Fra skjema:")
    c.acroForm.textfield(name="klient", value=FIELD_VALUE, x=160, y=644, width=200, height=20,
                         fontName="Helvetica", fontSize=11, borderWidth=0)
    c.textAnnotation(f"Ring {ANNOTATION_TEXT} i morgen", Rect=(400, 700, 420, 720), name="merknad")
    c.bookmarkPage("p1")
    c.addOutlineEntry(f"Notat om {BOOKMARK_NAME}", "p1")
    c.showPage()
    if image_page:
        picture = Image.new("RGB", (40, 20), (200, 30, 30))
        c.drawImage(ImageReader(picture), 72, 600, width=200, height=100)
        c.showPage()
    c.save()

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        # A form XObject with kerned TJ text: the name is split over two strings of the array.
        helvetica = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                         BaseFont=pikepdf.Name.Helvetica,
                                                         Encoding=pikepdf.Name.WinAnsiEncoding))
        first, last = FORM_XOBJECT_NAME.split()
        form = pikepdf.Stream(pdf, f"BT /FH 12 Tf 72 700 Td [(Ven) 10 (nen {first[:3]}) -15 ({first[3:]} {last}) (  kom innom kontoret)] TJ ET".encode())
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = [0, 0, 595, 842]
        form.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(FH=helvetica))
        page.add_resource(pdf.make_indirect(form), pikepdf.Name.XObject, pikepdf.Name("/FmTest"))
        page.contents_add(pdf.make_stream(b"q /FmTest Do Q"))
        for annot in page.Annots:
            if annot.Subtype == pikepdf.Name.Text:
                annot.T = pikepdf.String(ANNOTATION_AUTHOR)
        pdf.attachments["vedlegg.txt"] = pikepdf.AttachedFileSpec(pdf, f"Notat om {ATTACHMENT_TEXT}".encode())
        script = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                                      JS=pikepdf.String(f"app.alert('{SCRIPT_NAME}')")))
        pdf.Root.OpenAction = script
        # Uncompressed bytes stand in for a thumbnail picture that shows the name.
        thumbnail = pikepdf.Stream(pdf, THUMBNAIL_TEXT.encode("latin-1"))
        thumbnail.Width, thumbnail.Height, thumbnail.BitsPerComponent = len(THUMBNAIL_TEXT), 1, 8
        thumbnail.ColorSpace = pikepdf.Name.DeviceGray
        page.obj.Thumb = pdf.make_indirect(thumbnail)
        page.obj.PieceInfo = pikepdf.Dictionary(
            ScreenTest=pikepdf.Dictionary(Private=pikepdf.String(PIECEINFO_TEXT), LastModified=pikepdf.String("D:2020"))
        )
        page.obj.AA = pikepdf.Dictionary(
            O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{PAGE_ACTION_NAME}')"))
        )
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [XMP_CREATOR]
        pdf.save(path)
    return path


def _label(value: str) -> str:
    return f"[PERSON_{SCREENED_VALUES.index(value) + 1}]"


def _plan(document, values: list[str]) -> Plan:
    """Replacements for every occurrence of the values, numbered per value like the real planner."""
    labels = {value: _label(value) for value in values}
    replacements = []
    for segment in document.segments:
        for value in values:
            for match in re.finditer(re.escape(value), segment.text):
                replacements.append(Replacement(segment.id, match.start(), match.end(), value,
                                                labels[value], labels[value], "PERSON"))
    return Plan(replacements)


def _independent_scan(path: Path) -> str:
    """Everything in the file as text, gathered without the adapter: raw bytes, every object's syntax,
    every decompressed stream, every string decoded, and pdfplumber's page text."""
    pieces = [path.read_bytes().decode("latin-1")]
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                pieces.append(obj.read_bytes().decode("latin-1"))
                try:
                    pieces.append(obj.read_bytes().decode("utf-8"))
                except UnicodeDecodeError:
                    pass
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream, pikepdf.String)):
                pieces.append(obj.unparse(resolved=True).decode("latin-1"))
                pieces.extend(_strings(obj))
        pieces.extend(_strings(pdf.trailer))
    with pdfplumber.open(path) as plumber:
        for page in plumber.pages:
            pieces.append(page.extract_text() or "")
            pieces.append("".join(char["text"] for char in page.chars))
    return "\n".join(pieces)


def _strings(obj, depth: int = 0) -> list[str]:
    if depth > 12:
        return []
    if isinstance(obj, pikepdf.String):
        return [str(obj)]
    if isinstance(obj, pikepdf.Array):
        return [s for item in obj for s in _strings(item, depth + 1)]
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return [s for key in obj.keys() if key != "/Parent" for s in _strings(obj[key], depth + 1)]
    return []


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("pdf") / "notat.pdf", image_page=True)


@pytest.fixture(scope="module")
def redacted(built: Path, tmp_path_factory) -> tuple[Path, object]:
    document = ADAPTER.read(built)
    out = tmp_path_factory.mktemp("out") / "notat.pdf"
    ADAPTER.write(document, _plan(document, SCREENED_VALUES), out)
    return out, document


def test_registered_for_pdf_extension():
    assert adapter_for(Path("x.PDF")) is ADAPTER


def test_read_finds_every_hiding_place(built: Path):
    document = ADAPTER.read(built)
    texts = "\n".join(segment.text for segment in document.segments)
    for value in SCREENED_VALUES:
        assert value in _squeeze(texts) or value in texts, value
    page = document.segment("page:0")
    assert page.location.details == {"page": 1}
    assert HELVETICA_NAME in page.text and TRUETYPE_NAME in page.text
    assert f"{FORM_XOBJECT_NAME} kom" in page.text  # the kerned TJ reads as one phrase
    kinds = {segment.location.kind for segment in document.segments}
    assert {"body", "metadata", "annotation", "form_field", "bookmark", "attachment"} <= kinds
    hints = {segment.text: segment.entity_hint for segment in document.segments}
    assert hints[INFO_AUTHOR] == "PERSON" and hints[ANNOTATION_AUTHOR] == "PERSON" and hints[XMP_CREATOR] == "PERSON"


def test_read_reports_what_cannot_be_screened(built: Path):
    reasons = [(part.part, part.reason, part.removed) for part in ADAPTER.read(built).unscanned]
    assert ("page 2", "image-only page, not screened", False) in reasons
    assert any("embedded file" in reason and removed for _, reason, removed in reasons)
    assert any("JavaScript" in reason and removed for _, reason, removed in reasons)
    for what in ("thumbnail", "PieceInfo", "additional action"):
        assert any(what in reason and removed for _, reason, removed in reasons), what


def test_no_value_left_anywhere(redacted):
    out, _ = redacted
    everything = _independent_scan(out)
    squeezed = _squeeze(everything)
    for value in ALL_VALUES:
        assert value not in everything, value
        assert _squeeze(value) not in squeezed, value
    adapter_texts = list(ADAPTER.raw_texts(out))
    for value in ALL_VALUES:
        assert not any(value in text for text in adapter_texts), value


def test_rest_of_page_still_extractable_and_in_place(built: Path, redacted):
    out, _ = redacted
    with pdfplumber.open(built) as before, pdfplumber.open(out) as after:
        text = after.pages[0].extract_text()
        for kept in KEPT_TEXT:
            assert kept in text, kept
        for value in (HELVETICA_NAME, TRUETYPE_NAME, FORM_XOBJECT_NAME):
            assert _label(value) in text  # labels are real, selectable text
        old = {w["text"]: (round(w["x0"], 2), round(w["top"], 2)) for w in before.pages[0].extract_words()}
        new = {w["text"]: (round(w["x0"], 2), round(w["top"], 2)) for w in after.pages[0].extract_words()}
    # The kerning that replaces a removed glyph keeps the words after it where they were.
    for word in ("skrev", "notatet", "bor", "Bergen", "kontoret"):
        assert new[word] == old[word], word


def test_copy_keeps_form_annotation_and_structure(redacted):
    out, _ = redacted
    document = ADAPTER.read(out)
    texts = {segment.text for segment in document.segments}
    assert _label(FIELD_VALUE) in texts
    assert f"Ring {_label(ANNOTATION_TEXT)} i morgen" in texts
    assert _label(ANNOTATION_AUTHOR) in texts
    assert f"Notat om {_label(BOOKMARK_NAME)}" in texts
    assert _label(XMP_CREATOR) in texts
    with pikepdf.open(out) as pdf:
        assert not pdf.attachments
        assert "/OpenAction" not in pdf.Root or "/JS" not in pdf.Root.OpenAction
        field = pdf.Root.AcroForm.Fields[0]
        appearance = field.get("/AP") or field.Kids[0].AP
        assert _label(FIELD_VALUE).encode() in appearance.N.read_bytes()  # regenerated, not the old value
        assert str(pdf.trailer.Info.Author) == _label(INFO_AUTHOR)


def test_input_is_not_modified(tmp_path: Path):
    source = _build(tmp_path / "in.pdf")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    document = ADAPTER.read(source)
    ADAPTER.write(document, _plan(document, [HELVETICA_NAME]), tmp_path / "out.pdf")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def test_encrypted_pdf_needs_password(tmp_path: Path, monkeypatch):
    source = _build(tmp_path / "plain.pdf")
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="hemmelig", owner="eier", R=6))
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    with pytest.raises(FormatError, match="encrypted PDF, password required"):
        ADAPTER.read(locked)
    with pytest.raises(FormatError, match="wrong password"):
        PdfAdapter(password="feil").read(locked)
    adapter = PdfAdapter(password="hemmelig")
    document = adapter.read(locked)
    out = tmp_path / "out.pdf"
    adapter.write(document, _plan(document, [HELVETICA_NAME]), out)
    assert HELVETICA_NAME not in _independent_scan(out)  # the copy is written unencrypted
    monkeypatch.setenv(PASSWORD_VARIABLE, "hemmelig")
    assert ADAPTER.read(locked).segment("page:0").text == document.segment("page:0").text


@pytest.mark.parametrize("content", [b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", b"PK\x03\x04 not a pdf at all", b""])
def test_damaged_input_is_a_format_error(tmp_path: Path, content: bytes):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(FormatError) as error:
        ADAPTER.read(path)
    assert str(path) in str(error.value) and "\n" not in str(error.value)


def test_failed_write_leaves_no_file(tmp_path: Path):
    source = _build(tmp_path / "in.pdf")
    document = ADAPTER.read(source)
    page = document.segment("page:0")
    wrong = Replacement("page:0", 0, 4, "Feil", "[PERSON_1]", "[PERSON_1]", "PERSON")
    assert page.text[0:4] != "Feil"
    out = tmp_path / "out.pdf"
    with pytest.raises(ValueError):
        ADAPTER.write(document, Plan([wrong]), out)
    assert not out.exists()


def test_incremental_update_history_is_not_kept(tmp_path: Path):
    """A value overwritten by an incremental update is still in the file's bytes; the copy is a full
    rewrite and must not carry it, even though the current version no longer shows it."""
    old_value, new_value = "Olav Forrigeversjon", "Nytt Navn"
    source = tmp_path / "updated.pdf"
    c = canvas.Canvas(str(source), invariant=1)
    c.setAuthor(old_value)
    c.drawString(72, 760, "Tekst uten navn")
    c.showPage()
    c.save()
    data = source.read_bytes()
    with pikepdf.open(source) as pdf:
        info_number, root_number, size = pdf.trailer.Info.objgen[0], pdf.Root.objgen[0], int(pdf.trailer.Size)
    previous_xref = int(data.rsplit(b"startxref", 1)[1].split()[0])
    update = f"\n{info_number} 0 obj\n<< /Author ({new_value}) >>\nendobj\n".encode()
    offset = len(data) + 1
    xref_offset = len(data) + len(update)
    update += (f"xref\n0 1\n0000000000 65535 f \n{info_number} 1\n{offset:010d} 00000 n \n"
               f"trailer\n<< /Size {size} /Root {root_number} 0 R /Info {info_number} 0 R /Prev {previous_xref} >>\n"
               f"startxref\n{xref_offset}\n%%EOF\n").encode()
    source.write_bytes(data + update)
    assert old_value.encode() in source.read_bytes()
    document = ADAPTER.read(source)
    assert new_value in {segment.text for segment in document.segments}
    out = tmp_path / "out.pdf"
    ADAPTER.write(document, _plan(document, []), out)
    assert old_value not in _independent_scan(out)
    assert "Tekst uten navn" in _independent_scan(out)
