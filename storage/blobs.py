"""Content-addressed, compressed storage of raw response bodies."""

from __future__ import annotations

import hashlib
import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Blob, Snapshot


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def store_blob(session: Session, body: bytes, known: set[str] | None = None) -> str:
    """Keep `body` once; return its SHA-256. `known` caches hashes already written in this session."""
    digest = sha256(body)
    if known is not None and digest in known:
        return digest
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(body), data=zlib.compress(body, 6)))
    if known is not None:
        known.add(digest)
    return digest


def read_blob(session: Session, digest: str) -> bytes | None:
    blob = session.get(Blob, digest)
    if blob is None:
        return None
    body = zlib.decompress(blob.data)
    if sha256(body) != digest:  # evidence that no longer matches its hash must never be shown as proof
        raise ValueError(f"blob {digest} is corrupt")
    return body


def read_snapshot_body(session: Session, snapshot_id: int) -> bytes | None:
    digest = session.scalar(select(Snapshot.content_hash).where(Snapshot.id == snapshot_id))
    return read_blob(session, digest) if digest else None


def insert_blobs(session: Session, bodies: dict[str, bytes]) -> None:
    """Keep many bodies in one statement; a body already stored (by another crawl worker too) is left
    as it is. `bodies` maps SHA-256 -> uncompressed bytes."""
    if not bodies:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):  # zwgk runs on SQLite and PostgreSQL
        for body in bodies.values():
            store_blob(session, body)
        return
    insert = postgresql.insert(Blob) if dialect == "postgresql" else sqlite.insert(Blob)
    rows = [{"sha256": d, "size": len(b), "data": zlib.compress(b, 6)} for d, b in bodies.items()]
    session.execute(insert.on_conflict_do_nothing(index_elements=["sha256"]), rows)
