"""The documents of an envelope: the frozen contract, and once both have signed, the signed copy and certificate."""

from __future__ import annotations

import hashlib
from datetime import UTC

from babel.dates import format_datetime
from flask import current_app
from sqlalchemy import select

from contracts.certificate import (
    QR_REL, Certificate, EventRecord, SignerRecord, certificate_docx, certificate_xml, qr_png, signed_copy,
    verification_code,
)
from contracts.library import load_library
from webapp.clock import as_utc, utcnow
from webapp.envelopes.trail import events
from webapp.extensions import db
from webapp.models import Envelope, Signature
from webapp.urls import external_url


def labels(envelope: Envelope) -> dict[str, str]:
    """The document labels in the envelope's language; a plan's certificate speaks of issue and acknowledgment."""
    words = load_library().language(envelope.language).strings
    if envelope.is_plan:
        words = {**words, "certificate_title": words["plan_certificate_title"],
                 "certificate_intro": words["plan_certificate_intro"], "signed_at": words["plan_signed_at"]}
    return words


def document_title(envelope: Envelope) -> str:
    """The title the certificate gives the document: a plan's own title names it already."""
    return envelope.title if envelope.is_plan else f"{labels(envelope)['contract_title']}: {envelope.title}"


def certificate(envelope: Envelope) -> Certificate:
    """The facts of the certificate: the envelope, the signers' signatures and every event so far."""
    signed = {s.signer_id: s for s in db.session.scalars(
        select(Signature).where(Signature.signer_id.in_([signer.id for signer in envelope.signers])))}
    signers = []
    for signer in envelope.signers:
        mark = signed.get(signer.id)
        signers.append(SignerRecord(
            role=signer.role, name=signer.name, email=signer.email, typed_name=mark.typed_name if mark else "",
            signed_at=as_utc(mark.signed_at) if mark else None, ip=mark.ip if mark else "",
            user_agent=mark.user_agent if mark else "", consent_hash=mark.consent_hash if mark else ""))
    names = {signer.role: signer.name for signer in envelope.signers} | {"system": "Clausewright"}
    trail = tuple(EventRecord(as_utc(e.at), e.kind, names.get(e.actor, e.actor), e.ip, e.user_agent, e.hash)
                  for e in events(envelope.id))
    code = envelope.verification_code or ""
    return Certificate(envelope.id, document_title(envelope),
                       envelope.document_hash, code, external_url("verify.code", code=code) if code else "",
                       tuple(signers), trail)


def seal(envelope: Envelope) -> None:
    """Make the signed copy: signature blocks filled in, the certificate appended; store it and its hash."""
    envelope.verification_code = verification_code(current_app.secret_key, envelope.id, envelope.document_hash)
    envelope.completed_at = utcnow()
    cert = certificate(envelope)
    words = labels(envelope)
    fills = {}
    marks = ({"freelancer": words["issued_electronically"], "client": words["acknowledged_electronically"]}
             if envelope.is_plan else {})
    for record in cert.signers:
        mark = marks.get(record.role, words["signed_electronically"])
        fills[f"cw_{record.role}_mark"] = f"{record.typed_name} ({mark})"
        fills[f"cw_{record.role}_date"] = format_datetime(record.signed_at, "long", tzinfo=UTC,
                                                          locale=envelope.language)
    data = signed_copy(envelope.document, fills, certificate_xml(cert, words), {QR_REL: qr_png(cert.verify_url)})
    envelope.signed_document = data
    envelope.signed_hash = hashlib.sha256(data).hexdigest()


def standalone_certificate(envelope: Envelope) -> bytes:
    """The certificate of a completed envelope on its own, with every event up to now."""
    return certificate_docx(envelope.document, certificate(envelope), labels(envelope))
