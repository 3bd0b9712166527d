"""Every CMS family of the fixture farm, crawled for real: every item found, every date right."""

import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler.launch import run_crawl
from fixtures.groundtruth import load_manifest, score
from storage.models import Column, Document, Snapshot, Unit
from tests.conftest import import_farm_registry, settings_for

MANIFEST = load_manifest()
FAMILIES = sorted({spec["family"] for spec in MANIFEST["sites"].values()})


def site_of(family: str) -> str:
    return next(name for name, spec in MANIFEST["sites"].items() if spec["family"] == family)


@pytest.mark.browser
@pytest.mark.parametrize("family", FAMILIES)
def test_every_item_found_with_its_date_and_title(crawled, farm, family: str) -> None:
    Session, _, _ = crawled
    with Session() as s:
        result = score(s, farm.urls)[family]
    assert result.present > 0
    assert result.misses == []
    assert (result.found, result.dated_right, result.titled_right) == (result.present,) * 3
    assert result.extra == 0  # nothing taken for an item that is not one (sidebars, pagers, navigation)


def list_urls(Session, slug: str) -> dict[str, Snapshot]:
    with Session() as s:
        unit = s.scalar(select(Unit).where(Unit.slug == slug))
        return {snap.url: snap for snap in s.scalars(select(Snapshot).where(Snapshot.unit_id == unit.id,
                                                                            Snapshot.kind == "list"))}


