"""Operations tables: the run lease (one night at a time), run history and the alerts already sent.

A lease is a row that a holder keeps alive with heartbeats; a process that dies stops beating and its
lease expires, so a crashed run never blocks the next night. Inserting the row relies on the primary
key and taking over an expired one on a conditional UPDATE, which PostgreSQL and SQLite both do
atomically: there is no window in which two holders both think they have it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.clock import UTCDateTime, utcnow
from storage.models import Base


class Lease(Base):
    __tablename__ = "leases"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)  # "night" | "scheduler"
    holder: Mapped[str] = mapped_column(String(64))  # a random token of the holding process
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text, default="")  # shown to whoever is refused: 夜间任务（第 3 次运行）
    run_id: Mapped[int | None] = mapped_column(Integer)
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Run(Base):
    """One run of a job (the night, a crawl or a check on its own), whoever started it."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # night | crawl | check
    trigger: Mapped[str] = mapped_column(String(20), default="cli")  # cli | schedule | demo
    status: Mapped[str] = mapped_column(String(20), default="running", index=True)
    # running | finished | incomplete | failed | interrupted
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    as_of: Mapped[date | None] = mapped_column(Date)
    host: Mapped[str] = mapped_column(String(200), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    crawl_run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"))
    units: Mapped[list[Any]] = mapped_column(default=list)
    phase: Mapped[str] = mapped_column(String(40), default="")  # the phase now running (or last reached)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)


class Alert(Base):
    """An alert, keyed by what it is about, so the same thing is never announced twice."""

    __tablename__ = "alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered: Mapped[bool] = mapped_column(Boolean, default=False)
    channels: Mapped[dict[str, Any]] = mapped_column(default=dict)  # channel -> "ok" or the error
