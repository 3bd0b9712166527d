"""A second night over an unchanged farm: list pages again, detail pages and attachments not again."""

from datetime import date

from sqlalchemy import func, select

from checks.loader import load_audit_data
from crawler.runner import run_crawl
from storage.blobs import read_snapshot_body
from storage.models import Document, Snapshot
from zwgk.jobs import run_checks

AS_OF = date(2024, 9, 30)


def _items(data) -> dict:  # noqa: ANN001
    return {c.url: sorted((i.url, i.title, i.publish_date, tuple(sorted(i.meta.items()))) for i in c.items)
            for c in data.columns}


def test_second_night_downloads_no_unchanged_detail_page(crawled) -> None:
    Session, first, settings = crawled
    with Session() as s:
        before = _items(load_audit_data(s))
        first_bodies = {d.url: read_snapshot_body(s, d.detail_snapshot_id) for d in s.scalars(select(Document))}
    second = run_crawl(settings, Session, echo=lambda line: None)
    with Session() as s:
        by_status = dict(s.execute(
            select(Snapshot.status, func.count()).where(Snapshot.crawl_run_id == second.run_id,
                                                        Snapshot.kind.in_(("detail", "attachment")))
            .group_by(Snapshot.status)).all())
        assert by_status.get(304, 0) >= 150 and set(by_status) == {304}, by_status  # nothing downloaded again
        lists = s.scalars(select(Snapshot.status).where(Snapshot.crawl_run_id == second.run_id,
                                                        Snapshot.kind == "list", Snapshot.error_kind.is_(None)))
        assert set(lists) == {200}  # list pages are fetched every night
        # the documents point at tonight's snapshots, whose evidence is the body stored on the first night
        for doc in s.scalars(select(Document)):
            snap = s.get(Snapshot, doc.detail_snapshot_id)
            assert snap.crawl_run_id == second.run_id and snap.status == 304
            assert read_snapshot_body(s, snap.id) == first_bodies[doc.url]
        assert _items(load_audit_data(s)) == before  # dates and metadata as the first night read them
        attachments = [a for a in load_audit_data(s, ["yunhe-zjj"]).attachments if a.text]
        assert len(attachments) == 4
    summary = run_checks(Session, AS_OF)
    assert summary.stats.by_check.get("column.stale") == 5 and summary.stats.by_check.get("column.blank") == 1
    zjj = next(c for c in second.coverage if c.slug == "yunhe-zjj")
    assert zjj.not_modified == 4 and zjj.pages_fetched == zjj.pages
