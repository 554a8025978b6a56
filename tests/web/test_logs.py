"""A signing link is as good as the signer's pen: it never reaches a log line."""

from __future__ import annotations

import http.client
import logging
from urllib.parse import urlencode

import pytest
from web.signing import client_link, freelancer_link, ready_contract, send
from web.test_concurrent_signing import server  # noqa: F401 - the app on a real threaded server

from webapp.redact import redact


def request(port: int, method: str, path: str, form: dict | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}{path}"}
    connection.request(method, path, urlencode(form or {}), headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_signing_through_a_real_server_logs_no_token(app, client, auth, server, caplog):
    envelope_id = send(client, ready_contract(client, auth))
    link, own = client_link(client, envelope_id), freelancer_link(client, envelope_id)
    tokens = [link.split("/sign/")[1], own.split("/sign/")[1]]
    with caplog.at_level(logging.DEBUG):
        assert request(server, "GET", link) == 200
        assert request(server, "GET", f"{link}/download/contract") == 200
        assert request(server, "POST", link, {"consent": "y"}) == 422
        assert request(server, "POST", link, {"consent": "y", "typed_name": "Tom Baker"}) in (302, 303)
        assert request(server, "POST", own, {"consent": "y", "typed_name": "Ada Pixel"}) in (302, 303)
        assert request(server, "GET", f"{link}/download/signed") == 200
        assert request(server, "GET", "/sign/not-a-real-token?x=1") == 404
        app.logger.error("Exception on %s [POST]", link)
    lines = [record.getMessage() for record in caplog.records]
    served = [r.getMessage() for r in caplog.records if r.name == "werkzeug" and "/sign/[hidden]" in r.getMessage()]
    assert len(served) >= 7, lines
    for token in tokens:
        assert token not in caplog.text
        assert not any(token in line for line in lines)


@pytest.mark.parametrize(("line", "shown"), [
    ('"POST /sign/eyJlIjoiMSJ9.aZ.sig HTTP/1.1" 303', '"POST /sign/[hidden] HTTP/1.1" 303'),
    ("GET /sign/abc/download/signed", "GET /sign/[hidden]/download/signed"),
    ("https://cw.example/verify/ABCD-EFGH-JKLM-NPQR", "https://cw.example/verify/[hidden]"),
    ("GET /envelopes/1234/trail", "GET /envelopes/1234/trail"),
])
def test_redact_hides_tokens_and_codes_and_nothing_else(line, shown):
    assert redact(line) == shown
