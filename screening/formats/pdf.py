"""PDF: page text read with pdfplumber, structure with pikepdf; findings removed from the content.

Segments:

- one per page, the page's text in reading order (``page:<index>``; see :mod:`pdf_text`);
- the document information dictionary (/Info, ``Author`` hinted as a person) and every text value of
  the XMP packet (``dc:creator`` and ``pdf:Author`` hinted as a person);
- bookmark titles, annotation comments, authors, subjects and link targets, form field values, default
  values and tooltips, /Alt, /ActualText and /E of the structure tree, attachment names and descriptions.

The copy is a full rewrite by pikepdf (qpdf writes only objects reachable from the trailer, so text
kept alive by an incremental update is gone): page text is cut out of the content streams and boxed
over (:mod:`pdf_redact`), strings in the structure are replaced, form fields get new appearance streams,
and attachments, scripts, thumbnails and the like are stripped (:mod:`pdf_scrub`). The copy is written
without encryption.

``write_restored`` (``screen restore``) writes the originals back instead: the placeholders' glyphs are
cut out the same way and the originals drawn in their place as real text (:mod:`pdf_restore`), the
structure strings are replaced like above, and nothing is stripped. A form field whose value has
characters outside WinAnsi keeps no generated appearance (qpdf would draw them as "?"): the viewer
draws it. ``raw_texts`` includes pdfium's page text next to pdfplumber's, so both readers are checked.

Encrypted input needs its password: set ``ADAPTER.password`` (the command line's ``--password``) or the
environment variable ``SCREEN_PDF_PASSWORD``; without it the error is "encrypted PDF, password required".
Pages without a text layer (scans) are listed as "image-only page, not screened", unless OCR is asked for
(``ADAPTER.ocr = True`` or ``SCREEN_PDF_OCR=1``) and Tesseract is installed: see :mod:`pdf_ocr`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
from lxml import etree

from screening.document import (
    Document,
    FormatError,
    Location,
    Plan,
    Segment,
    SegmentKind,
    UnscannedPart,
    apply_replacements,
)
from screening.formats.pdf_font import writable_in_helvetica
from screening.formats.pdf_ocr import ocr_page, repaint_page, tesseract_languages, view_box
from screening.formats.pdf_redact import Rectangle, form_xobjects, initial_ctm, redact_pages
from screening.formats.pdf_restore import Placed, restore_pages
from screening.formats.pdf_scrub import hidden_parts, strip
from screening.formats.pdf_text import PageText, page_text

PASSWORD_VARIABLE = "SCREEN_PDF_PASSWORD"
OCR_VARIABLE = "SCREEN_PDF_OCR"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XMP_PERSON_FIELDS = {"dc:creator", "pdf:Author"}
_XMP_SKIPPED_ATTRIBUTES = {f"{{{RDF}}}about", f"{{{RDF}}}parseType", "{http://www.w3.org/XML/1998/namespace}lang"}
_ANNOTATION_KEYS = {"/Contents": "contents", "/T": "author", "/Subj": "subject"}
_FIELD_KEYS = {"/V": "value", "/DV": "default value", "/TU": "tooltip"}
_STRUCTURE_KEYS = {"/Alt": "alt", "/ActualText": "actual text", "/E": "expansion", "/T": "title"}

# Where a string lives: an indirect object (its object and generation number) or the trailer, and the
# keys/indices from there. Found again in a fresh copy of the same file when writing.
Anchor = tuple[int, int] | str
Locator = tuple[Anchor, tuple[str | int, ...]]


@dataclass
class _PdfNative:
    pages: dict[str, PageText] = field(default_factory=dict)
    strings: dict[str, Locator] = field(default_factory=dict)
    xmp: dict[str, int] = field(default_factory=dict)
    marked: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # id -> page, operator, key
    ocr_pages: set[str] = field(default_factory=set)


class _Segments:
    """Collects segments and remembers where each string came from."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.native = _PdfNative()

    def string(
        self, obj: Any, key: str, path: Locator, kind: str, details: dict[str, Any], hint: str | None = None
    ) -> None:
        value = obj.get(key)
        if not isinstance(value, pikepdf.String):
            return
        text = str(value)
        if not text.strip():
            return
        anchor, keys = path
        locator: Locator = (obj.objgen, (key,)) if obj.is_indirect else (anchor, (*keys, key))
        anchor_name = "trailer" if locator[0] == "trailer" else "obj%d.%d" % tuple(locator[0])  # type: ignore[arg-type]
        segment_id = f"str:{anchor_name}:{'/'.join(str(k) for k in locator[1])}"
        if segment_id in self.native.strings:
            return  # the same object reached twice (a field that is also its own widget)
        self.native.strings[segment_id] = locator
        part = details.pop("part", "document")
        self.segments.append(Segment(segment_id, text, Location(part, kind, details), entity_hint=hint))


