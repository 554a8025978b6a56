"""A freelancer sees and touches only their own contracts and envelopes: every such URL is 404 to anyone else."""

from __future__ import annotations

import pytest
from web.interview import ANSWERS, answer_all, start_contract
from web.signing import send, stored

from webapp.extensions import db
from webapp.models import Contract

SAMPLE_VALUES = {"step_id": "parties", "document": "contract"}


def urls_naming(app, argument: str, value) -> list[tuple[str, str]]:
    """(method, URL) for every route of the app whose URL has `argument`, set to `value`."""
    found = []
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        for rule in app.url_map.iter_rules():
            if argument not in rule.arguments:
                continue
            values = {name: SAMPLE_VALUES.get(name) for name in rule.arguments}
            values[argument] = value
            url = adapter.build(rule.endpoint, values)
            found += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def contract_urls(app, contract_id: int) -> list[tuple[str, str]]:
    """(method, URL) for every route of the app whose URL names a contract."""
    return urls_naming(app, "contract_id", contract_id)


def test_routes_that_name_a_contract_or_an_envelope_are_found(app):
    urls = contract_urls(app, 7)
    assert ("GET", "/contracts/7/review") in urls
    assert ("POST", "/contracts/7/delete") in urls
    assert ("POST", "/contracts/7/send") in urls
    assert len(urls) >= 9
    envelope_urls = urls_naming(app, "envelope_id", "e-1")
    assert ("POST", "/envelopes/e-1/void") in envelope_urls
    assert ("GET", "/envelopes/e-1/download/contract") in envelope_urls
    assert len(envelope_urls) >= 6


def test_another_freelancer_gets_404_for_every_url_of_my_contract_and_envelope(app, client, auth):
    auth.register("maya@example.com")
    contract_id = start_contract(client)
    answer_all(client, contract_id)
    envelope_id = send(client, contract_id)
    auth.sign_out()
    auth.register("intruder@example.com")
    urls = contract_urls(app, contract_id) + urls_naming(app, "envelope_id", envelope_id)
    for method, url in urls:
        data = {**ANSWERS["parties"], "rows": "", "order": "client", "reason": "mine now"} if method == "POST" else None
        response = client.open(url, method=method, data=data)
        assert response.status_code == 404, (method, url, response.status_code)
    with app.app_context():
        contract = db.session.get(Contract, contract_id)
        assert contract is not None and contract.client_name == "Harbour Bakery Ltd"
        assert len(contract.envelopes) == 1
    facts = stored(app, envelope_id)
    assert facts["status"] == "sent" and facts["events"] == ["created", "sent"]


@pytest.mark.parametrize("contract_id", [999])
def test_a_contract_or_envelope_that_does_not_exist_is_404(app, client, auth, contract_id):
    auth.register()
    for method, url in contract_urls(app, contract_id) + urls_naming(app, "envelope_id", "no-such-envelope"):
        assert client.open(url, method=method).status_code == 404, (method, url)
