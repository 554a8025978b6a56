"""Sending freezes the contract into an envelope: exact DOCX and its hash, HTML, answers, library version."""

from __future__ import annotations

import hashlib

import pytest
from web.interview import ANSWERS, start_contract, step_url
from web.page import Page
from web.signing import client_link, ready_contract, send, stored

from conftest import docx_text
from contracts.certificate import envelope_named
from contracts.library import load_library
from webapp.extensions import db
from webapp.models import Contract


@pytest.fixture
def contract_id(client, auth) -> int:
    return ready_contract(client, auth)


def test_sending_freezes_the_exact_document_and_what_made_it(app, client, contract_id):
    envelope_id = send(client, contract_id)
    envelope = stored(app, envelope_id)["envelope"]
    assert envelope.document_hash == hashlib.sha256(envelope.document).hexdigest()
    assert envelope_named(envelope.document) == envelope_id
    assert "Harbour Bakery Ltd" in docx_text(envelope.document)
    assert "Transition Plan" in docx_text(envelope.transition)
    assert "Ownership of the final Deliverables" in envelope.html
    assert envelope.profile["client"]["name"] == "Harbour Bakery Ltd"
    assert envelope.library_version == load_library().version
    assert stored(app, envelope_id)["events"] == ["created", "sent"]
    assert envelope.status == "sent" and envelope.expires_at > envelope.sent_at


def test_editing_after_sending_never_changes_the_sent_envelope(app, client, contract_id):
    envelope_id = send(client, contract_id)
    before = stored(app, envelope_id)["envelope"]
    client.post(step_url(contract_id, "payment") + "?then=review", data={**ANSWERS["payment"], "payment-invoice_days": "7"})
    after = stored(app, envelope_id)["envelope"]
    assert (after.document, after.document_hash, after.html, after.profile) == (
        before.document, before.document_hash, before.html, before.profile)
    assert after.profile["payment"]["invoice_days"] == 14


def test_sending_again_sends_the_new_version_and_withdraws_the_old(app, client, contract_id):
    first = send(client, contract_id)
    old_link = client_link(client, first)
    client.post(step_url(contract_id, "payment") + "?then=review", data={**ANSWERS["payment"], "payment-invoice_days": "7"})
    review = Page(client.get(f"/contracts/{contract_id}/review").text)
    assert "already out for signature" in review.text("main")
    second = send(client, contract_id)
    assert stored(app, first)["status"] == "voided"
    assert stored(app, first)["events"][-1] == "voided"
    assert stored(app, second)["status"] == "sent"
    assert stored(app, second)["envelope"].profile["payment"]["invoice_days"] == 7
    assert client.get(old_link).status_code == 410
    review = Page(client.get(f"/contracts/{contract_id}/review").text)
    assert review.find(href=f"/envelopes/{first}") is not None and review.find(href=f"/envelopes/{second}") is not None


def test_a_contract_with_problems_cannot_be_sent(app, client, auth):
    auth.register()
    contract_id = start_contract(client)
    client.post(step_url(contract_id, "parties"), data=ANSWERS["parties"])
    assert Page(client.get(f"/contracts/{contract_id}/review").text).find(id="send-title") is None
    response = client.post(f"/contracts/{contract_id}/send", data={"order": "client"})
    assert response.headers["Location"] == f"/contracts/{contract_id}/review"
    assert Page(client.get("/").text).find(id="sent-title") is None


def test_the_dashboard_lists_envelopes_with_their_status(client, contract_id):
    envelope_id = send(client, contract_id)
    page = Page(client.get("/").text)
    assert page.find(href=f"/envelopes/{envelope_id}") is not None
    sent = page.text("main")[page.text("main").index("Sent for signature"):]
    assert "Harbour Bakery Ltd" in sent and "Sent, not opened yet" in sent


@pytest.fixture
def settings(settings):
    # The signing page speaks the contract's language once its catalogue ships; pretend French does.
    return {**settings, "UI_LOCALES": ["en", "fr"]}


def test_the_signing_page_speaks_the_contracts_language_not_the_browsers(app, client, contract_id):
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        contract.record({**contract.answers, "language": "fr"}, contract.completed)
        db.session.commit()
    link = client_link(client, send(client, contract_id))
    page = client.get(link, headers={"Accept-Language": "en-GB,en"})
    assert '<html lang="fr">' in page.text
    assert '<html lang="en">' in client.get("/verify", headers={"Accept-Language": "en"}).text


def test_deleting_the_contract_keeps_what_was_sent_for_signature(app, client, contract_id):
    envelope_id = send(client, contract_id)
    link = client_link(client, envelope_id)
    client.post(f"/contracts/{contract_id}/delete")
    assert client.get(f"/envelopes/{envelope_id}").status_code == 200
    assert Page(client.get("/").text).find(href=f"/envelopes/{envelope_id}") is not None
    assert client.get(link).status_code == 200
