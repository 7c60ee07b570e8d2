"""What a PDF can hide personal data in without it being screened, found and stripped with pikepdf.

Attachments (the embedded streams behind /EF, listed under /Names/EmbeddedFiles, /AF or in file
attachment annotations), JavaScript, additional actions, page thumbnails, XFA form data, private
application data (/PieceInfo), XMP packets of single objects (the document's own XMP is screened),
signature values (they carry the signer's certificate) and rich-text copies of annotation comments
(the plain /Contents is screened and kept). The same walk describes them for the report and removes
them from the copy, so the report lists exactly what was taken out.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pikepdf

from screening.document import UnscannedPart

_MEDIA_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia"}

_REASONS = {
    "attachment": "embedded file(s) removed: attachments are not screened",
    "javascript": "JavaScript action(s) emptied: scripts are not screened",
    "actions": "additional action(s) (/AA) removed",
    "thumbnail": "page thumbnail(s) removed",
    "xfa": "XFA form data removed: only AcroForm values are screened",
    "pieceinfo": "private application data (/PieceInfo) removed",
    "object_xmp": "XMP metadata of single objects (images, pages) removed",
    "signature": "signature value(s) removed: they hold the signer's certificate",
    "media_annotation": "attachment/media annotation(s) removed",
    "rich_text": "rich-text copies of annotation comments removed (the plain text is screened)",
    "collection": "portfolio (collection) settings removed",
}


def _scrub_dictionary(obj: Any, is_root: bool, found: Counter[str], remove: bool) -> None:
    keys = set(obj.keys())
    if "/EF" in keys:
        found["attachment"] += 1
        if remove:
            del obj["/EF"]
    if obj.get("/S") == pikepdf.Name.JavaScript and "/JS" in keys:
        found["javascript"] += 1
        if remove:
            obj["/JS"] = pikepdf.String("")
    for key, kind in (("/AA", "actions"), ("/Thumb", "thumbnail"), ("/PieceInfo", "pieceinfo"), ("/AF", None)):
        if key in keys:
            if kind:
                found[kind] += 1
            if remove:
                del obj[key]
    if "/Metadata" in keys and not is_root:
        found["object_xmp"] += 1
        if remove:
            del obj["/Metadata"]
    if "/RC" in keys and "/Subtype" in keys:
        found["rich_text"] += 1
        if remove:
            del obj["/RC"]


def _walk(pdf: pikepdf.Pdf, found: Counter[str], remove: bool) -> None:
    """Visit every dictionary reachable from the trailer once."""
    root = pdf.Root
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [pdf.trailer]
    while stack:
        obj = stack.pop()
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            _scrub_dictionary(obj, obj.is_indirect and obj.objgen == root.objgen, found, remove)
            stack.extend(obj[key] for key in list(obj.keys()) if key != "/Parent")
        elif isinstance(obj, pikepdf.Array):
            stack.extend(obj)


def _root_parts(pdf: pikepdf.Pdf, found: Counter[str], remove: bool) -> None:
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key in ("/EmbeddedFiles", "/JavaScript"):
            if key in names and remove:
                del names[key]
    open_action = root.get("/OpenAction")
    if isinstance(open_action, pikepdf.Dictionary) and open_action.get("/S") == pikepdf.Name.JavaScript:
        found["javascript"] += 1
        if remove:
            del root["/OpenAction"]
    if "/Collection" in root:
        found["collection"] += 1
        if remove:
            del root["/Collection"]
    acroform = root.get("/AcroForm")
    if isinstance(acroform, pikepdf.Dictionary):
        if "/XFA" in acroform:
            found["xfa"] += 1
            if remove:
                del acroform["/XFA"]
        for field in _fields(acroform):
            if field.get("/FT") == pikepdf.Name.Sig and "/V" in field:
                found["signature"] += 1
                if remove:
                    del field["/V"]
                    for widget in [field, *field.get("/Kids", [])]:
                        if "/AP" in widget:
                            del widget["/AP"]


def _fields(acroform: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    out: list[pikepdf.Dictionary] = []
    seen: set[tuple[int, int]] = set()
    stack = list(acroform.get("/Fields", []))
    while stack:
        field = stack.pop()
        if not isinstance(field, pikepdf.Dictionary) or (field.is_indirect and field.objgen in seen):
            continue
        if field.is_indirect:
            seen.add(field.objgen)
        out.append(field)
        stack.extend(field.get("/Kids", []))
    return out


def _media_annotations(pdf: pikepdf.Pdf, found: Counter[str], remove: bool) -> None:
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        keep = [annot for annot in annots if str(annot.get("/Subtype", "")) not in _MEDIA_ANNOTATIONS]
        if len(keep) != len(annots):
            found["media_annotation"] += len(annots) - len(keep)
            if remove:
                page.obj.Annots = pikepdf.Array(keep)


def _parts(pdf: pikepdf.Pdf, remove: bool) -> list[UnscannedPart]:
    found: Counter[str] = Counter()
    # Annotations and root entries first, so the object walk no longer sees what they took out.
    _media_annotations(pdf, found, remove)
    _root_parts(pdf, found, remove)
    _walk(pdf, found, remove)
    return [
        UnscannedPart("document", f"{count} {_REASONS[kind]}", removed=True)
        for kind, count in sorted(found.items())
    ]


def hidden_parts(pdf: pikepdf.Pdf) -> list[UnscannedPart]:
    """What :func:`strip` will take out of the copy (the PDF is not changed)."""
    return _parts(pdf, remove=False)


def strip(pdf: pikepdf.Pdf) -> None:
    """Remove every hiding place listed by :func:`hidden_parts` from an opened PDF."""
    _parts(pdf, remove=True)
