"""Adding parts to an OOXML package, for building test files and samples with hiding places that
python-docx, openpyxl and python-pptx cannot write (threaded comments, tracked changes, SmartArt data,
pivot caches...). Only synthetic data goes in here."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
FIXED_TIME = (2025, 3, 3, 9, 0, 0)


def _rels_name(owner: str) -> str:
    folder, name = posixpath.split(owner)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def edit_package(
    path: Path,
    parts: dict[str, bytes] | None = None,
    relationships: list[tuple[str, str, str, str, str | None]] | None = None,
    content_types: dict[str, str] | None = None,
    replace: dict[str, "callable"] | None = None,
) -> None:
    """Rewrite the package at ``path`` in place.

    ``parts``: new or replaced members. ``relationships``: (owner part, rId, type URI, target,
    target mode or None). ``content_types``: part name -> content type (an Override).
    ``replace``: member -> function(bytes) -> bytes, to edit an existing part.
    """
    with zipfile.ZipFile(path) as package:
        members = {info.filename: package.read(info.filename) for info in package.infolist()}
    members.update(parts or {})
    for name, edit in (replace or {}).items():
        members[name] = edit(members[name])
    for owner, rid, kind, target, mode in relationships or []:
        rels = _rels_name(owner)
        root = etree.fromstring(members[rels]) if rels in members else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        element = etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rid, Type=kind, Target=target)
        if mode:
            element.set("TargetMode", mode)
        members[rels] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if content_types:
        root = etree.fromstring(members["[Content_Types].xml"])
        for name, kind in content_types.items():
            etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=kind)
        members["[Content_Types].xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        ordered = ["[Content_Types].xml"] + [name for name in members if name != "[Content_Types].xml"]
        for name in ordered:  # a fixed time stamp: the samples are the same bytes on every build
            package.writestr(zipfile.ZipInfo(name, FIXED_TIME), members[name], zipfile.ZIP_DEFLATED)


def jpeg_with_exif(comment: str) -> bytes:
    """A tiny JPEG whose Exif block (Artist tag) and comment segment hold ``comment``."""
    import io

    from PIL import Image

    image = Image.new("RGB", (8, 8), (200, 30, 30))
    exif = Image.Exif()
    exif[0x013B] = comment  # Artist
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), comment=comment.encode())
    return buffer.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DATE = 'w:date="2025-03-03T09:00:00Z"'

# The places add_docx_hiding_places fills; a caller gives one value for each key.
DOCX_PLACES = (
    "deleted", "deletion author", "inserted", "insertion author", "moved", "move author", "comment",
    "comment author", "comment account", "footnote", "endnote", "text box", "text box (VML copy)",
    "shape alt text", "VML alt text", "content control", "content control alias", "content control tag",
    "list item", "custom XML", "merge field", "field code e-mail", "field result", "hyperlink e-mail",
    "hyperlink tooltip", "document variable", "mail merge source user", "template user", "company",
    "manager", "custom property", "thumbnail",
)


def _docx_body(v: dict[str, str]) -> str:
    return f"""
