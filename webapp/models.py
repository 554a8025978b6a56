"""The web app's tables: freelancers and their contracts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_login import UserMixin, current_user
from sqlalchemy import JSON, DateTime, ForeignKey, String, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
