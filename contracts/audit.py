"""The audit trail as a hash chain: each event stores the SHA-256 of the one before it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

GENESIS = "0" * 64


def canonical(event: Mapping[str, Any]) -> bytes:
    """One stable byte form of an event: sorted keys, no spaces, text as UTF-8."""
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def chain_hash(previous: str, event: Mapping[str, Any]) -> str:
    """The hash that seals `event` onto the chain after the event whose hash is `previous`."""
    return hashlib.sha256(previous.encode("ascii") + canonical(event)).hexdigest()


def first_broken(events: Iterable[tuple[Mapping[str, Any], str, str]]) -> int | None:
    """Index of the first event whose stored links do not match its content, or None if intact.

    Each item is (event fields, stored previous hash, stored hash), oldest first.
    """
    previous = GENESIS
    for index, (event, stored_previous, stored_hash) in enumerate(events):
        if stored_previous != previous or chain_hash(previous, event) != stored_hash:
            return index
        previous = stored_hash
    return None
