"""`flask --app webapp envelopes remind|expire|check`: the jobs cron runs, and the audit check."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from webapp.clock import utcnow
from webapp.envelopes.ceremony import expire
from webapp.envelopes.links import PENDING
from webapp.envelopes.trail import first_tampered
from webapp.extensions import db
from webapp.jobs import email_sign_link, notify
from webapp.mail import mail_configured
from webapp.models import Envelope


@click.group("envelopes")
def envelopes_cli() -> None:
    """Reminders, expiry and audit checks of envelopes sent for signature."""


@envelopes_cli.command("remind")
@click.option("--days", default=3, show_default=True, type=click.IntRange(min=0),
              help="Remind clients whose link expires within this many days.")
@with_appcontext
def remind(days: int) -> None:
    """Email each client whose link expires soon a reminder, once per envelope."""
    if not mail_configured():
        raise click.ClickException("email is not configured (set CLAUSEWRIGHT_SMTP_HOST): no reminder sent")
    if not current_app.config.get("BASE_URL"):
        raise click.ClickException("set CLAUSEWRIGHT_BASE_URL so the reminder's link points at this site")
    now = utcnow()
    due = db.session.scalars(select(Envelope).where(
        Envelope.status.in_(PENDING), Envelope.reminded_at.is_(None),
        Envelope.expires_at > now, Envelope.expires_at <= now + timedelta(days=days))).all()
    sent = 0
    for envelope in due:
        # Marked before sending, so a second run (or a slow worker) never reminds twice.
        envelope.reminded_at = now
        db.session.commit()
        if notify(email_sign_link, envelope.id, True):
            sent += 1
        else:
            envelope.reminded_at = None
            db.session.commit()
    click.echo(f"{sent} reminder(s) sent, {len(due) - sent} failed.")


@envelopes_cli.command("expire")
@with_appcontext
def expire_due() -> None:
    """Mark envelopes whose links have run out as expired."""
    now = utcnow()
    due = db.session.scalars(select(Envelope).where(Envelope.status.in_(PENDING), Envelope.expires_at <= now)).all()
    expired = 0
    for envelope in due:
        expired += expire(envelope)
        db.session.commit()
    click.echo(f"{expired} envelope(s) expired.")


@envelopes_cli.command("check")
@click.argument("envelope_id", required=False)
@with_appcontext
def check(envelope_id: str | None) -> None:
    """Check the audit trail of one envelope, or of all; exit 1 if any was altered."""
    ids = [envelope_id] if envelope_id else db.session.scalars(select(Envelope.id).order_by(Envelope.created_at)).all()
    broken = 0
    for each in ids:
        if db.session.get(Envelope, each) is None:
            raise click.ClickException(f"no envelope {each}")
        seq = first_tampered(each)
        click.echo(f"{each}: intact" if seq is None else f"{each}: ALTERED at event {seq}")
        broken += seq is not None
    if broken:
        raise SystemExit(1)
