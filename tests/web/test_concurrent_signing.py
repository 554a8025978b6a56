"""Exactly-once signing: fifty simultaneous Sign requests for one signer, against a real threaded server."""

from __future__ import annotations

import http.client
import threading
from urllib.parse import urlencode

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from web.signing import client_link, ready_contract, send, stored
from werkzeug.serving import make_server

from webapp.extensions import db
from webapp.models import Envelope, Signature

REQUESTS = 50


@pytest.fixture
def settings(settings):
    """Fifty presses from one address: more than the signing rate limit lets through, which is not the point here."""
    return {**settings, "RATELIMIT_SIGN": f"{REQUESTS * 2} per minute"}


@pytest.fixture
def server(app):
    """The app under test served on a free local port by a thread per request."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join()
    server.server_close()


def post(port: str, path: str, body: str, start: threading.Barrier, statuses: list[int]) -> None:
    """Wait for every other request, then press Sign."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start.wait()
    connection.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
    statuses.append(connection.getresponse().status)
    connection.close()


@pytest.mark.parametrize("page_checks", ["on", "off"])
def test_fifty_simultaneous_signatures_make_one(app, client, auth, server, monkeypatch, page_checks):
    if page_checks == "off":
        # The page refuses a signer who already signed before trying. Without that courtesy check
        # the database alone must keep it to one: the UNIQUE signer id of signatures, and the
        # envelope's status changing only in a conditional UPDATE.
        monkeypatch.setattr("webapp.sign.views.has_signed", lambda signer: False)
        monkeypatch.setattr("webapp.sign.views.whose_turn", lambda envelope: "client")
    envelope_id = send(client, ready_contract(client, auth))
    link = client_link(client, envelope_id)
    body = urlencode({"consent": "y", "typed_name": "Tom Baker"})
    start, statuses = threading.Barrier(REQUESTS), []
    threads = [threading.Thread(target=post, args=(server, link, body, start, statuses)) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    signed = [status for status in statuses if status in (302, 303)]  # the one that signed is redirected
    assert len(signed) == 1 and statuses.count(409) == REQUESTS - 1, sorted(statuses)
    facts = stored(app, envelope_id)
    assert facts["signatures"] == [("client", "Tom Baker")]
    assert facts["events"].count("signed") == 1
    assert facts["status"] == "signed"
    from webapp.envelopes.trail import first_tampered

    with app.app_context():
        assert first_tampered(envelope_id) is None


def test_the_database_refuses_a_second_signature_row_for_a_signer(app, client, auth):
    envelope_id = send(client, ready_contract(client, auth))
    with app.app_context():
        signer = db.session.get(Envelope, envelope_id).signer("client")
        row = {"typed_name": "Tom Baker", "signed_at": datetime.now(UTC), "ip": "", "user_agent": "",
               "document_hash": "0" * 64, "consent_hash": "0" * 64}
        db.session.add(Signature(signer_id=signer.id, **row))
        db.session.commit()
        db.session.add(Signature(signer_id=signer.id, **row))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