@pytest.mark.browser
def test_hanweb_records_beyond_the_page_come_from_dataproxy(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_jtj"]
    proxy = {u: s for u, s in list_urls(Session, "yunhe-jtj").items() if "dataproxy.jsp" in u}
    calls = {urllib.parse.urlsplit(u).query: s.status for u, s in proxy.items()}
    get_only = "startrecord=46&endrecord=90&perpage=15&columnid=1233&unitid=5754"
    assert calls == {  # 45 records static; then groups of 45 until <totalrecord> (96, 62 and 50)
        "startrecord=46&endrecord=90&perpage=15&columnid=1229&unitid=5750": 200,
        "startrecord=91&endrecord=96&perpage=15&columnid=1229&unitid=5750": 200,
        "startrecord=46&endrecord=90&perpage=15&columnid=1231&unitid=5752": 200,
        get_only: 405,  # this column's server refuses the POST form …
        get_only + "&page=1&webid=3311&path=%2F&webname=" + urllib.parse.quote("云和县交通运输局")
        + "&permissiontype=0&col=1&appid=1": 200,  # … and answers the same as GET
    }
    assert all(s.column_id for s in proxy.values())
    with Session() as s:
        column = s.scalar(select(Column).where(Column.url == f"{base}/col/col1229/index.html"))
        urls = s.scalars(select(Document.url).where(Document.column_id == column.id)).all()
    assert len(urls) == 96 and all("/art/2024/" in u and "/art_1229_" in u for u in urls)


def test_dataproxy_answers_get_and_post_alike(farm) -> None:
    url = f"{farm.urls['yunhe_jtj']}/module/web/jpage/dataproxy.jsp"
    params = {"startrecord": "1", "endrecord": "15", "perpage": "15", "columnid": "1231", "unitid": "5752"}
    got = urllib.request.urlopen(f"{url}?{urllib.parse.urlencode(params)}").read()
    posted = urllib.request.urlopen(url + "?startrecord=1&endrecord=15&perpage=15",
                                    data=urllib.parse.urlencode({"columnid": "1231"}).encode()).read()
    assert got == posted and got.count(b"<record>") == 15 and b"<totalrecord>62</totalrecord>" in got


@pytest.mark.browser
def test_trs_platform_pages_from_the_list_api_and_related_links(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_zjj"]
    api = sorted(u.split("?")[1] for u in list_urls(Session, "yunhe-zjj") if "/api/search/list" in u)
    assert api == ["channelId=2356&pageSize=15&page=2", "channelId=2356&pageSize=15&page=3",
                   "channelId=2356&pageSize=15&page=4", "channelId=2357&pageSize=15&page=2",
                   "channelId=2357&pageSize=15&page=3"]  # 52 and 40 items, 15 a page, page 1 static
    with Session() as s:
        unit = s.scalar(select(Unit).where(Unit.slug == "yunhe-zjj"))
        docs = {d.url: d for d in s.scalars(select(Document).where(Document.unit_id == unit.id))}
    linked = {url: [r["url"] for r in d.meta.get("相关文件", [])] for url, d in docs.items() if d.meta.get("相关文件")}
    assert len(linked) == 40  # 20 documents and their 20 interpretations, filled in by script
    for url, targets in linked.items():
        assert all(t.startswith(base) and url in linked[t] for t in targets)  # both ways


@pytest.mark.browser
def test_vsb_pages_numbered_downwards(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_zz"]
    pages = {u: s.page_no for u, s in list_urls(Session, "yunhe-zz").items()}
    assert pages == {f"{base}/tzgg.htm": 1, **{f"{base}/tzgg/{n}.htm": 9 - n for n in range(7, 0, -1)},
                     f"{base}/xwdt.htm": 1, f"{base}/xwdt/2.htm": 2, f"{base}/xwdt/1.htm": 3}


@pytest.mark.browser
def test_columns_discovered_from_the_disclosure_page(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_sjj"]
    with Session() as s:
        unit = s.scalar(select(Unit).where(Unit.slug == "yunhe-sjj"))
        columns = {c.url.removeprefix(base): c for c in unit.columns}
        assert {url: (c.name, c.category, c.source, c.options.get("parent")) for url, c in columns.items()} == {
            "/xxgk/gfxwj/index.html": ("规范性文件", "policy", "discovered", "政策文件"),
            "/xxgk/qtwj/index.html": ("其他文件", "policy", "discovered", "政策文件"),
            "/xxgk/rsxx/index.html": ("人事信息", "personnel", "discovered", None),
            "/xxgk/gwyzl/index.html": ("公务员招录", "personnel", "discovered", "人事信息"),  # by position
            "/xxgk/tzgg/index.html": ("通知公告", "notice", "discovered", None),
            "/xxgk/ndgz/index.html": ("年度工作安排", "planning", "discovered", "规划计划"),  # by position
            "/xxgk/ndbg/index.html": ("政府信息公开年报", "annual_report", "discovered", None),
            # behind the group page 工作动态, which is not a column itself
            "/xxgk/bmdt/index.html": ("部门动态", "news", "discovered", "工作动态"),
            "/xxgk/xzxx/index.html": ("乡镇信息", "news", "discovered", "工作动态"),  # by position
        }
        docs = list(s.scalars(select(Document).where(Document.unit_id == unit.id)))
    assert len(docs) == 87
    for doc in docs:  # the metadata table; 发布日期 (not the earlier 成文日期) is the publishing date
        assert {"索引号", "发布机构", "成文日期", "发布日期", "文号"} <= set(doc.meta)
        assert doc.publish_date.isoformat() == doc.meta["发布日期"] and doc.meta["成文日期"] < doc.meta["发布日期"]
    # The demo units' disclosure pages list only their registry columns: nothing discovered there.
    with Session() as s:
        others = s.scalar(select(func.count()).select_from(Column).join(Unit).where(
            Column.source == "discovered", Unit.slug != "yunhe-sjj"))
    assert others == 0


@pytest.mark.browser
def test_javascript_lists_rendered_in_chromium(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_rsj"]
    pages = list_urls(Session, "yunhe-rsj")
    assert {u.removeprefix(base): (s.rendered, s.page_no) for u, s in pages.items()} == {
        "/col/gzdt/index.html": (True, 1), "/col/gzdt/index_2.html": (True, 2), "/col/gzdt/index_3.html": (True, 3),
        "/col/tzgg/index.html": (True, 1), "/col/tzgg/index_2.html": (True, 2),
    }
    with Session() as s:
        body = s.scalar(select(Snapshot).where(Snapshot.url == f"{base}/col/gzdt/index.html"))
        from storage.blobs import read_snapshot_body

        assert b"<li><a href=" in read_snapshot_body(s, body.id)  # the rendered DOM is the evidence
    # Static lists need no browser: no other unit's list page went through Chromium.
    with Session() as s:
        rendered = s.scalars(select(Snapshot.url).where(Snapshot.rendered.is_(True), Snapshot.kind == "list")).all()
    assert rendered and all(u.startswith(base) for u in rendered)


@pytest.mark.browser
def test_gb18030_pages_and_odd_dates(crawled, farm) -> None:
    Session, _, _ = crawled
    base = farm.urls["yunhe_czj"]
    with Session() as s:
        unit = s.scalar(select(Unit).where(Unit.slug == "yunhe-czj"))
        docs = list(s.scalars(select(Document).where(Document.unit_id == unit.id)))
        encodings = set(s.scalars(select(Snapshot.encoding).where(Snapshot.unit_id == unit.id,
                                                                  Snapshot.error_kind.is_(None))))
    assert encodings == {"gb18030"}
    by_column = {}
    for doc in docs:
        by_column.setdefault(doc.url.removeprefix(base).split("/")[1], set()).add((doc.date_source, doc.date_text))
    assert {src for src, _ in by_column["ghjh"]} == {"meta"}  # only <meta name="PubDate">
    assert all(text.startswith("[") for _, text in by_column["tzgg"])  # [09-26]: year from the URL
    assert all("年" in text for _, text in by_column["czdt"])
    assert all("- " in text for _, text in by_column["yjsgk"])


def test_registry_columns_win_over_discovered_ones(farm, sqlite_url: str, tmp_path: Path) -> None:
    """A unit with a disclosure page and one registry column at a discovered URL: the registry's
    name and category stay; the rest are added once, and a second crawl adds nothing."""
    from storage.db import make_engine, make_sessionmaker

    template = tmp_path / "units.yaml"
    template.write_text("""jurisdiction: 云和县
scheme: yunhe-2022
level: county
units:
  - id: yunhe-sjj
    name: 云和县市场监督管理局
    kind: department
    portal: $yunhe_sjj/
    internal: true
    disclosure: $yunhe_sjj/xxgk/index.html
    columns:
      - {name: 公示公告, url: $yunhe_sjj/xxgk/tzgg/index.html, category: other}
""", encoding="utf-8")
    engine = make_engine(sqlite_url)
    Session = make_sessionmaker(engine)
    import_farm_registry(Session, farm, template)
    for _ in range(2):
        result = run_crawl(settings_for(sqlite_url), Session, echo=lambda line: None)
        assert result.returncode == 0
        with Session() as s:
            columns = {c.url.removeprefix(farm.urls["yunhe_sjj"]): c for c in s.scalars(select(Column))}
            assert len(columns) == 9
            assert (columns["/xxgk/tzgg/index.html"].name, columns["/xxgk/tzgg/index.html"].category,
                    columns["/xxgk/tzgg/index.html"].source) == ("公示公告", "other", "registry")
            assert sum(c.source == "discovered" for c in columns.values()) == 8
            assert s.scalar(select(func.count()).select_from(Document)) == 87
    engine.dispose()


def test_js_declared_per_unit_or_per_column(sqlite_url: str) -> None:
    from crawler.plan import build_plan
    from storage.db import make_engine, make_sessionmaker
    from zwgk.units_file import import_registry, parse_registry

    registry = parse_registry("""jurisdiction: 云和县
scheme: yunhe-2022
level: county
units:
  - {id: a, name: 甲局, kind: department, portal: "http://127.0.0.1:1/", js: true, internal: true,
     columns: [{name: 工作动态, url: "http://127.0.0.1:1/a/"}, {name: 通知公告, url: "http://127.0.0.1:1/b/"}]}
  - {id: b, name: 乙局, kind: department, portal: "http://127.0.0.1:2/", internal: true,
     columns: [{name: 工作动态, url: "http://127.0.0.1:2/a/", js: true}, {name: 通知公告, url: "http://127.0.0.1:2/b/"}]}
""", "units.yaml")
    engine = make_engine(sqlite_url)
    with make_sessionmaker(engine)() as session, session.begin():
        import_registry(session, registry)
        plan = build_plan(session, run_id=1)
    engine.dispose()
    assert {u.slug: [c.js for c in u.columns] for u in plan.units} == {"a": [True, True], "b": [True, False]}
