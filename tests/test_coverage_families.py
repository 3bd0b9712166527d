"""Coverage you can prove: list APIs paged to their end (named in script, or seen by the browser),
Hanweb dataproxy.jsp in page mode, announced totals against what was fetched, and blank columns
that are blank (fixtures/coverage_sites.py, crawled for real)."""

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from checks.base import CheckRules
from checks.loader import load_audit_data
from checks.staleness import blank_columns
from crawler.coverage import coverage_lines
from crawler.extract import hanweb, trs_api
from crawler.extract.families import analyse_feed, analyse_list_page, announced
from crawler.extract.listing import extract_entries, parse_html
from fixtures.groundtruth import score
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Column, Document, Snapshot, Unit
from tests.conftest import import_farm_registry, settings_for

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "fixtures" / "coverage_manifest.json").read_text("utf-8"))
RULES = CheckRules()
AS_OF = date(2024, 9, 30)


@pytest.fixture(scope="module")
def crawled_coverage(farm, tmp_path_factory):
    from crawler.launch import run_crawl

    path = tmp_path_factory.mktemp("coverage") / "zwgk.sqlite"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    Session_ = make_sessionmaker(engine)
    import_farm_registry(Session_, farm, ROOT / "fixtures" / "coverage_units.yaml")
    # the broken API and page answer 500: back off briefly, as a test cannot wait for a real server
    result = run_crawl(settings_for(url, backoff_base=0.05), Session_, echo=lambda line: None)
    yield Session_, result
    engine.dispose()


def _column_docs(Session_, farm, site: str, rel: str) -> set[str]:
    base = farm.urls[site.replace("-", "_")]
    with Session_() as s:
        column = s.scalar(select(Column).where(Column.url == base + rel))
        return {d.url.removeprefix(base) for d in s.scalars(select(Document).where(Document.column_id == column.id))}


@pytest.mark.browser
@pytest.mark.parametrize("site", sorted(MANIFEST["sites"]))
def test_every_item_of_complete_columns_found(crawled_coverage, farm, site: str) -> None:
    Session_, _ = crawled_coverage
    spec = MANIFEST["sites"][site]
    for col in spec["columns"].values():
        found = _column_docs(Session_, farm, site, col["url"])
        expected = {it["path"] for it in col["items"]}
        if col.get("complete", True):
            assert found == expected, (site, col["name"], len(found), len(expected))
        else:  # what the failed page carried is missing, and nothing else
            assert found < expected or not expected
    with Session_() as s:
        result = score(s, farm.urls, MANIFEST, sites=[site])[spec["family"]]
    complete = sum(len(c["items"]) for c in spec["columns"].values() if c.get("complete", True))
    assert result.found >= complete and result.extra == 0
    assert result.dated_right == result.titled_right == result.found


@pytest.mark.browser
def test_coverage_report_states_announced_against_fetched(crawled_coverage) -> None:
    _, result = crawled_coverage
    units = {c.slug: c for c in result.coverage}
    columns = {(slug, col.name): col for slug, c in units.items() for col in c.column_details}
    # API shells: the API's "total" against the documents listed
    assert (columns["yunhe-fgw", "政策文件"].announced_items, columns["yunhe-fgw", "政策文件"].items_fetched) == (23, 23)
    assert columns["yunhe-fgw", "规划计划"].announced_items == 0 and columns["yunhe-fgw", "规划计划"].complete
    broken = columns["yunhe-fgw", "人事信息"]  # its API answers 500: incomplete, and the report says why
    assert not broken.complete and broken.errors == {"status": 1}
    # Hanweb page mode: <totalrecord> against what came in
    assert (columns["yunhe-mzj", "民政动态"].announced_items, columns["yunhe-mzj", "民政动态"].items_fetched) == (37, 37)
    # a script pager: the POSTed API the browser called, paged to its end
    assert (columns["yunhe-sjt", "工作动态"].announced_items, columns["yunhe-sjt", "工作动态"].items_fetched) == (19, 19)
    failed = columns["yunhe-tjj", "统计动态"]  # 共25条, page 2 failed
    assert (failed.announced_items, failed.items_fetched, failed.complete) == (25, 20, False)
    incomplete = {(slug, col.name) for slug, c in units.items() for col in c.incomplete}
    assert incomplete == {("yunhe-fgw", "人事信息"), ("yunhe-tjj", "统计动态")}
    text = "\n".join(coverage_lines(result.coverage))
    assert "网站公布25条，只抓到20条" in text and "列表页失败：HTTP错误×1" in text


