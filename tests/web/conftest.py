"""Fixtures for the web app: an app over a fresh database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import os

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from web.interview import PASSWORD

from webapp import create_app
from webapp.extensions import db

POSTGRES = os.environ.get("CLAUSEWRIGHT_TEST_POSTGRES")
DATABASES = [pytest.param("sqlite", id="sqlite")]
if POSTGRES:
    DATABASES.append(pytest.param(POSTGRES, id="postgres", marks=pytest.mark.postgres))



@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'clausewright.sqlite'}"
    return request.param


@pytest.fixture
def settings(database_url, tmp_path) -> dict:
    """The configuration the app under test runs with; tests may change it before `app` is built."""
    return {"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test secret",
            "WTF_CSRF_ENABLED": False, "INSTANCE_PATH": str(tmp_path / "instance")}


@pytest.fixture
def app(settings):
    app = create_app(settings)
    with app.app_context():
        drop_schema()
        upgrade()
    yield app
    with app.app_context():
        downgrade(revision="base")
        drop_schema()
        db.engine.dispose()


def drop_schema() -> None:
    """Remove what an interrupted run may have left, Alembic's bookkeeping included."""
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def client(app):
    return app.test_client()


class AuthActions:
    """Register, sign in and sign out through the real forms."""

    def __init__(self, client):
        self._client = client

    def register(self, email: str = "maya@example.com", password: str = PASSWORD):
        return self._client.post("/account/register",
                                 data={"email": email, "password": password, "confirm": password})

    def sign_in(self, email: str = "maya@example.com", password: str = PASSWORD):
        return self._client.post("/account/sign-in", data={"email": email, "password": password})

    def sign_out(self):
        return self._client.post("/account/sign-out")


@pytest.fixture
def auth(client):
    return AuthActions(client)
