"""Signing links: mint one for a signer, and turn one back into its envelope and signer, or refuse it."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from flask import current_app

from contracts.signing import LinkClaims, LinkError, LinkExpired, make_link_token, read_link_token
from webapp.clock import as_utc, clock, utcnow
from webapp.extensions import db
from webapp.models import Envelope, Signer

PENDING = {"sent", "viewed"}


@dataclass(eq=False)
class Refused(Exception):
    """A link that cannot be used, and why: invalid, expired, voided, declined or waiting."""

    reason: str
    envelope: Envelope | None = None


def signing_keys() -> list[str]:
    """The keys that sign links, newest first: CLAUSEWRIGHT_SIGNING_KEYS, else the app's secret key."""
    keys = current_app.config.get("SIGNING_KEYS")
    if isinstance(keys, str):
        keys = [key.strip() for key in keys.split(",")]
    keys = [key for key in keys or [] if key]
    return keys or [current_app.secret_key, *(current_app.config.get("SECRET_KEY_FALLBACKS") or [])]


def link_token(signer: Signer) -> str:
    """A token naming this signer of this envelope's exact document, signed with the newest key."""
    claims = LinkClaims(signer.envelope_id, str(signer.id), signer.envelope.document_hash, signer.nonce)
    return make_link_token(claims, signing_keys(), clock=clock())


def open_link(token: str) -> tuple[Envelope, Signer]:
    """The envelope and signer a genuine, current link names; Refused otherwise.

    The token only says whom it was issued to: the database decides whether it still counts.
    """
    try:
        claims = read_link_token(token, signing_keys(), max_age=current_app.config["LINK_MAX_AGE"], clock=clock())
    except LinkExpired as expired:
        found = named(expired.claims) if expired.claims else None
        raise Refused("expired", found[0] if found else None) from None
    except LinkError:
        raise Refused("invalid") from None
    found = named(claims)
    if found is None:
        raise Refused("invalid")
    envelope, signer = found
    if envelope.status in ("voided", "declined", "expired"):
        raise Refused(envelope.status, envelope)
    if envelope.status in PENDING and envelope.expires_at and as_utc(envelope.expires_at) <= utcnow():
        raise Refused("expired", envelope)
    if envelope.status == "draft" and signer.role == "client":
        raise Refused("invalid")
    return envelope, signer


def named(claims: LinkClaims) -> tuple[Envelope, Signer] | None:
    """The signer the claims name, if it belongs to that envelope, document and nonce."""
    signer = db.session.get(Signer, int(claims.signer_id)) if claims.signer_id.isdigit() else None
    if signer is None or signer.envelope_id != claims.envelope_id:
        return None
    if signer.envelope.document_hash != claims.document_hash or not hmac.compare_digest(signer.nonce, claims.nonce):
        return None
    return signer.envelope, signer
