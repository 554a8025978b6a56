"""The dashboard: a freelancer's contracts, newest first; open, duplicate and delete them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from web.interview import ANSWERS, answer_all, start_contract, step_url
from web.page import Page
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Contract


def test_dashboard_lists_contracts_newest_first_with_client_date_language_and_status(app, client, auth):
    auth.register()
    older = start_contract(client)
    answer_all(client, older)
    newer = start_contract(client)
    with app.app_context():
        db.session.get(Contract, older).created_at = datetime(2026, 3, 14, tzinfo=UTC)
        db.session.commit()
    page = Page(client.get("/").text)
    rows = [e for e in page.elements if e["tag"] == "tr"][1:]
    assert "Client not named yet" in rows[0]["text"]
    assert "Harbour Bakery Ltd" in rows[1]["text"]
    assert "Mar 14, 2026" in rows[1]["text"]
    assert "English" in rows[1]["text"]
    assert "€3,500.50" in rows[1]["text"]
    assert "Ready to download" in rows[1]["text"]
    assert "Draft: 0 of 9 steps" in rows[0]["text"]
    assert page.find(href=f"/contracts/{newer}") is not None


def test_an_empty_dashboard_invites_a_first_contract(client, auth):
    auth.register()
    assert Page(client.get("/").text).find(href="/contracts/new") is not None


def test_duplicating_copies_the_answers_into_a_new_draft(app, client, auth):
    auth.register()
    original = start_contract(client)
    answer_all(client, original)
    response = client.post(f"/contracts/{original}/duplicate")
    copy = int(response.headers["Location"].split("/")[-1])
    assert copy != original
    page = Page(client.get(step_url(copy, "parties")).text)
    assert page.value("client-name") == ANSWERS["parties"]["client-name"]
    with app.app_context():
        assert db.session.get(Contract, copy).completed == db.session.get(Contract, original).completed


def test_delete_asks_first_then_deletes(app, client, auth):
    auth.register()
    contract_id = start_contract(client)
    confirm = client.get(f"/contracts/{contract_id}/delete")
    assert "Delete for good" in confirm.text
    with app.app_context():
        assert db.session.get(Contract, contract_id) is not None
    response = client.post(f"/contracts/{contract_id}/delete")
    assert response.headers["Location"] == "/"
    with app.app_context():
        assert db.session.scalars(select(Contract)).all() == []
    assert client.get(f"/contracts/{contract_id}").status_code == 404


def test_visitors_are_sent_to_sign_in(client):
    assert client.get("/").headers["Location"] == "/account/sign-in"
    response = client.get("/contracts/new")
    assert response.headers["Location"] == "/account/sign-in?next=%2Fcontracts%2Fnew"
    assert "Please sign in" in client.get(response.headers["Location"]).text


def test_newest_first_holds_when_created_in_the_same_second(app, client, auth):
    auth.register()
    first, second = start_contract(client), start_contract(client)
    same = datetime.now(UTC) - timedelta(days=1)
    with app.app_context():
        for contract_id in (first, second):
            db.session.get(Contract, contract_id).created_at = same
        db.session.commit()
    links = [e["attrs"]["href"] for e in Page(client.get("/").text).elements
             if e["tag"] == "a" and e["text"].strip().startswith("Open")]
    assert links == [f"/contracts/{second}", f"/contracts/{first}"]