<w:p><w:r><w:t xml:space="preserve">Kontaktperson er </w:t></w:r><w:del w:id="101" w:author="{v['deletion author']}" {DATE}><w:r><w:delText>{v['deleted']}</w:delText></w:r></w:del><w:ins w:id="102" w:author="{v['insertion author']}" {DATE}><w:r><w:t>{v['inserted']}</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> fra mars.</w:t></w:r></w:p>
<w:p><w:moveFrom w:id="103" w:author="{v['move author']}" {DATE}><w:r><w:t>Saken gjelder {v['moved']}.</w:t></w:r></w:moveFrom></w:p>
<w:p><w:moveTo w:id="104" w:author="{v['move author']}" {DATE}><w:r><w:t>Saken gjelder {v['moved']}.</w:t></w:r></w:moveTo></w:p>
<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Se merknaden.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>
<w:p><w:r><w:t>Bakgrunn</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> og kilde</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3600000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="10" name="Tekstboks 1" descr="{v['shape alt text']}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>{v['text box']}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Tekstboks1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:283pt;width:157pt;height:39pt;z-index:2" alt="{v['VML alt text']}"><v:textbox><w:txbxContent><w:p><w:r><w:t>{v['text box (VML copy)']}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="{v['content control alias']}"/><w:tag w:val="{v['content control tag']}"/><w:id w:val="5"/><w:dataBinding w:xpath="/kunde[1]/navn[1]" w:storeItemID="{{5A4B3C2D-1E0F-4A1B-9C8D-7E6F5A4B3C2D}}"/><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{v['content control']}</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:sdt><w:sdtPr><w:id w:val="6"/><w:dropDownList><w:listItem w:displayText="{v['list item']}" w:value="{v['list item']}"/></w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>Velg saksbehandler</w:t></w:r></w:sdtContent></w:sdt></w:p>
<w:p><w:fldSimple w:instr=" MERGEFIELD  {v['merge field']} \\* MERGEFORMAT "><w:r><w:t>«Mottaker»</w:t></w:r></w:fldSimple></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{v['field code e-mail']}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Skriv til {v['field result']}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:hyperlink r:id="rIdMail" w:tooltip="Send til {v['hyperlink tooltip']}"><w:r><w:t>Send e-post</w:t></w:r></w:hyperlink></w:p>
"""


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode()


def add_docx_hiding_places(path: Path, v: dict[str, str], embedded_workbook: bytes | None = None) -> None:
    """Put ``v[place]`` into each place of DOCX_PLACES of a python-docx file (see _docx_body)."""
    w = f'xmlns:w="{W_NS}"'
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    notes = {
        kind: _xml(
            f'<w:{kind}s {w}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:id="1"><w:p><w:r><w:t>{v[kind]}</w:t></w:r></w:p></w:{kind}></w:{kind}s>')
        for kind in ("footnote", "endnote")
    }
    parts = {
        "word/footnotes.xml": notes["footnote"],
        "word/endnotes.xml": notes["endnote"],
        "word/comments.xml": _xml(
            f'<w:comments {w}><w:comment w:id="0" w:author="{v["comment author"]}" {DATE} w:initials="KS">'
            f'<w:p><w:r><w:t>{v["comment"]}</w:t></w:r></w:p></w:comment></w:comments>'),
        "word/people.xml": _xml(
            f'<w15:people xmlns:w15="{w15}"><w15:person w15:author="{v["comment author"]}">'
            f'<w15:presenceInfo w15:providerId="AD" w15:userId="{v["comment account"]}"/></w15:person></w15:people>'),
        "customXml/item2.xml": _xml(f"<kunde><navn>{v['custom XML']}</navn></kunde>"),
        "docProps/custom.xml": _xml(
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Saksbehandler">'
            f'<vt:lpwstr>{v["custom property"]}</vt:lpwstr></property></Properties>'),
        "docProps/thumbnail.jpeg": jpeg_with_exif(v["thumbnail"]),
    }
    relationships = [
        ("word/document.xml", "rIdFootnotes", f"{RT}/footnotes", "footnotes.xml", None),
        ("word/document.xml", "rIdEndnotes", f"{RT}/endnotes", "endnotes.xml", None),
        ("word/document.xml", "rIdComments", f"{RT}/comments", "comments.xml", None),
        ("word/document.xml", "rIdPeople", "http://schemas.microsoft.com/office/2011/relationships/people",
         "people.xml", None),
        ("word/document.xml", "rIdCustomXml2", f"{RT}/customXml", "../customXml/item2.xml", None),
        ("word/document.xml", "rIdMail", f"{RT}/hyperlink", f"mailto:{v['hyperlink e-mail']}", "External"),
        ("word/settings.xml", "rIdTemplate", f"{RT}/attachedTemplate",
         f"file:///C:\\Users\\{v['template user']}\\AppData\\Roaming\\Microsoft\\Maler\\Brev.dotx", "External"),
        ("word/settings.xml", "rIdSource", f"{RT}/mailMergeSource",
         f"file:///C:\\Users\\{v['mail merge source user']}\\Documents\\mottakere.xlsx", "External"),
        ("", "rIdCustom", f"{RT}/custom-properties", "docProps/custom.xml", None),
    ]
    content_types = {
        "word/footnotes.xml": ct + "footnotes+xml",
        "word/endnotes.xml": ct + "endnotes+xml",
        "word/comments.xml": ct + "comments+xml",
        "word/people.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
        "docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    }
    if embedded_workbook is not None:
        parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] = embedded_workbook
        relationships.append(("word/document.xml", "rIdPackage1", f"{RT}/package",
                              "embeddings/Microsoft_Excel_Worksheet1.xlsx", None))
        content_types["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def body(data: bytes) -> bytes:
        text = data.decode()
        position = text.rindex("<w:sectPr")
        return (text[:position] + _docx_body(v).replace("\n", "") + text[position:]).encode()

    def settings(data: bytes) -> bytes:
        text = data.decode()
        head = text.index(">", text.index("<w:settings")) + 1
        extra = (f'<w:attachedTemplate r:id="rIdTemplate"/>'
                 f'<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/>'
                 f'<w:dataType w:val="native"/><w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;User ID=Admin;'
                 f'Data Source=C:\\Users\\{v["mail merge source user"]}\\Documents\\mottakere.xlsx"/>'
                 f'<w:query w:val="SELECT * FROM `Ark1$`"/><w:dataSource r:id="rIdSource"/></w:mailMerge>')
        text = text[:head] + extra + text[head:]
        tail = text.rindex("</w:settings>")
        variables = f'<w:docVars><w:docVar w:name="Klient" w:val="{v["document variable"]}"/></w:docVars>'
        return (text[:tail] + variables + text[tail:]).encode()

    def app(data: bytes) -> bytes:
        extra = f"<Manager>{v['manager']}</Manager><Company>{v['company']}</Company>"
        return data.replace(b"</Properties>", extra.encode() + b"</Properties>")

    edit_package(path, parts=parts, relationships=relationships, content_types=content_types,
                 replace={"word/document.xml": body, "word/settings.xml": settings, "docProps/app.xml": app})


def every_text(path, adapter) -> str:
    """All members of a package, decompressed, as one text, plus the adapter's raw texts (XML escapes resolved)."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        raw = "\n".join(package.read(name).decode("utf-8", errors="ignore") for name in package.namelist())
    return raw + "\n".join(adapter.raw_texts(path))
