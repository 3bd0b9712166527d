"""StoragePipeline: every Capture the spider yields becomes a snapshot row (raw body in the blob
store) and, for list and detail pages, document rows. Commits in batches so a crash loses at most a
few seconds of work; a re-run of the same crawl run inserts nothing twice."""

from __future__ import annotations

import dataclasses
import os
import socket
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from core.settings import Settings
from core.text import terminal_safe
from crawler.coverage import cap_text
from crawler.items import CapHit, Capture, Carried, DiscoveredColumn, ListEntry, Unchanged
from crawler.linkstore import LinkCollector
from crawler.signals import batch_committed, flush_requested
from crawler.warcfile import CrawlWarc, WrittenRecord
from crawler.warcspool import SpoolSegment, recover_spool, report_text
from storage import models
from storage.blobs import insert_blobs, sha256
from storage.db import in_chunks, make_engine, make_sessionmaker, serialize_run_writes
from storage.evidence_store import current_store, open_store, warc_key
from storage.warc_models import WarcRecord

SnapshotKey = tuple[str, str]  # (url, kind) of a snapshot of this run
_BATCH = 200
_BATCH_SECONDS = 2.0


def write_night_end(session: Session, run_id: int, links: LinkCollector, caps: list[dict[str, Any]],
                    carried: dict[str, dict[str, int]]) -> None:
    """A crawl process's last writes, one transaction: the night's page links, and the caps and carried
    list pages merged into the run's stats. The workers of a shared night each make them for the same
    run, one after the other (storage.db.serialize_run_writes)."""
    session.commit()  # a fresh transaction that takes the lock first
    serialize_run_writes(session, run_id)
    links.write(session)
    if caps or carried:
        run = session.get_one(models.CrawlRun, run_id)
        session.refresh(run)  # as the worker before us left it
        stats = dict(run.stats or {})
        if caps:  # the coverage report names them (crawler.coverage)
            stats["caps"] = [*stats.get("caps", []), *caps]
        if carried:  # the column coverage counts them as listed (storage.coverage)
            stats["carried"] = {**stats.get("carried", {}), **carried}
        run.stats = stats
    session.commit()


