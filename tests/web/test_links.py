"""Signed links through the web: every forged, foreign, stale or spent link gets its own clear page."""

from __future__ import annotations

import pytest
from web.page import Page
from web.signing import client_link, freelancer_link, ready_contract, send, sign_as, stored

from contracts.signing import LinkClaims, make_link_token
from webapp.extensions import db
from webapp.models import Envelope, Event, Signature

DAY = 24 * 3600
NOW = 1_900_000_000.0


@pytest.fixture
def settings(settings):
    # Dozens of forged links from one address: past the signing rate limit, which test_limits covers.
    return {**settings, "SIGNING_KEYS": "current-key, previous-key", "CLOCK": lambda: NOW,
            "RATELIMIT_SIGN": "1000 per minute"}


@pytest.fixture
def envelope_id(client, auth) -> str:
    return send(client, ready_contract(client, auth))


def counts(app) -> tuple[int, int]:
    """How many events and signatures the database holds."""
    with app.app_context():
        return db.session.query(Event).count(), db.session.query(Signature).count()


def claims_of(app, envelope_id: str, role: str = "client") -> LinkClaims:
    with app.app_context():
        signer = db.session.get(Envelope, envelope_id).signer(role)
        return LinkClaims(envelope_id, str(signer.id), signer.envelope.document_hash, signer.nonce)


def refused(client, app, path: str, status: int, words: str, post: bool = True) -> None:
    """The link gets its own page and status, for viewing and for signing, and nothing is written."""
    before = counts(app)
    responses = [client.get(path)]
    if post:
        responses.append(client.post(path, data={"consent": "y", "typed_name": "Tom Baker"}))
    for response in responses:
        assert response.status_code == status, (path, response.status_code)
        assert words in Page(response.text).text("refusal")
        assert "Traceback" not in response.text
    assert counts(app) == before


def test_a_link_with_any_character_changed_is_not_found(app, client, envelope_id):
    link = client_link(client, envelope_id)
    token = link.removeprefix("/sign/")
    for position in range(0, len(token), 7):
        swapped = "A" if token[position] != "A" else "B"
        refused(client, app, "/sign/" + token[:position] + swapped + token[position + 1:], 404, "does not work")


def test_a_link_signed_with_an_unknown_key_is_not_found(app, client, envelope_id):
    forged = make_link_token(claims_of(app, envelope_id), ["someone else's key"], clock=lambda: NOW)
    refused(client, app, f"/sign/{forged}", 404, "does not work")


def test_a_link_naming_a_signer_of_another_envelope_is_not_found(app, client, auth, envelope_id):
    other = send(client, ready_contract(client, auth, "other@example.com"))
    claims = claims_of(app, envelope_id)
    foreign = LinkClaims(other, claims.signer_id, claims.document_hash, claims.nonce)
    refused(client, app, f"/sign/{make_link_token(foreign, ['current-key'], clock=lambda: NOW)}", 404, "does not work")


@pytest.mark.parametrize("change", ["document_hash", "nonce"])
def test_a_link_for_another_document_or_an_old_nonce_is_not_found(app, client, envelope_id, change):
    claims = claims_of(app, envelope_id).__dict__ | {change: "0" * 64}
    token = make_link_token(LinkClaims(**claims), ["current-key"], clock=lambda: NOW)
    refused(client, app, f"/sign/{token}", 404, "does not work")


def test_an_expired_link_says_so_and_the_envelope_expires(app, client, envelope_id):
    with app.app_context():
        envelope = db.session.get(Envelope, envelope_id)
        envelope.expires_at = envelope.sent_at  # sent long ago: its lifetime is over
        db.session.commit()
    old = make_link_token(claims_of(app, envelope_id), ["current-key"], clock=lambda: NOW - 15 * DAY)
    response = client.get(f"/sign/{old}")
    assert response.status_code == 410
    assert "This signing link has expired" in Page(response.text).text("refusal")
    assert "Ada Pixel Studio Ltd" in response.text
    facts = stored(app, envelope_id)
    assert facts["status"] == "expired" and facts["events"] == ["created", "sent", "expired"]
    refused(client, app, f"/sign/{old}", 410, "expired")


def test_a_link_past_the_envelopes_lifetime_is_expired_even_if_the_token_is_young(app, client, envelope_id):
    link = client_link(client, envelope_id)
    with app.app_context():
        envelope = db.session.get(Envelope, envelope_id)
        envelope.expires_at = envelope.sent_at
        db.session.commit()
    assert client.get(link).status_code == 410
    assert stored(app, envelope_id)["status"] == "expired"


def test_after_signing_the_link_shows_the_status_with_409_for_a_second_signature(app, client, envelope_id):
    link = client_link(client, envelope_id)
    sign_as(client, link)
    before = counts(app)
    assert client.get(link).status_code == 200
    response = sign_as(client, link, "Tom Baker")
    assert response.status_code == 409
    assert "You have signed" in Page(response.text).text("outcome")
    assert counts(app) == before


def test_after_decline_the_link_is_gone(app, client, envelope_id):
    link = client_link(client, envelope_id)
    client.post(f"{link}/decline", data={"reason": "Too expensive"})
    refused(client, app, link, 410, "declined")


def test_after_void_the_link_says_it_was_withdrawn(app, client, envelope_id):
    link = client_link(client, envelope_id)
    client.post(f"/envelopes/{envelope_id}/void", data={"reason": ""})
    refused(client, app, link, 410, "withdrew this contract")
    refused(client, app, f"{link}/download/contract", 410, "withdrew this contract", post=False)


def test_a_link_signed_with_the_previous_key_still_works_after_rotation(app, client, envelope_id):
    old = make_link_token(claims_of(app, envelope_id), ["previous-key"], clock=lambda: NOW)
    page = Page(client.get(f"/sign/{old}").text)
    assert page.find(id="typed_name") is not None
    assert sign_as(client, f"/sign/{old}").status_code in (302, 303)
    assert stored(app, envelope_id)["signatures"] == [("client", "Tom Baker")]


def test_new_links_are_signed_with_the_newest_key(app, client, envelope_id):
    from contracts.signing import read_link_token

    token = client_link(client, envelope_id).removeprefix("/sign/")
    assert read_link_token(token, ["current-key"], clock=lambda: NOW).envelope_id == envelope_id


def test_the_freelancer_cannot_sign_before_the_client_when_countersigning(app, client, envelope_id):
    own = freelancer_link(client, envelope_id)
    page = Page(client.get(own).text)
    assert page.find(id="typed_name") is None
    assert "signs first" in page.text("outcome")
    assert sign_as(client, own, "Ada Pixel").status_code == 409
    assert stored(app, envelope_id)["signatures"] == []
