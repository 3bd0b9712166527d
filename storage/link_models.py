"""Links found on crawled pages (attachments among them) and every observation of their targets.

A link is kept once per unit and target URL, with the first page seen linking it; `last_seen_run_id`
tells whether tonight's crawl still saw it. Observations are append-only, like snapshots.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.clock import UTCDateTime
from storage.models import Base


class PageLink(Base):
    __tablename__ = "page_links"
    __table_args__ = (UniqueConstraint("unit_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(Text)
    source_snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id"))
    attachment: Mapped[bool] = mapped_column(Boolean, default=False)  # a PDF/DOC/XLS … file to read
    first_seen_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"))
    last_seen_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)


class LinkCheck(Base):
    """One check of a link target that the crawl itself did not fetch (HEAD, then GET)."""

    __tablename__ = "link_checks"
    __table_args__ = (Index("ix_link_checks_url", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    crawl_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(8))
    status: Mapped[int | None] = mapped_column(Integer)
    error_kind: Mapped[str | None] = mapped_column(String(20))
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
