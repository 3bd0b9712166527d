"""The check memo: what a pure step of the checks computed from one input, kept by a key that names
the input and the code that computed it (checks.memo explains what is kept and why).

A row is (kind, key) -> zlib-compressed bytes. The key is a SHA-256 the checks derive from the input's
content (a body's hash, a text's hash, the night-wide context that step reads) and the fingerprint of the
code, libraries and lexicons; `fingerprint` is kept beside it only so that rows of another code version can be
dropped. Rows are never updated: the same key always means the same value.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from sqlalchemy import LargeBinary, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.db import in_chunks
from storage.models import Base

FLUSH_EVERY = 2_000  # rows written in one statement; what waits to be written stays bounded
BLOCK = 1_000  # rows read in one statement when a step walks its inputs in a known order
BLOCKS_KEPT = 40  # blocks of read rows kept (compressed) while a walk goes on


class CheckMemo(Base):
    __tablename__ = "check_memo"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # its first 16 hex digits: enough to tell versions apart
    value: Mapped[bytes] = mapped_column(LargeBinary)


class StoredMemo:
    """The memo in the store, read and written through the job's session (the job owns the transaction).

    `get_many` reads in chunks; `expect` names the keys a step will ask for in order, and `get` then reads
    the block of `BLOCK` keys around a key with one statement. `put` collects rows and writes them in
    batches of `FLUSH_EVERY` (INSERT … ON CONFLICT DO NOTHING on PostgreSQL and SQLite); `writable=False`
    (replay) never writes."""

    def __init__(self, session: Session, fingerprint: str, writable: bool = True) -> None:
        self.session, self.fingerprint, self.writable = session, fingerprint, writable
        self._pending: dict[tuple[str, str], bytes] = {}
        self._order: dict[str, dict[str, int]] = {}
        self._ordered: dict[str, list[str]] = {}
        self._blocks: OrderedDict[tuple[str, int], dict[str, bytes]] = OrderedDict()
        self.reads = self.hits = self.writes = 0

    def expect(self, kind: str, keys: Sequence[str]) -> None:
        ordered = list(dict.fromkeys(keys))
        self._ordered[kind] = ordered
        self._order[kind] = {k: i for i, k in enumerate(ordered)}
        for block in [b for b in self._blocks if b[0] == kind]:  # blocks of the last order (another jurisdiction)
            del self._blocks[block]

    def get(self, kind: str, key: str) -> bytes | None:
        self.reads += 1
        pending = self._pending.get((kind, key))
        if pending is not None:
            self.hits += 1
            return zlib.decompress(pending)
        at = self._order.get(kind, {}).get(key)
        if at is None:
            found = self._select(kind, [key]).get(key)
        else:
            block = (kind, at // BLOCK)
            if block not in self._blocks:
                start = block[1] * BLOCK
                self._blocks[block] = self._select(kind, self._ordered[kind][start:start + BLOCK])
                while len(self._blocks) > BLOCKS_KEPT:
                    self._blocks.popitem(last=False)
            found = self._blocks[block].get(key)
        if found is None:
            return None
        self.hits += 1
        return zlib.decompress(found)

    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = sorted(set(keys))
        self.reads += len(wanted)
        want = set(wanted)
        out = {k: zlib.decompress(v) for (c, k), v in self._pending.items() if c == kind and k in want}
        rest = [k for k in wanted if k not in out]
        for chunk in in_chunks(rest):
            out.update((k, zlib.decompress(v)) for k, v in self._select(kind, list(chunk)).items())
        self.hits += len(out)
        return out

    def _select(self, kind: str, keys: list[str]) -> dict[str, bytes]:
        if not keys:
            return {}
        rows = self.session.execute(select(CheckMemo.key, CheckMemo.value)
                                    .where(CheckMemo.kind == kind, CheckMemo.key.in_(keys)))
        return {k: bytes(v) for k, v in rows}

    def put(self, kind: str, key: str, value: bytes) -> None:
        if not self.writable:
            return
        self._pending[(kind, key)] = zlib.compress(value, 6)
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self._pending or not self.writable:
            self._pending.clear()
            return
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert(CheckMemo) if dialect == "postgresql" else sqlite.insert(CheckMemo)
        rows = [{"kind": kind, "key": key, "fingerprint": self.fingerprint[:16], "value": value}
                for (kind, key), value in self._pending.items()]
        for chunk in in_chunks(rows, FLUSH_EVERY):
            self.session.execute(insert.on_conflict_do_nothing(index_elements=["kind", "key"]), list(chunk))
        self.writes += len(rows)
        self._pending.clear()

    def forget_other_versions(self) -> int:
        """Drop rows that another fingerprint (code, libraries, lexicons) wrote: no key of this one can match them."""
        if not self.writable:
            return 0
        result = self.session.execute(delete(CheckMemo).where(CheckMemo.fingerprint != self.fingerprint[:16]))
        return int(getattr(result, "rowcount", 0) or 0)
