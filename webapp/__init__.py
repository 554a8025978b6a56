"""Clausewright's web app: freelancers sign in, answer the interview and download their contract."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from webapp import (
    auth, backup, contracts, database, envelopes, errors, exits, i18n, limits, redact, security, sign, templating,
    verify, wizard,
)
from webapp.config import configure
from webapp.extensions import csrf, db, migrate

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides the environment (tests pass their database here)."""
    instance = (config or {}).get("INSTANCE_PATH") or os.environ.get("CLAUSEWRIGHT_INSTANCE_PATH")
    app = Flask(__name__, instance_path=os.path.abspath(instance) if instance else None,
                instance_relative_config=True)
    configure(app, config)
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    security.init_app(app)
    redact.init_app(app)
    if app.config["PROXY_HOPS"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_HOPS"], x_proto=app.config["PROXY_HOPS"],
                                x_host=app.config["PROXY_HOPS"])

    auth.init_app(app)
    app.register_blueprint(contracts.bp)
    app.register_blueprint(wizard.bp)
    envelopes.init_app(app)
    backup.init_app(app)
    app.register_blueprint(exits.bp)
    app.register_blueprint(sign.bp)
    app.register_blueprint(verify.bp)
    limits.init_app(app)
    return app
