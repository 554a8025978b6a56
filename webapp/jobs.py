"""Background work behind one seam: `enqueue(job, *args)` runs on RQ when CLAUSEWRIGHT_REDIS_URL is set,
and right away otherwise. Jobs take plain ids, so a worker can run them from its own app."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from babel.dates import format_date
from flask import current_app, has_app_context
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp.envelopes.links import link_token
from webapp.envelopes.trail import record
from webapp.extensions import db
from webapp.mail import MailError, compose, deliver, mail_configured
from webapp.models import Envelope
from webapp.urls import external_url


def enqueue(job: Callable, *args) -> None:
    """Run `job(*args)`: queued on RQ when Redis is configured, inline otherwise."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        job(*args)
        return
    try:
        from redis import Redis
        from rq import Queue
    except ImportError as missing:
        raise RuntimeError("CLAUSEWRIGHT_REDIS_URL is set but RQ is not installed: pip install rq") from missing
    Queue(connection=Redis.from_url(url)).enqueue(job, *args)


def notify(job: Callable, *args) -> bool:
    """Send an email job when SMTP is configured; False (and a log line) when it could not go."""
    if not mail_configured():
        return False
    try:
        enqueue(job, *args)
    except MailError as error:
        current_app.logger.warning("email for %s not sent: %s", args, error)
        return False
    return True


def in_app(job: Callable) -> Callable:
    """Give a job an app context when a worker runs it outside one."""
    @wraps(job)
    def run(*args):
        if has_app_context():
            return job(*args)
        from webapp import create_app

        with create_app().app_context():
            return job(*args)
    return run


def language(envelope: Envelope, reader: str) -> str:
    """The language of an email: the contract's for the client, the freelancer's own for them."""
    available = current_app.config["UI_LOCALES"]
    chosen = envelope.owner.locale if reader == "freelancer" and envelope.owner.locale else envelope.language
    return chosen if chosen in available else "en"


def send(envelope: Envelope, template: str, subject: str, to: str, attachments: dict[str, bytes] | None = None,
         **context) -> None:
    """Compose and send one email about an envelope, and note it on the audit trail."""
    deliver(compose(template, to, subject, attachments, envelope=envelope, **context))
    record(envelope, "emailed", "system", to=to, message=template)
    db.session.commit()


@in_app
def email_sign_link(envelope_id: str, reminder: bool = False) -> None:
    """Email the client the link to sign (or a reminder of it)."""
    envelope = db.session.get(Envelope, envelope_id)
    client = envelope.signer("client")
    with force_locale(language(envelope, "client")):
        freelancer = envelope.profile["freelancer"]["name"]
        if envelope.is_plan:
            subject = (_("Reminder: %(freelancer)s is waiting for your acknowledgment", freelancer=freelancer)
                       if reminder else _("%(freelancer)s sent you a transition plan to acknowledge",
                                          freelancer=freelancer))
        else:
            subject = (_("Reminder: %(freelancer)s is waiting for your signature", freelancer=freelancer) if reminder
                       else _("%(freelancer)s sent you a contract to sign", freelancer=freelancer))
        expires = format_date(envelope.expires_at, "long", locale=language(envelope, "client"))
        link = external_url("sign.page", token=link_token(client))
        send(envelope, "sign_link", subject, client.email, signer=client, freelancer=freelancer,
             link=link, expires=expires, reminder=reminder)


@in_app
def email_client_signed(envelope_id: str) -> None:
    """Tell the freelancer the client signed: countersign now, or it is complete."""
    tell_freelancer(envelope_id, "client_signed")


@in_app
def email_completed(envelope_id: str) -> None:
    """Send both parties the signed contract, with its certificate, as an attachment."""
    envelope = db.session.get(Envelope, envelope_id)
    attachment = {f"signed-{envelope.id[:8]}.docx": envelope.signed_document}
    for signer in envelope.signers:
        reader = signer.role
        to = envelope.owner.email if reader == "freelancer" else signer.email
        with force_locale(language(envelope, reader)):
            subject = (_("Issued and acknowledged: %(title)s", title=envelope.title) if envelope.is_plan
                       else _("Signed by both parties: %(title)s", title=envelope.title))
            link = (external_url("envelopes.show", envelope_id=envelope.id) if reader == "freelancer"
                    else external_url("sign.page", token=link_token(signer)))
            send(envelope, "completed", subject, to, attachment, signer=signer, link=link)


@in_app
def email_declined(envelope_id: str) -> None:
    """Tell the freelancer the client declined, and why."""
    tell_freelancer(envelope_id, "declined")


@in_app
def email_commented(envelope_id: str) -> None:
    """Tell the freelancer the client commented on a plan, and what they said."""
    tell_freelancer(envelope_id, "commented")


NOTICES = {"client_signed": _l("%(client)s signed %(title)s"), "declined": _l("%(client)s declined %(title)s"),
           "acknowledged": _l("%(client)s acknowledged %(title)s"), "commented": _l("%(client)s commented on %(title)s")}


def tell_freelancer(envelope_id: str, template: str) -> None:
    """Email the freelancer what the client did, with a link to the envelope."""
    envelope = db.session.get(Envelope, envelope_id)
    client = envelope.signer("client")
    notice = "acknowledged" if envelope.is_plan and template == "client_signed" else template
    with force_locale(language(envelope, "freelancer")):
        subject = str(NOTICES[notice]) % {"client": client.name, "title": envelope.title}
        link = external_url("envelopes.show", envelope_id=envelope.id)
        comment = next((e.detail["text"] for e in reversed(envelope.events) if e.kind == "commented"), "")
        send(envelope, template, subject, envelope.owner.email, client=client, link=link, comment=comment)
