"""Rate limits: a robot hammering sign-in, registration, signing or verify is told to wait, politely."""

from __future__ import annotations

import os
import uuid

import pytest
from web.interview import PASSWORD
from web.page import Page
from web.signing import client_link, ready_contract, send

from webapp import create_app
from webapp.extensions import db

LIMITS = {"RATELIMIT_SIGN_IN": "3 per minute", "RATELIMIT_REGISTER": "2 per minute",
          "RATELIMIT_SIGN": "2 per minute", "RATELIMIT_VERIFY": "3 per minute", "LOCKOUT_AFTER": 100}
REDIS = os.environ.get("CLAUSEWRIGHT_TEST_REDIS", "redis://127.0.0.1:6379/15")


@pytest.fixture
def settings(settings):
    return {**settings, **LIMITS}


def sign_in(client, address: str = "198.51.100.1", **headers):
    return client.post("/account/sign-in", data={"email": "maya@example.com", "password": "wrong password"},
                       environ_base={"REMOTE_ADDR": address}, headers=headers)


def test_sign_in_is_refused_past_its_limit_with_a_page_that_says_to_wait(client):
    assert [sign_in(client).status_code for _ in range(3)] == [422, 422, 422]
    refused = sign_in(client)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Please wait a minute, then try again." in Page(refused.text).text("main")
    assert "Traceback" not in refused.text


def test_the_429_page_speaks_the_visitors_language(app, client):
    app.config["UI_LOCALES"] = ["en", "fr"]
    for _ in range(3):
        sign_in(client)
    refused = sign_in(client, **{"Accept-Language": "fr"})
    assert refused.status_code == 429
    assert '<html lang="fr">' in refused.text


def test_each_address_has_its_own_count(client):
    for _ in range(3):
        sign_in(client, "198.51.100.1")
    assert sign_in(client, "198.51.100.1").status_code == 429
    assert sign_in(client, "198.51.100.2").status_code == 422


def test_reading_the_sign_in_page_is_not_counted(client):
    for _ in range(10):
        assert client.get("/account/sign-in").status_code == 200
    assert sign_in(client).status_code == 422


def test_registration_is_limited(client):
    data = {"password": PASSWORD, "confirm": PASSWORD}
    codes = [client.post("/account/register", data={**data, "email": f"user{n}@example.com"}).status_code
             for n in range(3)]
    assert codes[:2] != [429, 429] and codes[2] == 429


def test_signing_posts_are_limited_but_reading_the_contract_is_not(app, client, auth):
    link = client_link(client, send(client, ready_contract(client, auth)))
    for _ in range(5):
        assert client.get(link).status_code == 200
    blank = {"consent": "", "typed_name": ""}
    assert [client.post(link, data=blank).status_code for _ in range(2)] == [422, 422]
    assert client.post(link, data=blank).status_code == 429
    assert client.post(f"{link}/decline", data={"reason": ""}).status_code == 429


def test_verify_counts_uploads_and_codes_together(client):
    client.post("/verify", data={"code": "AAAA-BBBB-CCCC-DDDD"})
    client.get("/verify/AAAA-BBBB-CCCC-DDDD")
    assert client.get("/verify/AAAA-BBBB-CCCC-DDDD").status_code == 200
    assert client.post("/verify", data={"code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 429
    assert client.get("/verify").status_code == 200


def test_limits_can_be_turned_off(app, client):
    app.config["RATELIMIT_ENABLED"] = False
    off = create_app({**app.config, "INSTANCE_PATH": app.instance_path, "DATABASE_URL": app.config["DATABASE_URL"]})
    assert [sign_in(off.test_client()).status_code for _ in range(6)] == [422] * 6
    with off.app_context():
        db.engine.dispose()


def test_limits_come_from_the_environment_and_count_in_memory_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSEWRIGHT_RATELIMIT_SIGN_IN", "1 per hour")
    monkeypatch.delenv("CLAUSEWRIGHT_REDIS_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x"})
    assert app.config["RATELIMIT_SIGN_IN"] == "1 per hour"
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"


@pytest.fixture
def redis_url() -> str:
    """The Redis the machine runs; CI must not skip this test."""
    import redis

    try:
        redis.Redis.from_url(REDIS).ping()
    except redis.ConnectionError:
        if os.environ.get("CLAUSEWRIGHT_REQUIRE_TOOLS"):
            pytest.fail(f"Redis is required here but {REDIS} does not answer")
        pytest.skip(f"no Redis at {REDIS}")
    return REDIS


def test_with_redis_every_worker_shares_the_count(app, settings, redis_url):
    # Two apps stand for two gunicorn workers (or two servers): each takes part of the allowance.
    shared = {**settings, "REDIS_URL": redis_url, "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    first, second = create_app(shared), create_app(shared)
    assert first.config["RATELIMIT_STORAGE_URI"] == redis_url
    assert [sign_in(first.test_client()).status_code for _ in range(2)] == [422, 422]
    assert sign_in(second.test_client()).status_code == 422
    assert sign_in(second.test_client()).status_code == 429
    assert sign_in(first.test_client()).status_code == 429
    for each in (first, second):
        with each.app_context():
            db.engine.dispose()


def test_comments_on_a_plan_are_limited_like_signing(app, client, auth):
    from web.ending import issue_and_send, signed_contract

    limiter = app.extensions["clausewright.limiter"]
    limiter.enabled = False  # signing the contract and issuing the plan are three signatures already
    _plan, link = issue_and_send(client, signed_contract(client, auth))
    limiter.enabled = True

    def comment(text: str) -> int:
        return client.post(f"{link}/comment", data={"text": text}).status_code

    assert [comment(""), comment("")] == [422, 422]
    assert comment("Too many") == 429