def _here(obj: Any, path: Locator, *keys: str | int) -> Locator:
    """The locator of a child of ``obj`` reached through ``keys``."""
    if obj.is_indirect:
        return (obj.objgen, tuple(keys))
    return (path[0], (*path[1], *keys))


class PdfAdapter:
    format = "pdf"
    extensions = (".pdf",)

    def __init__(self, password: str | None = None, ocr: bool | None = None) -> None:
        self.password = password
        self.ocr = ocr

    # ---- opening ------------------------------------------------------------------------------------

    def _password(self) -> str:
        return self.password or os.environ.get(PASSWORD_VARIABLE, "")

    def _ocr_wanted(self) -> bool:
        if self.ocr is not None:
            return self.ocr
        return os.environ.get(OCR_VARIABLE, "").strip().lower() in ("1", "true", "yes")

    def _open(self, path: Path) -> pikepdf.Pdf:
        password = self._password()
        try:
            return pikepdf.open(path, password=password)
        except pikepdf.PasswordError:
            message = "encrypted PDF, wrong password" if password else "encrypted PDF, password required"
            raise FormatError(f"{path}: {message}") from None
        except (pikepdf.PdfError, OSError, ValueError) as error:
            kind = "not a PDF" if not _starts_like_pdf(path) else "damaged PDF"
            raise FormatError(f"{path}: {kind} ({type(error).__name__})") from None

    def _open_plumber(self, path: Path) -> pdfplumber.PDF:
        try:
            return pdfplumber.open(path, password=self._password())
        except Exception as error:  # pdfminer raises many kinds; the message must stay one line
            raise FormatError(f"{path}: damaged PDF, text cannot be read ({type(error).__name__})") from None

    # ---- read ---------------------------------------------------------------------------------------

    def read(self, path: Path) -> Document:
        with self._open(path) as pdf:
            collected = _Segments()
            unscanned: list[UnscannedPart] = []
            self._read_pages(path, collected, unscanned)
            _read_info(pdf, collected)
            _read_xmp(pdf, collected, unscanned)
            _read_outlines(pdf, collected)
            _read_annotations(pdf, collected)
            _read_fields(pdf, collected)
            _read_structure(pdf, collected)
            _read_attachments(pdf, collected)
            _read_marked_content(pdf, collected)
            unscanned.extend(hidden_parts(pdf))
        return Document(path=path, format=self.format, segments=collected.segments, unscanned=unscanned,
                        native=collected.native)

    def _read_pages(self, path: Path, collected: _Segments, unscanned: list[UnscannedPart]) -> None:
        languages = tesseract_languages() if self._ocr_wanted() else None
        with self._open_plumber(path) as plumber:
            try:
                for index, page in enumerate(plumber.pages):
                    text = page_text(page)
                    part = f"page {text.number}"
                    details: dict[str, Any] = {"page": text.number}
                    if not text.text.strip() and text.image_count:
                        if languages is None:
                            reason = "image-only page, not screened"
                            if self._ocr_wanted():
                                reason += " (OCR asked for, but Tesseract is not installed)"
                            unscanned.append(UnscannedPart(part, reason))
                            page.close()
                            continue
                        view = view_box(tuple(page.page_obj.cropbox), initial_ctm(page.page_obj))
                        text = ocr_page(path, self._password(), index, view, languages)
                        details["ocr"] = True
                        collected.native.ocr_pages.add(f"page:{index}")
                        unscanned.append(UnscannedPart(part, "image-only page, screened by OCR: text it cannot read is missed"))
                    elif text.image_count:
                        unscanned.append(UnscannedPart(part, f"{text.image_count} image(s) on the page not screened"))
                    page.close()
                    if text.text.strip():
                        segment_id = f"page:{index}"
                        collected.native.pages[segment_id] = text
                        collected.segments.append(Segment(segment_id, text.text, Location(part, SegmentKind.BODY, details)))
            except FormatError:
                raise
            except Exception as error:
                raise FormatError(f"{path}: damaged PDF, page text cannot be read ({type(error).__name__})") from None

    # ---- write --------------------------------------------------------------------------------------

    def write(self, document: Document, plan: Plan, out_path: Path) -> None:
        self._write(document, plan, out_path, restoring=False)

    def write_restored(self, document: Document, plan: Plan, out_path: Path) -> None:
        """Write the originals back in place of placeholders (``screen restore``); see :mod:`pdf_restore`.

        Unlike a sanitized copy, nothing is stripped: the file is the translation, to be delivered whole.
        The result must open in pdfium too (pikepdf and pdfplumber read it when restore checks it).
        """
        self._write(document, plan, out_path, restoring=True)
        try:
            for _ in _pdfium_texts(out_path, ""):
                pass
        except FormatError:
            out_path.unlink(missing_ok=True)
            raise FormatError(f"{document.path}: the restored PDF does not open in pdfium") from None

    def _write(self, document: Document, plan: Plan, out_path: Path, restoring: bool) -> None:
        native: _PdfNative = document.native
        try:
            with self._open(document.path) as pdf:
                changed_strings = _write_strings(pdf, document, plan, native)
                _write_xmp(pdf, document, plan, native)
                _write_marked_content(pdf, document, plan, native)
                if restoring:
                    self._restore_pages(pdf, document, plan, native)
                else:
                    self._redact_pages(pdf, document, plan, native)
                    strip(pdf)
                if changed_strings:
                    _refresh_appearances(pdf)
                pdf.save(out_path, encryption=False, compress_streams=True,
                         object_stream_mode=pikepdf.ObjectStreamMode.generate)
        except pikepdf.PdfError as error:
            out_path.unlink(missing_ok=True)
            what = "restored" if restoring else "sanitized"
            raise FormatError(f"{document.path}: {what} PDF cannot be written ({type(error).__name__})") from None
        except BaseException:
            out_path.unlink(missing_ok=True)
            raise

    def _redact_pages(self, pdf: pikepdf.Pdf, document: Document, plan: Plan, native: _PdfNative) -> None:
        rectangles = _page_rectangles(document, plan, native)
        if not rectangles:
            return
        with self._open_plumber(document.path) as plumber:
            miner_pages = [page.page_obj for page in plumber.pages]
            scanned = {int(key.split(":")[1]) for key in native.ocr_pages}
            for index in sorted(scanned & set(rectangles)):
                miner_page = miner_pages[index]
                repaint_page(pdf, document.path, self._password(), index, initial_ctm(miner_page),
                             tuple(miner_page.cropbox), rectangles.pop(index))
            redact_pages(pdf, miner_pages, plumber.rsrcmgr, rectangles)

    def _restore_pages(self, pdf: pikepdf.Pdf, document: Document, plan: Plan, native: _PdfNative) -> None:
        placed = _placed_values(document, plan, native)
        if not placed:
            return
        scanned = sorted(int(key.split(":")[1]) + 1 for key in native.ocr_pages if int(key.split(":")[1]) in placed)
        if scanned:
            raise FormatError(f"{document.path}: page {scanned[0]} is a scan: placeholders read by OCR cannot be "
                              "restored into its image")
        with self._open_plumber(document.path) as plumber:
            restore_pages(pdf, [page.page_obj for page in plumber.pages], plumber.pages, plumber.rsrcmgr,
                          placed, str(document.path))

    # ---- raw texts ----------------------------------------------------------------------------------

    def raw_texts(self, path: Path) -> Iterable[str]:
        with self._open(path) as pdf:
            yield from _object_texts(pdf)
            for page in pdf.pages:
                yield from _content_strings(page)
                for xobj in _all_form_xobjects(page):
                    yield from _content_strings(xobj)
        with self._open_plumber(path) as plumber:
            for page in plumber.pages:
                yield page.extract_text() or ""
                yield "".join(char["text"] for char in page.chars)
                page.close()
        # pdfium reads text its own way (content order, its own font handling): a second opinion.
        try:
            yield from _pdfium_texts(path, self._password())
        except FormatError:
            return  # the copy is checked for opening elsewhere; here only its text is wanted


