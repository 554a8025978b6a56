"""The audit trail: append-only events, each sealed to the one before it (contracts/audit.py)."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from sqlalchemy import select, update

from contracts.audit import GENESIS, chain_hash, first_broken
from webapp.clock import as_utc, utcnow
from webapp.extensions import db
from webapp.models import Envelope, Event


def lock(envelope: Envelope) -> None:
    """Hold the envelope's row until commit, so its events are appended one writer at a time.

    An UPDATE takes a row lock on PostgreSQL and the write lock on SQLite; whatever the
    transaction reads afterwards is what it will build on.
    """
    db.session.execute(update(Envelope).where(Envelope.id == envelope.id).values(updated_at=utcnow()))


def move(envelope: Envelope, allowed: set[str], status: str) -> bool:
    """Change the status only if it is still one of `allowed`, in one statement; False if not."""
    result = db.session.execute(
        update(Envelope).where(Envelope.id == envelope.id, Envelope.status.in_(allowed))
        .values(status=status, updated_at=utcnow())
    )
    db.session.refresh(envelope, ["status"])
    return result.rowcount == 1


def client_facts() -> tuple[str, str]:
    """The IP address and browser of the request being served, if any."""
    if not has_request_context():
        return "", ""
    return (request.remote_addr or "")[:45], request.user_agent.string[:500]


def record(envelope: Envelope, kind: str, actor: str, **detail: Any) -> Event:
    """Append an event to the envelope's trail; the caller commits."""
    lock(envelope)
    head = db.session.execute(
        select(Event.seq, Event.hash).where(Event.envelope_id == envelope.id).order_by(Event.seq.desc()).limit(1)
    ).first()
    seq, previous = (head.seq + 1, head.hash) if head else (1, GENESIS)
    ip, user_agent = client_facts()
    event = Event(envelope_id=envelope.id, seq=seq, kind=kind, actor=actor, at=utcnow(), ip=ip,
                  user_agent=user_agent, detail=detail, previous_hash=previous)
    event.hash = chain_hash(previous, sealed(event))
    db.session.add(event)
    db.session.flush()
    return event


def sealed(event: Event) -> dict[str, Any]:
    """The fields of an event that its hash covers."""
    return {"envelope": event.envelope_id, "seq": event.seq, "kind": event.kind, "actor": event.actor,
            "at": as_utc(event.at).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "ip": event.ip,
            "user_agent": event.user_agent, "detail": event.detail or {}}


def events(envelope_id: str) -> list[Event]:
    """The envelope's events as stored, oldest first."""
    return list(db.session.scalars(select(Event).where(Event.envelope_id == envelope_id).order_by(Event.seq)))


def first_tampered(envelope_id: str) -> int | None:
    """The sequence number of the first event whose hash does not hold, or None for an intact trail."""
    stored = events(envelope_id)
    broken = first_broken((sealed(e), e.previous_hash, e.hash) for e in stored)
    return None if broken is None else stored[broken].seq
