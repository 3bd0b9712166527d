from datetime import date

import pytest

from crawler.extract.detail import extract_detail
from crawler.extract.listing import extract_entries, parse_html
from crawler.extract.pagers import next_link, trs_pages

BASE = "http://127.0.0.1:8000/zfxxgk/tzgg/index.html"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('createPageHTML(3, 0, "index", "html");', ["index.html", "index_1.html", "index_2.html"]),
        ("createPageHTML('page_div', 2, 1, 'index', 'shtml', 30);", ["index.shtml", "index_1.shtml"]),
        ('createPageHTML(1, 0, "index", "htm");', ["index.htm"]),
        ("var x = 1;", None),
    ],
)
def test_trs_pages(script: str, expected: list[str] | None) -> None:
    pages = trs_pages(script, BASE)
    if expected is None:
        assert pages is None
    else:
        assert pages == [f"http://127.0.0.1:8000/zfxxgk/tzgg/{p}" for p in expected]


def test_next_link() -> None:
    doc = parse_html('<div class="page"><a href="list_2.html">下一页</a><a href="javascript:;">尾页</a></div>')
    assert next_link(doc, BASE) == "http://127.0.0.1:8000/zfxxgk/tzgg/list_2.html"


LIST_PAGE = """<html><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">信息公开</a></li></ul></div>
<div class="crumb"><a href="/">首页</a> &gt; <a href="./">通知公告</a></div>
<div class="hot"><ul><li><a href="/a.html">热点</a></li></ul></div>
<div class="right"><ul class="list">
 <li><a href="./202409/t1.html" title="关于2024年9月开展安全检查的通知">关于2024年9月开展安全检查的通知</a><span>2024-09-20</span></li>
 <li><a href="./202408/t2.html">关于公布名单的公示</a><span>2024-08-01</span></li>
</ul><ul class="list">
 <li><a href="./202407/t3.html">第三条</a><span>[07-05]</span></li>
</ul></div>
<div class="footer"><ul><li><a href="/map.html">网站地图</a> 2024-01-01</li></ul></div>
</body></html>"""


def test_list_entries_skip_chrome_and_keep_order() -> None:
    entries = extract_entries(parse_html(LIST_PAGE), BASE, year=2024)
    assert [(e.title, e.publish_date) for e in entries] == [
        ("关于2024年9月开展安全检查的通知", date(2024, 9, 20)),  # the year in the title is not the date
        ("关于公布名单的公示", date(2024, 8, 1)),
        ("第三条", date(2024, 7, 5)),
    ]
    assert entries[0].url == "http://127.0.0.1:8000/zfxxgk/tzgg/202409/t1.html"


def test_undated_list_and_empty_column() -> None:
    undated = '<div class="right"><ul class="list"><li><a href="a.html">任免通知</a></li><li><a href="b.html">招聘公告</a></li></ul></div>'
    assert [e.publish_date for e in extract_entries(parse_html(undated), BASE)] == [None, None]
    empty = '<div class="crumb"><a href="/">首页</a></div><div class="list"><p>暂无信息</p></div>'
    assert extract_entries(parse_html(empty), BASE) == []


def test_detail_fields() -> None:
    doc = parse_html("""<html><head><meta name="PubDate" content="2024-06-12 10:30"></head><body>
    <table><tr><td>索引号</td><td>002/2024-00012</td><td>发布机构</td><td>县教育局</td></tr>
    <tr><td>文号</td><td>云教〔2024〕3号</td><td>发布日期</td><td>2024-06-11</td></tr></table>
    <h1>关于印发工作方案的通知</h1></body></html>""")
    fields = extract_detail(doc)
    assert fields.title == "关于印发工作方案的通知"
    # the date the page shows wins over the CMS's PubDate field (see test_detail_shown_date_before_meta)
    assert fields.publish_date == date(2024, 6, 11) and fields.date_source == "label"
    assert fields.meta["索引号"] == "002/2024-00012"
    assert fields.meta["文号"] == "云教〔2024〕3号"
    assert fields.meta["发布机构"] == "县教育局"


