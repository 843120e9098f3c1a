"""Notifications of decisions, and an index for the assessor queue.

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
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("decided", name="notificationkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_notifications_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notifications_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notifications_application_id"), ["application_id"]
        )
        batch_op.create_index("ix_notifications_user_read", ["user_id", "read_at"])
    with op.batch_alter_table("applications") as batch_op:
        # Covers every column the assessor queue reads, so listing 100,000
        # waiting applications never visits the table itself.
        batch_op.create_index(
            "ix_applications_queue",
            [
                "status",
                "decision_due",
                "submitted_at",
                "educator_id",
                "credential_id",
                "attempt",
                "code",
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch_op:
        batch_op.drop_index("ix_applications_queue")
    with op.batch_alter_table("notifications") as batch_op:
        batch_op.drop_index("ix_notifications_user_read")
        batch_op.drop_index(batch_op.f("ix_notifications_application_id"))
    op.drop_table("notifications")
