"""Where each snapshot's response record sits in the WARC files written during the crawl."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

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
