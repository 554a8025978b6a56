"""Regenerate base.docx, the docxtpl frame of every document: `python contracts/templates/make_base.py`.

Each Jinja tag is written as one run, so Word's run splitting never breaks a tag. The file is
committed; this script documents exactly what it holds and rebuilds it after a change.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
INK = RGBColor(0x1F, 0x2A, 0x37)


def _styles(document: docx.document.Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Liberation Sans")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 24), ("Subtitle", 13), ("Heading 1", 14), ("Heading 2", 11.5)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.color.rgb = "Liberation Sans", Pt(size), INK
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            style.element.rPr.rFonts.attrib.pop(qn(theme), None)  # a theme font would override ours
        style.paragraph_format.keep_with_next = name.startswith("Heading")
    document.styles["Heading 1"].paragraph_format.space_before = Pt(16)
    document.styles["Heading 2"].paragraph_format.space_before = Pt(8)


def _field(paragraph, instruction: str) -> None:
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _party_cell(cell, who: str) -> None:
    cell.paragraphs[0].add_run("{{ parties.%s.name }}" % who).bold = True
    for field in ("address", "email", "business_id"):
        cell.add_paragraph("{{ parties.%s.%s }}" % (who, field)).paragraph_format.space_after = Pt(0)
    cell.add_paragraph("{{ labels.%s_role }}" % who).runs[0].italic = True


def _bookmarked_run(paragraph, text: str, name: str, number: int) -> None:
    """A run inside a bookmark, so a signed copy can fill it in after the document is frozen."""
    paragraph._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="{name}"/>'))
    paragraph.add_run(text).bold = False
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))


def _signature_table(document: docx.document.Document) -> None:
    table = document.add_table(rows=5, cols=2)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # (label run, value run, bookmark of the value that signing fills in, bold)
    rows = (("{{ labels.signed_for }} {{ parties.%s.name }}", "", "", True),
            ("{{ labels.signature }}{{ labels.colon }}", "{{ signatures.%s.mark }}", "mark", False),
            ("{{ labels.name }}{{ labels.colon }}{{ signatures.%s.name }}", "", "", False),
            ("{{ labels.title }}{{ labels.colon }}{{ signatures.%s.title }}", "", "", False),
            ("{{ labels.date }}{{ labels.colon }}", "{{ signatures.%s.date }}", "date", False))
    for number, (row, (label, value, mark, bold)) in enumerate(zip(table.rows, rows)):
        for column, who in enumerate(("freelancer", "client")):
            paragraph = row.cells[column].paragraphs[0]
            paragraph.add_run(label % who if "%s" in label else label).bold = bold
            if value:
                _bookmarked_run(paragraph, value % who, f"cw_{who}_{mark}", number * 2 + column + 1)
            paragraph.paragraph_format.space_before = Pt(12 if not bold else 4)


def build() -> docx.document.Document:
    """The frame: cover, parties, {{p body }}, signatures, {{p appendix }}, footer with page numbers."""
    document = docx.Document()
    _styles(document)
    props = document.core_properties
    props.author, props.last_modified_by = "{{ author }}", "Clausewright"
    props.title, props.subject = "{{ title }}", "{{ subtitle }}"
    props.comments = "{{ labels.library_version }} {{ library_version }}"
    props.keywords = "{{ envelope_id }}"  # a signed copy names its envelope, so the verify page can find it
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ subtitle }}", style="Subtitle")
    document.add_paragraph("{{ labels.between }}")
    parties = document.add_table(rows=1, cols=2)
    _party_cell(parties.rows[0].cells[0], "freelancer")
    _party_cell(parties.rows[0].cells[1], "client")
    document.add_paragraph("{{ labels.effective_date }}{{ labels.colon }}{{ effective_date }}").paragraph_format.space_before = Pt(12)
    document.add_paragraph("{{p body }}")
    document.add_paragraph("{%p if signatures %}")
    document.add_paragraph("{{ labels.signatures }}", style="Heading 1")
    _signature_table(document)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{{p appendix }}")
    section = document.sections[0]
    footer = section.footer.paragraphs[0]
    footer.add_run("{{ title }} · {{ labels.page }} ")
    _field(footer, "PAGE")
    footer.add_run(" {{ labels.of }} ")
    _field(footer, "NUMPAGES")
    # Page size follows the governing law's custom (Letter in the US, A4 elsewhere).
    size = section._sectPr.find(qn("w:pgSz"))
    size.set(qn("w:w"), "{{ page.width }}")
    size.set(qn("w:h"), "{{ page.height }}")
    return document


def _finish(path: Path) -> None:
    """Drop python-docx's stock thumbnail (a picture of an unrelated page) and date the document."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts.pop("docProps/thumbnail.jpeg", None)
    parts["_rels/.rels"] = re.sub(rb"<Relationship [^>]*thumbnail.jpeg\"/>", b"", parts["_rels/.rels"])
    # Certificates embed a PNG QR code; declare the type once here.
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b'<Default Extension="jpeg"', b'<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg"')
    parts["docProps/core.xml"] = re.sub(rb"\d{4}-\d\d-\d\dT[\d:]+Z", b"{{ created }}", parts["docProps/core.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


if __name__ == "__main__":
    build().save(HERE / "base.docx")
    _finish(HERE / "base.docx")
    print(f"wrote {HERE / 'base.docx'}")
