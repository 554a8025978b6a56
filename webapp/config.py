"""Configuration: safe defaults, then `CLAUSEWRIGHT_*` environment variables, then the caller's."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from contracts.signing import DEFAULT_MAX_AGE

SECRET_KEY_FILE = "secret_key"


def default_settings(instance_path: str) -> dict[str, Any]:
    """What the app runs with when nothing is configured: SQLite in the instance folder."""
    return {
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / 'clausewright.sqlite'}",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # The token is bound to the session; a freelancer may leave a step open for days.
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # Signing links: lifetime in seconds, and the keys that sign them (newest first; default: SECRET_KEY).
        "LINK_MAX_AGE": DEFAULT_MAX_AGE,
        "SIGNING_KEYS": None,
        # The address links in emails and QR codes start with, when no request tells it (cron, workers).
        "BASE_URL": "",
        # Email goes out only when SMTP_HOST is set; otherwise the freelancer copies the link.
        "SMTP_HOST": "",
        "SMTP_PORT": None,
        "SMTP_USER": "",
        "SMTP_PASSWORD": "",
        "SMTP_FROM": "",
        "SMTP_STARTTLS": False,
        # Background jobs go to RQ on this Redis when set, and run inline otherwise.
        "REDIS_URL": "",
        # How many proxies in front of the app set X-Forwarded-For (0: use the peer address).
        "PROXY_HOPS": 0,
        # Requests per client address (Flask-Limiter notation); counted in Redis when REDIS_URL is set.
        "RATELIMIT_SIGN_IN": "10 per minute; 60 per hour",
        "RATELIMIT_REGISTER": "5 per minute; 20 per hour",
        "RATELIMIT_SIGN": "30 per minute",
        "RATELIMIT_VERIFY": "30 per minute",
        # After this many failed sign-ins in a row, an email waits LOCKOUT_SECONDS, doubling per failure.
        "LOCKOUT_AFTER": 5,
        "LOCKOUT_SECONDS": 60,
        "LOCKOUT_MAX_SECONDS": 3600,
    }


def configure(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Fill app.config from defaults, the environment and `overrides`, in that order."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(default_settings(app.instance_path))
    app.config.from_prefixed_env("CLAUSEWRIGHT")
    if overrides:
        app.config.from_mapping(overrides)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.config["DATABASE_URL"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # Writers queue for SQLite's single write lock instead of failing after the default 5 seconds.
        options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
        options["connect_args"] = {"timeout": 30, **options.get("connect_args", {})}
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def database_url(url: str) -> str:
    """The SQLAlchemy URL, with the installed psycopg 3 driver for bare PostgreSQL URLs."""
    for bare in ("postgres://", "postgresql://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url.removeprefix(bare)
    return url


def instance_secret_key(folder: Path) -> str:
    """The secret key kept in the instance folder, generated on first run."""
    path = folder / SECRET_KEY_FILE
    if not path.exists():
        draft = folder / f".{SECRET_KEY_FILE}.{secrets.token_hex(8)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(48))
        # A hard link appears complete or not at all: when several workers start at once,
        # exactly one key wins and nobody reads a half-written file.
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return read_secret_key(path)


def read_secret_key(path: Path) -> str:
    """Read a stored secret key, refusing an empty one."""
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it to generate a new secret key")
    return key
