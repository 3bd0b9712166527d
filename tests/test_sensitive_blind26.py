"""text.sensitive on the blind26 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected and run once before the rules below existed (blind: recall 10/20, precision 10/10;
benchmarks/results/sensitive_real-2026-12-02-blind26.txt).

Misses then: porn titles without 在线观看 ("熟女乱子伦免费_人人超碰人人爱国产", "国产精品jizz在线观看直播", one subject word
only); "亚搏体育app" planted in a translation file; "新葡京棋牌" in a casino platform's site list; a priced lead
("微信附近人300元叁小时"); a casino's menu that page_text left out of both the main content and the chrome. The
structural one: text.sensitive read only a page's main content and chrome, so an injected block outside the
template's content container and the whole <title> (main keeps only the h1) were never judged.
Still missed, left as they are: a hidden French "make money" link (no gambling, porn or listed spam word), a
journal page whose authors' institute was replaced by "凯捷体育娱乐" (体育娱乐 is also a tax category), a betting
site's rules page (投注、注单、会员 without the betting-terms family's rare words). The Vietnamese betting SEO text (26s13) is
found since blind28 (the Vietnamese betting family)."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, judge_html, load_rows, row_ids
from checks.sensitive import find_sensitive, quoted
from checks.text import page_text

ROWS = load_rows()
STILL_MISSED = {"26s09", "26s10", "26s12"}


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind26",), "spam", STILL_MISSED))
def test_every_injected_page_of_blind26_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind26",), "legit"))
def test_the_legitimate_pages_of_blind26_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


def test_text_outside_the_content_and_the_chrome_is_judged() -> None:
    # an injected line before the template and a <title> with spam before the real title, on a page whose h1 is
    # the real title: main and chrome hold neither, PageText.rest holds both
    html = ("<html><head><title>亚洲无码在线观看_国产精品一区二区_关于年度报告的通知_某县政府</title></head><body>"
            "<div class=\"x1\">日韩成人视频_国产精品中文字幕_欧美一区二区在线播放</div><div class=\"top\">导航</div>"
            "<div class=\"content\"><h1>关于年度报告的通知</h1><p>这是正文内容，关于政府信息公开工作年度报告的通知。</p></div>"
            "<div class=\"foot\">版权所有</div></body></html>")
    page = page_text(html)
    assert "国产" not in page.main + page.chrome
    assert page.rest.split("\n")[0].startswith("亚洲无码在线观看")
    assert "日韩成人视频" in page.rest
    assert [category for _, category, _ in judge_html(html)] == ["色情"]  # one block of stuffing over both lines
    # the page without the injection: the rest is the whole title, and nothing is reported
    clean = html.replace("亚洲无码在线观看_国产精品一区二区_", "").replace(
        "<div class=\"x1\">日韩成人视频_国产精品中文字幕_欧美一区二区在线播放</div>", "")
    assert judge_html(clean) == []


def test_injected_text_quoted_by_a_report_on_a_hijacked_site_is_a_quotation() -> None:
    line = '在文件中发现 "IssueTracker-GitLab": "亚搏体育app" 一行'
    assert quoted(line, line.index("亚搏"), line.index("app") + 3)
    assert not quoted("亚搏体育app官网", 0, 7)
    # the translation file itself (26s06) is reported, the issue that quotes it (26l14) is not
    assert [w for w, _, _ in find_sensitive(ROWS["26s06"]["text"])] == ["亚搏体育app"]
    assert find_sensitive(ROWS["26l14"]["text"]) == []
    # a quotation on a page that says nothing of hijacking is still reported
    assert find_sensitive('推荐：“亚搏体育app”')


def test_a_legitimate_use_of_a_word_carries_to_its_other_prose_occurrences() -> None:
    # i08 (法治日报, a 裸聊 extortion case): the second 裸聊 stands beside 要挟, the first in a sentence without a cue
    assert find_sensitive(ROWS["i08"]["text"]) == []
    # a short line (an injected title) still needs its own cue
    assert find_sensitive("同城裸聊\n" + ROWS["i08"]["text"])


@pytest.mark.parametrize("text", [
    "上饶微信附近人300元叁小时,附近微信联系人叁小时叁百元",
    "同城的美女 500元一晚",
])
def test_priced_leads_of_people_nearby_are_reported(text: str) -> None:
    assert find_sensitive(text)


@pytest.mark.parametrize("text", [
    "附近的人提供1元1小时的充电服务",   # a service, not a person for hire
    "周边停车场收费5元/小时",
    "新葡京酒店位于澳门半岛",            # the real casino hotel in news
    "凯捷体育娱乐泛海",                  # no listed brand (26s10 stays missed)
])
def test_prices_of_services_and_casino_names_alone_stay_quiet(text: str) -> None:
    assert find_sensitive(text) == []


# blind27: collected after the changes above and run once (4/6 found, 0/4 decoys fired;
# benchmarks/results/sensitive_real-2026-12-02-blind27.txt). The two misses: an ad whose "网赌" (a cue of police
# warnings) made its stuffing look like a warning, its contacts written "薇：RYG622 扣：157764444 飞机@LMG567"; and the
# private lottery game "极速飞艇". Then the evasive contact forms, a contact beside stuffing overruling the cues, and
# the "极速" games of private lottery platforms.
@pytest.mark.parametrize("row", sorted(i for i, r in ROWS.items() if r["split"] == "blind27"))
def test_blind27_rows(row: str) -> None:
    assert bool(judge(ROWS[row])) == (ROWS[row]["label"] == "spam")


@pytest.mark.parametrize("text", ["薇：RYG622", "扣：157764444", "飞机@LMG567", "纸飞机：@lmg567", "【微5374.777】",
                                  "TG@jiaqian55"])
def test_evasive_contacts_are_contacts(text: str) -> None:
    from checks.sensitive import _CONTACT_RX
    assert _CONTACT_RX.search(text)


def test_a_contact_beside_stuffing_overrules_the_cues_of_a_warning() -> None:
    ad = "十大网赌平台推荐，亚洲博彩娱乐平台线上开户官网 1101.win 开户经理薇：RYG622，网赌最好最大平台，资金安全有保证"
    assert find_sensitive(ad)
    assert find_sensitive(ad.replace("开户经理薇：RYG622，", "")) == []  # the same words in a warning's prose are judged by cues
    assert [w for w, _, _ in find_sensitive("靠谱极速飞艇正规信誉平台")] == ["极速飞艇"]
    assert find_sensitive("极速赛车嘉年华在赛车场举行") == []


def test_the_registered_check_reports_what_stands_outside_the_content_and_the_chrome() -> None:
    from datetime import date

    from checks.base import AuditData, CheckRules, ColumnState, Item, UnitState
    from checks.sensitive import sensitive_words_check

    on = date(2024, 9, 1)
    portal = "http://www.example-county.gov.cn/"
    menu = ROWS["26s18"]["html"]  # a casino's menu, as an injected block before the template

    def page(title: str, injected: str) -> str:
        return (f"<html><head><title>{title}</title></head><body>{injected}<div class=\"nav\"><a href=\"/\">首页</a></div>"
                "<h1>关于年度报告的通知</h1><div id=\"zoom\"><p>这是正文内容，关于政府信息公开工作年度报告的通知。</p></div>"
                "<div class=\"footer\">版权所有</div></body></html>")
    pages = {portal + "tzgg/1.html": page("关于年度报告的通知_某县人民政府", ""),
             portal + "tzgg/2.html": page("关于年度报告的通知_某县人民政府", menu),
             portal + "tzgg/3.html": page("国产精品jizz在线观看直播-日日爽夜夜操_关于年度报告的通知", "")}
    bodies = {i: html.encode() for i, html in enumerate(pages.values(), 1)}
    items = tuple(Item(f"页面{i}", url, on, None, i) for i, url in enumerate(pages, 1))
    column = ColumnState(1, "u", "通知公告", "notice", portal + "tzgg/", True, None, None, None, items)
    data = AuditData(units=(UnitState("u", "某县人民政府", "county", portal),), columns=(column,), body=bodies.get)
    found = sensitive_words_check(data, on, CheckRules())
    assert sorted({f.url for f in found}) == [portal + "tzgg/2.html", portal + "tzgg/3.html"]
    assert {f.evidence["category"] for f in found} == {"赌博", "色情"}
