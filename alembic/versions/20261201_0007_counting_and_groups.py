"""counting and groups: units.parent (county grouping), deduction_events.counted_subject and as_of

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent", sa.String(length=100), nullable=True))
    with op.batch_alter_table("deduction_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counted_subject", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("as_of", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_deduction_events_counted_subject"), ["counted_subject"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deduction_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deduction_events_counted_subject"))
        batch_op.drop_column("as_of")
        batch_op.drop_column("counted_subject")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_column("parent")
