"""Contract -> DOCX bytes: the docxtpl frame (cover, parties, signatures) around a WordprocessingML body.

The frame's Jinja source is prepared once by docxtpl (which mends tags Word split across runs) and
rendered with autoescape in the sandbox; the body is written directly as WordprocessingML from the
neutral blocks, so each build costs one small template render plus one zip write.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from . import markup
from .assemble import Contract
from .library import long_date

BASE = Path(__file__).resolve().parent / "templates" / "base.docx"
TEMPLATED = re.compile(r"^(word/(document|header\d*|footer\d*)|docProps/core)\.xml$")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PAGE = {"letter": {"width": 12240, "height": 15840}, "a4": {"width": 11906, "height": 16838}}
TABLE_WIDTH = 9000  # twentieths of a point: the text width of both page sizes, with margins


@dataclass(frozen=True)
class Frame:
    """The base document: its parts as bytes, and the templated parts compiled."""

    parts: dict[str, tuple[zipfile.ZipInfo, bytes]]
    templates: dict[str, Template]


@lru_cache(maxsize=4)
def load_frame(path: Path = BASE) -> Frame:
    """Read and compile a base template once per process."""
    env = SandboxedEnvironment(autoescape=True)
    patcher = DocxTemplate(path)
    parts, templates = {}, {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            parts[info.filename] = (info, data)
            if TEMPLATED.match(info.filename):
                templates[info.filename] = env.from_string(patcher.patch_xml(data.decode("utf-8")))
    return Frame(parts, templates)


def _text(text: str) -> str:
    return escape(_XML_ILLEGAL.sub("", text))


def _runs(spans: markup.Inline, bold: bool = False) -> str:
    return "".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold or s.bold else ""}<w:t xml:space="preserve">{_text(s.text)}</w:t></w:r>'
        for s in spans
    )


def _paragraph(spans: markup.Inline, style: str | None = None, bold: bool = False) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{_runs(spans, bold)}</w:p>"


def _cell(spans: markup.Inline, width: int, header: bool) -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="E7ECF2"/>' if header else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>{_paragraph(spans, bold=header)}</w:tc>'


CHAR_WIDTH, CELL_PADDING = 115, 230  # twips: roughly one character of 10.5 pt text, and a cell's margins


def column_widths(rows: list[tuple[markup.Inline, ...]], columns: int) -> list[int]:
    """Share the table width so no word is broken and long text columns get the room left over."""
    texts = [[markup.plain(row[c]) for row in rows if c < len(row)] for c in range(columns)]
    least = [max((len(w) for t in col for w in t.split()), default=4) * CHAR_WIDTH + CELL_PADDING for col in texts]
    wish = [max(min(40, max((len(t) for t in col), default=0)) * CHAR_WIDTH + CELL_PADDING, low)
            for col, low in zip(texts, least)]
    if sum(least) >= TABLE_WIDTH:
        return [TABLE_WIDTH * low // sum(least) for low in least]
    spare, extra = TABLE_WIDTH - sum(least), [w - low for w, low in zip(wish, least)]
    if sum(extra) <= spare:
        return [TABLE_WIDTH * w // sum(wish) for w in wish]
    return [low + spare * e // sum(extra) for low, e in zip(least, extra)]


def _table(table: markup.Table) -> str:
    columns = max(len(table.header), *(len(r) for r in table.rows)) if table.rows else len(table.header)
    widths = column_widths([table.header, *table.rows], max(columns, 1))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)

    def row(cells: tuple[markup.Inline, ...], header: bool) -> str:
        cells = cells + ((),) * (columns - len(cells))
        props = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        return f"<w:tr>{props}{''.join(_cell(c, w, header) for c, w in zip(cells, widths))}</w:tr>"

    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TABLE_WIDTH}" w:type="dxa"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + row(table.header, True) + "".join(row(r, False) for r in table.rows)
            + "</w:tbl><w:p/>")


def block_xml(block: markup.Block) -> str:
    """One neutral block as WordprocessingML."""
    if isinstance(block, markup.Paragraph):
        return _paragraph(block.spans)
    if isinstance(block, markup.Heading):
        return _paragraph(block.spans, bold=True)
    if isinstance(block, markup.BulletList):
        return "".join(_paragraph(item, "ListBullet") for item in block.items)
    return _table(block)


def _clause_xml(clause, style: str | None = "Heading2") -> str:
    heading = _paragraph((markup.Span(f"{clause.number} {clause.title}"),), style, bold=style is None)
    return heading + "".join(block_xml(b) for b in clause.blocks)


def _side_by_side(left, right) -> str:
    """Two versions of one clause in a two-column row; a cell must end with a paragraph."""
    half = TABLE_WIDTH // 2

    def cell(clause) -> str:
        xml = _clause_xml(clause, style=None)  # a heading style's keep-with-next would stop the row splitting
        return f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/></w:tcPr>{xml}{"<w:p/>" if xml.endswith("</w:tbl>") else ""}</w:tc>'

    return f"<w:tr>{cell(left)}{cell(right)}</w:tr>"


def body_xml(contract: Contract) -> str:
    """The numbered sections and clauses as WordprocessingML; a bilingual contract in two columns."""
    out = []
    twin = contract.translation
    for i, section in enumerate(contract.sections):
        title = f"{section.number}. {section.title}" + (f" / {twin.sections[i].title}" if twin else "")
        out.append(_paragraph((markup.Span(title),), "Heading1"))
        if twin is None:
            out += [_clause_xml(clause) for clause in section.clauses]
            continue
        rows = "".join(_side_by_side(a, b) for a, b in zip(section.clauses, twin.sections[i].clauses))
        out.append(f'<w:tbl><w:tblPr><w:tblW w:w="{TABLE_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                   f'<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="200" w:type="dxa"/></w:tblCellMar>'
                   f'</w:tblPr><w:tblGrid><w:gridCol w:w="{TABLE_WIDTH // 2}"/><w:gridCol w:w="{TABLE_WIDTH // 2}"/>'
                   f"</w:tblGrid>{rows}</w:tbl><w:p/>")
    return "".join(out)


def frame_context(contract: Contract) -> dict[str, Any]:
    """What the frame's tags read: title, parties, labels, page size, empty signature blocks."""
    p = contract.profile

    def party(who) -> dict[str, str]:
        address = ", ".join(line.strip() for line in who.address.split("\n") if line.strip())
        return {"name": who.name, "address": address, "email": who.email, "business_id": who.business_id}

    def unsigned(who) -> dict[str, str]:
        return {"name": who.signer_name, "title": who.signer_title, "date": "", "mark": ""}

    # The contract is signed by both; a dated transition plan is issued by one and acknowledged by the other.
    dated_plan = contract.extra.get("exit") is not None
    labels = {**contract.labels, "signatures": contract.labels["acknowledgment"]} if dated_plan else contract.labels
    return {
        "title": contract.title, "subtitle": contract.subtitle, "labels": labels,
        "author": p.freelancer.name, "created": f"{p.effective_date.isoformat()}T00:00:00Z", "library_version": contract.library_version,
        "parties": {"freelancer": party(p.freelancer), "client": party(p.client)},
        "effective_date": long_date(p.effective_date, p.language),
        "page": PAGE["letter" if p.law.country == "US" else "a4"],
        "signatures": {"freelancer": unsigned(p.freelancer), "client": unsigned(p.client)}
        if contract.document == "contract" or dated_plan else None,
    }


IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
EMU_PER_TWIP = 635


def image_xml(rel_id: str, width_twips: int, height_twips: int, name: str) -> str:
    """A paragraph holding one inline picture whose bytes are the part related by `rel_id`."""
    cx, cy = width_twips * EMU_PER_TWIP, height_twips * EMU_PER_TWIP
    number = zlib.crc32(rel_id.encode()) % 10_000 + 1
    return (
        f'<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{number}" name="{_text(name)}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{_text(name)}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def _with_images(rels: bytes, images: dict[str, bytes]) -> bytes:
    links = "".join(f'<Relationship Id="{rel}" Type="{IMAGE_REL}" Target="media/{rel}.png"/>' for rel in images)
    return rels.replace(b"</Relationships>", links.encode() + b"</Relationships>")


def render_docx(contract: Contract, *, signatures: dict | None = None, appendix_xml: str = "",
                images: dict[str, bytes] | None = None, envelope_id: str = "") -> bytes:
    """The contract as DOCX bytes that Word and LibreOffice open.

    `signatures` overrides the empty signature blocks; `appendix_xml` is trusted WordprocessingML
    (from this package only) placed after them, such as an audit certificate; `images` are PNG
    files it refers to by relationship id (see image_xml). `envelope_id` goes into the document's
    keywords, so a copy sent for signature names its envelope.
    """
    frame = load_frame()
    context = {**frame_context(contract), "envelope_id": envelope_id}
    if signatures and context["signatures"]:
        context["signatures"] = {**context["signatures"], **signatures}
    context["body"] = Markup(body_xml(contract))
    context["appendix"] = Markup(appendix_xml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (info, data) in frame.parts.items():
            if name in frame.templates:
                data = frame.templates[name].render(context).encode("utf-8")
            elif name == "word/_rels/document.xml.rels" and images:
                data = _with_images(data, images)
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for rel, png in (images or {}).items():
            archive.writestr(zipfile.ZipInfo(f"word/media/{rel}.png", info.date_time), png)
    return buffer.getvalue()
