"""Every POST needs the CSRF token; a refused form comes back with what was typed in it."""

from __future__ import annotations

import pytest

from web.interview import ANSWERS, PASSWORD, step_url
from web.page import Page

from webapp.extensions import db
from webapp.models import Contract, User

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


def post_urls(app, contract_id: int) -> list[str]:
    """Every URL of the app that accepts a POST."""
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        return [adapter.build(rule.endpoint, {**{n: VALUES.get(n) for n in rule.arguments},
                                              "contract_id": contract_id} if rule.arguments else {})
                for rule in app.url_map.iter_rules() if "POST" in rule.methods]


def test_every_post_without_the_token_is_refused_and_changes_nothing(app, client, contract_id):
    urls = post_urls(app, contract_id)
    assert len(urls) >= 7
    for url in urls:
        response = client.post(url, data={**ANSWERS["parties"], "start": "blank"})
        assert response.status_code == 400, url
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        assert contract is not None and contract.answers == {} and contract.completed == []
        assert db.session.query(Contract).count() == 1 and db.session.query(User).count() == 1
    assert client.get("/").status_code == 200


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
