"""Sending a contract for signature, or issuing a dated transition plan: freeze exactly what will be signed."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from flask import current_app

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.profile import Profile
from contracts.signing import new_nonce
from contracts.transition import ExitPlan
from webapp.clock import utcnow
from webapp.envelopes.trail import move, record
from webapp.extensions import db
from webapp.models import Contract, Envelope, Signer, new_envelope_id

# States in which an envelope still waits for someone; sending a new version withdraws it.
OPEN = {"draft", "sent", "viewed", "signed"}


def send(contract: Contract, profile: Profile, freelancer_first: bool) -> Envelope:
    """Freeze the contract into a new envelope and, unless the freelancer signs first, send it."""
    envelope = freeze(contract, profile, freelancer_first)
    for earlier in contract.envelopes:
        if earlier.status in OPEN:
            void(earlier, replaced_by=envelope.id)
    db.session.add(envelope)
    db.session.flush()
    record(envelope, "created", "freelancer")
    if not freelancer_first:
        release(envelope)
    db.session.commit()
    return envelope


def freeze(contract: Contract, profile: Profile, freelancer_first: bool) -> Envelope:
    """A new envelope holding the exact DOCX, its SHA-256, the HTML and the answers it was made from."""
    envelope_id = new_envelope_id()
    document = assemble(profile, document="contract")
    docx = render_docx(document, envelope_id=envelope_id)
    envelope = Envelope(
        id=envelope_id, user_id=contract.user_id, contract_id=contract.id, status="draft",
        freelancer_first=freelancer_first, language=profile.language, title=profile.project[:300],
        client_name=profile.client.name[:200], document=docx, document_hash=hashlib.sha256(docx).hexdigest(),
        html=str(render_html(document)),
        transition=render_docx(assemble(profile, document="transition"), envelope_id=envelope_id),
        profile=profile.model_dump(mode="json"), library_version=document.library_version,
    )
    envelope.signers = [signer("freelancer", profile.freelancer), signer("client", profile.client)]
    return envelope


class Settled(Exception):
    """The client acknowledged a plan of this contract meanwhile: its ending can no longer change."""


def issue_plan(parent: Envelope, profile: Profile, plan: ExitPlan) -> Envelope:
    """Freeze the dated transition plan of a signed contract into a plan envelope the freelancer issues first.

    An earlier plan of the same contract that nobody finished with is withdrawn, as a new contract
    version withdraws the old one; Settled if the client acknowledged one meanwhile. The caller commits.
    """
    envelope_id = new_envelope_id()
    document = assemble(profile, document="transition", extra={"exit": plan})
    docx = render_docx(document, envelope_id=envelope_id)
    envelope = Envelope(
        id=envelope_id, kind="plan", parent_id=parent.id, user_id=parent.user_id, status="draft",
        freelancer_first=True, language=parent.language, title=f"{document.title}: {profile.project}"[:300],
        client_name=parent.client_name, document=docx, document_hash=hashlib.sha256(docx).hexdigest(),
        html=str(render_html(document)), transition=docx, profile=parent.profile,
        library_version=document.library_version,
    )
    envelope.signers = [signer("freelancer", profile.freelancer), signer("client", profile.client)]
    for earlier in parent.plans:
        if earlier.status in OPEN and not void(earlier, replaced_by=envelope.id) and earlier.status == "completed":
            raise Settled
    db.session.add(envelope)
    db.session.flush()
    record(envelope, "created", "freelancer", ends=parent.id)
    return envelope


def signer(role: str, party) -> Signer:
    """The signer row for one party, with a fresh nonce."""
    return Signer(role=role, name=party.signer_name, title=party.signer_title or "", email=party.email,
                  nonce=new_nonce())


def release(envelope: Envelope) -> None:
    """Put a draft envelope out for the client's signature; its links live LINK_MAX_AGE from now."""
    if move(envelope, {"draft"}, "sent"):
        envelope.sent_at = utcnow()
        envelope.expires_at = envelope.sent_at + timedelta(seconds=current_app.config["LINK_MAX_AGE"])
        record(envelope, "sent", "freelancer")


def void(envelope: Envelope, **detail: str) -> bool:
    """Withdraw an envelope nobody has finished signing (the caller commits); False when it is too late."""
    if not move(envelope, OPEN, "voided"):
        return False
    record(envelope, "voided", "freelancer", **detail)
    return True
