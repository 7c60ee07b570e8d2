"""Builds the evaluation corpus of `screen eval` (run: .venv/bin/python samples/corpus/make_corpus.py).

Writes every document of ``docs_nb``, ``docs_nn``, ``docs_da`` and ``docs_en`` into
``samples/corpus/<language>/`` in its format (text, DOCX, XLSX, PPTX, PDF, XLIFF 1.2, TMX 1.4b) and its gold
file ``<name>.expected.json`` (docs/gold-format.md). The output is deterministic: fixed timestamps, no
random numbers, and reportlab's invariant mode, so a rebuild changes no byte.

All people, addresses and numbers are made up for this project. Identifiers carry valid check digits
(``corpus_ids``, checked with python-stdnum) so that a checksum-validating recognizer can find them.

Before writing, every gold value is checked to occur in the document's text: a gold value that is not
in the document would make recall look worse than it is.

Gold conventions (what a careful reviewer at an agency would redact):

- every personal value as written, each distinct (type, value) once; a person's name in every distinct form
  it takes (full name, a lone first name or surname, a login in a TMX creationid or a file path);
- identifiers of people only: the organisation number or CVR of a sole proprietor is personal data, a
  company's number, address, switchboard or role mailbox (personvern@, kundeservice@, press@) is not;
- case, order, invoice, policy and booking numbers, amounts, law references, public bodies, product and
  company names are hard negatives, as are names that are common words used as words (storm, sol, stein);
- special categories: the term that carries the category, in each language of a bilingual file
  ("hjerteinfarkt" and "myocardial infarction"); a fixed phrase where one word would not carry it
  ("høyt blodtrykk", "sick leave", "Jehovas Vidne"); statements about categories in general (privacy
  notices, generic UI texts, news) are not listed;
- ``child_data`` is true where the document holds data about someone under 16.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

# No __pycache__ in samples/: `screen redact samples` walks the whole folder.
sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

FIXED_TIME = datetime.datetime(2025, 3, 14, 9, 30, 0)
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "da": "da-DK", "en": "en-GB"}


@dataclass
class Doc:
    """One corpus document: its content in a format-specific shape and its gold entities.

    ``body`` by format:
      txt   a string
      docx  list of blocks: a paragraph string, ("h", text), ("table", rows), ("runs", [parts])
      pdf   list of blocks like docx (no "runs")
      xlsx  dict sheet name -> rows (list of lists); a name starting with "~" is a hidden sheet
      pptx  list of slides (title, [lines], notes or "")
      xlf   list of (source, target[, note]) trans-units
      tmx   list of (source, target, creationid) translation units
      po    list of (msgid, msgstr[, comment]) entries; a comment starting "#." is an extracted one
    ``meta``: author, title, header, footer, comment (docx), target (language of xlf/tmx targets),
    original (xlf file@original), team and project (PO header), header_comment (PO file comment).
    """

    name: str
    language: str
    body: Any
    gold: list[tuple[str, str]]
    child_data: bool = False
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def fmt(self) -> str:
        return self.name.rsplit(".", 1)[1]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def plain_text(doc: Doc) -> str:
    """All text of a document, metadata included, for the gold check."""
    parts: list[str] = [v for k, v in doc.meta.items() if k in ("author", "title", "header", "footer", "comment", "original", "team", "project", "header_comment")]
    body = doc.body
    if doc.fmt == "txt":
        parts.append(body)
    elif doc.fmt in ("docx", "pdf"):
        for block in body:
            if isinstance(block, str):
                parts.append(block)
            elif block[0] == "h":
                parts.append(block[1])
            elif block[0] == "runs":
                parts.append("".join(block[1]))
            elif block[0] == "table":
                parts += [" ".join(str(c) for c in row) for row in block[1]]
    elif doc.fmt == "xlsx":
        for sheet, rows in body.items():
            parts.append(sheet.lstrip("~"))
            parts += [" ".join(str(c) for c in row if c is not None) for row in rows]
    elif doc.fmt == "pptx":
        for title, lines, notes in body:
            parts += [title, *lines, notes]
    elif doc.fmt in ("xlf", "tmx", "po"):
        for unit in body:
            parts += [str(u) for u in unit]
    return "\n".join(parts)


def _validators() -> dict[str, Any]:
    from stdnum import iban, luhn
    from stdnum.dk import cvr
    from stdnum.fi import hetu
    from stdnum.is_ import kennitala
    from stdnum.no import kontonr, orgnr
    from stdnum.se import personnummer

    from recognizers import dk_cpr, no_fodselsnummer

    return {
        "NO_FODSELSNUMMER": no_fodselsnummer.is_valid, "DK_CPR": dk_cpr.is_valid, "NO_KONTONUMMER": kontonr.is_valid,
        "NO_ORGANISASJONSNUMMER": orgnr.is_valid, "DK_CVR": cvr.is_valid, "IBAN_CODE": iban.is_valid,
        "SE_PERSONNUMMER": personnummer.is_valid, "FI_HETU": hetu.is_valid, "IS_KENNITALA": kennitala.is_valid,
        "CREDIT_CARD": luhn.is_valid,
    }


VALIDATORS: dict[str, Any] = {}


def check_gold(doc: Doc) -> None:
    text = _fold(plain_text(doc))
    seen: set[tuple[str, str]] = set()
    for entity_type, value in doc.gold:
        key = (entity_type, _fold(value))
        assert key not in seen, f"{doc.name}: {entity_type} listed twice"
        seen.add(key)
        validate = VALIDATORS.get(entity_type)
        if validate is not None:
            digits = re.sub(r"[\s.\-]", "", value) if entity_type not in ("SE_PERSONNUMMER", "FI_HETU") else value
            assert validate(digits), f"{doc.name}: {entity_type} without a valid checksum: {value!r}"
        assert _fold(value) in text, f"{doc.name}: gold {entity_type} value not in the document: {value!r}"
    # Metadata is where a name is most easily forgotten: every author and commenter must be in the gold.
    people = [doc.meta.get("author", "").split(" <")[0], doc.meta.get("comment", ":").split(":")[0]]
    for person in filter(None, people):
        assert ("PERSON", _fold(person)) in seen, f"{doc.name}: metadata person missing from the gold: {person!r}"


# --------------------------------------------------------------------------- writers


def write_txt(doc: Doc, path: Path) -> None:
    path.write_text(doc.body, encoding="utf-8")


def write_docx(doc: Doc, path: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = doc.meta.get("author", "")
    props.last_modified_by = doc.meta.get("author", "")
    props.title = doc.meta.get("title", "")
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    if "header" in doc.meta:
        document.sections[0].header.paragraphs[0].text = doc.meta["header"]
    if "footer" in doc.meta:
        document.sections[0].footer.paragraphs[0].text = doc.meta["footer"]
    first_paragraph = None
    for block in doc.body:
        if isinstance(block, str):
            paragraph = document.add_paragraph(block)
        elif block[0] == "h":
            paragraph = document.add_heading(block[1], level=1)
        elif block[0] == "runs":
            # A name split over runs with different formatting, as Word leaves it after editing.
            paragraph = document.add_paragraph()
            for index, part in enumerate(block[1]):
                run = paragraph.add_run(part)
                run.bold = index % 2 == 1
        else:
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, rows):
                for cell, value in zip(row.cells, values):
                    cell.text = str(value)
            continue
        first_paragraph = first_paragraph or paragraph
    if "comment" in doc.meta and first_paragraph is not None and first_paragraph.runs:
        author, _, text = doc.meta["comment"].partition(": ")
        document.add_comment(first_paragraph.runs, text=text, author=author, initials="".join(w[0] for w in author.split()))
    document.save(path)


def write_xlsx(doc: Doc, path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = doc.meta.get("author", "")
    workbook.properties.lastModifiedBy = doc.meta.get("author", "")
    workbook.properties.title = doc.meta.get("title", "")
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    for name, rows in doc.body.items():
        sheet = workbook.create_sheet(name.lstrip("~"))
        if name.startswith("~"):
            sheet.sheet_state = "hidden"
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    workbook.save(path)


def write_pptx(doc: Doc, path: Path) -> None:
    from pptx import Presentation

    presentation = Presentation()
    props = presentation.core_properties
    props.author = doc.meta.get("author", "")
    props.last_modified_by = doc.meta.get("author", "")
    props.title = doc.meta.get("title", "")
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    for title, lines, notes in doc.body:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = lines[0] if lines else ""
        for line in lines[1:]:
            frame.add_paragraph().text = line
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    presentation.save(path)


def write_pdf(doc: Doc, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # DejaVu covers Polish, Vietnamese-free Latin and the Nordic letters; Helvetica lacks "ł".
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = "Helvetica"
    if font_file.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_file)))
        font = "DejaVuSans"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setAuthor(doc.meta.get("author", ""))
    pdf.setTitle(doc.meta.get("title", ""))
    pdf.setCreator("make_corpus.py")
    width, height = A4
    y = height - 60

    def line(text: str, size: float = 10.5) -> None:
        nonlocal y
        if y < 60:
            pdf.showPage()
            y = height - 60
        pdf.setFont(font, size)
        pdf.drawString(56, y, text)
        y -= size * 1.45

    for block in doc.body:
        if isinstance(block, str):
            for wrapped in simpleSplit(block, font, 10.5, width - 112) or [""]:
                line(wrapped)
            y -= 4
        elif block[0] == "h":
            line(block[1], 14)
            y -= 4
        elif block[0] == "table":
            for row in block[1]:
                line("    ".join(str(c) for c in row))
            y -= 4
    pdf.showPage()
    pdf.save()


def write_xlf(doc: Doc, path: Path) -> None:
    source = LANGUAGE_TAGS[doc.language]
    target = LANGUAGE_TAGS[doc.meta.get("target", "en")]
    units = []
    for number, unit in enumerate(doc.body, 1):
        note = f"\n        <note from={quoteattr(doc.meta.get('author', 'pm'))}>{escape(unit[2])}</note>" if len(unit) > 2 else ""
        units.append(
            f'      <trans-unit id="{number}" xml:space="preserve">\n'
            f"        <source>{escape(unit[0])}</source>\n"
            f'        <target state="translated">{escape(unit[1])}</target>{note}\n'
            "      </trans-unit>"
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'  <file original={quoteattr(doc.meta.get("original", doc.name[:-4] + ".docx"))} source-language="{source}" '
        f'target-language="{target}" datatype="plaintext">\n'
        "    <body>\n" + "\n".join(units) + "\n    </body>\n  </file>\n</xliff>\n"
    )
    path.write_text(text, encoding="utf-8")


def write_tmx(doc: Doc, path: Path) -> None:
    source = LANGUAGE_TAGS[doc.language]
    target = LANGUAGE_TAGS[doc.meta.get("target", "en")]
    units = []
    for number, (src, tgt, login) in enumerate(doc.body, 1):
        units.append(
            f'    <tu tuid="{number}" creationdate="20250314T093000Z" creationid={quoteattr(login)} changeid={quoteattr(login)}>\n'
            f'      <tuv xml:lang="{source}"><seg>{escape(src)}</seg></tuv>\n'
            f'      <tuv xml:lang="{target}"><seg>{escape(tgt)}</seg></tuv>\n'
            "    </tu>"
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        f'  <header creationtool="make_corpus.py" creationtoolversion="1" segtype="sentence" o-tmf="plain" '
        f'adminlang="en-GB" srclang="{source}" datatype="plaintext"/>\n'
        "  <body>\n" + "\n".join(units) + "\n  </body>\n</tmx>\n"
    )
    path.write_text(text, encoding="utf-8")


def normalise_zip(path: Path) -> None:
    """Rewrite an OOXML package with fixed entry timestamps, so that a rebuild is byte-identical.

    openpyxl stamps the save time into docProps/core.xml whatever the properties say, and python-docx
    dates comments now: pin both.
    """
    import zipfile

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + stamp.encode(), data)
            if info.filename == "word/comments.xml":
                data = re.sub(rb'w:date="[^"]*"', b'w:date="' + stamp.encode() + b'"', data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_po(doc: Doc, path: Path) -> None:
    """A gettext catalogue: English msgids, msgstrs in the document's language, a filled-in header."""
    header = {
        "Project-Id-Version": doc.meta.get("project", "app 1.0"),
        "PO-Revision-Date": "2025-03-14 09:30+0100",
        "Last-Translator": doc.meta.get("author", ""),
        "Language-Team": doc.meta.get("team", ""),
        "Language": doc.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    lines = [f"# {line}" for line in doc.meta.get("header_comment", "").splitlines()]
    lines += ['msgid ""', 'msgstr ""', *(_po_string(f"{k}: {v}\n") for k, v in header.items()), ""]
    for unit in doc.body:
        if len(unit) > 2:
            lines.append(unit[2] if unit[2].startswith("#") else f"# {unit[2]}")
        lines += [f"msgid {_po_string(unit[0])}", f"msgstr {_po_string(unit[1])}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


WRITERS = {"txt": write_txt, "docx": write_docx, "xlsx": write_xlsx, "pptx": write_pptx, "pdf": write_pdf, "xlf": write_xlf, "tmx": write_tmx, "po": write_po}


def write_gold(doc: Doc, path: Path) -> None:
    gold = {
        "language": doc.language,
        "child_data": doc.child_data,
        "entities": [{"type": t, "text": v} for t, v in doc.gold],
    }
    path.with_name(path.name + ".expected.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def all_docs() -> list[Doc]:
    import docs_da
    import docs_en
    import docs_nb
    import docs_nn

    return [*docs_nb.DOCS, *docs_nn.DOCS, *docs_da.DOCS, *docs_en.DOCS]


def main() -> None:
    VALIDATORS.update(_validators())
    docs = all_docs()
    names = [f"{d.language}/{d.name}" for d in docs]
    assert len(names) == len(set(names)), "duplicate document names"
    for doc in docs:
        check_gold(doc)
    for doc in docs:
        folder = HERE / doc.language
        folder.mkdir(exist_ok=True)
        path = folder / doc.name
        WRITERS[doc.fmt](doc, path)
        if doc.fmt in ("docx", "xlsx", "pptx"):
            normalise_zip(path)
        write_gold(doc, path)
    print(f"wrote {len(docs)} documents to {HERE}")


if __name__ == "__main__":
    main()
