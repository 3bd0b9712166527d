"""WARC records written during the crawl, indexed per snapshot; screenshots of pages with text findings.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "warc_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=100), nullable=False),
        sa.Column("payload_digest", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshots.id"], name=op.f("fk_warc_records_snapshot_id_snapshots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warc_records")),
        sa.UniqueConstraint("snapshot_id", name=op.f("uq_warc_records_snapshot_id")),
    )

    op.create_table(
        "screenshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshots.id"], name=op.f("fk_screenshots_snapshot_id_snapshots")),
        sa.ForeignKeyConstraint(["content_hash"], ["blobs.sha256"], name=op.f("fk_screenshots_content_hash_blobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenshots")),
        sa.UniqueConstraint("snapshot_id", name=op.f("uq_screenshots_snapshot_id")),
    )


def downgrade() -> None:
    op.drop_table("screenshots")
    op.drop_table("warc_records")
