"""The web app's tables: freelancers, their contracts, the envelopes sent for signature, and endings."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from flask_login import UserMixin, current_user
from sqlalchemy import (
    JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, Numeric, String, Text, UniqueConstraint, select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from webapp.extensions import db

Answers = JSON().with_variant(JSONB(), "postgresql")


def now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class User(UserMixin, db.Model):
    """A freelancer with an account, and the business details every new contract starts from."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    business: Mapped[dict[str, Any]] = mapped_column(Answers, default=dict)
    locale: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    contracts: Mapped[list[Contract]] = relationship(
        back_populates="owner", cascade="all, delete-orphan", passive_deletes=True
    )


class SignInFailures(db.Model):
    """Failed sign-ins in a row for one email address (with an account or not), and until when it waits."""

    __tablename__ = "sign_in_failures"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Contract(db.Model):
    """One contract being written: the interview answers so far and which steps are done."""

    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(Answers, default=dict)
    completed: Mapped[list[str]] = mapped_column(Answers, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    client_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(10), default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)

    owner: Mapped[User] = relationship(back_populates="contracts")
    # Deleting a contract keeps what was sent for signature: the envelopes only lose the link back.
    envelopes: Mapped[list[Envelope]] = relationship(back_populates="contract", order_by="Envelope.created_at")

    def record(self, answers: dict[str, Any], completed: list[str]) -> None:
        """Store new answers and completed steps, keeping the dashboard columns in step."""
        self.answers = answers
        self.completed = completed
        client = answers.get("client") or {}
        self.client_name = str(client.get("name") or "")[:200]
        self.language = str(answers.get("language") or "en")


def own_contract(contract_id: int) -> Contract:
    """The signed-in freelancer's contract with this id; 404 for anyone else's."""
    query = select(Contract).where(Contract.id == contract_id, Contract.user_id == current_user.id)
    return db.first_or_404(query)


def own_contracts() -> list[Contract]:
    """The signed-in freelancer's contracts, newest first."""
    query = select(Contract).where(Contract.user_id == current_user.id)
    return list(db.session.scalars(query.order_by(Contract.created_at.desc(), Contract.id.desc())))


def new_envelope_id() -> str:
    """A random public id for an envelope, printed on its certificate."""
    return str(uuid.uuid4())


class Envelope(db.Model):
    """A document frozen for signature: the exact bytes sent, their hash, and where signing stands.

    A `contract` is signed by both parties; a `plan` (the dated transition plan of an ending) is issued
    by the freelancer and acknowledged by the client, and points at the contract envelope it ends.
    """

    __tablename__ = "envelopes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_envelope_id)
    kind: Mapped[str] = mapped_column(String(20), default="contract", server_default="contract")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("envelopes.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contracts.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    freelancer_first: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(300))
    client_name: Mapped[str] = mapped_column(String(200))
    document: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    document_hash: Mapped[str] = mapped_column(String(64))
    html: Mapped[str] = mapped_column(Text, deferred=True)
    transition: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    profile: Mapped[dict[str, Any]] = mapped_column(Answers)
    library_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_document: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    signed_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    verification_code: Mapped[str | None] = mapped_column(String(19), unique=True)

    owner: Mapped[User] = relationship()
    contract: Mapped[Contract | None] = relationship(back_populates="envelopes")
    signers: Mapped[list[Signer]] = relationship(back_populates="envelope", order_by="Signer.id",
                                                 cascade="all, delete-orphan", passive_deletes=True)
    events: Mapped[list[Event]] = relationship(order_by="Event.seq", cascade="all, delete-orphan",
                                               passive_deletes=True)
    plans: Mapped[list[Envelope]] = relationship(order_by="Envelope.created_at")
    ending: Mapped[Ending | None] = relationship(back_populates="envelope", uselist=False)

    @property
    def is_plan(self) -> bool:
        """Whether this is a dated transition plan (issued and acknowledged) rather than a contract."""
        return self.kind == "plan"

    def signer(self, role: str) -> Signer:
        """The freelancer's or the client's signer row."""
        return next(s for s in self.signers if s.role == role)


class Signer(db.Model):
    """One party asked to sign an envelope; its nonce makes its links valid (a new nonce kills them)."""

    __tablename__ = "signers"
    __table_args__ = (UniqueConstraint("envelope_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    envelope_id: Mapped[str] = mapped_column(ForeignKey("envelopes.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254))
    nonce: Mapped[str] = mapped_column(String(64))
    viewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    declined_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decline_reason: Mapped[str] = mapped_column(Text, default="")

    envelope: Mapped[Envelope] = relationship(back_populates="signers")
    signature: Mapped[Signature | None] = relationship(back_populates="signer", uselist=False)


class Signature(db.Model):
    """A signer's signature. The unique signer id makes signing happen once, however many requests race."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    signer_id: Mapped[int] = mapped_column(ForeignKey("signers.id", ondelete="CASCADE"), unique=True)
    typed_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ip: Mapped[str] = mapped_column(String(45))
    user_agent: Mapped[str] = mapped_column(String(500))
    document_hash: Mapped[str] = mapped_column(String(64))
    consent_hash: Mapped[str] = mapped_column(String(64))

    signer: Mapped[Signer] = relationship(back_populates="signature")


class Event(db.Model):
    """One line of an envelope's audit trail, sealed to the line before it by a hash."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("envelope_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    envelope_id: Mapped[str] = mapped_column(ForeignKey("envelopes.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ip: Mapped[str] = mapped_column(String(45), default="")
    user_agent: Mapped[str] = mapped_column(String(500), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(Answers, default=dict)
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Ending(db.Model):
    """How a signed contract ended: who ended it, the notice date and the fees actually paid."""

    __tablename__ = "endings"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    envelope_id: Mapped[str] = mapped_column(ForeignKey("envelopes.id", ondelete="CASCADE"), unique=True)
    ended_by: Mapped[str] = mapped_column(String(20))
    notice_date: Mapped[date] = mapped_column(Date)
    fees_paid: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)

    envelope: Mapped[Envelope] = relationship(back_populates="ending")
    requests: Mapped[list[ExitRequest]] = relationship(order_by="ExitRequest.received_on",
                                                       cascade="all, delete-orphan", passive_deletes=True)


class ExitRequest(db.Model):
    """A request from the former client after the ending, and how the contract answers it."""

    __tablename__ = "exit_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    ending_id: Mapped[int] = mapped_column(ForeignKey("endings.id", ondelete="CASCADE"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(30), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    clause_id: Mapped[str] = mapped_column(String(80), default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))  # the hourly rate or the buyout price
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    def answered(self, result: Any) -> ExitRequest:
        """Keep how the contract answers this request (a contracts.requests.Answer)."""
        self.topic, self.outcome, self.clause_id, self.reply, self.price = (
            result.topic, result.outcome, result.clause_id, result.reply, result.price)
        return self


def own_envelope(envelope_id: str) -> Envelope:
    """The signed-in freelancer's envelope with this id; 404 for anyone else's."""
    query = select(Envelope).where(Envelope.id == envelope_id, Envelope.user_id == current_user.id)
    return db.first_or_404(query)


def own_envelopes() -> list[Envelope]:
    """The signed-in freelancer's envelopes, newest first."""
    query = select(Envelope).where(Envelope.user_id == current_user.id).options(selectinload(Envelope.ending))
    return list(db.session.scalars(query.order_by(Envelope.created_at.desc())))
