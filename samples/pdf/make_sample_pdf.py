"""Build samples/pdf/legeerklaering.pdf: a fictitious Norwegian medical certificate (legeerklæring).

Every person, number and address in it is made up for this project; the fødselsnummer has a valid
check digit but belongs to no one we know of. The page mixes Helvetica (a standard font, not embedded)
with Vera, a TrueType font embedded as a subset, and carries personal data in each place a PDF can
hold it: page text, a form field, a sticky-note annotation and its author, an attachment, the
document information and the XMP packet.

Run: .venv/bin/python samples/pdf/make_sample_pdf.py  (needs reportlab, a development dependency)
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
OUT = HERE / "legeerklaering.pdf"
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def build(out: Path = OUT) -> Path:
    pdfmetrics.registerFont(TTFont("Vera", str(VERA)))
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    c.setAuthor("Henrik Mølster")
    c.setTitle("Legeerklæring for Sigrun Åsheim")
    c.setSubject("Sykmelding")
    width, height = A4
    y = height - 72
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, y, "Legeerklæring ved arbeidsuførhet")
    y -= 36
    lines = [
        ("Helvetica", "Pasient: Sigrun Åsheim, født 14.03.1987"),
        ("Helvetica", "Fødselsnummer: 14038740181"),
        ("Vera", "Adresse: Bjørkeveien 17, 3512 Hønefoss"),
        ("Vera", "Telefon: 912 34 567   E-post: sigrun.asheim@eksempel.no"),
        ("Vera", ""),
        ("Vera", "Pasienten har vært til behandling for depresjon siden januar"),
        ("Vera", "og er delvis arbeidsufør. Kontrolltime hos Henrik Mølster om fire uker."),
    ]
    for font, text in lines:
        c.setFont(font, 11)
        c.drawString(72, y, text)
        y -= 18
    y -= 18
    c.setFont("Helvetica", 11)
    c.drawString(72, y, "Kontaktperson hos arbeidsgiver:")
    c.acroForm.textfield(name="kontaktperson", value="Torbjørn Lien", x=260, y=y - 6, width=200, height=20,
                         fontName="Helvetica", fontSize=11, borderWidth=0)
    c.textAnnotation("Spør Kari Berntsen om permisjonssøknaden", Rect=(450, height - 110, 470, height - 90),
                     name="merknad")
    c.setFont("Helvetica", 9)
    c.drawString(72, 72, "Legesenteret Eksempelby, org.nr. 998 877 665")
    c.showPage()
    c.save()

    with pikepdf.open(out, allow_overwriting_input=True) as pdf:
        for annot in pdf.pages[0].Annots:
            if annot.Subtype == pikepdf.Name.Text:
                annot.T = pikepdf.String("Kari Berntsen")
        pdf.attachments["journalnotat.txt"] = pikepdf.AttachedFileSpec(
            pdf, "Journalnotat for Sigrun Åsheim, tlf 912 34 567".encode(), description="Notat fra Henrik Mølster"
        )
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = ["Henrik Mølster"]
            meta["dc:title"] = "Legeerklæring for Sigrun Åsheim"
        pdf.save(out, deterministic_id=True)
    return out


if __name__ == "__main__":
    print(build())
