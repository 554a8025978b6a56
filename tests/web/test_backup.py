"""Backup: one freelancer's account, contracts, envelopes, signed documents and audit trails in one zip,
restored into an empty database with new ids, every audit trail still verifying."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy.orm import undefer
from web.conftest import AuthActions, drop_schema
from web.ending import issue_and_send
from web.interview import PASSWORD
from web.signing import client_link, freelancer_link, ready_contract, send, sign_as

from webapp.extensions import db
from webapp.models import Contract, Ending, Envelope, Event, ExitRequest, Signature, Signer, User


def snapshot(app, email: str = "maya@example.com") -> dict:
    """Everything of one freelancer, without row ids: what a restore must give back."""
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        envelopes = db.session.scalars(select(Envelope).where(Envelope.user_id == user.id)
                                       .order_by(Envelope.created_at).options(undefer("*"))).all()
        return {
            "user": (user.email, user.password_hash, user.business, user.locale),
            "contracts": sorted((c.client_name, json.dumps(c.answers, sort_keys=True), c.completed, c.status)
                                for c in user.contracts),
            "endings": [(n.envelope_id, n.ended_by, n.notice_date, n.fees_paid, n.note,
                         [(r.received_on, r.text, r.topic, r.outcome, r.clause_id, r.reply) for r in n.requests])
                        for n in db.session.scalars(select(Ending).where(Ending.user_id == user.id))],
            "envelopes": [{
                "id": e.id, "kind": e.kind, "parent": e.parent_id, "status": e.status, "documents": (e.document, e.transition, e.signed_document, e.html),
                "hashes": (e.document_hash, e.signed_hash, e.verification_code), "profile": e.profile,
                "contract": e.contract.client_name if e.contract else None,
                "signers": [(s.role, s.name, s.email, s.nonce, s.signature.typed_name if s.signature else None,
                             s.signature.consent_hash if s.signature else None) for s in e.signers],
                "events": [(v.seq, v.kind, v.actor, v.ip, v.detail, v.previous_hash, v.hash) for v in e.events],
            } for e in envelopes],
        }


@pytest.fixture
def freelancer(app, client, auth):
    """Maya: a draft contract, a completed envelope, one the client has not signed yet, and the completed
    envelope's ending with its acknowledged plan and a request logged after it."""
    contract_id = ready_contract(client, auth)
    done = send(client, contract_id)
    sign_as(client, client_link(client, done))
    sign_as(client, freelancer_link(client, done), "Ada Pixel")
    client.get(f"/envelopes/{done}/download/certificate")
    client.post("/contracts/new", data={"start": "designer-licence"})
    pending = send(client, contract_id)
    client.post("/account/business", data={"business-name": "Ada Pixel Studio Ltd", "locale": ""})
    plan, link = issue_and_send(client, done, notice_date="2027-05-31", fees_paid="3500.50", note="Thank you.")
    sign_as(client, link)
    with app.app_context():
        ending = db.session.scalar(select(Ending))
        db.session.add(ExitRequest(ending_id=ending.id, received_on=date(2027, 6, 3), text="Send the vector files",
                                   topic="source_files", outcome="buyout", clause_id="exit.source-files",
                                   reply="They are available at the buyout price."))
        db.session.commit()
    auth.sign_out()
    return {"completed": done, "pending": pending, "plan": plan}


