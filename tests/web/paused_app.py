"""The app as gunicorn serves it, with one addition for fault tests: a signing request can be made to
stop and wait at a chosen point of its transaction, so a test can kill the worker right there.

The test writes the point's name in $CLAUSEWRIGHT_TEST_FAULTS/point; the worker, on reaching it,
writes its pid in .../paused and sleeps. Points: `signature` (the signature row inserted, nothing else
yet) and `commit` (everything written, the COMMIT about to be sent).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import event

from webapp import create_app
from webapp.extensions import db
from webapp.models import Signature

FOLDER = Path(os.environ["CLAUSEWRIGHT_TEST_FAULTS"])
signing = []


def pause_at(point: str) -> None:
    """Wait here (to be killed) when the test asked for this point."""
    chosen = FOLDER / "point"
    if chosen.exists() and chosen.read_text() == point:
        chosen.unlink()
        (FOLDER / "paused").write_text(str(os.getpid()))
        time.sleep(120)


def after_flush(session, _context) -> None:
    if any(isinstance(row, Signature) for row in session.new):
        signing.append(True)
        pause_at("signature")


def before_sending_commit(_connection) -> None:
    if signing:
        signing.clear()
        pause_at("commit")


def forget_signing(_connection) -> None:
    signing.clear()


app = create_app()
with app.app_context():
    event.listen(db.session, "after_flush", after_flush)
    event.listen(db.engine, "commit", before_sending_commit)
    event.listen(db.engine, "rollback", forget_signing)
