"""The audit certificate: who signed which exact document, when, from where; appended to signed copies."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

import segno

from . import markup
from .docx import block_xml, image_xml

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
    consent = [markup.Paragraph((markup.Span(f"{label('consent_hash')}: ", True), markup.Span(s.consent_hash)))
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
    body = "".join(block_xml(block) for block in certificate_blocks(cert, labels))
    return title + body + image_xml(QR_REL, QR_SIZE, QR_SIZE, "verify")
