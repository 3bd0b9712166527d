"""Pure extraction per CMS family, on page text (no network)."""

from datetime import date

import pytest

from core.urls import year_in_url
from crawler.extract import hanweb, trs_api
from crawler.extract.discovery import discover_columns
from crawler.extract.families import analyse_feed, analyse_list_page
from crawler.extract.listing import extract_entries, parse_html
from crawler.extract.vsb import vsb_pages

BASE = "http://127.0.0.1:8000/col/col1229/index.html"

JPAGE = """<html><body><div id="5750"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&amp;webid=3311&amp;path=/&amp;columnid=1229&amp;unitid=5750&amp;permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[
<li><a href="/art/2024/9/26/art_1229_1.html" title="第一条">第一条</a><span>2024-09-26</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2024/9/2/art_1229_2.html" title="第二条">第二条</a><span>2024-09-02</span></li>
]]></record>
</recordset></datastore></script></div>
<script>var jpage = new JPage({unitid: "5750", perpage: 15});</script></body></html>"""


def test_hanweb_records_and_dataproxy_calls() -> None:
    page = analyse_list_page(JPAGE, BASE, 1)
    assert [(e.title, e.url, e.publish_date) for e in page.entries] == [
        ("第一条", "http://127.0.0.1:8000/art/2024/9/26/art_1229_1.html", date(2024, 9, 26)),
        ("第二条", "http://127.0.0.1:8000/art/2024/9/2/art_1229_2.html", date(2024, 9, 2)),
    ]
    [call] = page.follow  # total unknown: one group, whose answer tells <totalrecord>
    assert call.url.endswith("dataproxy.jsp?startrecord=3&endrecord=47&perpage=15&columnid=1229&unitid=5750")
    assert call.form["columnid"] == "1229" and call.form["webid"] == "3311" and call.feed == "jpage"
    answer = ("<datastore><totalrecord>100</totalrecord><recordset>"
              + "".join(f'<record><![CDATA[<li><a href="/art/2024/1/{i}/art_1229_{i}.html">条{i}</a>'
                        f'<span>2024-01-{i:02d}</span></li>]]></record>' for i in range(1, 29))
              + "</recordset></datastore>")
    more = analyse_feed(answer, call.url, "jpage", call.state, call.page_no)
    assert len(more.entries) == 28 and more.entries[0].url == "http://127.0.0.1:8000/art/2024/1/1/art_1229_1.html"
    assert [f.url.split("?")[1].split("&perpage")[0] for f in more.follow] == [
        "startrecord=48&endrecord=92", "startrecord=93&endrecord=100"]
    assert analyse_feed(answer, more.follow[0].url, "jpage", more.follow[0].state, 3).follow == []


@pytest.mark.parametrize("config", [
    '{"api": "/api/search/list", "channelId": "2356", "pageSize": 15}',
    "{api: '/api/search/list', channelId: '2356', pageSize: 15}",  # as script authors write it
])
def test_list_api_config(config: str) -> None:
    api = trs_api.find_list_api(f"var searchConfig = {config};", "http://h/xxgk/zcwj/index.html")
    assert api is not None and api.page_url(3) == "http://h/api/search/list?channelId=2356&pageSize=15&page=3"


def test_list_api_answers() -> None:
    api = trs_api.find_list_api('var c = {"api": "/api/list", "pageSize": 10};', "http://h/a/index.html")
    assert api is not None
    data = {"code": 0, "result": {"totalCount": 35, "list": [
        {"DOCTITLE": "甲", "DOCPUBURL": "/a/1.html", "DOCRELTIME": "2024-06-12 10:30:00"},
        {"title": "乙", "url": "/a/2.html", "first_publish_time": 1718159400},  # 2024-06-12 10:30 Beijing
        {"title": "丙", "url": "/a/3.html", "pubDate": 1718121600000},  # ms; 2024-06-12 00:00 Beijing
    ]}}
    import json
    from dataclasses import asdict
    page = analyse_feed(json.dumps(data), api.page_url(2), "api", {"api": asdict(api), "first": True}, 2)
    assert [(e.title, e.publish_date) for e in page.entries] == [
        ("甲", date(2024, 6, 12)), ("乙", date(2024, 6, 12)), ("丙", date(2024, 6, 12))]
    assert [f.page_no for f in page.follow] == [3, 4]


def test_vsb_pages_count_down() -> None:
    doc = parse_html("""<ul><li><a href="info/1050/1.htm">一</a><span>2024-06-12</span></li></ul>
    <div class="pb_sys_common"><span class="p_pages"><span class="p_no_d">1</span>
    <span class="p_no"><a href="tzgg/4.htm">2</a></span><span class="p_no"><a href="tzgg/3.htm">3</a></span></span>
    <span class="p_next p_fun"><a href="tzgg/4.htm">下页</a></span><span class="p_t">1/5</span></div>""")
    assert vsb_pages(doc, "http://h/tzgg.htm") == [f"http://h/tzgg/{n}.htm" for n in (4, 3, 2, 1)]
    assert vsb_pages(parse_html("<a href='list_2.htm'>下一页</a>"), "http://h/tzgg.htm") is None


