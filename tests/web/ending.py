"""Ending a signed contract, as the freelancer does it: a completed envelope, the form, the plan issued."""

from __future__ import annotations

from urllib.parse import urlsplit

from web.interview import start_contract
from web.localized import answer_all_in
from web.page import Page
from web.signing import client_link, freelancer_link, send, sign_as

ENDING = {"ended_by": "client", "notice_date": "2027-01-31", "fees_paid": "6000", "note": ""}


def signed_contract(client, auth, sample: str = "designer-licence", email: str = "maya@example.com") -> str:
    """Register a freelancer, start a contract from a sample and have both parties sign it; the envelope id."""
    auth.register(email)
    response = client.post("/contracts/new", data={"start": sample})
    contract_id = int(response.headers["Location"].split("/")[-1])
    envelope_id = send(client, contract_id)
    sign_as(client, client_link(client, envelope_id), "Client Signer")
    sign_as(client, freelancer_link(client, envelope_id), "Freelancer Signer")
    return envelope_id


def signed_contract_in(client, auth, locale: str, email: str = "ada@example.com") -> str:
    """Register a freelancer who writes a contract in `locale` (fr, es) and have both parties sign it."""
    auth.register(email)
    contract_id = start_contract(client)
    answer_all_in(client, contract_id, locale)
    envelope_id = send(client, contract_id)
    sign_as(client, client_link(client, envelope_id), "Client Signer")
    sign_as(client, freelancer_link(client, envelope_id), "Freelancer Signer")
    return envelope_id


def issue(client, envelope_id: str, **ending: str) -> str:
    """Submit the ending and issue the plan; the plan envelope's id (the freelancer's own link comes next)."""
    response = client.post(f"/envelopes/{envelope_id}/end/issue", data={**ENDING, **ending})
    assert response.status_code in (302, 303), response.text[:2000]
    plan_id = response.headers["Location"].split("/")[2]
    return plan_id


def issue_and_send(client, envelope_id: str, **ending: str) -> tuple[str, str]:
    """Issue the plan and sign it as its issuer; the plan envelope's id and the client's link (path)."""
    plan_id = issue(client, envelope_id, **ending)
    response = sign_as(client, freelancer_link(client, plan_id), "Freelancer Signer")
    assert response.status_code in (302, 303), response.text[:2000]
    return plan_id, client_link(client, plan_id)


def plan_dates(html: str) -> dict[str, str]:
    """The machine-readable dates and amounts of the plan's key facts on a page."""
    page = Page(html)
    out = {}
    for name in ("notice-date", "handover-date", "notice-end-date", "service-end-date"):
        found = page.find(id=name)
        out[name] = found["attrs"]["datetime"] if found else None
    for name in ("fees-paid", "buyout-price", "hourly-rate"):
        found = page.find(id=name)
        out[name] = found["attrs"]["value"] if found else None
    return out


def path_of(url: str) -> str:
    return urlsplit(url).path
