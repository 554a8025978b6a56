"""The audit trail: every step is an event sealed to the one before; editing history is detected."""

from __future__ import annotations

from web.page import Page
from web.signing import client_link, freelancer_link, ready_contract, send, sign_as

from webapp.extensions import db
from webapp.models import Event


def test_a_whole_signing_leaves_an_intact_trail_of_every_step(app, client, auth):
    envelope_id = send(client, ready_contract(client, auth))
    link = client_link(client, envelope_id)
    client.get(link)
    sign_as(client, link)
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    client.get(f"/envelopes/{envelope_id}/download/signed")
    page = Page(client.get(f"/envelopes/{envelope_id}/trail").text)
    assert page.text("chain").startswith("Intact")
    rows = [e["text"] for e in page.elements if e["tag"] == "tr"][1:]
    kinds = [" ".join(row.split()) for row in rows]
    for number, kind in enumerate(["Created", "Sent for signature", "Opened", "Signed", "Countersigned",
                                   "Downloaded"], start=1):
        assert kinds[number - 1].startswith(f"{number} ") and kind in kinds[number - 1], kinds
    assert "203.0.113.7" in rows[3]
    result = app.test_cli_runner().invoke(args=["envelopes", "check", envelope_id])
    assert result.exit_code == 0 and f"{envelope_id}: intact" in result.output


def test_editing_an_event_is_detected_by_the_page_and_the_command(app, client, auth):
    envelope_id = send(client, ready_contract(client, auth))
    link = client_link(client, envelope_id)
    sign_as(client, link)
    with app.app_context():
        signed = db.session.query(Event).filter_by(envelope_id=envelope_id, kind="signed").one()
        signed.ip = "198.51.100.1"  # someone rewrites where the signature came from
        db.session.commit()
        seq = signed.seq
    page = Page(client.get(f"/envelopes/{envelope_id}/trail").text)
    assert page.text("chain").startswith(f"Altered: event {seq}")
    result = app.test_cli_runner().invoke(args=["envelopes", "check"])
    assert result.exit_code == 1 and f"{envelope_id}: ALTERED at event {seq}" in result.output


def test_deleting_an_event_is_detected(app, client, auth):
    envelope_id = send(client, ready_contract(client, auth))
    client.get(client_link(client, envelope_id))
    with app.app_context():
        db.session.query(Event).filter_by(envelope_id=envelope_id, kind="sent").delete()
        db.session.commit()
    assert Page(client.get(f"/envelopes/{envelope_id}/trail").text).text("chain").startswith("Altered")
