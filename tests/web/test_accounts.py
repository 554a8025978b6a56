"""Accounts: register, sign in and out, Argon2 hashes, safe redirects, business details kept once."""

from __future__ import annotations

import pytest

from web.interview import PASSWORD
from web.page import Page
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import User


def stored_user(app, email: str = "maya@example.com") -> User | None:
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def test_register_signs_in_and_asks_for_business_details(app, client, auth):
    response = auth.register("Maya@Example.com")
    assert response.headers["Location"] == "/account/business"
    user = stored_user(app)
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(("email", "password", "confirm", "field", "message"), [
    ("not-an-email", PASSWORD, PASSWORD, "email", "email address"),
    ("maya@example.com", "short", "short", "password", "between 10 and 200"),
    ("maya@example.com", PASSWORD, "something else", "confirm", "differ"),
])
def test_register_explains_what_is_wrong(client, email, password, confirm, field, message):
    response = client.post("/account/register", data={"email": email, "password": password, "confirm": confirm})
    assert response.status_code == 422
    page = Page(response.text)
    assert any(message in error.lower() for error in page.errors(field)), page.errors(field)
    if field != "email":
        assert page.value("email") == email


def test_an_email_registers_once(client, auth):
    auth.register()
    auth.sign_out()
    response = auth.register("MAYA@example.com")
    assert "already an account" in " ".join(Page(response.text).errors("email"))


def test_sign_in_and_out(client, auth):
    auth.register()
    auth.sign_out()
    assert client.get("/").status_code == 302
    assert auth.sign_in().headers["Location"] == "/"
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(("email", "password"), [("maya@example.com", "wrong password"),
                                                 ("nobody@example.com", PASSWORD)])
def test_a_wrong_email_or_password_gets_the_same_answer(client, auth, email, password):
    auth.register()
    auth.sign_out()
    response = auth.sign_in(email, password)
    assert response.status_code == 422
    assert Page(response.text).errors("password") == ["That email and password do not match an account."]


@pytest.mark.parametrize(("target", "expected"), [
    ("/contracts/new", "/contracts/new"),
    ("https://evil.example/", "/"),
    ("//evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
])
def test_sign_in_returns_only_to_pages_of_this_site(client, auth, target, expected):
    auth.register()
    auth.sign_out()
    response = client.post("/account/sign-in", query_string={"next": target},
                           data={"email": "maya@example.com", "password": PASSWORD})
    assert response.headers["Location"] == expected


def test_business_details_are_kept_once(app, client, auth):
    auth.register()
    data = {"business-name": "Maya Studio", "business-address": "1 Main St", "business-email": "m@studio.io",
            "business-signer_name": "Maya", "business-signer_title": "", "business-business_id": ""}
    assert client.post("/account/business", data=data).headers["Location"] == "/"
    assert stored_user(app).business["name"] == "Maya Studio"
    assert Page(client.get("/account/business").text).value("business-email") == "m@studio.io"


def test_business_details_are_checked(client, auth):
    auth.register()
    response = client.post("/account/business", data={"business-name": "", "business-email": "nope"})
    page = Page(response.text)
    assert page.errors("business-name") == ["This field is required."]
    assert "email address" in page.errors("business-email")[0]
