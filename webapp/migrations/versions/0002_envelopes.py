"""Envelopes sent for signature, their signers, signatures and audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ANSWERS = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def when(name: str) -> sa.Column:
    """A moment that has not necessarily happened yet."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True)


def upgrade():
    """Create the envelopes, signers, signatures and events tables."""
    op.create_table(
        "envelopes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("freelancer_first", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("transition", sa.LargeBinary(), nullable=False),
        sa.Column("profile", ANSWERS, nullable=False),
        sa.Column("library_version", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        when("sent_at"), when("expires_at"), when("reminded_at"), when("completed_at"),
        sa.Column("signed_document", sa.LargeBinary(), nullable=True),
        sa.Column("signed_hash", sa.String(length=64), nullable=True),
        sa.Column("verification_code", sa.String(length=19), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("verification_code"),
    )
    op.create_index("ix_envelopes_contract_id", "envelopes", ["contract_id"])
    op.create_index("ix_envelopes_signed_hash", "envelopes", ["signed_hash"])
    op.create_index("ix_envelopes_user_id", "envelopes", ["user_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("envelope_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sa.String(length=45), nullable=False),
        sa.Column("user_agent", sa.String(length=500), nullable=False),
        sa.Column("detail", ANSWERS, nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["envelope_id"], ["envelopes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("envelope_id", "seq"),
    )
    op.create_table(
        "signers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("envelope_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        when("viewed_at"), when("declined_at"),
        sa.Column("decline_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["envelope_id"], ["envelopes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("envelope_id", "role"),
    )
    # One signature per signer, enforced by the database: concurrent requests cannot sign twice.
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=False),
        sa.Column("typed_name", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ip", sa.String(length=45), nullable=False),
        sa.Column("user_agent", sa.String(length=500), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("consent_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["signer_id"], ["signers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("signer_id"),
    )


def downgrade():
    """Drop the signing tables."""
    op.drop_table("signatures")
    op.drop_table("signers")
    op.drop_table("events")
    op.drop_index("ix_envelopes_user_id", table_name="envelopes")
    op.drop_index("ix_envelopes_signed_hash", table_name="envelopes")
    op.drop_index("ix_envelopes_contract_id", table_name="envelopes")
    op.drop_table("envelopes")
