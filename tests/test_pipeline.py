"""The storage pipeline writes a night in batches: far fewer SQL statements than pages, and the same rows
as page-at-a-time writing would give (documents linked to their list and detail snapshots)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import event, func, select
from tests_registry import one_unit_registry

from crawler.items import Capture, DetailFields, ListEntry, Unchanged
from crawler.pipelines import StoragePipeline
from storage.models import Blob, Column, CrawlRun, Document, Snapshot
from zwgk.units_file import import_registry, parse_registry

BASE = "http://127.0.0.1:9"


def _runs(db_url: str, n: int = 1):
    """A store with the one-unit registry and `n` crawl runs: (sessionmaker, run ids)."""
    from storage.db import make_engine, make_sessionmaker

    Session = make_sessionmaker(make_engine(db_url))
    with Session() as s, s.begin():
        import_registry(s, parse_registry(one_unit_registry(BASE), "test.yaml"))
        runs = [CrawlRun(units=["polite"]) for _ in range(n)]
        s.add_all(runs)
        s.flush()
        ids = tuple(run.id for run in runs)
    return Session, ids


def _night(Session, run_id: int, details: int, unchanged: int = 0) -> tuple[StoragePipeline, int]:
    """Feed one list page of `details + unchanged` entries and `details` detail pages; SQL statements run."""
    with Session() as s:
        column_id = s.scalar(select(Column.id))
        url = s.get_bind().url.render_as_string(hide_password=False)
    pipeline = StoragePipeline(url, run_id, progress_interval=999)
    pipeline.open_spider()
    statements = []
    event.listen(pipeline.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    now = datetime.now(UTC)
    entries = tuple(ListEntry(f"通知{i}", f"{BASE}/d{i}.html", date(2024, 9, 1), "2024-09-01")
                    for i in range(details + unchanged))
    pipeline.process_item(Capture("list", f"{BASE}/list/index.html", "polite", now, status=200,
                                  body=b"<html>list</html>", column_id=column_id, page_no=1, entries=entries))
    for i in range(details):
        pipeline.process_item(Capture("detail", f"{BASE}/d{i}.html", "polite", now, status=200,
                                      body=f"<html>第{i}号</html>".encode(), column_id=column_id,
                                      detail=DetailFields(f"通知{i}", None, None, {"发布机构": "县政府"})))
    for i in range(details, details + unchanged):
        pipeline.process_item(Unchanged("polite", f"{BASE}/d{i}.html"))
    pipeline.close_spider()
    return pipeline, len(statements)


def test_a_night_in_batches(db_url: str) -> None:
    Session, (run_id,) = _runs(db_url)
    pages = 301
    _, count = _night(Session, run_id, pages - 1)
    # writing page by page took about 7 statements a page; in batches it is a few per batch of 200
    assert count < pages / 5, count
    with Session() as s:
        snaps = {x.url: x for x in s.scalars(select(Snapshot).where(Snapshot.crawl_run_id == run_id))}
        assert len(snaps) == pages
        assert s.scalar(select(func.count()).select_from(Blob)) == pages
        docs = list(s.scalars(select(Document)))
        assert len(docs) == pages - 1
        for doc in docs:
            assert doc.list_snapshot_id == snaps[f"{BASE}/list/index.html"].id
            assert doc.detail_snapshot_id == snaps[doc.url].id
            assert doc.meta == {"发布机构": "县政府"} and doc.publish_date == date(2024, 9, 1)


def test_an_unchanged_entry_keeps_what_an_earlier_night_read(sqlite_url: str) -> None:
    Session, ids = _runs(sqlite_url, 2)
    _night(Session, ids[0], 10)
    with Session() as s:
        read = {d.url: d.detail_snapshot_id for d in s.scalars(select(Document))}
    # the second night requests 4 detail pages again; 6 entries are unchanged and not requested
    pipeline, _ = _night(Session, ids[1], 4, unchanged=6)
    with Session() as s:
        docs = {d.url: d for d in s.scalars(select(Document))}
        assert len(docs) == 10 and all(d.last_seen_run_id == ids[1] for d in docs.values())
        for i in range(10):
            doc = docs[f"{BASE}/d{i}.html"]
            night = s.get_one(Snapshot, doc.detail_snapshot_id).crawl_run_id
            assert night == (ids[1] if i < 4 else ids[0])  # unchanged: the page read on the first night
            assert doc.detail_snapshot_id == read[doc.url] or i < 4
            assert doc.meta == {"发布机构": "县政府"}
    assert pipeline.counts["unchanged"] == 6
    unit_id = pipeline.unit_ids["polite"]
    assert pipeline.links.unchanged_sources[unit_id] == {f"{BASE}/d{i}.html" for i in range(4, 10)}


def test_warc_segments_go_to_a_shared_store_by_age_and_a_dead_writers_segment_is_finished(sqlite_url: str,
                                                                                          tmp_path) -> None:
    """With a shared evidence store: a segment older than ZWGK_WARC_SEGMENT_SECONDS (0 here) is put into the
    store at the next batch; a pipeline that stopped without closing (its process killed: the lock on its
    segment's index goes with it) leaves its segment in the spool, and the next pipeline opened finishes it."""
    from storage.evidence import verify_records
    from storage.evidence_store import SharedDirectoryStore, using_store
    from storage.warc_models import WarcRecord

    Session, (run_id,) = _runs(sqlite_url)
    with Session() as s:
        column_id = s.scalar(select(Column.id))
    spool = tmp_path / "spool"

    def pipeline(seconds: float) -> StoragePipeline:
        p = StoragePipeline(sqlite_url, run_id, progress_interval=999, warc_dir=str(tmp_path / "warc"),
                            evidence={"evidence_store": "shared", "evidence_dir": str(tmp_path / "shared")},
                            warc_spool=str(spool), warc_segment_seconds=seconds)
        p.open_spider()
        return p

    def pages(p: StoragePipeline, start: int, stop: int) -> None:
        for i in range(start, stop):
            p.process_item(Capture("detail", f"{BASE}/d{i}.html", "polite", datetime.now(UTC), status=200,
                                   body=f"<html>第{i}号</html>".encode(), column_id=column_id))

    first = pipeline(0.0)
    pages(first, 0, 450)  # batches of 200: two segments put by age, the third still open
    first.close_spider()
    with Session() as s:
        paths = set(s.scalars(select(WarcRecord.path)))
        assert len(paths) == 3 and s.scalar(select(func.count()).select_from(WarcRecord)) == 450
    assert not list(spool.iterdir())

    killed = pipeline(3600.0)
    pages(killed, 450, 500)
    killed.flush()  # the pages are committed, their records wait in the open segment
    assert killed.segment is not None
    killed.segment.index.close()  # what the kill does to the lock
    with Session() as s:
        assert s.scalar(select(func.count()).select_from(WarcRecord)) == 450
    again = pipeline(3600.0)  # the next crawl on this machine finishes it as it opens
    again.close_spider()
    with Session() as s:
        records = list(s.scalars(select(WarcRecord)))
        assert len(records) == 500 and len({r.snapshot_id for r in records}) == 500
    store = SharedDirectoryStore(tmp_path / "shared")
    assert store.exists(f"warc/{killed.segment.path.name}")
    with Session() as s, using_store(store):
        assert verify_records(s).bad == []  # each record re-reads from the store and matches its body
    assert not list(spool.iterdir())
