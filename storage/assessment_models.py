"""Tables of the assessment side: imported stage scores, inspectors' bonus awards and appeals (复核)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.clock import UTCDateTime, utcnow
from storage.models import Base, DeductionEvent, Unit


class StageScore(Base):
    """A score of a stage scored by people (年度测评, 双向互评 …), imported from CSV; one per unit, stage, year."""

    __tablename__ = "stage_scores"
    __table_args__ = (UniqueConstraint("unit_id", "scheme", "stage", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    scheme: Mapped[str] = mapped_column(String(100))
    stage: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    score: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    source: Mapped[str] = mapped_column(Text)  # the imported file
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    unit: Mapped[Unit] = relationship()


class BonusAward(Base):
    """A bonus item (加分) an inspector awarded a unit for a quarter, with the reason."""

    __tablename__ = "bonus_awards"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    scheme: Mapped[str] = mapped_column(String(100))
    period: Mapped[str] = mapped_column(String(10), index=True)
    item: Mapped[str] = mapped_column(String(40))
    points: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    note: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    unit: Mapped[Unit] = relationship()


class Appeal(Base):
    """A unit's appeal (复核申请) against a confirmed deduction, and the inspector's decision on it."""

    __tablename__ = "appeals"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("deduction_events.id"), index=True)
    filed_by: Mapped[str] = mapped_column(String(100))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(20))  # upheld | overturned
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    event: Mapped[DeductionEvent] = relationship()
