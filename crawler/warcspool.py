"""The local spool of WARC segments (a shared or S3 evidence store): nothing captured is lost on a crash.

A crawl process writes its WARC segment into `<data_dir>/warc-spool/<database>/` with an index beside it
(`<segment>.idx`, one JSON line per response record: where it is and which snapshot it belongs to, written
after the record is on its way to the disk and before the snapshot's row can be committed). The process
holds an exclusive lock on the index for as long as the segment is its own, including its upload and the
commit of its records. A segment in the spool whose lock anyone can take was left by a process that died
(killed, its machine restarted): the next crawl or worker on the machine finishes it (`recover_spool`):
the file is cut after its last whole record (a valid WARC again), put into the evidence store under the
name its writer would have used, and each record is indexed against its snapshot if the database holds
that snapshot as captured (same run, URL, kind and capture time) and no record yet. Recovering a segment
again (a crash during recovery) adds nothing twice."""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.archiveiterator import ArchiveIterator

from core.settings import Settings
from crawler.warcfile import CrawlWarc, WrittenRecord
from storage.db import in_chunks
from storage.evidence_store import EvidenceStore, warc_key
from storage.models import Snapshot
from storage.warc_models import WarcRecord


def spool_dir(settings: Settings) -> Path:
    """This machine's spool for the configured database (one data dir may serve several databases)."""
    database = hashlib.sha256(settings.masked_database_url().encode()).hexdigest()[:12]  # same after a new password
    return (settings.resolved_data_dir() / "warc-spool" / database).resolve()


class SpoolSegment:
    """One segment being written: the WARC file, its index, and the lock that says its writer lives."""

    def __init__(self, path: Path, user_agent: str = ""):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.index_path = path.with_name(path.name + ".idx")
        self.index: IO[bytes] = self.index_path.open("ab")
        fcntl.flock(self.index.fileno(), fcntl.LOCK_EX)  # a new name: nobody else holds it
        self.warc = CrawlWarc(path, user_agent)
        self.path = path

    def note(self, written: WrittenRecord, run_id: int, url: str, kind: str, fetched_at: datetime) -> None:
        """The record's line in the index: after the record itself, before its snapshot can be committed."""
        line = {"offset": written.offset, "length": written.length, "record_id": written.record_id,
                "payload_digest": written.payload_digest, "run": run_id, "url": url, "kind": kind,
                "fetched_at": fetched_at.isoformat()}
        self.index.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
        self.index.flush()

    def close_warc(self) -> None:
        self.warc.close()

    def discard(self) -> None:
        """The segment is in the store and its records committed: remove it, then let go of the lock."""
        self.path.unlink(missing_ok=True)
        self.index_path.unlink(missing_ok=True)
        self.index.close()


@dataclass
class SpoolReport:
    segments: int = 0  # left by a dead process and finished here
    records: int = 0  # whole records found in them
    indexed: int = 0  # of those, indexed now (the others: indexed before, or their snapshot not committed)
    cut_bytes: int = 0  # a half-written record cut off the end


def _entries(index: IO[bytes]) -> list[dict[str, Any]]:
    index.seek(0)
    entries = []
    for raw in index.read().split(b"\n"):
        try:
            entries.append(json.loads(raw))
        except ValueError:
            continue  # the half-written last line
    return entries


def _whole(data: bytes, entry: dict[str, Any]) -> bool:
    """The record at the entry's place is whole and is the one the entry names."""
    chunk = data[entry["offset"]:entry["offset"] + entry["length"]]
    if len(chunk) != entry["length"]:
        return False
    try:
        with io.BytesIO(chunk) as stream:
            record = next(iter(ArchiveIterator(stream)))
            record.raw_stream.read()
            return bool(record.rec_headers.get_header("WARC-Record-ID") == entry["record_id"])
    except Exception:  # any parse error: the record is not whole
        return False


