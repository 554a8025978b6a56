"""The database connection: SQLite tuned for several processes, and a plain page when the database is away."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.exc import InterfaceError, OperationalError

from webapp.extensions import db, login

UNAVAILABLE = _l("Clausewright cannot reach its database right now. Nothing from this request was saved: "
                 "please try again in a minute.")


def init_app(app: Flask) -> None:
    """Turn on SQLite's write-ahead log, and answer 503 when the database cannot be reached."""
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            event.listen(db.engine, "connect", use_write_ahead_log)
    for error in (OperationalError, InterfaceError):
        app.register_error_handler(error, show_unavailable)


def use_write_ahead_log(connection, _record) -> None:
    """Readers never wait for the writer (the busy timeout that makes writers queue is in config)."""
    connection.execute("PRAGMA journal_mode=WAL")


def show_unavailable(error: OperationalError | InterfaceError):
    """Say the database is unreachable, without a stack trace; the transaction was rolled back."""
    current_app.logger.error("database unavailable: %s", first_line(error.orig or error))
    try:
        db.session.remove()
    except Exception:  # noqa: BLE001 - the connection is already gone; the pool replaces it
        pass
    # The page must not ask the database who is signed in.
    g._login_user = login.anonymous_user()
    page = render_template("error.html", code=503, message=UNAVAILABLE)
    return page, 503, {"Retry-After": "30"}


def first_line(error: BaseException) -> str:
    """The kind of failure and its first line: never the SQL or its parameters."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
