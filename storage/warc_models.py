"""Evidence beside the snapshots: where each one's response record sits in the WARC files written during
the crawl, and screenshots of pages that carry text findings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.clock import UTCDateTime
from storage.models import Base


class WarcRecord(Base):
    __tablename__ = "warc_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshots.id"), unique=True)
    path: Mapped[str] = mapped_column(Text)
    offset: Mapped[int] = mapped_column(BigInteger)
    length: Mapped[int] = mapped_column(Integer)
    record_id: Mapped[str] = mapped_column(String(100))
    payload_digest: Mapped[str] = mapped_column(String(80))  # sha1:BASE32 of the bytes as they came off the wire


class Screenshot(Base):
    """A full-page screenshot of a captured page that carries a text finding: the page as captured (its
    stored bytes), drawn by Chromium, kept as a PNG in the blob store."""

    __tablename__ = "screenshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshots.id"), unique=True)
    content_hash: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
