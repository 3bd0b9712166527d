"""Column lists crawled from a scripted site: a list in a frame of the column page (older 信息公开 platforms), a list
built by script on a portal whose certificate expired."""

from datetime import date

from localserver import html
from tests_registry import crawl_scripted_unit

from checks.base import CheckRules
from checks.staleness import blank_columns
from crawler.extract.families import analyse_list_page


def test_a_column_whose_list_is_in_a_frame_is_not_blank(sqlite_url: str) -> None:
    """Older 信息公开 platforms show a column's list in an <iframe> of the column page, which lists nothing
    itself; the reader sees the list. The crawl reads the frame's page as the column's first page (with its
    pager), so the column is neither blank nor stale; a page of a map frame stays as it is."""
    shell = ('<div class="crumb">当前位置：首页 > 通知公告</div><iframe src="/list/frame_list.jsp?col=12" width="100%"'
             ' height="800" frameborder="0"></iframe><iframe src="/map/index.html"></iframe>')
    listing = ('<ul class="list"><li><a href="/n1.html">关于开展防汛演练的通知</a><span>2024-06-20</span></li>'
               '<li><a href="/n2.html">关于调整办公时间的通知</a><span>2024-06-02</span></li></ul>')
    routes = {"/": html("首页"), "/list/index.html": html(shell), "/list/frame_list.jsp?col=12": html(listing),
              "/n1.html": html("<h1>关于开展防汛演练的通知</h1><p>发布日期：2024-06-20</p>"),
              "/n2.html": html("<h1>关于调整办公时间的通知</h1><p>发布日期：2024-06-02</p>")}
    data, _, fetched = crawl_scripted_unit(sqlite_url, routes)
    [column] = [c for c in data.columns if c.url.endswith("/list/index.html")]
    assert sorted(i.title for i in column.items) == ["关于开展防汛演练的通知", "关于调整办公时间的通知"]
    assert blank_columns(data, date(2024, 6, 30), CheckRules()) == []
    assert "/map/index.html" not in fetched



def test_a_frame_of_a_map_or_of_another_site_is_no_list() -> None:
    page = analyse_list_page('<html><body><iframe src="/map/index.html"></iframe>'
                             '<iframe src="http://other.example.com/list.html"></iframe></body></html>',
                             "http://127.0.0.1:8000/col/index.html", 1)
    assert page.follow == [] and page.entries == []


def test_a_list_built_by_script_on_a_site_with_an_expired_certificate(sqlite_url: str, tmp_path) -> None:
    """The crawl renders a list that scripts build in Chromium; on a portal whose certificate expired, Chromium
    refused the page (net::ERR_CERT_…) and the column came in incomplete. The rendered pages, like Scrapy's own
    downloads, are read whatever the certificate (PLAYWRIGHT_CONTEXTS ignore_https_errors)."""
    from localserver import self_signed_context

    script = ("<div id='list'></div><script>var items=[['/n1.html','关于开展防汛演练的通知','2024-06-20']];"
              "document.getElementById('list').innerHTML=items.map(function(i){return '<li><a href=\"'+i[0]+'\">'"
              "+i[1]+'</a><span>'+i[2]+'</span></li>'}).join('');</script>")
    routes = {"/": html("首页"), "/list/index.html": html(script),
              "/n1.html": html("<h1>关于开展防汛演练的通知</h1><p>发布日期：2024-06-20</p>")}
    data, url, _ = crawl_scripted_unit(sqlite_url, routes, tls=self_signed_context(tmp_path))
    assert url.startswith("https://")
    [column] = [c for c in data.columns if c.url.endswith("/list/index.html")]
    assert [i.title for i in column.items] == ["关于开展防汛演练的通知"] and column.complete
