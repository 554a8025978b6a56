"""Ending an engagement: plan envelopes that point at the contract they end, endings, exit requests.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    """Add envelopes.kind and envelopes.parent_id; create the endings and exit_requests tables."""
    with op.batch_alter_table("envelopes") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="contract"))
        batch.add_column(sa.Column("parent_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key("fk_envelopes_parent_id_envelopes", "envelopes", ["parent_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_envelopes_parent_id", ["parent_id"])
    op.create_table(
        "endings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("envelope_id", sa.String(length=36), nullable=False),
        sa.Column("ended_by", sa.String(length=20), nullable=False),
        sa.Column("notice_date", sa.Date(), nullable=False),
        sa.Column("fees_paid", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["envelope_id"], ["envelopes.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("envelope_id"),
    )
    op.create_index("ix_endings_user_id", "endings", ["user_id"])
    op.create_table(
        "exit_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ending_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("topic", sa.String(length=30), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("clause_id", sa.String(length=80), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("price", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["ending_id"], ["endings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_exit_requests_ending_id", "exit_requests", ["ending_id"])


def downgrade():
    """Drop exit_requests and endings, and the envelopes' kind and parent_id."""
    op.drop_index("ix_exit_requests_ending_id", table_name="exit_requests")
    op.drop_table("exit_requests")
    op.drop_index("ix_endings_user_id", table_name="endings")
    op.drop_table("endings")
    with op.batch_alter_table("envelopes") as batch:
        batch.drop_index("ix_envelopes_parent_id")
        batch.drop_constraint("fk_envelopes_parent_id_envelopes", type_="foreignkey")
        batch.drop_column("parent_id")
        batch.drop_column("kind")
