"""Typed SQLAlchemy 2 models of the store.

Natural keys carry unique constraints so that any job can be re-run without inserting twice.
Snapshots and blobs are write-once evidence: nothing updates or deletes them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.clock import UTCDateTime, utcnow


class Base(DeclarativeBase):
    # named constraints keep later SQLite batch migrations possible
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Jurisdiction(Base):
    """The assessing office of one registry file (units.yaml)."""

    __tablename__ = "jurisdictions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    scheme: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))
    units: Mapped[list[Unit]] = relationship(back_populates="jurisdiction")


class Unit(Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    jurisdiction_id: Mapped[int] = mapped_column(ForeignKey("jurisdictions.id"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    portal: Mapped[str] = mapped_column(Text)
    disclosure: Mapped[str | None] = mapped_column(Text)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the unit this one belongs to for composites: a county's departments and townships name the
    # county government's slug
    parent: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    jurisdiction: Mapped[Jurisdiction] = relationship(back_populates="units")
    columns: Mapped[list[Column]] = relationship(back_populates="unit", order_by="Column.id")
    new_media: Mapped[list[NewMediaAccount]] = relationship(back_populates="unit")


class Column(Base):
    """A 政府信息公开 column (栏目) of a unit."""

    __tablename__ = "columns"
    __table_args__ = (UniqueConstraint("unit_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    url: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(20), default="registry")  # registry | discovered
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[Unit] = relationship(back_populates="columns")


class NewMediaAccount(Base):
    __tablename__ = "new_media_accounts"
    __table_args__ = (UniqueConstraint("unit_id", "platform", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    platform: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    feed: Mapped[str | None] = mapped_column(Text)
    page: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[Unit] = relationship(back_populates="new_media")


class CrawlRun(Base):
    __tablename__ = "crawl_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="running")  # running | finished | failed
    units: Mapped[list[Any]] = mapped_column(default=list)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Blob(Base):
    """Content-addressed raw bodies, zlib-compressed; key is the SHA-256 of the uncompressed bytes."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Snapshot(Base):
    """One fetch of one URL, kept as evidence and never modified."""

    __tablename__ = "snapshots"
    __table_args__ = (
        UniqueConstraint("crawl_run_id", "url", "kind"),
        Index("ix_snapshots_url", "url"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    crawl_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    column_id: Mapped[int | None] = mapped_column(ForeignKey("columns.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # home | list | detail | attachment | feed | link
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    error_kind: Mapped[str | None] = mapped_column(String(20))
    error_detail: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    encoding: Mapped[str | None] = mapped_column(String(40))
    rendered: Mapped[bool] = mapped_column(Boolean, default=False)
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
    page_no: Mapped[int | None] = mapped_column(Integer)
    # list pages and list-API answers: the column's size as the site states it (共N条 / 共N页)
    announced_items: Mapped[int | None] = mapped_column(Integer)
    announced_pages: Mapped[int | None] = mapped_column(Integer)


class Document(Base):
    """An item (信息) listed in a column; one row per column and URL, refreshed by every crawl."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("column_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    column_id: Mapped[int] = mapped_column(ForeignKey("columns.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    publish_date: Mapped[date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(String(100))
    date_source: Mapped[str | None] = mapped_column(String(20))  # list | detail | meta
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    list_snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id"))
    detail_snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id"))
    first_seen_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"))
    last_seen_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)


class Finding(Base):
    """One observed problem. Open until a later check no longer sees it (then `rectified_on`)."""

    __tablename__ = "findings"
    __table_args__ = (
        UniqueConstraint("check_code", "unit_id", "subject_key", "first_as_of"),
        Index("ix_findings_open", "check_code", "unit_id", "subject_key", "rectified_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    check: Mapped[str] = mapped_column("check_code", String(40), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    subject_key: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    first_as_of: Mapped[date] = mapped_column(Date)
    last_as_of: Mapped[date] = mapped_column(Date)
    observed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rectified_on: Mapped[date | None] = mapped_column(Date)
    # how a closed finding was closed when not by rectification: "false_alarm" (an inspector's allow-list entry)
    closed_as: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    unit: Mapped[Unit] = relationship()
    events: Mapped[list[DeductionEvent]] = relationship(back_populates="finding")


class DeductionEvent(Base):
    """A proposed deduction (扣分) under a scheme for one assessment period (e.g. 2024Q3)."""

    __tablename__ = "deduction_events"
    __table_args__ = (UniqueConstraint("finding_id", "scheme", "period"), Index("ix_deduction_events_state_id", "state", "id"),
                      Index("ix_deduction_events_state_points", "state", "points", "id"),
                      Index("ix_deduction_events_unit_state", "unit_id", "state", "id"),
                      Index("ix_deduction_events_check_state", "check_code", "state", "id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    scheme: Mapped[str] = mapped_column(String(100))
    period: Mapped[str] = mapped_column(String(10), index=True)
    check: Mapped[str] = mapped_column("check_code", String(100))
    category: Mapped[str] = mapped_column(String(40))
    clause: Mapped[str] = mapped_column(Text)
    points: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    # what the scheme's counting rule counts once: the finding's subject, or "report:2023" for one year's
    # annual report whatever its URLs (see assessment.proposals)
    counted_subject: Mapped[str | None] = mapped_column(String(500), index=True)
    as_of: Mapped[date | None] = mapped_column(Date)  # the check date that proposed it
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finding: Mapped[Finding] = relationship(back_populates="events")
    unit: Mapped[Unit] = relationship()


class AuditLog(Base):
    """Who changed what, when and why. Append-only."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str | None] = mapped_column(Text)


class ExtractedText(Base):
    """Text extracted from a stored body (attachment or page), cached by content hash and extractor."""

    __tablename__ = "extracted_texts"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    extractor: Mapped[str] = mapped_column(String(40), primary_key=True)  # e.g. pdf, docx, html-main
    text: Mapped[str] = mapped_column(Text)
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(Text)


class Probe(Base):
    """One availability probe of a unit's home page (`zwgk probe`, many times a day)."""

    __tablename__ = "probes"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[int | None] = mapped_column(Integer)
    error_kind: Mapped[str | None] = mapped_column(String(20))  # down | blocked | slow | dns | timeout …
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)


class Post(Base):
    """A post of a new-media account, as read from its feed or page."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("account_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("new_media_accounts.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id"))
    first_seen_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))
    last_seen_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))


class AllowEntry(Base):
    """An inspector's "false alarm": a phrase or URL that a check must no longer report."""

    __tablename__ = "allow_list"
    id: Mapped[int] = mapped_column(primary_key=True)
    check: Mapped[str] = mapped_column("check_code", String(40), index=True)
    phrase: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))  # None: every unit
    created_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
