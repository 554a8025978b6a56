"""A gunicorn worker killed (SIGKILL) in the middle of a signature: the database keeps the signature
with its audit event, or neither, and signing again works. Against a real gunicorn, SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import select
from sqlalchemy.orm import undefer
from web.signing import client_link, freelancer_link, ready_contract, send

from webapp.envelopes.trail import first_tampered
from webapp.extensions import db
from webapp.models import Envelope, Event, Signature, Signer

ROOT = Path(__file__).resolve().parents[2]
SIGNED_EVENTS = {"signed", "countersigned"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port: int, method: str, path: str, form: dict | None = None, timeout: float = 60) -> int:
    """One request to the server; its status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, urlencode(form or {}),
                           {"Content-Type": "application/x-www-form-urlencoded"})
        return connection.getresponse().status
    finally:
        connection.close()


@dataclass
class Server:
    """gunicorn serving tests/web/paused_app.py with one worker, and the folder it pauses through."""

    port: int
    faults: Path
    log: Path

    def kill_during(self, point: str, path: str, form: dict) -> None:
        """POST, let the worker reach `point` inside its transaction, and SIGKILL it there."""
        (self.faults / "point").write_text(point)
        outcome = []
        thread = threading.Thread(target=lambda: outcome.append(self.try_request(path, form)))
        thread.start()
        paused = self.faults / "paused"
        deadline = time.monotonic() + 60
        while not paused.exists() or not paused.read_text():
            assert time.monotonic() < deadline, f"the worker never reached {point}"
            time.sleep(0.02)
        os.kill(int(paused.read_text()), signal.SIGKILL)
        paused.unlink()
        thread.join(60)
        assert outcome == ["killed"], outcome

    def try_request(self, path: str, form: dict) -> str:
        try:
            return str(request(self.port, "POST", path, form))
        except (ConnectionError, http.client.HTTPException):
            return "killed"


@pytest.fixture
def gunicorn(app, settings, database_url, tmp_path):
    faults, log = tmp_path / "faults", tmp_path / "access.log"
    faults.mkdir()
    port = free_port()
    env = {**os.environ, "CLAUSEWRIGHT_DATABASE_URL": database_url, "CLAUSEWRIGHT_SECRET_KEY": settings["SECRET_KEY"],
           "CLAUSEWRIGHT_INSTANCE_PATH": settings["INSTANCE_PATH"], "CLAUSEWRIGHT_WTF_CSRF_ENABLED": "false",
           "CLAUSEWRIGHT_TEST_FAULTS": str(faults), "CLAUSEWRIGHT_ACCESS_LOG": str(log),
           "CLAUSEWRIGHT_BIND": f"127.0.0.1:{port}", "CLAUSEWRIGHT_WORKERS": "1"}
    env.pop("CLAUSEWRIGHT_REDIS_URL", None)
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
               "--pythonpath", str(ROOT / "tests"), "web.paused_app:app"]
    with open(tmp_path / "gunicorn.err", "wb") as errors:
        process = subprocess.Popen(command, env=env, stdout=errors, stderr=errors, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(port, "GET", "/account/sign-in", timeout=5) == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp_path / "gunicorn.err").read_text()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield Server(port, faults, log)
    finally:
        process.terminate()
        process.wait(30)


def consistent(app, envelope_id: str) -> dict:
    """Check the envelope's invariants after a crash; what it holds."""
    with app.app_context():
        envelope = db.session.get(Envelope, envelope_id, options=[undefer("*")])
        signed = set(db.session.scalars(select(Signer.role).join(Signature).where(Signer.envelope_id == envelope_id)))
        kinds = list(db.session.scalars(select(Event.kind).where(Event.envelope_id == envelope_id).order_by(Event.seq)))
        assert len(signed) == sum(kind in SIGNED_EVENTS for kind in kinds), (signed, kinds)
        assert first_tampered(envelope_id) is None
        expected = {frozenset(): ("sent", "viewed"), frozenset({"client"}): ("signed",),
                    frozenset({"client", "freelancer"}): ("completed",)}[frozenset(signed)]
        assert envelope.status in expected, (envelope.status, signed)
        if envelope.status == "completed":
            assert envelope.signed_hash == hashlib.sha256(envelope.signed_document).hexdigest()
        else:
            assert envelope.signed_document is None and envelope.verification_code is None
        return {"signed": signed, "status": envelope.status, "events": kinds}


def test_a_worker_killed_mid_signature_keeps_signature_and_event_together_or_neither(app, client, auth, gunicorn):
    envelope_id = send(client, ready_contract(client, auth))
    link, own = client_link(client, envelope_id), freelancer_link(client, envelope_id)
    client_signs, freelancer_signs = ({"consent": "y", "typed_name": name} for name in ("Tom Baker", "Ada Pixel"))

    for point in ("signature", "commit"):
        gunicorn.kill_during(point, link, client_signs)
        assert consistent(app, envelope_id) == {"signed": set(), "status": "sent", "events": ["created", "sent"]}
    assert request(gunicorn.port, "POST", link, client_signs) in (302, 303)
    assert consistent(app, envelope_id)["signed"] == {"client"}

    gunicorn.kill_during("commit", own, freelancer_signs)  # the signed copy was made, not committed
    assert consistent(app, envelope_id)["status"] == "signed"
    assert request(gunicorn.port, "POST", own, freelancer_signs) in (302, 303)
    assert consistent(app, envelope_id)["status"] == "completed"
    assert request(gunicorn.port, "POST", link, client_signs) == 409

    log = gunicorn.log.read_text()
    assert log.count("POST /sign/[hidden]") >= 2  # the killed requests are never logged
    for token in (link, own):
        assert token.split("/sign/")[1] not in log
