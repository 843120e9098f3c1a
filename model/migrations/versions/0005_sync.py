"""What the sync engine keeps: links to the server, versions, outbox, conflicts.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _application_id(*, primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        "application_id",
        sa.Integer(),
        sa.ForeignKey("applications.id"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "sync_links",
        _application_id(primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("server_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("assessment_revision", sa.Integer(), nullable=False),
        sa.Column("deferred", sa.JSON(), nullable=True),
        sa.Column("refusal", sa.JSON(), nullable=True),
        sa.UniqueConstraint("uid", name=op.f("uq_sync_links_uid")),
    )
    op.create_table(
        "sync_texts",
        _application_id(primary_key=True),
        sa.Column("field", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        _application_id(),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("field", sa.String(80), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("sent", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    op.create_index(
        op.f("ix_sync_outbox_application_id"), "sync_outbox", ["application_id"]
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        _application_id(),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("their_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        op.f("ix_sync_conflicts_application_id"), "sync_conflicts", ["application_id"]
    )


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_outbox")
    op.drop_table("sync_texts")
    op.drop_table("sync_links")