class StoragePipeline:
    """Writes in batches: a page costs no SELECT and is one row in a multi-row INSERT; what the
    pipeline needs to know during a crawl (this run's snapshots, the documents listed tonight) is kept
    in memory for the crawl. Bodies go in one INSERT ... ON CONFLICT DO NOTHING per batch, so several
    crawl workers can share one store."""

    def __init__(self, database_url: str, run_id: int, progress_interval: float, shared: bool = False,
                 warc_dir: str | None = None, user_agent: str = "", evidence: dict[str, Any] | None = None,
                 warc_segment_bytes: int = 64 * 1024 * 1024, warc_spool: str | None = None,
                 warc_segment_seconds: float = 300.0):
        self.database_url = database_url
        self.run_id = run_id
        self.progress_interval = progress_interval
        self.shared = shared  # other crawl workers write the same run (zwgk worker --redis)
        self.session: Session | None = None
        self.pending = 0
        self.last_commit = time.monotonic()
        self.counts = {"pages": 0, "failed": 0, "documents": 0, "unchanged": 0, "carried": 0}
        self.started = time.monotonic()
        self.last_progress = self.started
        self.known_blobs: set[str] = set()
        self.unit_ids: dict[str, int] = {}
        self.column_ids: dict[tuple[str, str], int] = {}  # (unit, url) of columns discovered in this run
        self.links = LinkCollector(run_id)
        # (url, kind) -> id of this run's snapshot; None while it waits in the batch. The pipeline refers to a
        # snapshot by this key, so that no ORM object per page is kept or built.
        self.snapshots: dict[tuple[str, str], int | None] = {}
        self.listed: dict[tuple[int, str], list[models.Document]] = {}  # (unit_id, url) -> documents listed tonight
        # columns that have documents in the database; a list page of any other column needs no SELECT (its
        # entries are all new: a county's first night). Not kept in a shared night, where others insert too.
        self.columns_with_documents: set[int | None] | None = None
        # the batch: bodies, snapshot rows and what needs their ids once they are inserted
        self.bodies: dict[str, bytes] = {}
        self.new_rows: list[dict[str, Any]] = []
        self.links_pending: list[tuple[int | None, Capture, SnapshotKey]] = []
        self.list_links: list[tuple[list[models.Document], SnapshotKey]] = []
        self.detail_links: list[tuple[list[models.Document], SnapshotKey]] = []
        self.orphans: list[tuple[Capture, SnapshotKey]] = []  # details whose documents another worker lists
        self.caps: list[dict[str, Any]] = []
        self.carried: dict[str, dict[str, int]] = {}  # column id -> {"run", "pages"}: later list pages not requested
        # the crawl's WARC file: records are written as pages arrive, indexed once their snapshot has an id
        self.warc_dir = warc_dir
        self.user_agent = user_agent
        self.warc: CrawlWarc | None = None
        self.warc_pending: list[tuple[WrittenRecord, SnapshotKey]] = []
        # the evidence store (storage.evidence_store): with a shared or S3 store, WARC files are spooled on
        # this machine (crawler.warcspool) and put into the store in segments, their records indexed once the
        # segment is there; a segment a killed process left in the spool is finished by the next one
        self.store = open_store(Settings(**evidence)) if evidence else current_store()
        self.spool: Path | None = Path(warc_spool) if warc_spool and self.store.backend != "local" else None
        self.segment: SpoolSegment | None = None
        self.warc_name = ""
        self.warc_segment = 0
        self.warc_segment_bytes = warc_segment_bytes
        self.warc_segment_seconds = warc_segment_seconds
        self.segment_opened = 0.0
        self.segment_records: list[tuple[WrittenRecord, int]] = []  # (record, snapshot id) of the open segment
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoragePipeline:
        s = crawler.settings
        pipeline = cls(s["ZWGK_DATABASE_URL"], s.getint("ZWGK_RUN_ID"), s.getfloat("ZWGK_PROGRESS_INTERVAL", 2.0),
                       s.getbool("ZWGK_SHARED_RUN"), s.get("ZWGK_WARC_DIR"), s.get("USER_AGENT", ""),
                       evidence=s.getdict("ZWGK_EVIDENCE") or None,
                       warc_segment_bytes=s.getint("ZWGK_WARC_SEGMENT_BYTES", 64 * 1024 * 1024),
                       warc_spool=s.get("ZWGK_WARC_SPOOL"),
                       warc_segment_seconds=s.getfloat("ZWGK_WARC_SEGMENT_SECONDS", 300.0))
        if pipeline.shared:  # a shared night's worker releases the requests it holds as their pages are committed
            pipeline.crawler = crawler
            crawler.signals.connect(pipeline.flush, signal=flush_requested)
        return pipeline

    def flush(self) -> None:
        if self.session is not None:
            self._write_batch()
            self.pending, self.last_commit = 0, time.monotonic()

    def open_spider(self) -> None:
        self.engine = make_engine(self.database_url)
        self.session = make_sessionmaker(self.engine)()
        self.unit_ids = {slug: id_ for slug, id_ in self.session.execute(select(models.Unit.slug, models.Unit.id))}
        # a re-run of the same crawl run (or a restarted worker) inserts nothing twice
        for url, kind, id_ in self.session.execute(select(models.Snapshot.url, models.Snapshot.kind, models.Snapshot.id)
                                                   .where(models.Snapshot.crawl_run_id == self.run_id)):
            self.snapshots[(url, kind)] = id_
        if not self.shared:
            self.columns_with_documents = set(self.session.scalars(select(models.Document.column_id).distinct()))
        if self.warc_dir:  # one file per crawl process: several workers of one run never share a file
            name = f"crawl-{self.run_id:06d}" + (f"-{id(self):x}" if self.shared else "")
            if self.store.backend == "local":
                self.warc = CrawlWarc(Path(self.warc_dir) / f"{name}.warc.gz", self.user_agent)
            else:
                if self.spool is None:
                    raise ValueError("a shared or S3 evidence store needs ZWGK_WARC_SPOOL (crawler.warcspool)")
                recovered = recover_spool(self.spool, self.session, self.store)
                if recovered.segments:
                    print(report_text(recovered), file=sys.stderr, flush=True)
                # unique even when a restarted container gives the process the same pid for the same run
                self.warc_name = f"{name}-{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
                self._open_segment()

    def close_spider(self) -> None:
        assert self.session is not None
        self._write_batch()
        if self.orphans:  # listed by another worker: its documents are committed by now
            orphans, self.orphans = self.orphans, []
            for snap, row in orphans:
                self._store_detail(snap, row, last_try=True)
            self._write_batch()
        write_night_end(self.session, self.run_id, self.links, self.caps, self.carried)
        if self.segment is not None:
            self._put_segment(last=True)
        self.session.close()
        self.engine.dispose()
        if self.warc is not None:
            self.warc.close()
        self._progress(final=True)

    # --- WARC segments in a shared or S3 evidence store ---------------------------------------------
    def _segment_name(self) -> str:
        return f"{self.warc_name}-{self.warc_segment:04d}.warc.gz"

    def _open_segment(self) -> None:
        assert self.spool is not None
        self.warc_segment += 1
        self.segment = SpoolSegment(self.spool / self._segment_name(), self.user_agent)
        self.segment_opened = time.monotonic()
        self.warc = self.segment.warc

    def _put_segment(self, last: bool = False) -> None:
        """The open segment into the store, its records into the database (committed before the spool
        copy goes: a crash in between leaves the segment to be finished again, never a record unindexed);
        then the next segment opened."""
        assert self.segment is not None and self.session is not None
        self.segment.close_warc()
        key = warc_key(self._segment_name())
        if self.segment_records:
            self.store.put_file(key, self.segment.path)
            locator = self.store.locator(key)
            self.session.add_all(WarcRecord(snapshot_id=id_, path=locator, offset=w.offset, length=w.length,
                                            record_id=w.record_id, payload_digest=w.payload_digest)
                                 for w, id_ in self.segment_records)
            self.segment_records = []
        self.session.commit()
        self.segment.discard()
        self.segment, self.warc = None, None
        if not last:
            self._open_segment()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Capture):
            if item.column_id is None and item.column_url is not None:
                item = dataclasses.replace(item, column_id=self.column_ids.get((item.unit, item.column_url)))
            self._store(item)
        elif isinstance(item, Unchanged):
            self._unchanged(item)
        elif isinstance(item, Carried):
            self._carry(item)
        elif isinstance(item, DiscoveredColumn):
            self._discovered(item)
        elif isinstance(item, CapHit):
            column_id = item.column_id or self.column_ids.get((item.unit, item.column_url or ""))
            self.caps.append({**dataclasses.asdict(item), "column_id": column_id})
            print(terminal_safe(f"[上限] {item.unit}：{cap_text(item.kind, item.limit, item.announced)}（{item.url}）"),
                  file=sys.stderr, flush=True)
        return item

    def _unchanged(self, item: Unchanged) -> None:
        """A detail page not requested tonight: its documents keep what an earlier night read (a
        document newly listed in another column borrows it), and its links still stand."""
        session = self.session
        assert session is not None
        unit_id = self.unit_ids.get(item.unit)
        if unit_id is None:
            return
        self.counts["unchanged"] += 1
        self.links.unchanged_sources.setdefault(unit_id, set()).add(item.url)
        docs = self.listed.pop((unit_id, item.url), [])
        if all(d.detail_snapshot_id is not None for d in docs):
            return
        read_before = session.scalar(select(models.Document).where(
            models.Document.unit_id == unit_id, models.Document.url == item.url,
            models.Document.detail_snapshot_id.is_not(None)).limit(1))
        if read_before is None:
            return
        for doc in docs:
            if doc.detail_snapshot_id is None:
                doc.detail_snapshot_id = read_before.detail_snapshot_id
                doc.meta = dict(read_before.meta or {})
                if doc.publish_date is None and read_before.date_source not in (None, "list"):
                    doc.publish_date, doc.date_source = read_before.publish_date, read_before.date_source

    def _carry(self, item: Carried) -> None:
        """A column's later list pages not requested tonight (its first page is unchanged): the documents
        that night listed there are listed tonight too. Their list snapshot stays the one they were last
        read on, the evidence of where they are listed."""
        session = self.session
        assert session is not None
        unit_id = self.unit_ids.get(item.unit)
        if unit_id is None:
            return
        self.counts["carried"] += item.pages
        self.carried[str(item.column_id)] = {"run": item.run, "pages": item.pages, **({"rested": True} if item.rested else {})}
        for chunk in in_chunks(item.urls):
            for doc in session.scalars(select(models.Document).where(models.Document.column_id == item.column_id,
                                                                     models.Document.url.in_(chunk))):
                if doc.last_seen_run_id != self.run_id:
                    self.listed.setdefault((unit_id, doc.url), []).append(doc)
                    doc.last_seen_run_id = self.run_id
        if self.shared:  # another worker may store the detail pages of these documents next
            self._write_batch()
            self.pending, self.last_commit = 0, time.monotonic()

    def _discovered(self, found: DiscoveredColumn) -> None:
        """Make a discovered column a Column row. An existing row keeps its name and category: the
        registry's entries win, and a column found before stays as it was first classified."""
        session = self.session
        assert session is not None
        unit_id = self.unit_ids.get(found.unit)
        if unit_id is None:
            return
        column = session.scalar(select(models.Column).where(models.Column.unit_id == unit_id,
                                                            models.Column.url == found.url))
        if column is None:
            column = models.Column(unit_id=unit_id, url=found.url, name=found.name, category=found.category,
                                   source="discovered",
                                   options={k: v for k, v in (("parent", found.parent),
                                                              ("found_on", found.found_on)) if v})
            session.add(column)
            session.flush()
            if self.shared:  # the other workers' pipelines look the column up by URL too
                session.commit()
        elif column.source == "discovered" and not column.active:
            column.active = True
        self.column_ids[(found.unit, found.url)] = column.id

    # ---------------------------------------------------------------------------------------------
    def _store(self, snap: Capture) -> None:
        assert self.session is not None
        row = (snap.url, snap.kind)
        if row not in self.snapshots:  # the same URL reached twice in one run (e.g. listed in two columns): one snapshot
            if snap.status == 304:  # not modified: tonight's snapshot points at the body stored before
                digest = snap.known_hash
            elif snap.status is not None:
                digest = sha256(snap.body)
                if digest not in self.known_blobs:
                    self.bodies[digest] = snap.body
                    self.known_blobs.add(digest)
            else:
                digest = None
            self.new_rows.append(dict(
                crawl_run_id=self.run_id, unit_id=self.unit_ids.get(snap.unit), column_id=snap.column_id,
                kind=snap.kind, url=snap.url, final_url=snap.final_url, status=snap.status, headers=snap.headers,
                fetched_at=snap.fetched_at, error_kind=snap.error_kind, error_detail=snap.error_detail,
                content_hash=digest, encoding=snap.encoding, rendered=snap.rendered, elapsed_ms=snap.elapsed_ms,
                page_no=snap.page_no, announced_items=snap.announced_items, announced_pages=snap.announced_pages,
            ))
            self.snapshots[row] = None
            written = self.warc.write(snap) if self.warc is not None else None
            if written is not None:
                self.warc_pending.append((written, row))
                if self.segment is not None:
                    self.segment.note(written, self.run_id, snap.url, snap.kind, snap.fetched_at)
        self.counts["pages"] += 1
        if snap.error_kind:
            self.counts["failed"] += 1
        if snap.entries and snap.column_id is not None:
            self._store_entries(snap, row)
        # 304s and files listed as items (a PDF report) have nothing to extract, but are the detail snapshot
        if snap.detail is not None or (snap.kind == "detail" and snap.error_kind is None and snap.status in (200, 304)):
            self._store_detail(snap, row)
        self.links_pending.append((self.unit_ids.get(snap.unit), dataclasses.replace(snap, body=b""), row))
        self.pending += 1
        now = time.monotonic()
        # a shared run writes a list page's documents at once: another worker may fetch their details next
        if (self.pending >= _BATCH or now - self.last_commit >= _BATCH_SECONDS
                or (self.shared and snap.entries)):
            self._write_batch()
            self.pending, self.last_commit = 0, now
        if now - self.last_progress >= self.progress_interval:
            self._progress()

    def _write_batch(self) -> None:
        """Bodies first (snapshots refer to them), then the snapshot rows in multi-row INSERTs, then
        the documents that point at them; one commit."""
        session = self.session
        assert session is not None
        insert_blobs(session, self.bodies, self.store)
        self.bodies = {}
        theirs: set[SnapshotKey] = set()  # stored by another worker (a request put back after its worker died)
        if self.new_rows:  # one multi-row INSERT; ids matched back by (url, kind), unique within a run
            S = models.Snapshot
            statement = insert(S)
            if self.shared:
                dialect = session.get_bind().dialect.name
                if dialect in ("postgresql", "sqlite"):
                    from sqlalchemy.dialects import postgresql, sqlite

                    dialect_insert = postgresql.insert(S) if dialect == "postgresql" else sqlite.insert(S)
                    statement = dialect_insert.on_conflict_do_nothing(index_elements=["crawl_run_id", "url", "kind"])
            for id_, url, kind in session.execute(statement.returning(S.id, S.url, S.kind), self.new_rows):
                self.snapshots[(url, kind)] = id_
            missing = [(r["url"], r["kind"]) for r in self.new_rows if self.snapshots.get((r["url"], r["kind"])) is None]
            for url, kind in missing:
                self.snapshots[(url, kind)] = session.scalar(select(S.id).where(
                    S.crawl_run_id == self.run_id, S.url == url, S.kind == kind))
                theirs.add((url, kind))
            self.new_rows = []
        for docs, row in self.list_links:
            for doc in docs:
                doc.list_snapshot_id = self._id(row)
        for docs, row in self.detail_links:
            for doc in docs:
                doc.detail_snapshot_id = self._id(row)
        for unit_id, snap, row in self.links_pending:
            if row not in theirs:
                self.links.add(unit_id, snap, self._id(row))
        pending = [(w, row) for w, row in self.warc_pending if row not in theirs]
        if self.spool is None:
            if pending:  # one executemany, no ORM object per record
                session.execute(insert(WarcRecord), [
                    dict(snapshot_id=self._id(row), path=w.path, offset=w.offset, length=w.length,
                         record_id=w.record_id, payload_digest=w.payload_digest) for w, row in pending])
        else:
            self.segment_records += [(w, self._id(row)) for w, row in pending]
            # by size, and by age: records wait in this machine's spool for a few minutes at most
            if self.warc is not None and (self.warc.stream.tell() >= self.warc_segment_bytes or (
                    self.segment_records and time.monotonic() - self.segment_opened >= self.warc_segment_seconds)):
                self._put_segment()
        self.list_links, self.detail_links, self.links_pending, self.warc_pending = [], [], [], []
        session.commit()
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(batch_committed)

    def _id(self, key: SnapshotKey) -> int:
        id_ = self.snapshots[key]
        assert id_ is not None  # written by _write_batch before it is asked for
        return id_

    def _store_entries(self, snap: Capture, row: SnapshotKey) -> None:
        session = self.session
        assert session is not None
        unit_id = self.unit_ids[snap.unit]
        urls = [e.url for e in snap.entries]
        known = self.columns_with_documents
        existing = {} if known is not None and snap.column_id not in known else {
            d.url: d
            for d in session.scalars(
                select(models.Document).where(models.Document.column_id == snap.column_id,
                                              models.Document.url.in_(urls))
            )
        }
        new: dict[str, ListEntry] = {}
        for entry in snap.entries:
            if entry.url not in existing:
                new.setdefault(entry.url, entry)
        if new:  # first seen tonight: one multi-row INSERT, the rows come back as ORM objects
            D = models.Document
            rows = [dict(unit_id=unit_id, column_id=snap.column_id, url=e.url, title=e.title,
                         first_seen_run_id=self.run_id, last_seen_run_id=self.run_id, publish_date=e.publish_date,
                         date_text=e.date_text, date_source="list" if e.publish_date else None)
                    for e in new.values()]
            for doc in session.scalars(insert(D).returning(D), rows):
                existing[doc.url] = doc
                self.counts["documents"] += 1
                self.listed.setdefault((unit_id, doc.url), []).append(doc)
            if known is not None:
                known.add(snap.column_id)
        touched = []
        for entry in snap.entries:
            doc = existing[entry.url]
            if doc.last_seen_run_id != self.run_id:
                self.listed.setdefault((unit_id, entry.url), []).append(doc)
            doc.title = entry.title
            doc.last_seen_run_id = self.run_id
            touched.append(doc)
            if entry.publish_date is not None or doc.date_source in (None, "list"):
                doc.publish_date, doc.date_text = entry.publish_date, entry.date_text
                doc.date_source = "list" if entry.publish_date else None
        self.list_links.append((touched, row))

    def _store_detail(self, snap: Capture, row: SnapshotKey, last_try: bool = False) -> None:
        """Detail pages complete what the list showed: a date where the list had none, and metadata."""
        session = self.session
        assert session is not None
        detail = snap.detail
        unit_id = self.unit_ids[snap.unit]
        docs = self.listed.pop((unit_id, snap.url), None)
        if docs is None:  # listed on an earlier night, or by another worker: ask the database
            docs = list(session.scalars(select(models.Document).where(
                models.Document.unit_id == unit_id, models.Document.url == snap.url)))
            if not docs and self.shared and not last_try:
                self.orphans.append((snap, row))
                return
        read_before = next((d for d in docs if d.meta), None)
        self.detail_links.append((docs, row))
        for doc in docs:
            if detail is None:  # 304 or a file: nothing new to read (what was read before stays)
                if read_before is not None and not doc.meta:  # newly listed in another column
                    doc.meta = dict(read_before.meta)
                    if doc.publish_date is None and read_before.date_source not in (None, "list"):
                        doc.publish_date, doc.date_source = read_before.publish_date, read_before.date_source
                continue
            if detail.meta:
                doc.meta = {**(doc.meta or {}), **detail.meta}
            if doc.publish_date is None and detail.publish_date is not None:
                doc.publish_date, doc.date_source = detail.publish_date, detail.date_source

    def _progress(self, final: bool = False) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        c = self.counts
        label = "完成" if final else "进度"
        unchanged = f"，列表未变、未请求的详情页 {c['unchanged']} 个" if c["unchanged"] else ""
        if c["carried"]:
            unchanged += f"，首页未变、未翻的列表页 {c['carried']} 个"
        print(f"[{label}] 已抓取 {c['pages']} 页（失败 {c['failed']}），发现信息 {c['documents']} 条{unchanged}，"
              f"{c['pages'] / elapsed:.1f} 页/秒", file=sys.stderr, flush=True)
        self.last_progress = time.monotonic()
