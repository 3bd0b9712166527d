"""A second night over an unchanged farm: first list pages again, later list pages, detail pages and
attachments not again (unless due in their rotation); the same documents and findings as a full re-crawl."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from conftest import crawl_on, settings_for
from sqlalchemy import func, select

from checks.loader import load_audit_data
from crawler.launch import run_crawl
from jobs.check import run_checks
from storage.blobs import read_snapshot_body
from storage.models import Document, Finding, Snapshot

AS_OF = date(2024, 9, 30)


def _items(data) -> dict:
    return {c.url: sorted((i.url, i.title, i.publish_date, tuple(sorted(i.meta.items()))) for i in c.items)
            for c in data.columns}


def test_second_night_downloads_no_unchanged_detail_page(crawled) -> None:
    """Re-verifying every page every night (revisit_days=1): conditional GETs, 304s."""
    Session, first, settings = crawled
    settings = settings.model_copy(update={"revisit_days": 1})
    with Session() as s:
        before = _items(load_audit_data(s))
        first_bodies = {d.url: read_snapshot_body(s, d.detail_snapshot_id) for d in s.scalars(select(Document))}
    second = crawl_on(AS_OF + timedelta(days=1), settings, Session)  # the next night, on the fixtures' clock
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
        attachments = [a for a in load_audit_data(s, ["yunhe-slj"]).attachments if a.text]
        assert len(attachments) == 4
    summary = run_checks(Session, AS_OF)
    assert summary.stats.by_check.get("column.stale") == 5 and summary.stats.by_check.get("column.blank") == 1
    zjj = next(c for c in second.coverage if c.slug == "yunhe-slj")
    assert zjj.not_modified == 4 and zjj.pages_fetched == zjj.pages


def test_changed_page_is_downloaded_unchanged_is_not(sqlite_url: str) -> None:
    from localserver import ScriptedServer, html
    from tests_registry import one_unit_registry

    from storage.db import make_engine, make_sessionmaker
    from zwgk.units_file import import_registry, parse_registry

    nights = {"n": 1}
    listing = ('<ul class="list"><li><a href="/a.html">关于做好防汛工作的通知</a><span>2024-08-01</span></li>'
               '<li><a href="/b.html">关于开展安全检查的通知</a><span>2024-09-01</span></li></ul>')

    def page(path: str, etags: dict[int, str], bodies: dict[int, str]):
        def route(n: int, method: str):
            etag = etags[nights["n"]]
            sent = next((h.get("If-None-Match") for p, h in reversed(server.headers) if p == path), None)
            if sent == etag:
                return 304, {"ETag": etag}, b""
            body = f"<html><body><h1>{path}</h1>{bodies[nights['n']]}</body></html>".encode()
            return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": etag}, body
        return route

    routes = {
        "/": html("首页"), "/list/index.html": html(listing),
        "/a.html": page("/a.html", {1: '"a1"', 2: '"a1"'}, {1: "发布机构：县应急管理局", 2: "发布机构：县应急管理局"}),
        "/b.html": page("/b.html", {1: '"b1"', 2: '"b2"'}, {1: "发布机构：县水利局", 2: "发布机构：县水利局（已更正）"}),
    }
    with ScriptedServer(routes) as server:
        Session = make_sessionmaker(make_engine(sqlite_url))
        with Session() as s, s.begin():
            import_registry(s, parse_registry(one_unit_registry(server.url), "test.yaml"))
        # a page edited in place (same title and date in the list) is seen when it is re-verified
        settings = settings_for(sqlite_url, check_links=False, collect_new_media=False, revisit_days=1)
        run_crawl(settings, Session, echo=lambda line: None)
        nights["n"] = 2
        second = run_crawl(settings, Session, echo=lambda line: None)
        sent = [h.get("If-None-Match") for p, h in server.headers if p == "/a.html"]
        assert sent == [None, '"a1"']
    with Session() as s:
        snaps = {x.url.removeprefix(server.url): x for x in s.scalars(select(Snapshot).where(
            Snapshot.crawl_run_id == second.run_id))}
        assert snaps["/a.html"].status == 304 and snaps["/b.html"].status == 200
        assert "已更正".encode() in read_snapshot_body(s, snaps["/b.html"].id)
        docs = {d.url.removeprefix(server.url): d for d in s.scalars(select(Document))}
        assert docs["/a.html"].detail_snapshot_id == snaps["/a.html"].id
        assert docs["/b.html"].detail_snapshot_id == snaps["/b.html"].id


def _night_requests(farm, start: int) -> set:
    return {(site, path) for site, method, path in farm.requests[start:] if not path.startswith("/robots.txt")}


def test_second_night_requests_only_new_changed_and_due_detail_pages(crawled_template, farm, tmp_path) -> None:
    """The default night: a detail page whose list entry is unchanged is not requested unless due for its
    re-verification; the findings are those of a full re-crawl."""
    import shutil

    from crawler.incremental import due_for_revisit
    from storage.clock import utcnow
    from storage.db import make_engine, make_sessionmaker
    from storage.models import Finding

    source, first = crawled_template
    nights = {}
    for name, revisit in (("incremental", 28), ("full", 1)):
        path = tmp_path / f"{name}.sqlite"
        shutil.copyfile(source, path)
        url = f"sqlite:///{path}"
        Session = make_sessionmaker(make_engine(url))
        start = len(farm.requests)
        second = run_crawl(settings_for(url, revisit_days=revisit), Session, echo=lambda line: None)
        summary = run_checks(Session, AS_OF)
        with Session() as s:
            findings = {(f.check, f.unit_id, f.subject_key, f.detail) for f in s.scalars(select(Finding))}
            details = set(s.scalars(select(Snapshot.url).where(Snapshot.crawl_run_id == second.run_id,
                                                               Snapshot.kind == "detail")))
            documents = {d.url for d in s.scalars(select(Document))}
            items = _items(load_audit_data(s))
            if name == "incremental":
                carried = _carried_documents(s, first.run_id, second.run_id)
        nights[name] = (_night_requests(farm, start), findings, details, documents, items, summary)
    inc, full = nights["incremental"], nights["full"]
    today = utcnow().date()
    assert inc[3] == full[3] and len(inc[3]) >= 150
    # requested tonight: exactly the detail pages due for re-verification (the farm's lists are unchanged)
    assert inc[2] == {u for u in inc[3] if due_for_revisit(u, today, 28)}
    assert full[2] == full[3]
    assert len(inc[0]) < len(full[0]) - 100
    # the same documents with the same dates and metadata, the same findings
    assert inc[4] == full[4]
    assert inc[1] == full[1] and inc[5].stats.by_check == full[5].stats.by_check
    # multi-page columns whose first page is unchanged: the later pages were not requested, yet the older
    # documents listed there are listed tonight (and were read on the first night, on that page)
    assert len(carried) >= 3, carried
    for column_url, doc_url, page_url in carried:
        assert page_url.split("/", 3)[3] not in {p for _, p in inc[0]} or due_for_revisit(column_url, today, 28)
        assert any(doc_url == i[0] for i in inc[4][column_url])
        assert any(page_url.endswith(p) for _, p in full[0])


def _carried_documents(s, first_run: int, run_id: int) -> list[tuple[str, str, str]]:
    """(column URL, document URL, URL of the later list page that listed it on the first night) of the
    documents tonight carried forward: listed tonight, last read on a later list page of the first night."""
    from storage.models import Column, CrawlRun

    carried = s.get(CrawlRun, run_id).stats.get("carried", {})
    out = []
    for doc, page_url, column_url in s.execute(
            select(Document, Snapshot.url, Column.url).join(Snapshot, Snapshot.id == Document.list_snapshot_id)
            .join(Column, Column.id == Document.column_id)
            .where(Document.last_seen_run_id == run_id, Snapshot.page_no > 1, Snapshot.crawl_run_id == first_run)):
        assert str(doc.column_id) in carried and carried[str(doc.column_id)]["run"] == first_run
        out.append((column_url, doc.url, page_url))
    return out


def test_first_page_changed_pages_again_unchanged_carries_forward(tmp_path) -> None:
    """The county farm's GB18030 family pages its lists ten a page (下一页). Night 2 puts three new items on
    top of one column (its first page changes, three entries move to page 2): that column is paged again.
    The other columns' first pages are unchanged: their page 2 is not requested, the old document listed
    there still counts as listed. Documents, dates and findings are those of a full re-crawl."""
    import os
    import shutil

    import pytest

    from crawler.incremental import due_for_revisit
    from fixtures.county import build_county
    from fixtures.nginx import NginxFarm, nginx_binary
    from storage.clock import utcnow
    from storage.db import make_engine, make_sessionmaker, upgrade
    from storage.models import Column, CrawlRun
    from zwgk.units_file import import_registry, parse_registry

    if nginx_binary() is None and not os.environ.get("CI"):
        pytest.skip("nginx not installed (scripts/setup.sh installs it)")
    root = tmp_path / "farm"
    units, columns, items = 11, 3, 11  # c003, c007, c011 are GB18030 sites; c011's first column gets new items
    registry = build_county(root, units, columns, items)
    first_url = f"sqlite:///{tmp_path / 'night1.sqlite'}"
    upgrade(first_url)
    slugs = ["c003", "c011"]
    with NginxFarm(root) as farm:
        Session = make_sessionmaker(make_engine(first_url))
        with Session() as s, s.begin():
            import_registry(s, parse_registry(farm.render_registry_text(registry), "units.yaml"))
        quiet = {"collect_new_media": False, "check_links": False, "progress_interval": 999}
        run_crawl(settings_for(first_url, **quiet), Session, slugs, echo=lambda line: None)
        with Session() as s:
            page2 = set(s.scalars(select(Snapshot.url).where(Snapshot.kind == "list", Snapshot.page_no == 2)))
            assert len(page2) == 2 * columns
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        build_county(root, units, columns, items, new_items=3, changed_only=True)
        nights = {}
        for name, revisit in (("incremental", 28), ("full", 1)):
            path = tmp_path / f"{name}.sqlite"
            shutil.copyfile(tmp_path / "night1.sqlite", path)
            url = f"sqlite:///{path}"
            Session = make_sessionmaker(make_engine(url))
            start = len(farm.requests)
            second = run_crawl(settings_for(url, revisit_days=revisit, **quiet), Session, slugs, echo=lambda line: None)
            requested = {(site, p) for site, _, p in farm.requests[start:]}
            # checked as of today (the captures carry the real clock): the farm's 2024 columns are stale
            summary = run_checks(Session, datetime.now(ZoneInfo("Asia/Shanghai")).date())
            with Session() as s:
                findings = {(f.check, f.unit_id, f.subject_key, f.detail) for f in s.scalars(select(Finding))}
                docs = {d.url: (d.title, d.publish_date, d.last_seen_run_id == second.run_id)
                        for d in s.scalars(select(Document))}
                stats = s.get(CrawlRun, second.run_id).stats
                column_urls = {c.url: c.id for c in s.scalars(select(Column))}
                incomplete = [col.name for unit in second.coverage for col in unit.incomplete]
            nights[name] = (requested, findings, docs, _items_of(Session), summary.stats.by_check, stats, incomplete)
    inc, full = nights["incremental"], nights["full"]
    today = utcnow().date()
    site_of = {base.rstrip("/"): site for site, base in farm.urls.items()}
    changed = farm.urls["c011"].rstrip("/") + "/lm00/list_2.htm"
    assert changed in page2
    expect_carried = set()
    for url in page2:
        base, path = url.rsplit("/", 2)[0], "/" + url.split("/", 3)[3]
        column = url.rsplit("/", 1)[0] + "/index.htm"
        assert (site_of[base], path) in full[0]
        # paged again: the first page changed (new items pushed three entries onto page 2), or its rotation
        repaged = url == changed or due_for_revisit(column, today, 28)
        assert ((site_of[base], path) in inc[0]) == repaged, url
        if not repaged:
            expect_carried.add(str(column_urls[column]))
    assert set(inc[5].get("carried", {})) == expect_carried and not full[5].get("carried")
    assert len(inc[2]) == len(full[2]) == 2 * columns * items + 3
    assert all(seen for _, _, seen in inc[2].values())  # every document still listed tonight, the carried ones too
    assert inc[2] == full[2] and inc[3] == full[3]
    assert inc[1] == full[1] and inc[4] == full[4] and inc[1]
    assert inc[6] == full[6] == []  # no column is reported incompletely listed
    assert len(inc[0]) < len(full[0])


def _items_of(Session) -> dict:
    with Session() as s:
        return _items(load_audit_data(s))


def test_pages_cited_by_open_findings_are_reverified_weekly(crawled) -> None:
    """A page an open finding cites is re-verified at least weekly, not only in its 56-night rotation: a
    correction made in place clears the finding within days. Once rectified, it is back in the rotation."""
    from crawler.incremental import FINDING_REVISIT_DAYS, due_for_revisit, unchanged_listings
    from storage.models import Unit

    Session, _, _ = crawled
    run_checks(Session, AS_OF)
    with Session() as s:
        unit_ids = list(s.scalars(select(Unit.id)))
        documents = set(s.scalars(select(Document.url).where(Document.detail_snapshot_id.is_not(None))))
        cited = sorted({f.url for f in s.scalars(select(Finding).where(Finding.rectified_on.is_(None)))} & documents)
        assert cited, "the demo farm's content checks cite detail pages"
        url = cited[0]
        days = [AS_OF + timedelta(days=n) for n in range(56)]
        weekly = next(d for d in days if due_for_revisit(url, d, FINDING_REVISIT_DAYS) and not due_for_revisit(url, d, 56))
        quiet = next(d for d in days if not due_for_revisit(url, d, FINDING_REVISIT_DAYS)
                     and not due_for_revisit(url, d, 56))
        assert url not in unchanged_listings(s, unit_ids, weekly, 56)  # requested that night
        assert url in unchanged_listings(s, unit_ids, quiet, 56)  # not that one
        uncited = next(u for u in sorted(documents - set(cited)) if not due_for_revisit(u, weekly, 56))
        assert uncited in unchanged_listings(s, unit_ids, weekly, 56)
        for finding in s.scalars(select(Finding).where(Finding.url == url)):
            finding.rectified_on = AS_OF
        s.flush()
        assert url in unchanged_listings(s, unit_ids, weekly, 56)


def test_columns_far_from_their_deadlines_rest_and_findings_equal_a_full_recrawl(tmp_path) -> None:
    """The county farm dated as of today: columns whose every deadline (staleness window, the unit's quiet
    warning, interpretations, the annual report) is further than the nights they may rest are not looked
    at for up to two nights (column_look_nights=3); columns near or past a deadline, or with an open
    finding, are looked at every night. New items put on a resting column are not seen while it rests,
    no finding about it is raised meanwhile, and they are seen on its next due night. After every night the
    findings are those of a full re-crawl (every column every night) of the same farm."""
    import os
    import shutil

    import pytest

    from crawler.incremental import LOOK_MARGIN_DAYS
    from fixtures.county import build_county
    from fixtures.nginx import NginxFarm, nginx_binary
    from jobs.look import column_look_by
    from storage.db import make_engine, make_sessionmaker, upgrade
    from storage.models import Column, CrawlRun, Unit
    from zwgk.units_file import import_registry, parse_registry

    if nginx_binary() is None and not os.environ.get("CI"):
        pytest.skip("nginx not installed (scripts/setup.sh installs it)")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    root = tmp_path / "farm"
    units, columns, items = 2, 10, 11  # c001's first column (动态要闻) gets new items after night 1
    farm_day = today - timedelta(days=2)  # newest items 2 to 22 days old: c002 has a stale 动态要闻 column
    registry = build_county(root, units, columns, items, as_of=farm_day)
    quiet = {"collect_new_media": False, "check_links": False, "progress_interval": 999}

    def look_by(session, slugs):
        return today, column_look_by(session, slugs, today)

    first_url = f"sqlite:///{tmp_path / 'night1.sqlite'}"
    upgrade(first_url)
    with NginxFarm(root) as farm:
        Session = make_sessionmaker(make_engine(first_url))
        with Session() as s, s.begin():
            import_registry(s, parse_registry(farm.render_registry_text(registry), "units.yaml"))
        run_crawl(settings_for(first_url, **quiet), Session, echo=lambda line: None, look_by=look_by)
        run_checks(Session, today)
        with Session() as s:
            deadlines = column_look_by(s, ["c001", "c002"], today)
            news = s.scalar(select(Column.id).join(Column.unit).where(Unit.slug == "c001").order_by(Column.id).limit(1))
            near = {c.id for c in s.scalars(select(Column))} - {
                c for c, day in deadlines.items() if (day - today).days > 3 + LOOK_MARGIN_DAYS}
            s.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert news in deadlines and news not in near, "c001's first column should be far from its deadlines"
        assert near, "some columns should be near a deadline or have an open finding"
        build_county(root, units, columns, items, new_items=3, changed_only=True, as_of=farm_day)
        nights: dict[str, list] = {"resting": [], "full": []}
        for name, look in (("resting", 3), ("full", 1)):
            path = tmp_path / f"{name}.sqlite"
            shutil.copyfile(tmp_path / "night1.sqlite", path)
            url = f"sqlite:///{path}"
            Session = make_sessionmaker(make_engine(url))
            settings = settings_for(url, column_look_nights=look, **quiet)
            for _ in range(3):  # nights 2, 3 and 4
                result = run_crawl(settings, Session, echo=lambda line: None, look_by=look_by)
                run_checks(Session, today)
                with Session() as s:
                    looked = set(s.scalars(select(Snapshot.column_id).where(
                        Snapshot.crawl_run_id == result.run_id, Snapshot.kind == "list", Snapshot.page_no == 1)))
                    rested = {int(k) for k, v in (s.get(CrawlRun, result.run_id).stats or {}).get("carried", {})
                              .items() if v.get("rested")}
                    findings = {(f.check, f.unit_id, f.subject_key, f.detail) for f in s.scalars(
                        select(Finding).where(Finding.rectified_on.is_(None), Finding.closed_as.is_(None)))}
                    new_seen = s.scalar(select(func.count()).where(Document.column_id == news,
                                                                   Document.first_seen_run_id == result.run_id))
                    incomplete = [col.name for unit in result.coverage for col in unit.incomplete]
                    fetched = sum(c.columns_fetched for c in result.coverage)
                nights[name].append((looked, rested, findings, new_seen, incomplete, fetched))
    resting, full = nights["resting"], nights["full"]
    all_columns = 2 * columns
    for night, (looked, rested, findings, _, incomplete, fetched) in enumerate(resting):
        assert looked.isdisjoint(rested) and len(looked | rested) == all_columns
        assert near <= looked  # near a deadline or with an open finding: looked at every night
        assert incomplete == [] and fetched == all_columns  # a resting column counts as listed
        assert findings == full[night][2], f"night {night + 2}"
        assert full[night][1] == set() and len(full[night][0]) == all_columns
    # the updated column rests on nights 2 and 3 (its new items unseen), and is looked at on night 4
    assert news in resting[0][1] and news in resting[1][1] and news in resting[2][0]
    assert [r[3] for r in resting] == [0, 0, 3] and [f[3] for f in full] == [3, 0, 0]
    assert resting[0][1] and resting[1][1], "columns far from their deadlines rest"
    assert any(f[0] == "column.stale" for f in resting[0][2])  # the comparison is not between empty sets