def _starts_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"%PDF" in handle.read(1024)
    except OSError:
        return False


# ---- reading the structure --------------------------------------------------------------------------


def _read_info(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        return
    for key in list(info.keys()):
        hint = "PERSON" if key == "/Author" else None
        collected.string(info, key, ("trailer", ("/Info",)), SegmentKind.METADATA,
                         {"part": "document information", "field": key[1:]}, hint)


def _xmp_fields(tree: etree._Element) -> Iterator[tuple[etree._Element, str | None, str]]:
    """Every text of an XMP packet, in document order: (element, attribute or None for the text, field)."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in element.attrib:
            if name not in _XMP_SKIPPED_ATTRIBUTES and not name.startswith(f"{{{RDF}}}"):
                yield element, name, _qname(name, element)
        if element.text and element.text.strip() and len(element) == 0:
            owner = element
            while owner is not None and owner.tag.startswith(f"{{{RDF}}}"):
                owner = owner.getparent()
            yield element, None, _qname(owner.tag if owner is not None else element.tag, element)


def _qname(tag: str, element: etree._Element) -> str:
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    prefix = next((p for p, uri in element.nsmap.items() if uri == namespace and p), None)
    return f"{prefix}:{local}" if prefix else local


def _parse_xmp(pdf: pikepdf.Pdf) -> etree._Element | None:
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.fromstring(metadata.read_bytes(), parser)


def _read_xmp(pdf: pikepdf.Pdf, collected: _Segments, unscanned: list[UnscannedPart]) -> None:
    try:
        tree = _parse_xmp(pdf)
    except (etree.XMLSyntaxError, pikepdf.PdfError):
        unscanned.append(UnscannedPart("XMP metadata", "XMP packet cannot be parsed; removed", removed=True))
        return
    if tree is None:
        return
    for number, (element, attribute, name) in enumerate(_xmp_fields(tree)):
        text = element.get(attribute) if attribute else element.text
        if not text or not text.strip():
            continue
        segment_id = f"xmp:{number}"
        collected.native.xmp[segment_id] = number
        hint = "PERSON" if name in _XMP_PERSON_FIELDS else None
        collected.segments.append(
            Segment(segment_id, text, Location("XMP metadata", SegmentKind.METADATA, {"field": name}), entity_hint=hint)
        )


def _read_outlines(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    outlines = pdf.Root.get("/Outlines")
    if not isinstance(outlines, pikepdf.Dictionary):
        return
    seen: set[tuple[int, int]] = set()
    stack = [outlines.get("/First")]
    number = 0
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or not item.is_indirect or item.objgen in seen:
            continue
        seen.add(item.objgen)
        number += 1
        collected.string(item, "/Title", (item.objgen, ()), "bookmark", {"part": "bookmarks", "bookmark": number})
        stack.extend([item.get("/Next"), item.get("/First")])


def _read_annotations(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    for page_number, page in enumerate(pdf.pages, start=1):
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        for index, annot in enumerate(annots):
            if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") in (pikepdf.Name.Widget, pikepdf.Name.Popup):
                continue
            path = _here(page.obj, (page.obj.objgen, ()), "/Annots", index)
            path = (annot.objgen, ()) if annot.is_indirect else path
            for key, what in _ANNOTATION_KEYS.items():
                hint = "PERSON" if key == "/T" else None
                collected.string(annot, key, path, SegmentKind.ANNOTATION,
                                 {"part": f"page {page_number}", "annotation": index + 1, "field": what}, hint)
            action = annot.get("/A")
            if isinstance(action, pikepdf.Dictionary):
                collected.string(action, "/URI", _here(annot, path, "/A"), SegmentKind.HYPERLINK,
                                 {"part": f"page {page_number}", "annotation": index + 1, "field": "link"})


def _read_fields(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    acroform = pdf.Root.get("/AcroForm")
    if not isinstance(acroform, pikepdf.Dictionary):
        return
    seen: set[tuple[int, int]] = set()
    root_path: Locator = _here(acroform, (pdf.Root.objgen, ("/AcroForm",)))
    stack: list[tuple[Any, Locator, str]] = [
        (field_obj, _here(acroform, root_path, "/Fields", index), "")
        for index, field_obj in enumerate(acroform.get("/Fields", []))
    ]
    while stack:
        field_obj, path, parent_name = stack.pop()
        if not isinstance(field_obj, pikepdf.Dictionary):
            continue
        if field_obj.is_indirect:
            if field_obj.objgen in seen:
                continue
            seen.add(field_obj.objgen)
            path = (field_obj.objgen, ())
        partial = str(field_obj.get("/T", ""))
        name = f"{parent_name}.{partial}" if parent_name and partial else partial or parent_name
        for key, what in _FIELD_KEYS.items():
            collected.string(field_obj, key, path, SegmentKind.FORM_FIELD,
                             {"part": "form", "field": name or "(unnamed)", "value": what})
        for index, kid in enumerate(field_obj.get("/Kids", [])):
            stack.append((kid, _here(field_obj, path, "/Kids", index), name))


def _read_structure(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Any, Locator]] = [(root, _here(root, (pdf.Root.objgen, ("/StructTreeRoot",))))]
    while stack:
        element, path = stack.pop()
        if isinstance(element, pikepdf.Array):
            stack.extend((child, _here(element, path, index)) for index, child in enumerate(element))
            continue
        if not isinstance(element, pikepdf.Dictionary) or "/Type" in element and element.get("/Type") in (
            pikepdf.Name.MCR, pikepdf.Name.OBJR
        ):
            continue
        if element.is_indirect:
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
            path = (element.objgen, ())
        role = str(element.get("/S", "structure"))[1:] or "structure"
        for key, what in _STRUCTURE_KEYS.items():
            collected.string(element, key, path, SegmentKind.ALT_TEXT,
                             {"part": "structure tree", "element": role, "field": what})
        if "/K" in element:
            stack.append((element["/K"], _here(element, path, "/K")))


def _read_attachments(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    # The attachments themselves are removed from the copy; their names are still screened so the
    # report can say that one was named after a person.
    try:
        specs = list(pdf.attachments.items())
    except pikepdf.PdfError:
        return
    for number, (name, spec) in enumerate(specs, start=1):
        for what, text in (("name", name), ("file name", spec.filename), ("description", spec.description)):
            if text and text.strip():
                collected.segments.append(
                    Segment(f"attachment:{number}:{what}", text,
                            Location("attachments", "attachment", {"attachment": number, "field": what}))
                )


def _marked_properties(instruction: Any) -> pikepdf.Dictionary | None:
    """The inline property list of a BDC/DP operator, where /ActualText and /Alt can sit."""
    if isinstance(instruction, pikepdf.ContentStreamInlineImage) or str(instruction.operator) not in ("BDC", "DP"):
        return None
    operands = list(instruction.operands)
    if len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary):
        return operands[1]
    return None


def _read_marked_content(pdf: pikepdf.Pdf, collected: _Segments) -> None:
    for index, page in enumerate(pdf.pages):
        try:
            instructions = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError:
            continue  # the page text reader reports a broken page
        for number, instruction in enumerate(instructions):
            properties = _marked_properties(instruction)
            if properties is None:
                continue
            for key, what in _STRUCTURE_KEYS.items():
                value = properties.get(key)
                if key == "/T" or not isinstance(value, pikepdf.String) or not str(value).strip():
                    continue
                segment_id = f"mc:{index}:{number}:{key[1:]}"
                collected.native.marked[segment_id] = (index, number, key)
                collected.segments.append(Segment(segment_id, str(value), Location(
                    f"page {index + 1}", SegmentKind.ALT_TEXT, {"page": index + 1, "marked_content": number, "field": what})))


# ---- writing ----------------------------------------------------------------------------------------


def _resolve(pdf: pikepdf.Pdf, locator: Locator) -> tuple[Any, str]:
    anchor, keys = locator
    obj: Any = pdf.trailer if anchor == "trailer" else pdf.get_object(anchor)
    for key in keys[:-1]:
        obj = obj[key]
    return obj, str(keys[-1])


def _write_strings(pdf: pikepdf.Pdf, document: Document, plan: Plan, native: _PdfNative) -> bool:
    """Replace the findings in structure strings; True when a form value or annotation changed."""
    appearance_changed = False
    for segment_id, locator in native.strings.items():
        replacements = plan.for_segment(segment_id)
        if not replacements:
            continue
        obj, key = _resolve(pdf, locator)
        new_text = apply_replacements(document.segment(segment_id).text, replacements)
        obj[key] = pikepdf.String(new_text)
        if key in ("/V", "/DV", "/Contents", "/T", "/Subj") and "/AP" in obj:
            # The old appearance still draws the old text; form fields get a new one below.
            del obj["/AP"]
        for kid in obj.get("/Kids", []) if key in ("/V", "/DV") else []:
            if isinstance(kid, pikepdf.Dictionary) and "/AP" in kid:
                del kid["/AP"]
        appearance_changed = appearance_changed or key in ("/V", "/DV")
    return appearance_changed


def _refresh_appearances(pdf: pikepdf.Pdf) -> None:
    acroform = pdf.Root.get("/AcroForm")
    if not isinstance(acroform, pikepdf.Dictionary):
        return
    acroform.NeedAppearances = True
    try:
        pdf.generate_appearance_streams()
    except pikepdf.PdfError:
        return  # NeedAppearances stays set: the viewer draws the new values itself
    # qpdf draws a value in WinAnsi codes, so "Łukasz" would show as "?ukasz": such a field keeps no
    # appearance and the viewer draws its value with a font of its own.
    unshowable = [field for field in _field_tree(acroform)
                  if isinstance(field.get("/V"), pikepdf.String) and not writable_in_helvetica(str(field.V))]
    for field in unshowable:
        for widget in [field, *field.get("/Kids", [])]:
            if isinstance(widget, pikepdf.Dictionary) and "/AP" in widget:
                del widget["/AP"]
    if unshowable:
        acroform.NeedAppearances = True


def _field_tree(acroform: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    seen: set[tuple[int, int]] = set()
    stack = list(acroform.get("/Fields", []))
    while stack:
        field_obj = stack.pop()
        if not isinstance(field_obj, pikepdf.Dictionary) or (field_obj.is_indirect and field_obj.objgen in seen):
            continue
        if field_obj.is_indirect:
            seen.add(field_obj.objgen)
        yield field_obj
        stack.extend(field_obj.get("/Kids", []))


def _write_xmp(pdf: pikepdf.Pdf, document: Document, plan: Plan, native: _PdfNative) -> None:
    try:
        tree = _parse_xmp(pdf)
    except (etree.XMLSyntaxError, pikepdf.PdfError):
        del pdf.Root["/Metadata"]  # unreadable, so unscreened: it goes (reported by read)
        return
    if tree is None:
        return
    wanted = {number: segment_id for segment_id, number in native.xmp.items() if plan.for_segment(segment_id)}
    if not wanted:
        return
    for number, (element, attribute, _) in enumerate(_xmp_fields(tree)):
        segment_id = wanted.get(number)
        if segment_id is None:
            continue
        new_text = apply_replacements(document.segment(segment_id).text, plan.for_segment(segment_id))
        if attribute:
            element.set(attribute, new_text)
        else:
            element.text = new_text
    pdf.Root.Metadata.write(etree.tostring(tree.getroottree(), encoding="utf-8"))


def _write_marked_content(pdf: pikepdf.Pdf, document: Document, plan: Plan, native: _PdfNative) -> None:
    by_page: dict[int, list[tuple[int, str, str]]] = {}
    for segment_id, (page_index, number, key) in native.marked.items():
        replacements = plan.for_segment(segment_id)
        if replacements:
            new_text = apply_replacements(document.segment(segment_id).text, replacements)
            by_page.setdefault(page_index, []).append((number, key, new_text))
    for page_index, changes in by_page.items():
        page = pdf.pages[page_index]
        instructions = pikepdf.parse_content_stream(page)
        for number, key, new_text in changes:
            properties = _marked_properties(instructions[number])
            if properties is None:
                raise FormatError(f"{document.path}: page {page_index + 1} changed while being written")
            properties[key] = pikepdf.String(new_text)
            # Inline operands are copies: the instruction must be rebuilt with the changed dictionary.
            tag = list(instructions[number].operands)[0]
            instructions[number] = pikepdf.ContentStreamInstruction([tag, properties], instructions[number].operator)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def _placed_values(document: Document, plan: Plan, native: _PdfNative) -> dict[int, list[Placed]]:
    """Per page index, each replacement of its page text with the boxes of what it replaces, one per line."""
    placed: dict[int, list[Placed]] = {}
    for segment_id, text in native.pages.items():
        index = int(segment_id.split(":")[1])
        for replacement in plan.for_segment(segment_id):
            if document.segment(segment_id).text[replacement.start:replacement.end] != replacement.original:
                raise ValueError("replacement does not match the segment text")
            boxes = [box for box, _ in text.rectangles(replacement.start, replacement.end)]
            if boxes:
                placed.setdefault(index, []).append(Placed(replacement, boxes))
    return placed


def _page_rectangles(document: Document, plan: Plan, native: _PdfNative) -> dict[int, list[Rectangle]]:
    rectangles: dict[int, list[Rectangle]] = {}
    for segment_id, text in native.pages.items():
        index = int(segment_id.split(":")[1])
        for replacement in plan.for_segment(segment_id):
            if document.segment(segment_id).text[replacement.start:replacement.end] != replacement.original:
                raise ValueError("replacement does not match the segment text")
            for line, (box, size) in enumerate(text.rectangles(replacement.start, replacement.end)):
                label = replacement.new_text if line == 0 else ""
                rectangles.setdefault(index, []).append(Rectangle(box, label, size))
    return rectangles


# ---- raw texts of a written file --------------------------------------------------------------------


def _decoded(data: bytes) -> Iterator[str]:
    yield data.decode("latin-1")
    if data[:2] in (b"\xfe\xff", b"\xff\xfe"):
        yield data.decode("utf-16", errors="replace")
    try:
        yield data.decode("utf-8")
    except UnicodeDecodeError:
        pass


def _pdfium_texts(path: Path, password: str) -> Iterator[str]:
    """The text of every page as pdfium reads it; FormatError when pdfium cannot open the file."""
    try:
        document = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as error:
        raise FormatError(f"{path}: pdfium cannot open it ({error})") from None
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                yield textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _object_texts(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every string and name of every object, and every stream's data as far as qpdf can decode it."""
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [pdf.trailer, *pdf.objects]
    while stack:
        obj = stack.pop()
        if getattr(obj, "is_indirect", False):
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.String):
            yield str(obj)
            yield from _decoded(bytes(obj))
        elif isinstance(obj, pikepdf.Name):
            yield str(obj)
        elif isinstance(obj, pikepdf.Array):
            stack.extend(obj)
        elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in list(obj.keys()):
                yield key
                stack.append(obj[key])
            if isinstance(obj, pikepdf.Stream):
                try:
                    data = obj.read_bytes()
                except pikepdf.PdfError:
                    data = obj.read_raw_bytes()
                yield from _decoded(data)


def _all_form_xobjects(page: pikepdf.Page) -> Iterator[pikepdf.Stream]:
    yield from form_xobjects(page.obj.get("/Resources"), set())


def _content_strings(page_or_stream: Any) -> Iterator[str]:
    """The string operands of a content stream joined, so a value split by kerning still shows."""
    try:
        instructions = pikepdf.parse_content_stream(page_or_stream)
    except pikepdf.PdfError:
        return
    pieces: list[bytes] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        for operand in instruction.operands:
            if isinstance(operand, pikepdf.String):
                pieces.append(bytes(operand))
            elif isinstance(operand, pikepdf.Array):
                pieces.extend(bytes(item) for item in operand if isinstance(item, pikepdf.String))
            elif isinstance(operand, pikepdf.Dictionary):
                pieces.extend(bytes(v) for v in operand.values() if isinstance(v, pikepdf.String))
        if str(instruction.operator) in ("ET", "Td", "TD", "Tm", "T*", "'", '"'):
            pieces.append(b" ")
    yield from _decoded(b"".join(pieces))


ADAPTER = PdfAdapter()
