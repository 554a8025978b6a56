"""The audit certificate: who signed which exact document, when, from where; appended to signed copies."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, unescape

import segno

from . import markup
from .docx import _text, _with_images, block_xml, image_xml

QR_REL = "rIdCertificateQr"
QR_SIZE = 2000  # twips: about 3.5 cm, big enough for a phone camera on paper


@dataclass(frozen=True)
class SignerRecord:
    role: str  # "freelancer" or "client"
    name: str
    email: str
    typed_name: str = ""
    signed_at: datetime | None = None
    ip: str = ""
    user_agent: str = ""
    consent_hash: str = ""


@dataclass(frozen=True)
class EventRecord:
    at: datetime
    kind: str
    actor: str
    ip: str
    user_agent: str
    hash: str


@dataclass(frozen=True)
class Certificate:
    """Everything the certificate page shows about one envelope."""

    envelope_id: str
    document_title: str
    document_hash: str
    verification_code: str
    verify_url: str
    signers: tuple[SignerRecord, ...]
    events: tuple[EventRecord, ...]


def verification_code(secret: str, envelope_id: str, document_hash: str) -> str:
    """A short code, printed on paper, that only this server could have issued for this document."""
    digest = hmac.new(secret.encode(), f"{envelope_id}:{document_hash}".encode(), hashlib.sha256).digest()
    code = base64.b32encode(digest[:10]).decode()
    return "-".join(code[i : i + 4] for i in range(0, 16, 4))


def _utc(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


def _row(*cells: str) -> tuple[markup.Inline, ...]:
    return tuple((markup.Span(cell),) if cell else () for cell in cells)


def certificate_blocks(cert: Certificate, labels: dict[str, str]) -> list[markup.Block]:
    """The certificate as neutral blocks, so the HTML page and the DOCX show the same facts."""
    label = labels.get
    facts = markup.Table(_row(label("envelope"), cert.envelope_id), (
        _row(label("document"), cert.document_title),
        _row(label("document_hash"), cert.document_hash),
        _row(label("verification_code"), cert.verification_code),
        _row(label("verify_at"), cert.verify_url),
    ))
    signers = markup.Table(
        _row(label("role"), label("name"), label("typed_name"), label("signed_at"), label("ip_address")),
        tuple(_row(label(f"{s.role}_party", s.role), f"{s.name} <{s.email}>", s.typed_name, _utc(s.signed_at), s.ip)
              for s in cert.signers),
    )
    consent = [markup.Paragraph((markup.Span(f"{label('consent_hash')}{label('colon')}", True), markup.Span(s.consent_hash)))
               for s in cert.signers if s.consent_hash][:1]
    events = markup.Table(
        _row(label("time_utc"), label("event"), label("by"), label("ip_address"), label("user_agent")),
        tuple(_row(_utc(e.at), label(f"event_{e.kind}", e.kind), e.actor, e.ip, e.user_agent[:120])
              for e in cert.events),
    )
    return [
        markup.Paragraph((markup.Span(label("certificate_intro")),)),
        facts,
        markup.Heading((markup.Span(label("signers")),)),
        signers,
        *consent,
        markup.Heading((markup.Span(label("events")),)),
        events,
    ]


def qr_png(url: str) -> bytes:
    """The verify URL as a PNG QR code."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def certificate_xml(cert: Certificate, labels: dict[str, str]) -> str:
    """The certificate as WordprocessingML starting on a new page, with its QR code (relationship QR_REL)."""
    title = f'<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:r><w:t>{escape(labels["certificate_title"])}</w:t></w:r></w:p>'
    blocks = [block_xml(block) for block in certificate_blocks(cert, labels)]
    # The QR code sits under the facts it verifies, on the certificate's first page.
    return title + "".join(blocks[:2]) + image_xml(QR_REL, QR_SIZE, QR_SIZE, "verify") + "".join(blocks[2:])


def signed_copy(frozen: bytes, fills: dict[str, str], appendix_xml: str, images: dict[str, bytes]) -> bytes:
    """The frozen DOCX, unchanged but for its signature bookmarks filled and an appendix at the end.

    `fills` maps a bookmark of the frame (such as `cw_client_mark`) to the text it receives;
    `appendix_xml` (trusted WordprocessingML, such as certificate_xml) goes after the last
    paragraph, and `images` are the PNG files it refers to by relationship id.
    """
    def fill(document: str) -> str:
        for name, text in fills.items():
            start = re.compile(rf'<w:bookmarkStart [^>]*w:name="{re.escape(name)}"[^>]*/>')
            run = f'<w:r><w:t xml:space="preserve">{_text(text)}</w:t></w:r>'
            document, found = start.subn(lambda match: match.group(0) + run, document, count=1)
            if not found:
                raise ValueError(f"the document has no {name} bookmark to fill")
        end = _body_end(document)
        return document[:end] + appendix_xml + document[end:]

    return _rewrite(frozen, fill, images)


def certificate_docx(frozen: bytes, cert: Certificate, labels: dict[str, str]) -> bytes:
    """The certificate alone, as a DOCX in the frozen document's page setup and styles."""
    def only_certificate(document: str) -> str:
        begin = document.index(">", document.index("<w:body")) + 1
        end = _body_end(document)
        return document[:begin] + certificate_xml(cert, labels) + document[end:]

    return _rewrite(frozen, only_certificate, {QR_REL: qr_png(cert.verify_url)})


def _body_end(document: str) -> int:
    """Where the body's content ends: before the section properties that close it."""
    return document.rfind("<w:sectPr")


def _rewrite(package: bytes, change, images: dict[str, bytes]) -> bytes:
    """A copy of a DOCX with its main part passed through `change` and PNG images added."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels" and images:
                data = _with_images(data, images)
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for rel, png in images.items():
            archive.writestr(zipfile.ZipInfo(f"word/media/{rel}.png", parts[0][0].date_time), png)
    return out.getvalue()


def envelope_named(data: bytes) -> str | None:
    """The envelope id a DOCX's keywords name, or None for a file that is not such a DOCX."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, EOFError):
        return None
    found = re.search(r"<cp:keywords>([^<]*)</cp:keywords>", core)
    return unescape(found.group(1)).strip() or None if found else None
