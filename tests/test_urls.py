"""Links resolved as a browser resolves them (core/urls.py): a backslash in an http(s) path is a slash."""

import asyncio
from urllib.parse import urljoin

from localserver import ScriptedServer, html
from lxml import html as lxml_html

from core.urls import resolve
from crawler.extract.links import page_links
from crawler.extract.listing import extract_entries
from crawler.httpfetch import client
from crawler.linkcheck import check_link

BASE = "http://www.example.gov.cn/xxgk/tzgg/index.html"


def test_backslashes_in_the_path_are_slashes() -> None:
    assert resolve(BASE, r"..\..\zcwj\2019\a.html") == "http://www.example.gov.cn/zcwj/2019/a.html"
    assert resolve(BASE, r"\UploadFiles\2019\b.doc") == "http://www.example.gov.cn/UploadFiles/2019/b.doc"
    assert resolve(BASE, "  ./c.html\n") == "http://www.example.gov.cn/xxgk/tzgg/c.html"
    # the query and the fragment keep theirs (percent-encoded, as Scrapy sends them); other schemes are left alone
    assert resolve(BASE, r"d.jsp?p=a\b#x\y") == "http://www.example.gov.cn/xxgk/tzgg/d.jsp?p=a%5Cb#x%5Cy"
    assert resolve(BASE, r"mailto:a\b") == r"mailto:a\b"


def test_a_list_of_an_iis_site_links_its_items_and_they_are_not_broken() -> None:
    """An old IIS portal's list writes its item links with backslashes; a browser (and now the crawl and the
    link checker) reaches them; before, every one was requested as ..%5C… and reported as a broken link."""
    page = ('<html><body><ul class="list">'
            r'<li><a href="..\..\zcwj\2019\0801.html">关于做好秋季防火工作的通知</a><span>2019-08-01</span></li>'
            r'<li><a href="\UploadFiles\2019\fj.doc">附件：防火责任表</a><span>2019-08-01</span></li>'
            "</ul></body></html>")
    routes = {"/zcwj/2019/0801.html": html("通知正文"), "/UploadFiles/2019/fj.doc": html("doc")}
    with ScriptedServer(routes) as server:
        base = server.url + "/xxgk/tzgg/index.html"
        doc = lxml_html.document_fromstring(page)
        links = [link.url for link in page_links(doc, base)]
        assert links == [server.url + "/zcwj/2019/0801.html", server.url + "/UploadFiles/2019/fj.doc"]
        assert [e.url for e in extract_entries(doc, base)][:1] == [server.url + "/zcwj/2019/0801.html"]

        async def go():
            async with client("zwgk-test", 5.0) as http:
                return [await check_link(http, 1, url, retries=0, pause=0.05) for url in links]

        assert [(o.status, o.error_kind) for o in asyncio.run(go())] == [(200, None), (200, None)]


def test_links_are_percent_encoded_as_fetched() -> None:
    """Scrapy records a fetched page under its percent-encoded address; a link that names a file in Chinese must
    resolve to the same string, or its text never meets it (tests/test_attachments.py crawls one)."""
    import scrapy

    href = "/uploadfile/2023年度报告 终稿.pdf?v=政务"
    assert resolve(BASE, href) == scrapy.Request(urljoin(BASE, href)).url
    assert resolve(BASE, href) == ("http://www.example.gov.cn/uploadfile/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A"
                                   "%20%E7%BB%88%E7%A8%BF.pdf?v=%E6%94%BF%E5%8A%A1")
    encoded = "http://www.example.gov.cn/uploadfile/2023%E5%B9%B4.pdf"
    assert resolve(BASE, encoded) == encoded  # written encoded already: left as it is


def test_page_key_ignores_scheme_www_and_default_port() -> None:
    from core.urls import page_key

    key = page_key("https://www.example.gov.cn/zcjd/t1.html")
    for same in ("http://example.gov.cn/zcjd/t1.html", "http://WWW.example.gov.cn:80/zcjd/t1.html",
                 "https://example.gov.cn:443/zcjd/t1.html", "https://www.example.gov.cn/zcjd/t1.html;jsessionid=9F3A"):
        assert page_key(same) == key
    for other in ("https://www.example.gov.cn/zcjd/t2.html", "https://www.example.gov.cn:8080/zcjd/t1.html",
                  "https://www.example.gov.cn/zcjd/t1.html?id=2", "https://sub.example.gov.cn/zcjd/t1.html"):
        assert page_key(other) != key
    assert page_key("http://a.cn:bad/x") == "http://a.cn:bad/x"


def test_readable_decodes_chinese_names_only() -> None:
    from core.urls import readable

    assert readable("http://a.gov.cn/uploadfile/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A%20v2.pdf") == \
        "http://a.gov.cn/uploadfile/2023年度报告%20v2.pdf"
    assert readable("http://a.gov.cn/s.asp?kw=%D5%FE%CE%F1&p=a%2Fb") == "http://a.gov.cn/s.asp?kw=%D5%FE%CE%F1&p=a%2Fb"
    assert readable("http://a.gov.cn/x.html") == "http://a.gov.cn/x.html"


def test_a_gbk_pages_query_is_sent_in_gbk() -> None:
    """Browsers write a link's query in its page's encoding (the path always in UTF-8): an old ASP site's
    list.asp?lm=政务公开 on a GBK page asks for lm=%D5%FE%CE%F1%B9%AB%BF%AA, which its script decodes."""
    from core.urls import page_key

    gbk = resolve("http://a.gov.cn/zwgk/index.asp", "列表/list.asp?lm=政务公开", "gb18030")
    assert gbk == "http://a.gov.cn/zwgk/%E5%88%97%E8%A1%A8/list.asp?lm=%D5%FE%CE%F1%B9%AB%BF%AA"
    utf8 = resolve("http://a.gov.cn/zwgk/index.asp", "列表/list.asp?lm=政务公开")
    assert utf8.endswith("?lm=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80")
    assert page_key(gbk) == page_key(utf8)  # a check reading the link again compares the same page
    assert resolve("http://a.gov.cn/", "s.asp?q=€", "gbk") == "http://a.gov.cn/s.asp?q=%E2%82%AC"  # GBK cannot: UTF-8
    assert resolve("http://a.gov.cn/", "s.asp?q=政", "no-such-codec") == "http://a.gov.cn/s.asp?q=%E6%94%BF"


def test_crawl_of_a_gbk_site_asks_for_its_items_in_gbk(sqlite_url: str) -> None:
    """The detail pages of an old GBK site, linked with Chinese in the query, are fetched as the site's own
    script expects them; in UTF-8 the script finds no such page."""
    from urllib.parse import quote

    from tests_registry import crawl_scripted_unit

    def gbk(text: str):
        body = f"<html><head><meta charset='gbk'></head><body>{text}</body></html>".encode("gbk")
        return lambda n, m: (200, {"Content-Type": "text/html; charset=gbk"}, body)

    listing = ('<ul class="list"><li><a href="/show.asp?lm=通知公告&id=1">关于开展安全检查的通知</a>'
               '<span>2024-01-18</span></li></ul>')
    asked = "/show.asp?lm=" + quote("通知公告".encode("gbk")) + "&id=1"
    routes = {"/": gbk("首页"), "/list/index.html": gbk(listing),
              asked: gbk("<h1>关于开展安全检查的通知</h1><p>各乡镇：现就开展安全检查通知如下。</p>")}
    data, site, fetched = crawl_scripted_unit(sqlite_url, routes)
    [item] = [item for c in data.columns for item in c.items]
    assert asked in fetched and item.url == site + asked and item.detail_snapshot_id is not None
