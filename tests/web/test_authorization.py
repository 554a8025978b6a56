"""A freelancer sees and touches only their own contracts: every contract URL is 404 to anyone else."""

from __future__ import annotations

import pytest
from web.interview import ANSWERS, answer_all, start_contract

from webapp.extensions import db
from webapp.models import Contract

SAMPLE_VALUES = {"step_id": "parties", "document": "contract"}


def contract_urls(app, contract_id: int) -> list[tuple[str, str]]:
    """(method, URL) for every route of the app whose URL names a contract."""
    found = []
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for rule in app.url_map.iter_rules():
            if "contract_id" not in rule.arguments:
                continue
            values = {name: SAMPLE_VALUES.get(name) for name in rule.arguments}
            values["contract_id"] = contract_id
            url = adapter.build(rule.endpoint, values)
            found += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def test_routes_that_name_a_contract_are_found(app):
    urls = contract_urls(app, 7)
    assert ("GET", "/contracts/7/review") in urls
    assert ("POST", "/contracts/7/delete") in urls
    assert len(urls) >= 8


def test_another_freelancer_gets_404_for_every_url_of_my_contract(app, client, auth):
    auth.register("maya@example.com")
    contract_id = start_contract(client)
    answer_all(client, contract_id)
    auth.sign_out()
    auth.register("intruder@example.com")
    for method, url in contract_urls(app, contract_id):
        data = {**ANSWERS["parties"], "rows": ""} if method == "POST" else None
        response = client.open(url, method=method, data=data)
        assert response.status_code == 404, (method, url, response.status_code)
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        assert contract is not None and contract.client_name == "Harbour Bakery Ltd"


@pytest.mark.parametrize("contract_id", [999])
def test_a_contract_that_does_not_exist_is_404(app, client, auth, contract_id):
    auth.register()
    for method, url in contract_urls(app, contract_id):
        assert client.open(url, method=method).status_code == 404, (method, url)
