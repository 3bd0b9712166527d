"""The text checks on real government page templates (benchmarks/data/real_pages): no alarm on the pages as
published, the real errors planted into their main text found on the page, and the template handling that
real pages needed (articles inside wrappers named like chrome, tool-bar lines, registration numbers)."""

from __future__ import annotations

import pytest

from benchmarks.real_pages import as_gbk, load, night, plant, run_checks
from checks.privacy import find_personal_data
from checks.text import page_text

KEPT = ["gne-shanxi", "gne-cmse", "gne-deqing", "gne-govcn-gazette"]


@pytest.fixture(scope="module")
def pages():
    found, missing = load(only=KEPT)
    assert not missing and len(found) == 4
    return found


def test_no_alarm_on_the_pages_as_published_utf8_and_gbk(pages) -> None:
    for night_pages in (pages, [as_gbk(p) for p in pages[:2]]):
        found = run_checks(night(night_pages))
        assert [f for f in found if not f.subject_key.startswith("chrome:")] == []
        assert [f for f in found if f.check != "text.typo"] == []


def test_no_alarm_on_the_site_chrome(pages) -> None:
    assert run_checks(night(pages)) == []


@pytest.mark.parametrize(("page_id", "wrong", "right"), [
    ("gne-shanxi", "中华人民共合国", "中华人民共和国"),  # reported on a government site (reported_typos.tsv)
    ("gne-cmse", "中共人民共和国", "中华人民共和国"),
    ("gne-deqing", "截止今年十一月", "截至今年十一月"),
])
def test_real_errors_planted_into_the_main_text_are_found_on_the_page(pages, page_id, wrong, right) -> None:
    page = next(p for p in pages if p.id == page_id)
    done = plant(page, wrong, right, "")
    assert done is not None
    planted = done[0]
    found = [f for f in run_checks(night([planted])) if f.check == "text.typo"]
    on_page = [f for f in found if f.subject_key.startswith(f"page:http://{planted.site}/{planted.id}.html")]
    assert any(str(f.evidence["matched"]) in wrong or wrong in str(f.evidence["matched"]) for f in on_page), found


def test_an_article_inside_a_wrapper_named_like_chrome_is_the_main_text() -> None:
    # the shape of a TRS city portal (foshan): the whole page sits in <div class="bg-bottom">, and a county
    # portal's <div class="menu_con"> around a table whose cell holds the article
    article = "<p>" + "顺德容桂首届规范汉字现场书写大赛决赛在职业技术学校举行。" * 12 + "</p>"
    for wrapper, container in (('<div class="bg-bottom">', '<div class="TRS_Editor">'),
                               ('<div class="menu_con">', '<table><tr><td class="NewsContent">'),
                               ('<div class="main_left">', '<div class="text" id="content">')):
        closing = "</td></tr></table>" if "table" in container else "</div>"
        html = (f'<html><body><div class="header"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>{wrapper}'
                f'<div class="position">当前位置：首页 &gt; 政务动态</div><h1>书写大赛收官</h1>'
                f'<div>字号：大 中 小</div>{container}{article}{closing}'
                f'<div>打印本页 关闭窗口</div></div><div class="footer">网站标识码4406000002 主办单位：某市人民政府</div>'
                f'</body></html>')
        parsed = page_text(html)
        assert "顺德容桂首届规范汉字现场书写大赛" in parsed.main, wrapper
        assert "顺德容桂" not in parsed.chrome and "网站标识码" in parsed.chrome
        assert "字号" not in parsed.main and "打印本页" not in parsed.main and "当前位置" not in parsed.main


def test_a_long_link_list_does_not_win_over_the_article() -> None:
    links = "".join(f'<li><a href="/n/{i}.html">关于开展第{i}期政务公开业务培训工作的通知公告</a></li>' for i in range(40))
    article = "<p>" + "九月二十九日，书画展在澳门开幕，展出作品一百余幅。" * 10 + "</p>"
    html = (f'<html><body><div class="tab-content"><ul>{links}</ul></div>'
            f'<div id="zoom">{article}</div></body></html>')
    main = page_text(html).main
    assert "书画展在澳门开幕" in main and "业务培训" not in main
    # a comment form whose indentation outweighs the article in characters (a city portal's "tab-content")
    form = "".join(f"<div>{' ' * 200}<label>{label}</label>{' ' * 200}</div>"
                   for label in ("匿名评论：", "联系手机：", "留言内容：", "验证码："))
    main = page_text(f'<html><body><div class="tab-content">{form}</div><div id="zoom">{article}</div>'
                     f'</body></html>').main
    assert "书画展在澳门开幕" in main and "匿名评论" not in main


def test_a_registration_number_is_no_mobile_number_but_a_mobile_number_still_is() -> None:
    assert find_personal_data("信息系统安全等级保护备案证明13100019001-17001") == []
    assert find_personal_data("网站标识码 13812345678") == []
    assert [h[1] for h in find_personal_data("联系电话：13812345678/13912345678")] == ["13812345678", "13912345678"]
