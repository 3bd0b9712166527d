"""Content-addressed, compressed storage of raw response bodies (and screenshots).

The database's `blobs` table indexes every body by its SHA-256. With the local evidence store (the
default) the zlib-compressed bytes are in the row itself; with a shared or S3 evidence store
(storage.evidence_store) they are in the store under `blobs/ab/cd/<sha256>` and the row's `data` is
empty (IN_STORE): a compressed body is never empty, so the two cannot be confused, and stores written
before keep working without any migration.
"""

from __future__ import annotations

import hashlib
import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.evidence_store import EvidenceStore, blob_key, current_store
from storage.models import Blob, Snapshot

IN_STORE = b""  # Blob.data of a body kept in the evidence store (zlib output is never empty)


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def store_blob(session: Session, body: bytes, known: set[str] | None = None, store: EvidenceStore | None = None) -> str:
    """Keep `body` once; return its SHA-256. `known` caches hashes already written in this session."""
    digest = sha256(body)
    if known is not None and digest in known:
        return digest
    if session.get(Blob, digest) is None:
        store = store or current_store()
        if store.keeps_bodies:  # the bytes first: a row never names bytes that are not there
            store.put(blob_key(digest), zlib.compress(body, 6))
            session.add(Blob(sha256=digest, size=len(body), data=IN_STORE))
        else:
            session.add(Blob(sha256=digest, size=len(body), data=zlib.compress(body, 6)))
    if known is not None:
        known.add(digest)
    return digest


def stored_data(digest: str, data: bytes, store: EvidenceStore | None = None) -> bytes:
    """The compressed bytes of a blob row: its own, or the evidence store's when it has none."""
    if data != IN_STORE:
        return data
    kept = (store or current_store()).get(blob_key(digest))
    if kept is None:
        raise ValueError(f"blob {digest} is missing from the evidence store")
    return kept


def read_blob(session: Session, digest: str, store: EvidenceStore | None = None) -> bytes | None:
    blob = session.get(Blob, digest)
    if blob is None:
        return None
    body = zlib.decompress(stored_data(digest, blob.data, store))
    if sha256(body) != digest:  # evidence that no longer matches its hash must never be shown as proof
        raise ValueError(f"blob {digest} is corrupt")
    return body


def read_snapshot_body(session: Session, snapshot_id: int, store: EvidenceStore | None = None) -> bytes | None:
    digest = session.scalar(select(Snapshot.content_hash).where(Snapshot.id == snapshot_id))
    return read_blob(session, digest, store) if digest else None


def insert_blobs(session: Session, bodies: dict[str, bytes], store: EvidenceStore | None = None) -> None:
    """Keep many bodies in one statement; a body already stored (by another crawl worker too) is left
    as it is. `bodies` maps SHA-256 -> uncompressed bytes. With a shared or S3 evidence store the bytes
    go there first (a content-addressed put: two workers writing the same body both succeed)."""
    if not bodies:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    store = store or current_store()
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):  # zwgk runs on SQLite and PostgreSQL
        for body in bodies.values():
            store_blob(session, body, store=store)
        return
    insert = postgresql.insert(Blob) if dialect == "postgresql" else sqlite.insert(Blob)
    if store.keeps_bodies:
        store.put_many({blob_key(d): zlib.compress(b, 6) for d, b in bodies.items()})
        rows = [{"sha256": d, "size": len(b), "data": IN_STORE} for d, b in bodies.items()]
    else:
        rows = [{"sha256": d, "size": len(b), "data": zlib.compress(b, 6)} for d, b in bodies.items()]
    session.execute(insert.on_conflict_do_nothing(index_elements=["sha256"]), rows)
