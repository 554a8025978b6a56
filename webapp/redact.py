"""Keep signing links out of logs: the token in /sign/<token> is as good as the signer's pen."""

from __future__ import annotations

import logging
import re

from flask import Flask

# The secret part of a signing link, and a certificate's verification code.
SECRET_PATH = re.compile(r"(/(?:sign|verify)/)[^/\s?#\"'<>]+")
HIDDEN = r"\1[hidden]"

# Loggers that print request paths: the development server's, gunicorn's and the app's own.
LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")


def redact(text: str) -> str:
    """The text with every signing token and verification code replaced by [hidden]."""
    return SECRET_PATH.sub(HIDDEN, text)


class RedactLinks(logging.Filter):
    """A log filter that formats the message, then hides what `redact` hides."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = redact(message)
        if hidden != message:
            record.msg, record.args = hidden, None
        return True


def init_app(app: Flask) -> None:
    """Filter the loggers that may print a signing link (the same filter is added only once)."""
    for logger in (app.logger, *map(logging.getLogger, LOGGERS)):
        if not any(isinstance(f, RedactLinks) for f in logger.filters):
            logger.addFilter(RedactLinks())
