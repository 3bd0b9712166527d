"""The check memo: per-document results of the checks' pure steps, by content and code fingerprint.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "check_memo",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_check_memo")),
    )
    op.create_index(op.f("ix_check_memo_fingerprint"), "check_memo", ["fingerprint"])


def downgrade() -> None:
    op.drop_index(op.f("ix_check_memo_fingerprint"), table_name="check_memo")
    op.drop_table("check_memo")
