"""Every POST needs the CSRF token; a refused form comes back with what was typed in it."""

from __future__ import annotations

import pytest

from web.interview import ANSWERS, PASSWORD, step_url
from web.page import Page

from webapp.extensions import db
from webapp.models import Contract, Envelope, Event, Signature, User

VALUES = {"step_id": "parties", "document": "contract"}


@pytest.fixture
def settings(settings):
    return {**settings, "WTF_CSRF_ENABLED": True}


def token(client, url: str) -> str:
    """The CSRF token of the form on a page."""
    return Page(client.get(url).text).find(name="csrf_token")["attrs"]["value"]


@pytest.fixture
def contract_id(client) -> int:
    data = {"email": "maya@example.com", "password": PASSWORD, "confirm": PASSWORD}
    client.post("/account/register", data={**data, "csrf_token": token(client, "/account/register")})
    response = client.post("/contracts/new", data={"start": "blank", "csrf_token": token(client, "/contracts/new")})
    return int(response.headers["Location"].split("/")[-1])


@pytest.fixture
def envelope(app, client, contract_id) -> dict:
    """A complete contract sent for signature: its envelope id and the client's signing token."""
    response = client.post("/contracts/new", data={"start": "designer-licence",
                                                   "csrf_token": token(client, "/contracts/new")})
    sample = int(response.headers["Location"].split("/")[-1])
    review = f"/contracts/{sample}/review"
    response = client.post(f"/contracts/{sample}/send", data={"order": "client", "csrf_token": token(client, review)})
    envelope_id = response.headers["Location"].split("/")[-1]
    link = Page(client.get(f"/envelopes/{envelope_id}").text).find(id="sign-link")["attrs"]["value"]
    return {"envelope_id": envelope_id, "token": link.split("/sign/")[1]}


def post_urls(app, values: dict) -> list[str]:
    """Every URL of the app that accepts a POST."""
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        return [adapter.build(rule.endpoint, {**{n: VALUES.get(n) for n in rule.arguments}, **values}
                              if rule.arguments else {})
                for rule in app.url_map.iter_rules() if "POST" in rule.methods]


def test_every_post_without_the_token_is_refused_and_changes_nothing(app, client, contract_id, envelope):
    urls = post_urls(app, {"contract_id": contract_id, **envelope})
    assert len(urls) >= 11
    with app.app_context():
        events = db.session.query(Event).count()
    data = {**ANSWERS["parties"], "start": "blank", "order": "client", "consent": "y", "typed_name": "Tom Baker",
            "reason": "no", "code": "AAAA-BBBB-CCCC-DDDD"}
    for url in urls:
        response = client.post(url, data=data)
        assert response.status_code == 400, url
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        assert contract is not None and contract.answers == {} and contract.completed == []
        assert db.session.query(Contract).count() == 2 and db.session.query(User).count() == 1
        assert db.session.query(Envelope).one().status == "sent"
        assert db.session.query(Event).count() == events and db.session.query(Signature).count() == 0
    assert client.get("/").status_code == 200


def test_the_signing_page_refused_for_its_token_asks_to_sign_again(client, envelope):
    link = f"/sign/{envelope['token']}"
    response = client.post(link, data={"consent": "y", "typed_name": "Tom Baker", "csrf_token": "stale"})
    assert response.status_code == 400
    page = Page(response.text)
    assert "please submit again" in page.text("main")
    assert page.value("typed_name") == "Tom Baker"
    fresh = page.find(name="csrf_token")["attrs"]["value"]
    response = client.post(link, data={"consent": "y", "typed_name": "Tom Baker", "csrf_token": fresh})
    assert response.headers["Location"] == link


def test_a_refused_step_keeps_the_answers_and_asks_to_submit_again(client, contract_id):
    data = {**ANSWERS["parties"], "csrf_token": "stale"}
    response = client.post(step_url(contract_id, "parties"), data=data)
    assert response.status_code == 400
    page = Page(response.text)
    assert "please submit again" in page.text("main")
    assert page.value("client-name") == "Harbour Bakery Ltd"
    fresh = page.find(name="csrf_token")["attrs"]["value"]
    response = client.post(step_url(contract_id, "parties"), data={**data, "csrf_token": fresh})
    assert response.headers["Location"] == step_url(contract_id, "relationship")


def test_a_post_with_the_token_is_accepted(client, contract_id):
    url = step_url(contract_id, "parties")
    response = client.post(url, data={**ANSWERS["parties"], "csrf_token": token(client, url)})
    assert response.headers["Location"] == step_url(contract_id, "relationship")
