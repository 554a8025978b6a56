"""Signed links: genuine ones verify, every kind of forgery or staleness is refused."""

from __future__ import annotations

import pytest

from contracts.audit import GENESIS, chain_hash, first_broken
from contracts.signing import LinkClaims, LinkExpired, LinkInvalid, make_link_token, new_nonce, read_link_token

CLAIMS = LinkClaims("env-1", "signer-1", "a" * 64, new_nonce())
KEYS = ["newest-key", "older-key"]
T0 = 1_800_000_000.0


def _token(keys=KEYS, claims=CLAIMS, at=T0, **kw) -> str:
    return make_link_token(claims, keys, clock=lambda: at, **kw)


def test_genuine_link_gives_back_its_claims():
    assert read_link_token(_token(), KEYS, clock=lambda: T0 + 60) == CLAIMS


def test_link_signed_with_the_previous_key_still_verifies_after_rotation():
    old = _token(keys=["older-key"])
    assert read_link_token(old, ["newest-key", "older-key"], clock=lambda: T0) == CLAIMS


def test_new_links_are_signed_with_the_newest_key():
    with pytest.raises(LinkInvalid):
        read_link_token(_token(), ["older-key"], clock=lambda: T0)


def test_link_signed_with_an_unknown_key_is_refused():
    with pytest.raises(LinkInvalid):
        read_link_token(_token(keys=["someone-elses-key"]), KEYS, clock=lambda: T0)


def test_link_for_another_purpose_is_refused():
    with pytest.raises(LinkInvalid):
        read_link_token(_token(salt="clausewright.other.v1"), KEYS, clock=lambda: T0)


def test_link_with_any_character_changed_is_refused():
    token = _token()
    for position in range(len(token)):
        for replacement in "ABab01-_.":
            if replacement == token[position]:
                continue
            forged = token[:position] + replacement + token[position + 1:]
            with pytest.raises(LinkInvalid):
                read_link_token(forged, KEYS, clock=lambda: T0)


def test_expired_link_is_refused_and_still_says_whose_it_was():
    with pytest.raises(LinkExpired) as caught:
        read_link_token(_token(), KEYS, max_age=3600, clock=lambda: T0 + 3601)
    assert caught.value.claims == CLAIMS


def test_link_is_accepted_until_its_last_second():
    assert read_link_token(_token(), KEYS, max_age=3600, clock=lambda: T0 + 3600) == CLAIMS


def test_a_payload_that_is_not_a_signer_is_refused():
    from itsdangerous import URLSafeTimedSerializer

    token = URLSafeTimedSerializer(KEYS[0], salt="clausewright.sign.v1").dumps({"e": "env-1"})
    with pytest.raises(LinkInvalid):
        read_link_token(token, KEYS)


def _chain(events):
    out, previous = [], GENESIS
    for event in events:
        digest = chain_hash(previous, event)
        out.append((event, previous, digest))
        previous = digest
    return out


EVENTS = [{"kind": "created", "at": "2026-11-26T10:00:00Z"}, {"kind": "sent", "at": "2026-11-26T10:01:00Z"},
          {"kind": "signed", "at": "2026-11-26T11:00:00Z", "ip": "203.0.113.9", "name": "Zoë Ñúñez"}]


def test_an_untouched_audit_trail_is_intact():
    assert first_broken(_chain(EVENTS)) is None


def test_editing_any_event_breaks_the_chain_at_that_event():
    for index in range(len(EVENTS)):
        chain = _chain(EVENTS)
        event, previous, digest = chain[index]
        chain[index] = ({**event, "at": "2026-11-27T00:00:00Z"}, previous, digest)
        assert first_broken(chain) == index


def test_deleting_an_event_breaks_the_chain():
    chain = _chain(EVENTS)
    del chain[1]
    assert first_broken(chain) == 1
