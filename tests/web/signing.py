"""Sending a contract and using its signing links, as the freelancer and the client do it."""

from __future__ import annotations

from urllib.parse import urlsplit

from web.interview import answer_all, start_contract
from web.page import Page
from sqlalchemy.orm import undefer

from webapp.extensions import db
from webapp.models import Envelope, Event, Signature

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"


def ready_contract(client, auth, email: str = "maya@example.com") -> int:
    """Register a freelancer and answer every step of a new contract; its id."""
    auth.register(email)
    contract_id = start_contract(client)
    answer_all(client, contract_id)
    return contract_id


def send(client, contract_id: int, order: str = "client") -> str:
    """Send the contract for signature from its review page; the new envelope's id."""
    response = client.post(f"/contracts/{contract_id}/send", data={"order": order})
    assert response.status_code in (302, 303), response.text[:500]
    location = response.headers["Location"]
    if order == "freelancer":
        return location.split("/")[2]
    return location.rstrip("/").split("/")[-1]


def client_link(client, envelope_id: str) -> str:
    """The client's signing link, as the envelope page shows it to the freelancer (path only)."""
    page = Page(client.get(f"/envelopes/{envelope_id}").text)
    return urlsplit(page.find(id="sign-link")["attrs"]["value"]).path


def sign_as(client, link: str, name: str = "Tom Baker", **headers):
    """Tick the consent box, type the name and press Sign."""
    headers = {"User-Agent": BROWSER, **headers}
    return client.post(link, data={"consent": "y", "typed_name": name}, headers=headers,
                       environ_base={"REMOTE_ADDR": "203.0.113.7"})


def freelancer_link(client, envelope_id: str) -> str:
    """The freelancer's own signing link, reached from the envelope page."""
    return urlsplit(client.get(f"/envelopes/{envelope_id}/sign").headers["Location"]).path


def stored(app, envelope_id: str) -> dict:
    """What the database holds about an envelope: status, events, signatures."""
    with app.app_context():
        envelope = db.session.get(Envelope, envelope_id, options=[undefer("*")])
        events = db.session.query(Event).filter_by(envelope_id=envelope_id).order_by(Event.seq).all()
        signatures = db.session.query(Signature).join(Signature.signer).filter_by(envelope_id=envelope_id).all()
        return {"status": envelope.status, "events": [e.kind for e in events],
                "signatures": [(s.signer.role, s.typed_name) for s in signatures], "envelope": envelope}
