"""Email through a real SMTP server started for each test: links, notices, reminders and expiry."""

from __future__ import annotations

import email
import re
import socket
import sys
import types
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from web.page import Page
from web.signing import freelancer_link, ready_contract, send, sign_as, stored

DAY = 24 * 3600
T0 = 1_900_000_000.0


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    """A local port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    handler.port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def now():
    return [T0]


@pytest.fixture
def settings(settings, inbox, now):
    return {**settings, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": inbox.port,
            "SMTP_FROM": "Clausewright <sign@clausewright.test>", "CLOCK": lambda: now[0],
            "BASE_URL": "https://contracts.example.com"}


def bodies(message) -> tuple[str, str]:
    """The plain-text and HTML bodies of a message."""
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def link_in(text: str) -> str:
    """The signing link in a message, as a path on this site."""
    return urlsplit(re.search(r"https://contracts\.example\.com/sign/[^\s\"<]+", text).group(0)).path


def test_sending_emails_the_client_a_link_in_text_and_html(app, client, auth, inbox):
    envelope_id = send(client, ready_contract(client, auth))
    [message] = inbox.to("hello@harbourbakery.co.uk")
    assert message["Subject"] == "Ada Pixel Studio Ltd sent you a contract to sign"
    assert message["From"] == "Clausewright <sign@clausewright.test>"
    text, html = bodies(message)
    assert link_in(text) == link_in(html)
    assert "Hello Tom Baker," in text and "<a href=" in html
    assert stored(app, envelope_id)["envelope"].document_hash in text
    assert "Tom Baker has the link by email" in client.get(f"/envelopes/{envelope_id}").text
    page = client.get(link_in(text))
    assert page.status_code == 200 and Page(page.text).find(id="typed_name") is not None
    assert stored(app, envelope_id)["events"][:3] == ["created", "sent", "emailed"]


def test_the_freelancer_is_emailed_when_the_client_signs_and_both_get_the_signed_copy(app, client, auth, inbox):
    envelope_id = send(client, ready_contract(client, auth))
    link = link_in(bodies(inbox.to("hello@harbourbakery.co.uk")[0])[0])
    sign_as(client, link)
    [notice] = inbox.to("maya@example.com")
    assert notice["Subject"] == "Tom Baker signed Website redesign for Harbour Bakery"
    assert f"https://contracts.example.com/envelopes/{envelope_id}" in bodies(notice)[0]
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    signed = stored(app, envelope_id)["envelope"].signed_document
    for address in ("maya@example.com", "hello@harbourbakery.co.uk"):
        completed = inbox.to(address)[-1]
        assert completed["Subject"] == "Signed by both parties: Website redesign for Harbour Bakery"
        [attachment] = list(completed.iter_attachments())
        assert attachment.get_content() == signed


def test_the_freelancer_is_told_why_the_client_declined(client, auth, inbox):
    send(client, ready_contract(client, auth))
    link = link_in(bodies(inbox.to("hello@harbourbakery.co.uk")[0])[0])
    client.post(f"{link}/decline", data={"reason": "The homepage is due too early."})
    [notice] = inbox.to("maya@example.com")
    assert "declined" in notice["Subject"]
    assert "The homepage is due too early." in bodies(notice)[0]


def test_signing_first_sends_the_client_the_link_only_after(app, client, auth, inbox):
    contract_id = ready_contract(client, auth)
    envelope_id = send(client, contract_id, order="freelancer")
    assert inbox.to("hello@harbourbakery.co.uk") == []
    sign_as(client, freelancer_link(client, envelope_id), "Ada Pixel")
    assert len(inbox.to("hello@harbourbakery.co.uk")) == 1


def test_a_reminder_goes_once_a_few_days_before_expiry_then_the_envelope_expires(app, client, auth, inbox, now):
    envelope_id = send(client, ready_contract(client, auth))
    runner = app.test_cli_runner()
    now[0] = T0 + 10 * DAY
    assert "0 reminder(s) sent" in runner.invoke(args=["envelopes", "remind", "--days", "3"]).output
    now[0] = T0 + 12 * DAY
    assert "1 reminder(s) sent" in runner.invoke(args=["envelopes", "remind", "--days", "3"]).output
    assert "0 reminder(s) sent" in runner.invoke(args=["envelopes", "remind", "--days", "3"]).output
    reminder = inbox.to("hello@harbourbakery.co.uk")[-1]
    assert reminder["Subject"].startswith("Reminder:")
    assert client.get(link_in(bodies(reminder)[0])).status_code == 200
    now[0] = T0 + 14 * DAY + 1
    assert "1 envelope(s) expired" in runner.invoke(args=["envelopes", "expire"]).output
    assert "0 envelope(s) expired" in runner.invoke(args=["envelopes", "expire"]).output
    facts = stored(app, envelope_id)
    assert facts["status"] == "expired" and facts["events"][-1] == "expired"
    assert client.get(link_in(bodies(reminder)[0])).status_code == 410


def test_when_the_mail_server_is_down_the_freelancer_copies_the_link(app, client, auth, settings, inbox):
    app.config["SMTP_PORT"] = free_port()  # nothing listens there
    envelope_id = send(client, ready_contract(client, auth))
    page = Page(client.get(f"/envelopes/{envelope_id}").text)
    assert "could not be sent" in page.text("main")
    assert page.find(id="sign-link") is not None
    assert "emailed" not in stored(app, envelope_id)["events"]


def test_reminders_need_smtp(app):
    app.config["SMTP_HOST"] = ""
    result = app.test_cli_runner().invoke(args=["envelopes", "remind"])
    assert result.exit_code != 0 and "CLAUSEWRIGHT_SMTP_HOST" in result.output


class FakeQueue:
    """Stands in for rq.Queue: keeps what was enqueued instead of sending it to Redis."""

    jobs: list = []

    def __init__(self, connection):
        self.connection = connection

    def enqueue(self, job, *args):
        FakeQueue.jobs.append((job, args))


def test_with_redis_configured_email_is_queued_for_a_worker(app, client, auth, inbox, monkeypatch):
    from webapp.jobs import email_sign_link

    monkeypatch.setitem(sys.modules, "rq", types.SimpleNamespace(Queue=FakeQueue))
    monkeypatch.setitem(sys.modules, "redis", types.SimpleNamespace(Redis=types.SimpleNamespace(from_url=str)))
    monkeypatch.setattr(FakeQueue, "jobs", [])
    app.config["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    envelope_id = send(client, ready_contract(client, auth))
    assert FakeQueue.jobs == [(email_sign_link, (envelope_id,))]
    assert inbox.messages == [] and "emailed" not in stored(app, envelope_id)["events"]
    with app.app_context():  # what the worker does with the queued job
        email_sign_link(envelope_id)
    assert len(inbox.to("hello@harbourbakery.co.uk")) == 1
    assert stored(app, envelope_id)["events"][-1] == "emailed"
