"""Signed links: an itsdangerous token that names one signer of one frozen document.

The token only says who it was issued to; the server still re-checks the envelope's state, the
signer's nonce and the document hash in the database on every use.
"""

from __future__ import annotations

import secrets as random
import time
from dataclasses import dataclass
from typing import Callable

from itsdangerous import BadData, BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, base64_encode

SIGN_SALT = "clausewright.sign.v1"
DEFAULT_MAX_AGE = 14 * 24 * 3600


class LinkError(Exception):
    """A link that cannot be used; `reason` says why in one word."""

    reason = "invalid"


class LinkInvalid(LinkError):
    reason = "invalid"


class LinkExpired(LinkError):
    reason = "expired"

    def __init__(self, claims: LinkClaims | None):
        super().__init__("this link has expired")
        self.claims = claims


@dataclass(frozen=True)
class LinkClaims:
    """What a link names: one signer of one envelope, for one exact document."""

    envelope_id: str
    signer_id: str
    document_hash: str
    nonce: str

    @classmethod
    def from_payload(cls, payload: object) -> LinkClaims:
        if not isinstance(payload, dict) or set(payload) != {"e", "s", "h", "n"}:
            raise LinkInvalid("the link does not name a signer")
        return cls(*(str(payload[k]) for k in ("e", "s", "h", "n")))

    def payload(self) -> dict[str, str]:
        return {"e": self.envelope_id, "s": self.signer_id, "h": self.document_hash, "n": self.nonce}


def new_nonce() -> str:
    """A fresh per-signer secret; replacing it in the database kills every earlier link."""
    return random.token_urlsafe(16)


def _serializer(keys: list[str], salt: str, clock: Callable[[], float]) -> URLSafeTimedSerializer:
    if not keys:
        raise ValueError("at least one secret key is needed to sign links")

    class ClockSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(clock())

    # itsdangerous signs with the last key and verifies with all; our configuration lists newest first.
    return URLSafeTimedSerializer(list(reversed(keys)), salt=salt, signer=ClockSigner)


def _canonical(token: str) -> bool:
    """Whether each base64 part is in its one canonical spelling.

    The last character of a base64 part carries unused bits; without this check a link with that
    character changed would still verify, and "any changed character is refused" would not hold.
    """
    try:
        return all(base64_encode(base64_decode(part)).decode() == part for part in token.lstrip(".").split("."))
    except BadData:
        return False


def make_link_token(claims: LinkClaims, keys: list[str], *, salt: str = SIGN_SALT,
                    clock: Callable[[], float] = time.time) -> str:
    """Sign the claims with the newest key."""
    return _serializer(keys, salt, clock).dumps(claims.payload())


def read_link_token(token: str, keys: list[str], *, max_age: int = DEFAULT_MAX_AGE, salt: str = SIGN_SALT,
                    clock: Callable[[], float] = time.time) -> LinkClaims:
    """The claims of a genuine, unexpired token; LinkExpired or LinkInvalid otherwise."""
    if not _canonical(token):
        raise LinkInvalid("the link is not genuine")
    serializer = _serializer(keys, salt, clock)
    try:
        return LinkClaims.from_payload(serializer.loads(token, max_age=max_age))
    except SignatureExpired as exc:
        try:
            claims = LinkClaims.from_payload(serializer.load_payload(exc.payload)) if exc.payload else None
        except (BadSignature, LinkInvalid):
            claims = None
        raise LinkExpired(claims) from None
    except BadData:
        raise LinkInvalid("the link is not genuine") from None