@pytest.mark.browser
def test_blank_means_blank(crawled_coverage, farm) -> None:
    Session_, _ = crawled_coverage
    with Session_() as s:
        data = load_audit_data(s)
    found = {(f.unit, f.subject) for f in blank_columns(data, AS_OF, RULES)}
    expected = {(site, col["name"]) for site, spec in MANIFEST["sites"].items()
                for col in spec["columns"].values() if col.get("blank")}
    assert found == expected  # recall and precision 1: failed loads are not blank
    assert len(expected) == 6


@pytest.mark.browser
def test_post_api_pages_are_separate_evidence(crawled_coverage) -> None:
    Session_, _ = crawled_coverage
    with Session_() as s:
        unit = s.scalar(select(Unit).where(Unit.slug == "yunhe-sjt"))
        urls = sorted(s.scalars(select(Snapshot.url).where(Snapshot.unit_id == unit.id, Snapshot.kind == "list",
                                                           Snapshot.url.contains("/common/list.do"))))
        # every list capture of the unit, for the message: a failed POST is stored without its form, so it shows here
        # and not in `urls` (two CI runs lost pageNo=3 to a reused HTTP/1.0 connection: crawler/connections.py)
        lists = s.execute(select(Snapshot.url, Snapshot.page_no, Snapshot.status, Snapshot.error_kind,
                                 Snapshot.error_detail).where(Snapshot.unit_id == unit.id,
                                                              Snapshot.kind == "list")).all()
    assert [u.split("#")[1] for u in urls if "columnId=2001" in u] == [
        f"columnId=2001&pageSize=8&pageNo={n}" for n in (2, 3)], lists  # page 1 is the rendered page


# --- pure ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("method", "url", "body", "page3"), [
    ("GET", "http://h/gkml/api/list.do?columnId=1001&pageNo=1&pageSize=10", None,
     "http://h/gkml/api/list.do?columnId=1001&pageSize=10&pageNo=3"),
    ("GET", "http://h/data/tzgg/1.json", None, "http://h/data/tzgg/3.json"),
    ("GET", "http://h/api/list?page=0&size=20&cid=7", None, "http://h/api/list?size=20&cid=7&page=2"),
    ("POST", "http://h/common/list.do", "columnId=2001&pageNo=1&pageSize=8", "http://h/common/list.do"),
])
def test_api_seen_by_the_browser(method: str, url: str, body: str | None, page3: str) -> None:
    api = trs_api.api_from_request(url, method, body)
    assert api is not None and api.page_url(3) == page3
    if method == "POST":
        assert api.page_form(3) == {"columnId": "2001", "pageSize": "8", "pageNo": "3"}


def test_no_api_in_a_plain_request() -> None:
    assert trs_api.api_from_request("http://h/stats/collect?site=1&t=17", "GET") is None


def test_api_named_in_a_loader_call() -> None:
    shell = ('<ul id="xxgk_list"></ul><script>loadList({url: "/gkml/api/list.do", columnId: "1001", '
             'pageNo: 1, pageSize: 10});</script>')
    page = analyse_list_page(f"<html><body>{shell}</body></html>", "http://h/gkml/zcwj/index.html", 1)
    assert page.entries == [] and not page.needs_js  # no browser: the API is paged directly, from page 1
    [first] = page.follow
    assert first.url == "http://h/gkml/api/list.do?columnId=1001&pageSize=10&pageNo=1" and first.page_no == 2
    answer = {"code": 200, "data": {"total": 43, "list": [
        {"title": f"文件{i}", "url": f"/gkml/zcwj/{i}.html", "publishTime": "2024-09-01 15:20:00"} for i in range(10)]}}
    more = analyse_feed(json.dumps(answer), first.url, "api", first.state, first.page_no)
    assert more.announced_items == 43 and len(more.entries) == 10
    assert [(f.page_no, f.url.rsplit("=", 1)[1]) for f in more.follow] == [(3, "2"), (4, "3"), (5, "4"), (6, "5")]


def test_hanweb_page_mode() -> None:
    text = ('<datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&amp;webid=3325'
            '&amp;columnid=3101&amp;unitid=10101"></a>]]></nextgroup><recordset></recordset></datastore>')
    page = analyse_list_page(f"<html><body><script type='text/xml'>{text}</script></body></html>",
                             "http://h/col/col3101/index.html", 1)
    [call] = page.follow
    rec = '<record><![CDATA[<li><a href="/art/{0}.html">条{0}</a><span>2024-09-01</span></li>]]></record>'
    answer = ("<datastore><totalrecord>71</totalrecord><totalpage>5</totalpage><recordset>"
              + "".join(rec.format(i) for i in range(15)) + "</recordset></datastore>")
    more = analyse_feed(answer, call.url, "jpage", call.state, call.page_no)  # asked 1–45, got page 1 (15)
    assert [f.url.split("?")[1] for f in more.follow] == [
        f"page={n}&webid=3325&columnid=3101&unitid=10101&col=1&appid=1&perpage=15" for n in (2, 3, 4, 5)]
    assert more.announced_items == 71 and hanweb.total_pages(answer) == 5


