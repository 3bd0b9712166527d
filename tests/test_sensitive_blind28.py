"""text.sensitive on the blind28 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected and run once before the rules below existed (blind: recall 8/14, 4 of 12 legitimate pages
reported; benchmarks/results/sensitive_real-2026-12-02-blind28.txt).

Misses then: a mirrored news page whose agency became "大澳门威尼斯人赌场官网", Vietnamese betting SEO titles, a porn
navigation-site title (色综合, 天天综合, 丁香五月), a casino agent's footer (加入代理, 存款帮助, 取款帮助). False alarms: a
visible menu link of gov.mo ("旅遊及博彩") judged as a spammer's link, a portal's link to its own lottery channel, Macau's
gazette and a law on casino concessions. Still missed, left as it is: an online casino's slot-machine page (28s14:
"PT老虎机 … 免费试玩", one gambling word in the menu, the rest in the main text)."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, load_rows, row_ids
from checks.sensitive import find_dark_links, find_sensitive

ROWS = load_rows()
STILL_MISSED = {"28s14"}


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind28",), "spam", STILL_MISSED))
def test_every_injected_page_of_blind28_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind28",), "legit"))
def test_the_legitimate_pages_of_blind28_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


def test_a_visible_link_into_the_site_or_a_government_site_is_its_own_menu() -> None:
    menu = ("", "旅遊及博彩", "https://www.gov.mo/zh-hant/about-government/service-list/?category_id=62598")
    assert find_dark_links((menu,)) == []
    assert find_dark_links((("", "博彩", "https://www.example.gov.cn/bc"),)) == []
    assert find_dark_links((("", "博彩", "https://news.mysite.cn/a"),), frozenset({"mysite.cn"})) == []
    # the same words in a visible link to a stranger, and in a hidden link to a government site, are reported
    assert find_dark_links((("", "博彩", "https://www.example.com/"),))[0]["matched"] == "博彩"
    assert find_dark_links((("display:none", "博彩", "https://www.gov.mo/x"),))[0]["matched"] == "博彩"


def test_macau_gaming_law_is_legitimate_and_a_casino_ad_is_not() -> None:
    law = ("鑒於經營幸運博彩的承批公司擬於《百家樂法定規章》規定以外增加投注及額外獎金的項目，考慮到博彩監察協調局的贊同意見，"
           "經濟財政司司長作出本批示。")
    assert find_sensitive(law) == []
    assert find_sensitive("百家乐真人荷官，首存博彩奖金翻倍，会员专享")


@pytest.mark.parametrize("text", [
    "98win dự đoán xổ số miền bắc hôm nay đánh bài đổi thưởng tiền mặt",
    "trang cá cược uy tín nhất top 10 nhà cái uy tín nhất",
])
def test_vietnamese_betting_seo_is_reported(text: str) -> None:
    assert [c for _, c, _ in find_sensitive(text)] == ["赌博"]


def test_vietnamese_lottery_results_alone_are_not() -> None:
    assert find_sensitive("kết quả xổ số kiến thiết miền bắc hôm nay") == []


@pytest.mark.parametrize(("text", "reported"), [
    ("关于我们｜联系我们｜加入代理｜存款帮助｜取款帮助｜常见问题", True),
    ("申请试玩 立即开户 备用线路", True),
    ("证券账户立即开户，佣金低至万一", False),
    ("【大澳门威尼斯人赌场官网2月13日讯】日前一份调查显示", True),
    ("永利娱乐场官网公布了停业安排", False),
    ("青青草原综合久久大伊人导航_色综合久久天天综合_日日噜噜夜夜狠狠久久丁香五月", True),
    ("同志们久久为功，狠狠抓落实，婷婷玉立的荷花开满池塘", False),
])
def test_casino_footers_casino_sites_and_porn_navigation_titles(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text)) == reported


# blind29, collected after the rules above and run once (2 of 4 found, 0 of 6 decoys): the two misses led to a casino
# name of Latin letters and digits before 亚洲城/娱乐城 and three porn-only subject words (又黄又爽 …)
@pytest.mark.parametrize("row", row_ids(ROWS, ("blind29",), "spam"))
def test_every_injected_page_of_blind29_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind29",), "legit"))
def test_the_legitimate_pages_of_blind29_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


@pytest.mark.parametrize(("text", "reported"), [
    ("ca88亚洲城 > 教育 > 教育新闻 > 正文", True),
    ("w88娱乐城", True),
    ("CCTV5体育频道直播", False),
    ("A380国际航班", False),
    ("91精品国产视频,国产又黄又爽又色视频观看免费", True),
])
def test_casino_site_names_and_one_subject_porn_titles(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text)) == reported


def test_a_report_that_a_site_became_a_gambling_site_is_legitimate() -> None:
    # blind30 l02, a short issue: the site or link "变成" a gambling site is a report, not an ad
    assert judge(ROWS["30l02"]) == []
    assert find_sensitive("说明文档上的链接变成博彩网站了") == []
    # "变成" alone is no cue: an ad promises to make you rich
    assert find_sensitive("一夜变成百万富翁，百家乐真人荷官在线")


# blind30 and blind31, each collected after the previous changes and run once (blind30: 4 of 4, 2 of 6 decoys; blind31:
# 1 of 2, 0 of 7 decoys); then 网站变成 … as cues and 防劫持 in the casino-footer family. 30l01 stays reported: its second
# line "这是个博彩网站" is short and has no cue of its own
STILL_REPORTED = {"30l01"}


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind30", "blind31"), "spam"))
def test_every_injected_page_of_blind30_and_blind31_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind30", "blind31"), "legit", STILL_REPORTED))
def test_the_legitimate_pages_of_blind30_and_blind31_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


# blind32, collected after the last change and run once, not changed after (4 of 4, 0 of 3; main the same)
@pytest.mark.parametrize("row", row_ids(ROWS, ("blind32",), "spam"))
def test_every_injected_page_of_blind32_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind32",), "legit"))
def test_the_legitimate_pages_of_blind32_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []
