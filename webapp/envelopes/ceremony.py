"""What a signer does with a link: look, sign once, or decline; and envelopes running out of time."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from webapp.clock import as_utc, utcnow
from webapp.envelopes.documents import seal
from webapp.envelopes.freeze import release
from webapp.envelopes.links import PENDING, Refused
from webapp.envelopes.trail import client_facts, lock, move, record
from webapp.extensions import db
from webapp.models import Envelope, Signature, Signer


class AlreadySigned(Exception):
    """The signer's signature is already in the database."""


def other(envelope: Envelope, signer: Signer) -> Signer:
    """The party who is not `signer`."""
    return envelope.signer("client" if signer.role == "freelancer" else "freelancer")


def has_signed(signer: Signer) -> bool:
    """Whether this signer's signature is stored (read afresh, not from the session's cache)."""
    return db.session.scalar(select(Signature.id).where(Signature.signer_id == signer.id)) is not None


def whose_turn(envelope: Envelope) -> str | None:
    """The role that may sign now, or None when nobody may."""
    if envelope.status == "draft":
        return "freelancer"
    if envelope.status in PENDING:
        return "client"
    if envelope.status == "signed":
        return "freelancer"
    return None


def view(envelope: Envelope, signer: Signer) -> None:
    """Record the signer's first look at the contract."""
    if signer.viewed_at is not None:
        return
    lock(envelope)
    first = db.session.execute(
        update(Signer).where(Signer.id == signer.id, Signer.viewed_at.is_(None)).values(viewed_at=utcnow())
    ).rowcount
    if first:
        if signer.role == "client":
            move(envelope, {"sent"}, "viewed")
        record(envelope, "viewed", signer.role)
    db.session.commit()


def sign(envelope: Envelope, signer: Signer, typed_name: str, consent_hash: str) -> None:
    """Store the signature and move the envelope on; AlreadySigned or Refused if it cannot be.

    The signatures table accepts one row per signer, so of any number of simultaneous requests
    exactly one gets past the first INSERT; the others fail there and change nothing.
    """
    ip, user_agent = client_facts()
    db.session.add(Signature(signer_id=signer.id, typed_name=typed_name, signed_at=utcnow(), ip=ip,
                             user_agent=user_agent, document_hash=envelope.document_hash,
                             consent_hash=consent_hash))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AlreadySigned from None
    second = has_signed(other(envelope, signer))
    if signer.role == "client":
        allowed, status = {"sent", "viewed"}, "completed" if second else "signed"
    else:
        allowed, status = ({"signed"}, "completed") if second else ({"draft"}, "draft")
    if not move(envelope, allowed, status):
        current = envelope.status
        db.session.rollback()
        raise Refused(current if current in ("voided", "declined", "expired") else "waiting", envelope)
    record(envelope, signed_event(envelope, signer, second), signer.role, name=typed_name,
           document_hash=envelope.document_hash, consent_hash=consent_hash)
    if status == "draft":
        release(envelope)
    elif status == "completed":
        seal(envelope)
    db.session.commit()


def signed_event(envelope: Envelope, signer: Signer, second: bool) -> str:
    """The audit event of a signature: a plan is issued by the freelancer and acknowledged by the client."""
    if envelope.is_plan:
        return "issued" if signer.role == "freelancer" else "acknowledged"
    return "countersigned" if second else "signed"


def comment(envelope: Envelope, signer: Signer, text: str) -> None:
    """The client comments on a plan instead of acknowledging it; the plan stays open for them."""
    lock(envelope)
    db.session.refresh(envelope, ["status"])
    if envelope.status not in PENDING:
        current = envelope.status
        db.session.rollback()
        raise Refused(current if current in ("voided", "declined", "expired") else "waiting", envelope)
    record(envelope, "commented", signer.role, text=text)
    db.session.commit()


def decline(envelope: Envelope, signer: Signer, reason: str) -> None:
    """The client refuses to sign, saying why; Refused if the envelope is no longer waiting for them."""
    if not move(envelope, PENDING, "declined"):
        current = envelope.status
        db.session.rollback()
        raise Refused(current if current in ("voided", "declined", "expired") else "waiting", envelope)
    signer.declined_at = utcnow()
    signer.decline_reason = reason
    record(envelope, "declined", signer.role, reason=reason)
    db.session.commit()


def expire(envelope: Envelope) -> bool:
    """Mark a pending envelope past its expiry as expired (the caller commits); False if it is not."""
    if envelope.status not in PENDING or not envelope.expires_at or as_utc(envelope.expires_at) > utcnow():
        return False
    if not move(envelope, PENDING, "expired"):
        return False
    record(envelope, "expired", "system")
    return True
