"""E-mail: the language of each account's e-mails, and the outbox.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(
            sa.Column(
                "language", sa.String(length=2), server_default="en", nullable=False
            )
        )
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=600), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
    )
    with op.batch_alter_table("mail_outbox") as batch_op:
        batch_op.create_index(
            "ix_mail_outbox_unsent", ["sent_at", "next_attempt_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mail_outbox") as batch_op:
        batch_op.drop_index("ix_mail_outbox_unsent")
    op.drop_table("mail_outbox")
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("language")