@pytest.mark.parametrize(("html", "said"), [
    ('<div class="fy">共30条 共2页</div>', (30, 2)),
    ('<div class="pb_sys_common"><span class="p_t">共150条</span><span class="p_t">1/8</span></div>', (150, 8)),
    ("<div id='page_div'></div><script>createPageHTML('page_div', 4, 1, 'index', 'shtml', 52);</script>", (52, 4)),
    ('<script>createPageHTML(3, 0, "index", "html");</script>', (None, 3)),
    ("<ul><li>无</li></ul>", (None, None)),
])
def test_announced_totals(html: str, said: tuple) -> None:
    doc = parse_html(f"<html><body>{html}</body></html>")
    assert announced(doc, " ".join(doc.xpath("//script/text()"))) == said


def test_a_column_menu_beside_an_empty_list_is_not_items() -> None:
    html = ('<div class="left-box"><ul class="left-list"><li><a href="/tjxx/tjdt/index.html">统计动态</a></li>'
            '<li><a href="/tjxx/tjgb/index.html">统计公报</a></li><li><a href="/tjxx/tjfx/">统计分析</a></li></ul></div>'
            '<div class="right-box"><ul class="list-ul"></ul></div>')
    assert extract_entries(parse_html(html), "http://h/tjxx/tjgb/index.html") == []
    undated = ('<ul class="list"><li><a href="/a/1.html">甲</a></li><li><a href="/a/2.html">乙</a></li></ul>')
    assert len(extract_entries(parse_html(undated), "http://h/col/index.html")) == 2  # undated items stay items


@pytest.mark.browser
def test_warc_written_during_the_crawl_keeps_the_wire_bytes(crawled_coverage, farm) -> None:
    import gzip
    import io

    from warcio.archiveiterator import ArchiveIterator

    from storage.evidence import check_record, finding_evidence, verify_records
    from storage.models import Finding
    from storage.warc_models import WarcRecord

    Session_, _ = crawled_coverage
    base = farm.urls["yunhe_fgw"]
    with Session_() as s:
        snap = s.scalar(select(Snapshot).where(Snapshot.url == f"{base}/gkml/zcwj/index.html"))
        record = s.scalar(select(WarcRecord).where(WarcRecord.snapshot_id == snap.id))
        checked = check_record(s, record)
        assert checked.ok and checked.content_encoding == "gzip"  # compressed as it came off the wire
        with open(record.path, "rb") as stream:
            stream.seek(record.offset)
            raw = stream.read(record.length)
        warc = next(iter(ArchiveIterator(io.BytesIO(raw))))
        payload = warc.raw_stream.read()
        assert payload[:2] == b"\x1f\x8b" and gzip.decompress(payload) == (ROOT / "fixtures" / "portals" / "yunhe-fgw"
                                                                            / "gkml" / "zcwj" / "index.html").read_bytes()
        assert warc.rec_headers.get_header("WARC-Date").startswith(f"{snap.fetched_at:%Y-%m-%d}")
        report = verify_records(s)
        assert report.checked >= 100 and report.bad == []
        # one finding's evidence: its snapshot and WARC record, re-read
        finding = Finding(check="column.blank", unit_id=snap.unit_id, subject_key="column:x", subject="规划计划",
                          url=snap.url, detail="栏目为空白栏目", evidence={"snapshots": [snap.id]},
                          first_as_of=AS_OF, last_as_of=AS_OF)
        s.add(finding)
        s.flush()
        lines = finding_evidence(s, finding.id)
        snapshot_id = snap.id
        s.rollback()
    assert any(f"快照 {snapshot_id}" in line for line in lines)
    assert any("传输编码 gzip，校验通过" in line for line in lines), lines


@pytest.mark.parametrize(("said", "fetched", "pages", "failed", "complete"), [
    (50, 50, 3, 1, True),  # POST refused, the GET retry brought everything
    (25, 20, 2, 1, False),  # a page failed and its items are missing
    (None, 12, 2, 1, False),  # nothing announced: a failed page is a gap
    (0, 0, 1, 0, True),  # an empty column, as announced
    (None, 0, 1, 1, False),  # the only page failed
])
def test_column_completeness(said, fetched, pages, failed, complete) -> None:
    from storage.coverage import ColumnCoverage

    col = ColumnCoverage(1, "栏目", "http://h/", announced_items=said, list_pages=pages,
                         list_pages_fetched=pages - failed, items_fetched=fetched)
    assert col.complete is complete
