"""Over HTTPS (directly or behind a proxy) browsers are told to stay on HTTPS and cookies never travel in clear."""

from __future__ import annotations

import pytest
from web.interview import PASSWORD

HTTPS = {"base_url": "https://clausewright.example"}
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}


def sign_in(client, **options):
    return client.post("/account/sign-in", data={"email": "maya@example.com", "password": PASSWORD,
                                                 "remember": "y"}, **options)


def cookies(response) -> dict[str, str]:
    """Each Set-Cookie header of a response, by cookie name."""
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


@pytest.fixture
def maya(auth):
    auth.register()
    auth.sign_out()


def test_over_https_hsts_is_sent_and_every_cookie_is_secure(client, maya):
    response = sign_in(client, **HTTPS)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    sent = cookies(response)
    assert {"session", "remember_token"} <= set(sent)
    for header in sent.values():
        assert "; Secure" in header and "; HttpOnly" in header and "SameSite=Lax" in header


def test_over_plain_http_there_is_no_hsts_and_cookies_still_are_httponly(client, maya):
    response = sign_in(client)
    assert "Strict-Transport-Security" not in response.headers
    for header in cookies(response).values():
        assert "; Secure" not in header and "; HttpOnly" in header and "SameSite=Lax" in header


def test_without_proxy_hops_a_forwarded_https_header_is_not_trusted(client):
    assert "Strict-Transport-Security" not in client.get("/account/sign-in", headers=FORWARDED).headers


@pytest.fixture
def behind_proxy(settings):
    return {**settings, "PROXY_HOPS": 1}


def test_with_proxy_hops_set_the_forwarded_https_is_trusted(behind_proxy):
    from webapp import create_app

    client = create_app(behind_proxy).test_client()
    response = client.get("/account/sign-in", headers=FORWARDED)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
