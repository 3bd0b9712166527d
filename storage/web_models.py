"""Tables of the inspectors' web UI: accounts, and the files attached to appeals (复核材料)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.clock import UTCDateTime, utcnow
from storage.models import Base

ROLES = ("admin", "inspector", "viewer")


class User(Base):
    """An account of the web UI. `password_hash` is an argon2id hash; nothing else about it is kept."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # admin | inspector | viewer
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AppealFile(Base):
    """A file a unit handed in with its appeal. The bytes live in the upload directory under `stored_name`
    (a random name, never the uploader's); `sha256` proves they are the bytes received."""

    __tablename__ = "appeal_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeals.id"), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    stored_name: Mapped[str] = mapped_column(String(100), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(100))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
