"""The time the app acts on: the real clock, or the one a test sets as `CLOCK` (seconds since 1970)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from flask import current_app


def clock() -> Callable[[], float]:
    """The app's clock, as a function returning seconds since the epoch."""
    return current_app.config.get("CLOCK") or time.time


def utcnow() -> datetime:
    """The current moment in UTC, by the app's clock."""
    return datetime.fromtimestamp(clock()(), UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC datetime (SQLite gives them back without a zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
