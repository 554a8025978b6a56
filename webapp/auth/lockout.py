"""Sign-in back-off: after LOCKOUT_AFTER failures in a row, an email address waits, longer each time.

Kept in the database, so every worker and server agrees; kept per email whether or not it has an
account, so the wait tells nobody which addresses are registered.
"""

from __future__ import annotations

import math
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from webapp.clock import as_utc, utcnow
from webapp.extensions import db
from webapp.models import SignInFailures


def seconds_to_wait(email: str) -> int:
    """How long this email must wait before its password is checked again; 0 when it may try now."""
    row = db.session.get(SignInFailures, email)
    if row is None or row.locked_until is None:
        return 0
    return max(0, math.ceil((as_utc(row.locked_until) - utcnow()).total_seconds()))


def note_failure(email: str) -> None:
    """Count one more failure in a row, and from LOCKOUT_AFTER on, make the email wait (doubling each time)."""
    failures = count_failure(email)
    config = current_app.config
    beyond = failures - config["LOCKOUT_AFTER"]
    if beyond >= 0:
        wait = min(config["LOCKOUT_MAX_SECONDS"], config["LOCKOUT_SECONDS"] * 2 ** min(beyond, 20))
        db.session.execute(update(SignInFailures).where(SignInFailures.email == email)
                           .values(locked_until=utcnow() + timedelta(seconds=wait)))
    db.session.commit()


def count_failure(email: str) -> int:
    """Add one to the email's failures in one statement (simultaneous failures all count); the new count."""
    counted = update(SignInFailures).where(SignInFailures.email == email).values(count=SignInFailures.count + 1)
    if db.session.execute(counted).rowcount == 0:
        db.session.add(SignInFailures(email=email, count=1))
        try:
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            db.session.execute(counted)
    row = db.session.get(SignInFailures, email, populate_existing=True)
    return row.count


def forget_failures(email: str) -> None:
    """A successful sign-in starts the count again (the caller commits)."""
    db.session.execute(delete(SignInFailures).where(SignInFailures.email == email))
