"""The crawl against the real fixture farm: every item of every list page, with its date."""

import json
import zlib
from datetime import date
from pathlib import Path

from sqlalchemy import select

from storage.blobs import read_snapshot_body, sha256
from storage.models import Blob, Column, CrawlRun, Document, Snapshot, Unit

MANIFEST = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "manifest.json").read_text("utf-8"))


def test_every_item_found_with_its_date(crawled, farm) -> None:
    Session, result, _ = crawled
    with Session() as s:
        for site, spec in MANIFEST["sites"].items():
            base = farm.urls[site.replace("-", "_")]
            for col in spec["columns"].values():
                column = s.scalar(select(Column).where(Column.url == base + col["url"]))
                docs = {d.url: d for d in s.scalars(select(Document).where(Document.column_id == column.id))}
                expected = {base + it["path"]: it for it in col["items"]}
                assert set(docs) == set(expected), (site, col["name"])
                for url, item in expected.items():
                    want = date.fromisoformat(item["date"]) if item["date"] else None
                    assert docs[url].publish_date == want, (url, docs[url].date_text)
                    assert docs[url].title == item["title"]


def test_detail_pages_fetched_with_metadata(crawled, farm) -> None:
    Session, _, _ = crawled
    with Session() as s:
        docs = list(s.scalars(select(Document)))
        assert docs and all(d.detail_snapshot_id for d in docs)
        # Sites whose detail pages carry a 信息公开 metadata table (not Hanweb, VSB …).
        with_table = [farm.urls[site.replace("-", "_")] for site, spec in MANIFEST["sites"].items()
                      if spec["metadata_table"]]
        dated = [d for d in docs if d.publish_date and d.url.startswith(tuple(with_table))]
        assert dated and all(d.meta.get("发布机构") and d.meta.get("索引号") for d in dated)


def test_snapshots_are_evidence(crawled) -> None:
    Session, result, _ = crawled
    with Session() as s:
        snaps = list(s.scalars(select(Snapshot).where(Snapshot.crawl_run_id == result.run_id,
                                                      Snapshot.error_kind.is_(None))))
        assert len(snaps) >= 200
        for snap in snaps[:50]:
            body = read_snapshot_body(s, snap.id)
            assert body and sha256(body) == snap.content_hash
            assert snap.status == 200 and snap.fetched_at.tzinfo is not None and snap.headers
        blob = s.get(Blob, snaps[0].content_hash)
        assert len(blob.data) < blob.size and zlib.decompress(blob.data)  # kept compressed
        gbk = s.scalar(select(Snapshot).where(Snapshot.url.like("%/wjdt/index.htm")))
        assert gbk.encoding in ("gb18030", "gbk", "gb2312")
        assert "卫健动态".encode("gbk") in read_snapshot_body(s, gbk.id)  # raw bytes, never re-encoded


def test_dead_site_does_not_stop_the_crawl(crawled) -> None:
    Session, result, _ = crawled
    cov = {c.slug: c for c in result.coverage}
    assert cov["yunhe-lyj"].home_ok is False and cov["yunhe-lyj"].errors["refused"] == 2
    assert cov["yunhe-lyj"].columns_fetched == 0
    for slug in ("yunhe-gov", "yunhe-jyj", "yunhe-wjw"):
        assert cov[slug].home_ok and cov[slug].columns_fetched == cov[slug].columns and not cov[slug].errors
    with Session() as s:
        run = s.get(CrawlRun, result.run_id)
        assert run.status == "finished" and run.stats["pages"] == result.pages
        failed = s.scalar(select(Snapshot).where(Snapshot.error_kind == "refused", Snapshot.kind == "list"))
        assert failed.content_hash is None and "Refused" in failed.error_detail


def test_all_list_pages_followed(crawled, farm) -> None:
    Session, result, _ = crawled
    with Session() as s:
        pages = s.scalars(select(Snapshot.url).where(Snapshot.kind == "list", Snapshot.crawl_run_id == result.run_id))
        urls = set(pages)
    base = farm.urls["yunhe_gov"]
    assert {f"{base}/zfxxgk/zwdt/index.html", f"{base}/zfxxgk/zwdt/index_1.html",
            f"{base}/zfxxgk/zwdt/index_2.html"} <= urls  # createPageHTML(3, …)
    assert f"{farm.urls['yunhe_jyj']}/zfxxgk/gzdt/index_1.shtml" in urls  # ('page_div', 2, 1, …, 'shtml')
    units = None
    with Session() as s:
        units = {u.slug for u in s.scalars(select(Unit))}
    assert units == {"yunhe-gov", "yunhe-jyj", "yunhe-wjw", "yunhe-lyj"} | {
        site for site, spec in MANIFEST["sites"].items() if spec["family"] != "trs-classic"} | {
        "yunhe-fgj", "yunhe-tjj"} | {  # the content-check units (fixtures/content_build.py)
        "yunhe-slj"}  # attachments and links (fixtures/media_build.py)
