"""Email through the SMTP server configured as CLAUSEWRIGHT_SMTP_* (host, port, user, password, from, starttls)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, render_template

DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


class MailError(Exception):
    """The SMTP server could not be reached or refused the message."""


def mail_configured() -> bool:
    """Whether email goes out at all (an SMTP host is set)."""
    return bool(current_app.config.get("SMTP_HOST"))


def compose(template: str, to: str, subject: str, attachments: dict[str, bytes] | None = None,
            **context) -> EmailMessage:
    """A message with a plain-text and an HTML body, from mail/<template>.txt and .html."""
    config = current_app.config
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = config.get("SMTP_FROM") or f"Clausewright <no-reply@{config['SMTP_HOST']}>"
    message["To"] = to
    message["Message-ID"] = make_msgid(domain="clausewright")
    message.set_content(render_template(f"mail/{template}.txt", **context))
    message.add_alternative(render_template(f"mail/{template}.html", **context), subtype="html")
    for name, data in (attachments or {}).items():
        message.add_attachment(data, maintype=DOCX[0], subtype=DOCX[1], filename=name)
    return message


def deliver(message: EmailMessage) -> None:
    """Hand the message to the SMTP server; MailError if that fails."""
    config = current_app.config
    starttls = config.get("SMTP_STARTTLS")
    port = int(config.get("SMTP_PORT") or (587 if starttls else 25))
    try:
        with smtplib.SMTP(config["SMTP_HOST"], port, timeout=30) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if config.get("SMTP_USER"):
                smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(str(error)) from error
