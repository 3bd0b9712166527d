"""deduction_events.rule holds a check code: name it check_code, like findings and allow_entries.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deduction_events") as batch:
        batch.alter_column("rule", new_column_name="check_code")


def downgrade() -> None:
    with op.batch_alter_table("deduction_events") as batch:
        batch.alter_column("check_code", new_column_name="rule")
