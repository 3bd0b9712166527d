"""Merge the crawl (0003: page links and link checks) and assessment (0004) branches.

Revision ID: 0005
Revises: 0003, 0004
Create Date: 2026-11-30
"""
from collections.abc import Sequence

revision: str = "0005"
down_revision: str | Sequence[str] | None = ("0003", "0004")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
