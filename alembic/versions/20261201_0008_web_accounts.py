"""web UI: accounts, appeal files, findings closed as false alarms

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 17:45:00
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "appeal_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("stored_name", sa.String(length=100), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["appeal_id"], ["appeals.id"], name=op.f("fk_appeal_files_appeal_id_appeals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_files")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_appeal_files_stored_name")),
    )
    with op.batch_alter_table("appeal_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeal_files_appeal_id"), ["appeal_id"], unique=False)
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_as", sa.String(length=20), nullable=True))
    # the review queue: pending events by id or points, per unit or check, and their counts per state
    with op.batch_alter_table("deduction_events", schema=None) as batch_op:
        batch_op.create_index("ix_deduction_events_state_id", ["state", "id"], unique=False)
        batch_op.create_index("ix_deduction_events_state_points", ["state", "points", "id"], unique=False)
        batch_op.create_index("ix_deduction_events_unit_state", ["unit_id", "state", "id"], unique=False)
        batch_op.create_index("ix_deduction_events_check_state", ["check_code", "state", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deduction_events", schema=None) as batch_op:
        batch_op.drop_index("ix_deduction_events_check_state")
        batch_op.drop_index("ix_deduction_events_unit_state")
        batch_op.drop_index("ix_deduction_events_state_points")
        batch_op.drop_index("ix_deduction_events_state_id")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_column("closed_as")
    with op.batch_alter_table("appeal_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appeal_files_appeal_id"))
    op.drop_table("appeal_files")
    op.drop_table("users")
