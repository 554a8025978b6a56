"""Every route of the app, from its URL map, as a visitor who is not signed in: each gets the right refusal.

Pages of an account send the visitor to sign in; a signing page with a bad or dead link says so (404,
410) and shows nothing of the contract; only the public pages answer. A new route has to be placed in
one of these groups, or this test fails.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from web.signing import client_link, ready_contract, send

from webapp.extensions import db
from webapp.envelopes.freeze import void
from webapp.models import Envelope

# Pages anyone may open; the signing pages' token is their credential, checked separately below.
PUBLIC = {"static", "auth.register", "auth.sign_in", "verify.check", "verify.code", "language.choose"}
TOKEN = {"sign.page", "sign.decline_page", "sign.comment_page", "sign.download_document"}
SAMPLES = {"step_id": "parties", "document": "contract", "filename": "style.css", "code": "AAAA-BBBB-CCCC-DDDD"}


def every_route(app, values: dict) -> list[tuple[str, str, str]]:
    """(endpoint, method, URL) for every route and method of the app."""
    found = []
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for rule in app.url_map.iter_rules():
            url = adapter.build(rule.endpoint, {name: values.get(name, SAMPLES.get(name)) for name in rule.arguments})
            found += [(rule.endpoint, method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


@pytest.fixture
def sent(app, client, auth) -> dict:
    """A real freelancer's contract and envelope, and its client's link; then the freelancer signs out."""
    contract_id = ready_contract(client, auth)
    envelope_id = send(client, contract_id)
    token = client_link(client, envelope_id).split("/sign/")[1]
    auth.sign_out()
    return {"contract_id": contract_id, "envelope_id": envelope_id, "token": token}


def test_every_account_page_sends_the_visitor_to_sign_in(app, client, sent):
    routes = [r for r in every_route(app, sent) if r[0] not in PUBLIC | TOKEN]
    assert len(routes) >= 20
    for endpoint, method, url in routes:
        response = client.open(url, method=method, data={"start": "blank", "order": "client", "reason": "x"})
        assert response.status_code in (302, 303), (endpoint, method, url, response.status_code)
        location = urlsplit(response.headers["Location"])
        assert location.path == "/account/sign-in", (endpoint, method, url, response.headers["Location"])
    with app.app_context():
        assert db.session.get(Envelope, sent["envelope_id"]).status == "sent"


@pytest.mark.parametrize("token", ["not-a-token", "eyJlIjoiMSJ9.aZ9Ukw.forged-signature"])
def test_a_signing_route_with_a_bad_link_is_404_and_shows_no_contract(app, client, sent, token):
    for endpoint, method, url in every_route(app, {**sent, "token": token}):
        if endpoint in TOKEN:
            response = client.open(url, method=method, data={"consent": "y", "typed_name": "Mallory", "reason": "x"})
            assert response.status_code == 404, (method, url, response.status_code)
            assert "Harbour Bakery" not in response.text


def test_a_signing_route_whose_envelope_was_withdrawn_is_410(app, client, sent):
    with app.app_context():
        assert void(db.session.get(Envelope, sent["envelope_id"]), reason="test")
        db.session.commit()
    for endpoint, method, url in every_route(app, sent):
        if endpoint in TOKEN:
            response = client.open(url, method=method, data={"consent": "y", "typed_name": "Tom Baker"})
            assert response.status_code == 410, (method, url, response.status_code)


def test_the_public_pages_answer_without_an_account(app, client, sent):
    for endpoint, method, url in every_route(app, sent):
        if endpoint in PUBLIC and method == "GET":
            with client.get(url) as response:
                assert response.status_code == 200, url
