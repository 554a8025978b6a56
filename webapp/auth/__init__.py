"""Freelancer accounts: register, sign in, sign out, business details."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from webapp.auth.views import bp
from webapp.extensions import db, login
from webapp.models import User


def init_app(app: Flask) -> None:
    """Register the blueprint and teach Flask-Login how to find a freelancer."""
    login.init_app(app)
    login.login_view = "auth.sign_in"
    login.login_message = _l("Please sign in to see this page.")
    login.login_message_category = "info"
    # The session stores plain text; the lazy message is translated as it is flashed.
    login.localize_callback = str
    login.user_loader(load_user)
    app.register_blueprint(bp)


def load_user(user_id: str) -> User | None:
    """The freelancer a session names, if they still exist."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
