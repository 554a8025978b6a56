"""The signing ceremony: the client reads, consents and signs once; the freelancer countersigns; both download."""

from __future__ import annotations

import hashlib
import io

import docx
import pytest
from web.page import Page
from web.signing import BROWSER, client_link, freelancer_link, ready_contract, send, sign_as, stored

from conftest import docx_text
from webapp.extensions import db
from webapp.models import Envelope, Signature


@pytest.fixture
def envelope_id(client, auth) -> str:
    return send(client, ready_contract(client, auth))


def test_the_signing_page_shows_the_contract_the_sender_and_the_fingerprint(app, client, envelope_id):
    link = client_link(client, envelope_id)
    page = Page(client.get(link).text)
    envelope = stored(app, envelope_id)["envelope"]
    assert "Ada Pixel Studio Ltd asks you to sign" in page.text("main")
    assert page.text("document-hash") == envelope.document_hash
    assert "Ownership of the final Deliverables" in page.text("main")
    assert page.find(href=f"{link}/download/contract") is not None
    assert page.find(id="consent") is not None and page.find(id="typed_name") is not None
    download = client.get(f"{link}/download/contract")
    assert hashlib.sha256(download.data).hexdigest() == envelope.document_hash


def test_opening_the_link_is_recorded_once(app, client, envelope_id):
    link = client_link(client, envelope_id)
    client.get(link)
    client.get(link)
    assert stored(app, envelope_id)["status"] == "viewed"
    assert stored(app, envelope_id)["events"] == ["created", "sent", "viewed"]


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"typed_name": "Tom Baker"}, "consent", "agree to sign electronically"),
    ({"consent": "y", "typed_name": "  "}, "typed_name", "full name"),
])
def test_signing_needs_consent_and_a_typed_name(app, client, envelope_id, data, field, message):
    link = client_link(client, envelope_id)
    client.get(link)
    response = client.post(link, data=data)
    assert response.status_code == 422
    assert any(message in error for error in Page(response.text).errors(field))
    assert stored(app, envelope_id)["signatures"] == []
    assert stored(app, envelope_id)["events"] == ["created", "sent", "viewed"]


def test_a_signature_records_name_time_ip_browser_hash_and_consent(app, client, envelope_id):
    link = client_link(client, envelope_id)
    consent = Page(client.get(link).text).text("main")
    response = sign_as(client, link, "Tom Baker")
    assert response.headers["Location"] == link
    with app.app_context():
        signature = db.session.query(Signature).one()
        envelope = db.session.get(Envelope, envelope_id)
        assert (signature.typed_name, signature.ip, signature.user_agent) == ("Tom Baker", "203.0.113.7", BROWSER)
        assert signature.document_hash == envelope.document_hash
    label = consent[consent.index("I agree to use electronic records"):]
    label = label[:label.index("signing on paper.") + len("signing on paper.")]
    assert signature.consent_hash == hashlib.sha256(label.encode()).hexdigest()
    assert stored(app, envelope_id)["status"] == "signed"


def test_after_signing_the_link_shows_the_status_and_never_a_second_form(app, client, envelope_id):
    link = client_link(client, envelope_id)
    sign_as(client, link)
    page = Page(client.get(link).text)
    assert "You have signed" in page.text("outcome")
    assert page.find(id="typed_name") is None and page.find(id="consent") is None
    assert page.find(href=f"{link}/download/contract") is not None
    again = sign_as(client, link, "Someone Else")
    assert again.status_code == 409
    assert stored(app, envelope_id)["signatures"] == [("client", "Tom Baker")]