def test_detail_date_labels_on_real_templates() -> None:
    """Shapes of real detail pages (benchmarks/data/real_lists): only the page's own publish label counts."""
    def day(body: str):
        fields = extract_detail(parse_html(f"<html><body>{body}</body></html>"))
        return fields.publish_date, fields.date_source

    # nfra.gov.cn: a side box of consultations, each with 留言时间, comes before the article's 发布时间
    assert day("<ul><li>请问如何查询金融许可证？<span>留言时间： 2025-04-27</span></li></ul>"
               "<h1>行政处罚信息公开表</h1><p>发布时间：2024-07-12 来源：</p>") == (date(2024, 7, 12), "label")
    # moe.gov.cn: the metadata table's 生成日期 is the document's, the page's is 发布日期
    assert day("<table><tr><td>生成日期：</td><td>2024-06-04</td></tr></table>"
               "<p>发布日期：2024-06-13 来源：教育部</p>") == (date(2024, 6, 13), "label")
    # an event page (beijing.gov.cn): 开始时间 / 结束时间 are the event's; no publish date shown at all
    assert day("<p>区域： 大兴区 开始时间： 2024-05-08 地点： 会展中心 结束时间： 2024-05-10</p>") == (None, None)
    # no label: the byline under the title, date and time beside 来源
    assert day("<h1>建议的复函</h1><p>2025年06月03日 13时44分 来源：四川省卫生健康委员会</p>") == (date(2025, 6, 3), "text")
    assert day("<h1>工程开工</h1><p>来源： 广西日报 2024-10-17 08:03 大 小</p>") == (date(2024, 10, 17), "text")
    # a bare date in running text is no byline
    assert day("<p>1997年6月21日董寿平先生去世后，来源不详</p>") == (None, None)


def test_detail_shown_date_before_meta() -> None:
    """Migrated or republished pages (miit.gov.cn, sctcm.sc.gov.cn …) keep the date they show, while their
    PubDate field says when they were last published; the shown one is the page's. Without one, the field."""
    migrated = parse_html('<html><head><meta name="PubDate" content="2023-05-12 23:20"></head><body>'
                          '<h1>确保国庆60周年电信设施安全运行</h1><p>发布时间：2009-09-30 10:53 来源：北京</p></body></html>')
    assert (extract_detail(migrated).publish_date, extract_detail(migrated).date_source) == (date(2009, 9, 30), "label")
    only_meta = parse_html('<html><head><meta name="PubDate" content="2024-03-01 16:39"></head><body>'
                           '<p>开始时间： 2024-05-08 结束时间： 2024-05-10</p></body></html>')
    assert (extract_detail(only_meta).publish_date, extract_detail(only_meta).date_source) == (date(2024, 3, 1), "meta")


def test_list_date_inside_the_link_and_pager_row() -> None:
    """The shape of stats.gov.cn/tjsj/zxfb/ (a TRS list, 2020): title and date are two <font>s inside the link,
    rows are separated by empty <li>, and the pager is the list's last <li>."""
    row = ('<li><a href="./202001/t{n}.html"><span class="cont_tit"><img src="01.jpg"><font class="cont_tit03">{t}</font>'
           '<font class="cont_tit02">{d}</font></span></a></li><li class="cont_line">&nbsp;</li>')
    rows = "".join(row.format(n=n, t=t, d=d) for n, t, d in ((1, "2019年12月份居民消费价格同比上涨4.5%", "2020-01-09"),
                                                           (2, "2019年12月中国采购经理指数运行情况", "2019-12-31")))
    pager = ('<li><dl class="fenye">共25页 <span>1</span><a href="index_1.html">2</a><a href="index_1.html">下一页</a>'
             '<a href="index_24.html">尾页</a></dl></li>')
    doc = parse_html(f'<div class="center_list"><ul class="center_list_contlist">{rows}{pager}</ul></div>')
    entries = extract_entries(doc, "http://www.stats.gov.cn/tjsj/zxfb/")
    assert [(e.title, e.publish_date) for e in entries] == [("2019年12月份居民消费价格同比上涨4.5%", date(2020, 1, 9)),
                                                            ("2019年12月中国采购经理指数运行情况", date(2019, 12, 31))]


def test_detail_shown_date_after_meta_is_not_the_page() -> None:
    """A 发布时间 later than the page's own PubDate belongs to something else on the page (a side list)."""
    doc = parse_html('<html><head><meta name="PubDate" content="2024-07-12 17:33"></head><body>'
                     '<ul class="side"><li>政务咨询 发布时间：2025-04-27</li></ul><h1>行政处罚信息公开表</h1></body></html>')
    assert (extract_detail(doc).publish_date, extract_detail(doc).date_source) == (date(2024, 7, 12), "meta")