def recover_segment(warc_path: Path, session: Session, store: EvidenceStore) -> SpoolReport | None:
    """Finish one segment a dead process left; None when its writer still holds it."""
    index_path = warc_path.with_name(warc_path.name + ".idx")
    try:
        index = index_path.open("r+b")
    except FileNotFoundError:
        return None  # finished by another process a moment ago
    with index:
        try:
            fcntl.flock(index.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None  # its writer is alive
        if not warc_path.exists():  # finished by another process between our open and our lock
            index_path.unlink(missing_ok=True)
            return None
        report = SpoolReport(segments=1)
        data = warc_path.read_bytes()
        entries = [e for e in _entries(index) if _whole(data, e)]
        report.records = len(entries)
        if entries:
            end = max(e["offset"] + e["length"] for e in entries)
            if end < len(data):  # cut after the last whole record: what follows was being written at the crash
                report.cut_bytes = len(data) - end
                with warc_path.open("r+b") as out:
                    out.truncate(end)
            store.put_file(warc_key(warc_path.name), warc_path)
            locator = store.locator(warc_key(warc_path.name))
            report.indexed = _index(session, entries, locator)
            session.commit()
        warc_path.unlink(missing_ok=True)
        index_path.unlink(missing_ok=True)
    return report


def _index(session: Session, entries: list[dict[str, Any]], locator: str) -> int:
    """Index the entries whose snapshot the database holds as captured and has no record yet."""
    added = 0
    for run_id in sorted({e["run"] for e in entries}):
        mine = [e for e in entries if e["run"] == run_id]
        urls = sorted({e["url"] for e in mine})
        snapshots: dict[tuple[str, str], tuple[int, datetime]] = {}
        for chunk in in_chunks(urls):
            for id_, url, kind, fetched_at in session.execute(
                    select(Snapshot.id, Snapshot.url, Snapshot.kind, Snapshot.fetched_at).where(
                        Snapshot.crawl_run_id == run_id, Snapshot.url.in_(chunk))):
                snapshots[(url, kind)] = (id_, fetched_at)
        ids = [id_ for id_, _ in snapshots.values()]
        indexed: set[int] = set()
        for chunk in in_chunks(ids):
            indexed |= set(session.scalars(select(WarcRecord.snapshot_id).where(WarcRecord.snapshot_id.in_(chunk))))
        for e in mine:
            found = snapshots.get((e["url"], e["kind"]))
            # another worker's capture of the same page (this one's row never committed) keeps its own record
            if found is None or found[1] != datetime.fromisoformat(e["fetched_at"]) or found[0] in indexed:
                continue
            session.add(WarcRecord(snapshot_id=found[0], path=locator, offset=e["offset"], length=e["length"],
                                   record_id=e["record_id"], payload_digest=e["payload_digest"]))
            indexed.add(found[0])
            added += 1
    return added


def recover_spool(spool: Path, session: Session, store: EvidenceStore) -> SpoolReport:
    """Finish every segment in the spool whose writer is gone."""
    total = SpoolReport()
    if not spool.is_dir():
        return total
    for path in sorted(spool.glob("*.warc.gz")):
        done = recover_segment(path, session, store)
        if done is not None:
            total.segments += done.segments
            total.records += done.records
            total.indexed += done.indexed
            total.cut_bytes += done.cut_bytes
    return total


def recover_spool_of(settings: Settings) -> SpoolReport:
    """Finish what a dead crawl process on this machine left in the spool (a worker does so as it starts,
    before waiting for a night: a machine restarted after a crash gives its evidence back at once)."""
    spool = spool_dir(settings)
    if settings.evidence_store == "local" or not any(spool.glob("*.warc.gz")):
        return SpoolReport()
    from storage.db import make_engine, make_sessionmaker
    from storage.evidence_store import open_store

    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            return recover_spool(spool, session, open_store(settings))
    finally:
        engine.dispose()


def report_text(report: SpoolReport) -> str:
    cut = f"，截去末尾未写完的 {report.cut_bytes} 字节" if report.cut_bytes else ""
    return (f"[证据] 完成了此前中断的进程留下的 {report.segments} 个 WARC 分段：{report.records} 条完整记录，"
            f"补建索引 {report.indexed} 条{cut}")
