"""StoragePipeline: every Capture the spider yields becomes a snapshot row (raw body in the blob
store) and, for list and detail pages, document rows. Commits in small batches so a crash loses at
most a few seconds of work; a re-run of the same crawl run inserts nothing twice."""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.text import terminal_safe
from crawler.coverage import cap_text
from crawler.items import CapHit, Capture, DiscoveredColumn
from crawler.linkstore import LinkCollector
from crawler.warcfile import CrawlWarc
from storage import models
from storage.blobs import store_blob
from storage.db import make_engine, make_sessionmaker
from storage.warc_models import WarcRecord

_BATCH = 200
_BATCH_SECONDS = 2.0


class StoragePipeline:
    def __init__(self, database_url: str, run_id: int, progress_interval: float, warc_dir: str | None = None,
                 user_agent: str = ""):
        self.database_url = database_url
        self.run_id = run_id
        self.progress_interval = progress_interval
        self.session: Session | None = None
        self.pending = 0
        self.last_commit = time.monotonic()
        self.counts = {"pages": 0, "failed": 0, "documents": 0}
        self.started = time.monotonic()
        self.last_progress = self.started
        self.known_blobs: set[str] = set()
        self.unit_ids: dict[str, int] = {}
        self.column_ids: dict[tuple[str, str], int] = {}  # (unit, url) of columns discovered in this run
        self.links = LinkCollector(run_id)
        self.caps: list[dict[str, Any]] = []
        self.warc_dir = warc_dir
        self.user_agent = user_agent
        self.warc: CrawlWarc | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoragePipeline:
        s = crawler.settings
        return cls(s["ZWGK_DATABASE_URL"], s.getint("ZWGK_RUN_ID"), s.getfloat("ZWGK_PROGRESS_INTERVAL", 2.0),
                   s.get("ZWGK_WARC_DIR"), s.get("USER_AGENT", ""))

    def open_spider(self) -> None:
        self.engine = make_engine(self.database_url)
        self.session = make_sessionmaker(self.engine)()
        self.unit_ids = {slug: id_ for slug, id_ in self.session.execute(select(models.Unit.slug, models.Unit.id))}
        if self.warc_dir:
            self.warc = CrawlWarc(Path(self.warc_dir) / f"crawl-{self.run_id:06d}.warc.gz", self.user_agent)

    def close_spider(self) -> None:
        assert self.session is not None
        self.links.write(self.session)
        if self.caps:  # the coverage report names them (crawler.coverage)
            run = self.session.get_one(models.CrawlRun, self.run_id)
            run.stats = {**(run.stats or {}), "caps": self.caps}
        self.session.commit()
        self.session.close()
        self.engine.dispose()
        if self.warc is not None:
            self.warc.close()
        self._progress(final=True)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Capture):
            if item.column_id is None and item.column_url is not None:
                item = dataclasses.replace(item, column_id=self.column_ids.get((item.unit, item.column_url)))
            self._store(item)
        elif isinstance(item, DiscoveredColumn):
            self._discovered(item)
        elif isinstance(item, CapHit):
            column_id = item.column_id or self.column_ids.get((item.unit, item.column_url or ""))
            self.caps.append({**dataclasses.asdict(item), "column_id": column_id})
            print(terminal_safe(f"[上限] {item.unit}：{cap_text(item.kind, item.limit, item.announced)}（{item.url}）"),
                  file=sys.stderr, flush=True)
        return item

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
        elif column.source == "discovered" and not column.active:
            column.active = True
        self.column_ids[(found.unit, found.url)] = column.id

    # ---------------------------------------------------------------------------------------------
    def _store(self, snap: Capture) -> None:
        session = self.session
        assert session is not None
        exists = session.scalar(
            select(models.Snapshot.id).where(
                models.Snapshot.crawl_run_id == self.run_id,
                models.Snapshot.url == snap.url,
                models.Snapshot.kind == snap.kind,
            )
        )
        if exists:  # the same URL reached twice in one run (e.g. listed in two columns): one snapshot
            row_id = exists
        else:
            if snap.status == 304:  # not modified: tonight's snapshot points at the body stored before
                digest = snap.known_hash
            else:
                digest = store_blob(session, snap.body, self.known_blobs) if snap.status is not None else None
            row = models.Snapshot(
                crawl_run_id=self.run_id, unit_id=self.unit_ids.get(snap.unit), column_id=snap.column_id,
                kind=snap.kind, url=snap.url, final_url=snap.final_url, status=snap.status, headers=snap.headers,
                fetched_at=snap.fetched_at, error_kind=snap.error_kind, error_detail=snap.error_detail,
                content_hash=digest, encoding=snap.encoding, rendered=snap.rendered, elapsed_ms=snap.elapsed_ms,
                page_no=snap.page_no, announced_items=snap.announced_items, announced_pages=snap.announced_pages,
            )
            session.add(row)
            session.flush()
            row_id = row.id
            written = self.warc.write(snap) if self.warc is not None else None
            if written is not None:
                session.add(WarcRecord(snapshot_id=row_id, path=written.path, offset=written.offset,
                                       length=written.length, record_id=written.record_id,
                                       payload_digest=written.payload_digest))
        self.counts["pages"] += 1
        if snap.error_kind:
            self.counts["failed"] += 1
        if snap.entries and snap.column_id is not None:
            self._store_entries(snap, row_id)
        # 304s and files listed as items (a PDF report) have nothing to extract, but are the detail snapshot
        if snap.detail is not None or (snap.kind == "detail" and snap.error_kind is None and snap.status in (200, 304)):
            self._store_detail(snap, row_id)
        self.links.add(self.unit_ids.get(snap.unit), snap, row_id)
        self.pending += 1
        now = time.monotonic()
        if self.pending >= _BATCH or now - self.last_commit >= _BATCH_SECONDS:
            session.commit()
            self.pending, self.last_commit = 0, now
        if now - self.last_progress >= self.progress_interval:
            self._progress()

    def _store_entries(self, snap: Capture, snapshot_id: int) -> None:
        session = self.session
        assert session is not None
        unit_id = self.unit_ids[snap.unit]
        urls = [e.url for e in snap.entries]
        existing = {
            d.url: d
            for d in session.scalars(
                select(models.Document).where(models.Document.column_id == snap.column_id,
                                              models.Document.url.in_(urls))
            )
        }
        for entry in snap.entries:
            doc = existing.get(entry.url)
            if doc is None:
                doc = models.Document(unit_id=unit_id, column_id=snap.column_id, url=entry.url,
                                      title=entry.title, first_seen_run_id=self.run_id, last_seen_run_id=self.run_id)
                session.add(doc)
                existing[entry.url] = doc
                self.counts["documents"] += 1
            doc.title = entry.title
            doc.last_seen_run_id = self.run_id
            doc.list_snapshot_id = snapshot_id
            if entry.publish_date is not None or doc.date_source in (None, "list"):
                doc.publish_date, doc.date_text = entry.publish_date, entry.date_text
                doc.date_source = "list" if entry.publish_date else None
        session.flush()

    def _store_detail(self, snap: Capture, snapshot_id: int) -> None:
        """Detail pages complete what the list showed: a date where the list had none, and metadata."""
        session = self.session
        assert session is not None
        detail = snap.detail
        session.flush()
        docs = list(session.scalars(select(models.Document).where(
            models.Document.unit_id == self.unit_ids[snap.unit], models.Document.url == snap.url
        )))
        read_before = next((d for d in docs if d.meta), None)
        for doc in docs:
            doc.detail_snapshot_id = snapshot_id
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
        print(f"[{label}] 已抓取 {c['pages']} 页（失败 {c['failed']}），发现信息 {c['documents']} 条，"
              f"{c['pages'] / elapsed:.1f} 页/秒", file=sys.stderr, flush=True)
        self.last_progress = time.monotonic()
