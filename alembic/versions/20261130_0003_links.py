"""links found on crawled pages and link checks

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-30 08:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("source_snapshot_id", sa.Integer(), nullable=True),
        sa.Column("attachment", sa.Boolean(), nullable=False),
        sa.Column("first_seen_run_id", sa.Integer(), nullable=False),
        sa.Column("last_seen_run_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_page_links_unit_id_units")),
        sa.ForeignKeyConstraint(["source_snapshot_id"], ["snapshots.id"],
                                name=op.f("fk_page_links_source_snapshot_id_snapshots")),
        sa.ForeignKeyConstraint(["first_seen_run_id"], ["crawl_runs.id"],
                                name=op.f("fk_page_links_first_seen_run_id_crawl_runs")),
        sa.ForeignKeyConstraint(["last_seen_run_id"], ["crawl_runs.id"],
                                name=op.f("fk_page_links_last_seen_run_id_crawl_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_links")),
        sa.UniqueConstraint("unit_id", "url", name=op.f("uq_page_links_unit_id_url")),
    )
    with op.batch_alter_table("page_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_links_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_page_links_last_seen_run_id"), ["last_seen_run_id"], unique=False)
    op.create_table(
        "link_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("crawl_run_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error_kind", sa.String(length=20), nullable=True),
        sa.Column("elapsed_ms", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["crawl_run_id"], ["crawl_runs.id"], name=op.f("fk_link_checks_crawl_run_id_crawl_runs")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_link_checks_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_checks")),
    )
    with op.batch_alter_table("link_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_checks_crawl_run_id"), ["crawl_run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_link_checks_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index("ix_link_checks_url", ["url"], unique=False)


def downgrade() -> None:
    op.drop_table("link_checks")
    op.drop_table("page_links")
