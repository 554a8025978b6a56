"""Configuration: safe defaults, the environment, a secret key generated once, the schema by command."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from webapp import create_app
from webapp.config import database_url, instance_secret_key
from webapp.extensions import db


def test_defaults_put_sqlite_and_a_generated_secret_key_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAUSEWRIGHT_SECRET_KEY", raising=False)
    monkeypatch.delenv("CLAUSEWRIGHT_DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance")})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'instance' / 'clausewright.sqlite'}"
    key = (tmp_path / "instance" / "secret_key").read_text().strip()
    assert len(key) >= 40 and app.config["SECRET_KEY"] == key
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o077 == 0
    again = create_app({"INSTANCE_PATH": str(tmp_path / "instance")})
    assert again.config["SECRET_KEY"] == key
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_each_instance_folder_gets_its_own_key(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert instance_secret_key(tmp_path / "a") != instance_secret_key(tmp_path / "b")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["secret_key"]


def test_environment_variables_configure_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSEWRIGHT_DATABASE_URL", "postgresql://app@db.internal/clausewright")
    monkeypatch.setenv("CLAUSEWRIGHT_SECRET_KEY", "from the environment")
    monkeypatch.setenv("CLAUSEWRIGHT_SESSION_COOKIE_SECURE", "true")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://app@db.internal/clausewright"
    assert app.config["SECRET_KEY"] == "from the environment"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize(("given", "used"), [
    ("sqlite:////srv/cw.sqlite", "sqlite:////srv/cw.sqlite"),
    ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
    ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
])
def test_database_urls_use_the_installed_driver(given, used):
    assert database_url(given) == used


def test_db_upgrade_command_creates_the_schema(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x"})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert {"users", "contracts", "alembic_version"} <= set(inspect(db.engine).get_table_names())
        db.engine.dispose()


def test_migrations_match_the_models(app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []


def test_serve_sets_up_the_database_and_prints_the_address(tmp_path, monkeypatch, capsys):
    from webapp import serve

    monkeypatch.setenv("CLAUSEWRIGHT_INSTANCE_PATH", str(tmp_path))
    served = {}
    monkeypatch.setattr(serve, "run_simple", lambda host, port, app, **_: served.update(app=app, port=port))
    serve.main(["--port", "5123"])
    assert "http://127.0.0.1:5123/" in capsys.readouterr().out
    assert (tmp_path / "clausewright.sqlite").exists() and served["port"] == 5123
    with served["app"].app_context():
        assert "contracts" in inspect(db.engine).get_table_names()
        db.engine.dispose()


def test_signing_links_are_configured_from_the_environment(tmp_path, monkeypatch):
    from webapp.envelopes.links import signing_keys

    monkeypatch.setenv("CLAUSEWRIGHT_SIGNING_KEYS", "new key, old key")
    monkeypatch.setenv("CLAUSEWRIGHT_LINK_MAX_AGE", "86400")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x"})
    with app.app_context():
        assert signing_keys() == ["new key", "old key"]
    assert app.config["LINK_MAX_AGE"] == 86400


def test_signing_keys_default_to_the_secret_key(tmp_path):
    from webapp.envelopes.links import signing_keys

    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "the secret", "SECRET_KEY_FALLBACKS": ["older"]})
    with app.app_context():
        assert signing_keys() == ["the secret", "older"]
    assert app.config["LINK_MAX_AGE"] == 14 * 24 * 3600


def test_every_response_carries_security_headers(client):
    response = client.get("/account/sign-in")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
