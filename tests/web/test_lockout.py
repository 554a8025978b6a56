"""Sign-in back-off: five wrong passwords in a row make that email wait, longer each time, on every worker."""

from __future__ import annotations

import pytest
from web.interview import PASSWORD
from web.page import Page

from webapp import create_app
from webapp.extensions import db
from webapp.models import SignInFailures


class Clock:
    """The app's clock, moved on by the test."""

    def __init__(self):
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(settings, clock):
    # Rate limits per address are another defence; this test is about the per-email back-off.
    return {**settings, "CLOCK": clock, "RATELIMIT_SIGN_IN": "1000 per minute"}


def attempt(client, password: str, email: str = "maya@example.com"):
    return client.post("/account/sign-in", data={"email": email, "password": password})


def fail(client, times: int, email: str = "maya@example.com") -> list[int]:
    return [attempt(client, "not my password", email).status_code for _ in range(times)]


@pytest.fixture
def maya(auth):
    auth.register()
    auth.sign_out()


def test_five_failures_make_even_the_right_password_wait(client, maya, clock):
    assert fail(client, 5) == [422] * 5
    refused = attempt(client, PASSWORD)
    assert refused.status_code == 429
    assert Page(refused.text).errors("password") == [
        "Too many failed attempts with this email. Try again in 1 minute."]
    clock.now += 61
    assert attempt(client, PASSWORD).status_code in (302, 303)


def test_each_failure_past_the_threshold_doubles_the_wait(client, maya, clock):
    fail(client, 5)
    clock.now += 61
    assert fail(client, 1) == [422]
    assert "2 minutes" in Page(attempt(client, PASSWORD).text).errors("password")[0]
    clock.now += 121
    fail(client, 1)
    clock.now += 121
    assert attempt(client, PASSWORD).status_code == 429
    clock.now += 120
    assert attempt(client, PASSWORD).status_code in (302, 303)


def test_a_successful_sign_in_starts_the_count_again(app, client, auth, maya):
    fail(client, 4)
    assert attempt(client, PASSWORD).status_code in (302, 303)
    auth.sign_out()
    assert fail(client, 4) == [422] * 4
    assert attempt(client, PASSWORD).status_code in (302, 303)
    with app.app_context():
        assert db.session.get(SignInFailures, "maya@example.com") is None


def test_an_unknown_email_waits_the_same_so_nobody_learns_who_has_an_account(client, maya):
    fail(client, 5, "nobody@example.com")
    known, unknown = attempt(client, "x" * 12), attempt(client, "x" * 12, "nobody@example.com")
    assert known.status_code == 422 and unknown.status_code == 429
    fail(client, 3)
    assert attempt(client, "x" * 12).status_code == 422  # maya's fifth failure: still checked


def test_the_wait_is_kept_in_the_database_so_every_worker_enforces_it(client, maya, settings):
    fail(client, 5)
    other_worker = create_app(settings)
    assert attempt(other_worker.test_client(), PASSWORD).status_code == 429
    with other_worker.app_context():
        db.engine.dispose()


def test_the_wait_ends_at_the_configured_maximum(app, client, maya, clock):
    app.config["LOCKOUT_MAX_SECONDS"] = 300
    for _ in range(10):
        fail(client, 1)
        clock.now += 3600
    fail(client, 1)
    assert "5 minutes" in Page(attempt(client, PASSWORD).text).errors("password")[0]