def empty_the_database(app) -> None:
    """Start again on an empty database with the current schema, and another freelancer in it first."""
    with app.app_context():
        db.session.remove()
        drop_schema()
        upgrade()


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def test_export_then_import_into_an_empty_database_gives_everything_back(app, client, freelancer, tmp_path):
    before = snapshot(app)
    assert [(e["kind"], e["status"]) for e in before["envelopes"]] == [
        ("contract", "completed"), ("contract", "sent"), ("plan", "completed")]
    assert before["envelopes"][2]["parent"] == freelancer["completed"]
    assert [ending[:4] for ending in before["endings"]] == [(freelancer["completed"], "client", date(2027, 5, 31),
                                                             Decimal("3500.50"))]
    assert len(before["endings"][0][5]) == 1
    archive = tmp_path / "maya.zip"
    result = run(app, "backup", "export", "--user", "Maya@Example.com", "-o", str(archive))
    assert result.exit_code == 0, result.output
    assert "3 envelope(s)" in result.output

    empty_the_database(app)
    # Another freelancer signs up first, so every restored row gets a different id than it had.
    AuthActions(client).register("someone@example.com")
    client.post("/contracts/new", data={"start": "blank"})
    AuthActions(client).sign_out()
    result = run(app, "backup", "import", str(archive))
    assert result.exit_code == 0, result.output
    assert "every audit trail verifies" in result.output

    assert snapshot(app) == before
    with app.app_context():
        maya = db.session.scalar(select(User).where(User.email == "maya@example.com"))
        assert maya.id != 1 and all(c.id > 1 for c in maya.contracts)
    assert run(app, "envelopes", "check").exit_code == 0
    assert AuthActions(client).sign_in(password=PASSWORD).status_code in (302, 303)
    for completed in (before["envelopes"][0], before["envelopes"][2]):
        response = client.post("/verify", data={"code": completed["hashes"][2]})
        assert "This code is genuine" in response.text


def test_the_zip_holds_a_manifest_and_the_documents(app, freelancer, tmp_path):
    archive = tmp_path / "maya.zip"
    run(app, "backup", "export", "--user", "maya@example.com", "-o", str(archive))
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        names = set(opened.namelist())
    assert manifest["format"] == "clausewright-backup/1" and manifest["user"]["email"] == "maya@example.com"
    assert f"envelopes/{freelancer['completed']}/signed_document.docx" in names
    assert f"envelopes/{freelancer['pending']}/document.docx" in names
    completed = next(e for e in manifest["envelopes"] if e["id"] == freelancer["completed"])
    assert [e["kind"] for e in completed["events"]][:4] == ["created", "sent", "signed", "countersigned"]
    assert {s["role"]: s["signature"]["typed_name"] for s in completed["signers"]} == {
        "client": "Tom Baker", "freelancer": "Ada Pixel"}


def test_a_restore_refuses_an_account_that_exists_and_changes_nothing(app, freelancer, tmp_path):
    archive = tmp_path / "maya.zip"
    run(app, "backup", "export", "--user", "maya@example.com", "-o", str(archive))
    with app.app_context():
        rows = [db.session.query(model).count() for model in (User, Contract, Envelope, Signer, Signature, Event,
                                                                Ending, ExitRequest)]
    result = run(app, "backup", "import", str(archive))
    assert result.exit_code != 0 and "already an account" in result.output
    with app.app_context():
        assert [db.session.query(model).count() for model in (User, Contract, Envelope, Signer, Signature, Event,
                                                              Ending, ExitRequest)] == rows


def test_a_tampered_backup_is_refused_whole(app, freelancer, tmp_path):
    archive, tampered = tmp_path / "maya.zip", tmp_path / "tampered.zip"
    run(app, "backup", "export", "--user", "maya@example.com", "-o", str(archive))
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["envelopes"][0]["events"][2]["detail"]["name"] = "Someone Else"
                data = json.dumps(manifest).encode()
            target.writestr(name, data)
    empty_the_database(app)
    result = run(app, "backup", "import", str(tampered))
    assert result.exit_code != 0 and "audit trail does not verify" in result.output
    with app.app_context():
        assert db.session.query(User).count() == 0 and db.session.query(Envelope).count() == 0


def test_exporting_an_unknown_email_says_so(app, tmp_path):
    result = run(app, "backup", "export", "--user", "nobody@example.com", "-o", str(tmp_path / "x.zip"))
    assert result.exit_code != 0 and "no account with the email nobody@example.com" in result.output
    assert not (tmp_path / "x.zip").exists()