def test_the_freelancer_countersigns_and_both_download_the_signed_contract(app, client, envelope_id):
    link = client_link(client, envelope_id)
    sign_as(client, link, "Tom Baker")
    envelope_page = Page(client.get(f"/envelopes/{envelope_id}").text)
    assert envelope_page.find(href=f"/envelopes/{envelope_id}/sign") is not None
    own = freelancer_link(client, envelope_id)
    assert sign_as(client, own, "Ada Pixel").headers["Location"] == f"/envelopes/{envelope_id}"
    facts = stored(app, envelope_id)
    assert facts["status"] == "completed"
    assert facts["events"][-2:] == ["signed", "countersigned"]
    by_client = client.get(f"{link}/download/signed")
    by_freelancer = client.get(f"/envelopes/{envelope_id}/download/signed")
    assert by_client.data == by_freelancer.data == facts["envelope"].signed_document
    text = docx_text(by_client.data)
    assert "Signature: Tom Baker (Signed electronically)" in text
    assert "Signature: Ada Pixel (Signed electronically)" in text
    assert "Certificate of electronic signature" in text
    assert "Transition Plan" in docx_text(client.get(f"{link}/download/transition").data)
    assert "downloaded" in stored(app, envelope_id)["events"]


def test_the_certificate_shows_the_hash_of_the_frozen_docx_and_every_event(app, client, envelope_id):
    sign_as(client, client_link(client, envelope_id))
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    envelope = stored(app, envelope_id)["envelope"]
    frozen_hash = hashlib.sha256(envelope.document).hexdigest()
    for data in (envelope.signed_document, client.get(f"/envelopes/{envelope_id}/download/certificate").data):
        text = docx_text(data)
        assert f"Document fingerprint (SHA-256) | {frozen_hash}" in text
        assert f"Envelope | {envelope_id}" in text
        assert f"Verification code | {envelope.verification_code}" in text
        assert "| Signed | Tom Baker | 203.0.113.7 |" in text and "Countersigned | Ada Pixel" in text
        assert docx.Document(io.BytesIO(data)).inline_shapes, "the QR code of the verify page"
    assert envelope.signed_hash == hashlib.sha256(envelope.signed_document).hexdigest()


def test_the_freelancer_may_sign_first_and_the_client_gets_the_link_after(app, client, auth):
    contract_id = ready_contract(client, auth)
    response = client.post(f"/contracts/{contract_id}/send", data={"order": "freelancer"})
    envelope_id = response.headers["Location"].split("/")[2]
    assert stored(app, envelope_id)["status"] == "draft"
    assert Page(client.get(f"/envelopes/{envelope_id}").text).find(id="sign-link") is None
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    assert stored(app, envelope_id)["status"] == "sent"
    link = client_link(client, envelope_id)
    sign_as(client, link, "Tom Baker")
    facts = stored(app, envelope_id)
    assert facts["status"] == "completed"
    assert facts["events"] == ["created", "signed", "sent", "countersigned"]


def test_the_client_declines_with_a_reason_and_the_link_then_says_so(app, client, envelope_id):
    link = client_link(client, envelope_id)
    assert "Why do you decline?" in client.get(f"{link}/decline").text
    refused = client.post(f"{link}/decline", data={"reason": ""})
    assert refused.status_code == 422 and stored(app, envelope_id)["status"] == "sent"
    client.post(f"{link}/decline", data={"reason": "The deadline is too early."})
    facts = stored(app, envelope_id)
    assert facts["status"] == "declined" and facts["events"][-1] == "declined"
    page = client.get(link)
    assert page.status_code == 410 and "This contract was declined" in page.text
    assert "The deadline is too early." in client.get(f"/envelopes/{envelope_id}").text


def test_the_freelancer_withdraws_and_the_link_says_it_was_withdrawn(app, client, envelope_id):
    link = client_link(client, envelope_id)
    assert "Withdraw this contract?" in client.get(f"/envelopes/{envelope_id}/void").text
    client.post(f"/envelopes/{envelope_id}/void", data={"reason": "Wrong price"})
    assert stored(app, envelope_id)["status"] == "voided"
    page = client.get(link)
    assert page.status_code == 410 and "withdrew this contract" in page.text


def test_a_completed_envelope_cannot_be_withdrawn(app, client, envelope_id):
    sign_as(client, client_link(client, envelope_id))
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    client.post(f"/envelopes/{envelope_id}/void", data={"reason": ""})
    assert stored(app, envelope_id)["status"] == "completed"
