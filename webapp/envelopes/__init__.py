"""Envelopes: sending a contract for signature, following it, and the commands cron runs."""

from flask import Flask

from webapp.envelopes.cli import envelopes_cli
from webapp.envelopes.states import actor_label, document_label, event_label, status_label
from webapp.envelopes.views import bp


def init_app(app: Flask) -> None:
    """Register the freelancer's pages and the `flask envelopes ...` commands."""
    app.register_blueprint(bp)
    app.cli.add_command(envelopes_cli)
    for helper in (status_label, event_label, actor_label, document_label):
        app.add_template_global(helper)
