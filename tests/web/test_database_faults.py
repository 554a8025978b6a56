"""When the database is away the visitor gets a plain 503 page, and nothing half-written is left behind."""

from __future__ import annotations

import socket
import sqlite3

import pytest
from sqlalchemy import create_engine, event, func, select, text
from web.interview import PASSWORD
from web.page import Page
from web.signing import ready_contract, send

from webapp import create_app
from webapp.extensions import db
from webapp.models import Contract, Envelope, Event

UNAVAILABLE = "cannot reach its database right now"


def refused_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(params=["postgres", "sqlite"])
def unreachable(request, tmp_path) -> str:
    if request.param == "postgres":
        return f"postgresql+psycopg://postgres@127.0.0.1:{refused_port()}/clausewright"
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'clausewright.sqlite'}"


def test_an_unreachable_database_gives_a_plain_503_page(unreachable, tmp_path):
    app = create_app({"DATABASE_URL": unreachable, "SECRET_KEY": "x", "INSTANCE_PATH": str(tmp_path / "i"),
                      "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    response = client.post("/account/sign-in", data={"email": "maya@example.com", "password": PASSWORD})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert UNAVAILABLE in Page(response.text).text("main")
    assert "Traceback" not in response.text and "sqlalchemy" not in response.text.lower()
    with client.session_transaction() as session:
        session["_user_id"] = "1"
    assert client.get("/").status_code == 503


def test_sqlite_runs_in_wal_mode_and_queues_writers(tmp_path):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'cw.sqlite'}", "SECRET_KEY": "x",
                      "INSTANCE_PATH": str(tmp_path)})
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
        db.engine.dispose()


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Envelope)),
                db.session.scalar(select(func.count()).select_from(Event)))


@pytest.fixture
def settings(settings):
    # SQLite: give up on a held lock after half a second instead of thirty.
    return {**settings, "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "connect_args": {"timeout": 0.5}}
            if settings["DATABASE_URL"].startswith("sqlite") else {"pool_pre_ping": True}}


class Outage:
    """A fault armed for the next request, and its end."""

    def __init__(self, lose, restore=lambda: None):
        self.lose, self.restore = lose, restore


@pytest.fixture
def outage(app, database_url):
    """PostgreSQL drops the app's connection just before the request commits; SQLite has its write
    lock held by another connection for as long as the outage lasts."""
    if database_url.startswith("sqlite"):
        holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        yield Outage(lambda: holder.execute("BEGIN IMMEDIATE"), lambda: holder.execute("ROLLBACK"))
        holder.close()
        return
    admin = create_engine(database_url)
    armed = []

    def terminate(session):
        if armed:
            armed.clear()
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.begin() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    with app.app_context():
        event.listen(db.session, "before_commit", terminate)
    yield Outage(lambda: armed.append(True))
    with app.app_context():
        event.remove(db.session, "before_commit", terminate)
    admin.dispose()


def test_losing_the_database_while_sending_leaves_no_half_written_envelope(app, client, auth, outage):
    contract_id = ready_contract(client, auth)
    outage.lose()
    response = client.post(f"/contracts/{contract_id}/send", data={"order": "client"})
    assert response.status_code == 503
    assert UNAVAILABLE in Page(response.text).text("main")
    outage.restore()
    assert counts(app) == (0, 0)
    with app.app_context():
        assert db.session.get(Contract, contract_id).client_name == "Harbour Bakery Ltd"
    envelope_id = send(client, contract_id)
    assert counts(app) == (1, 2)
    assert client.get(f"/envelopes/{envelope_id}").status_code == 200