@pytest.mark.parametrize(("url", "year"), [
    ("http://h/tzgg/2024/0926/c123.htm", 2024),
    ("http://h/zwdt/202312/t20231230_1.html", 2023),
    ("http://h/art/2024/9/26/art_1_2.html", 2024),
    ("http://h/ghjh/content_201512.htm", None),  # a document number, not a year
    ("http://h/c200123.htm", None),
])
def test_year_in_url(url: str, year: int | None) -> None:
    assert year_in_url(url) == year


def test_year_less_list_dates_take_the_year_from_the_url() -> None:
    doc = parse_html("""<ul class="list">
    <li><span>[12-30]</span><a href="/tzgg/2023/1230/c1.htm">跨年的通知</a></li>
    <li><span>[01-05]</span><a href="/tzgg/2024/0105/c2.htm">新年的通知</a></li>
    <li><span>[01-06]</span><a href="/tzgg/c3.htm">无年份</a></li></ul>""")
    assert [e.publish_date for e in extract_entries(doc, "http://h/tzgg/index.htm")] == [
        date(2023, 12, 30), date(2024, 1, 5), None]  # the last one's date comes from its page


def test_catalog_table_uses_the_publish_date_column() -> None:
    doc = parse_html("""<table><tr><th>索引号</th><th>名称</th><th>成文日期</th><th>发布日期</th></tr>
    <tr><td>1133/2024-00001</td><td><a href="/a.html">关于印发方案的通知</a></td><td>2024-05-01</td><td>2024-05-09</td></tr>
    </table>""")
    [entry] = extract_entries(doc, "http://h/xxgk/index.html")
    assert entry.publish_date == date(2024, 5, 9)


@pytest.mark.parametrize(("html", "needs_js"), [
    ('<ul id="list"></ul><script src="/js/list.js"></script><script>renderList("a", 1)</script>', True),
    ('<div class="list"><p>暂无信息</p></div><script src="/js/stat.js"></script>', False),  # says it is empty
    ('<ul id="list"></ul>', False),  # no script could fill it
    ('<ul class="list"><li><a href="a.html">一</a><span>2024-06-12</span></li></ul><script>x()</script>', False),
])
def test_javascript_need_detected(html: str, needs_js: bool) -> None:
    page = analyse_list_page(f"<html><body>{html}</body></html>", "http://h/col/index.html", 1)
    assert page.needs_js is needs_js
    assert analyse_list_page(html, "http://h/col/index.html", 1, rendered=True).needs_js is False


def test_discovery_classifies_by_name_then_position() -> None:
    doc = parse_html("""<html><body><div class="nav"><a href="/hdjl/">互动交流</a></div>
    <div class="gkml"><ul>
      <li><span>人事信息</span><ul><li><a href="/xxgk/zl/">公务员招录</a></li></ul></li>
      <li><a href="/xxgk/zcjd/">政策解读</a></li>
      <li><a href="/xxgk/jgzn/">机构职能</a></li>
      <li><a href="/xxgk/t1.html">关于某事的通知</a> 2024-06-12</li>
    </ul></div></body></html>""")
    found = [(c.name, c.category, c.parent) for c in discover_columns(doc, "http://h/xxgk/index.html")]
    assert found == [("公务员招录", "personnel", "人事信息"), ("政策解读", "interpretation", None),
                     ("机构职能", "other", None)]  # not the navigation, not a dated item


def test_related_links_from_script() -> None:
    script = 'var relatedDocs = [{"title": "解读", "url": "/zcjd/1.html"}]; render(relatedDocs);'
    assert trs_api.related_links(script, "http://h/zcwj/2.html") == [{"title": "解读", "url": "http://h/zcjd/1.html"}]


def test_record_entries_empty_page() -> None:
    assert hanweb.record_entries("<html></html>", BASE) == []


@pytest.mark.parametrize(("script", "pages"), [
    ('createPageHTML(3, 0, "index", "html");', ["index.html", "index_1.html", "index_2.html"]),  # 0-based
    ('createPageHTML(3, 1, "index", "html");', ["index.html", "index_1.html", "index_2.html"]),  # 1-based
    ("createPageHTML('page_div', 3, 0, 'index', 'htm', 45);", ["index.htm", "index_1.htm", "index_2.htm"]),
    ("createPageHTML('page_div', 2, 1, 'index', 'shtml', 30);", ["index.shtml", "index_1.shtml"]),
])
def test_trs_classic_pager_argument_orders(script: str, pages: list[str]) -> None:
    html = f'<ul class="list"><li><a href="./a.html">一</a><span>2024-06-12</span></li></ul><script>{script}</script>'
    page = analyse_list_page(html, "http://h/zwdt/index.html", 1)
    assert [f.url.rsplit("/", 1)[1] for f in page.follow] == pages[1:]
    assert all(f.paged for f in page.follow)  # known pages: no 下一页 chase from them
