"""text.sensitive on the blind16-blind20 rows of benchmarks/data/sensitive_real.jsonl (real pages, each with its
source), collected and run once before the rules below existed (blind: recall 14/29, precision 14/25).

Misses then: a betting site's bonus terms, casino and lottery menus, a sex-service lead, porn titles without the
usual "在线观看", "新澳门天天开好彩", "澳门网站登录入口", private-lottery games (分分彩), hidden counterfeit and
"buy" links, a transparent full-page link overlay (clickjacking). False alarms then: 代开发票 in a tax app's
menu, a bookkeeping offer, an invoice tool; 时时彩 in a court's case study; 网络赌博 in police warnings;
娱乐城 in a map's points of interest and a game hub. blind21, collected after those rules and run once (1 of 5
found), added game private-server and surrogacy leads and a casino's mirror lines. Every row named here was
missed (or, for the decoys, reported) on main."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, load_rows, row_ids
from checks.hidden import hiding_technique
from checks.hosts import own_sites
from checks.sensitive import find_dark_links, find_sensitive
from checks.text import page_text

ROWS = load_rows()
# decoys of these splits still reported, left as they are: Macau casino news (百家乐 at a casino's contest) and a
# warning article with two cues only
STILL_REPORTED = {"16q15", "20w08"}
# blind21 was collected after the first change and run once (1 of 5 found, 0 of 8 decoys fired) before the second
# (game private-server and surrogacy leads, a casino's mirror "线路"); blind22 likewise, after the second (4 of 7
# found, 0 of 7 decoys fired), before the third (现金网, 开元棋牌). blind23, collected after the last change, is left
# as it was measured (1 of 5 decoys fired) and is not tested here
BLIND16 = {"blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22"}


def _links(row: dict) -> list[dict[str, str]]:
    return find_dark_links(tuple(h[:3] for h in page_text(row["html"]).hidden), own_sites([row.get("url")]))


@pytest.mark.parametrize("row", row_ids(ROWS, BLIND16, "spam", {"17r05"}))
def test_every_injected_page_of_the_blind16_splits_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, BLIND16, "legit", STILL_REPORTED))
def test_the_legitimate_pages_of_the_blind16_splits_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


@pytest.mark.parametrize("row", ["18t06", "18t07", "18t08", "18t09", "r05"])
def test_invoicing_on_behalf_is_spam_only_where_someone_sells_it(row: str) -> None:
    # a tax app's "自然人代开发票", an invoice tool's button, a bookkeeping offer, a payment back office's menu
    assert judge(ROWS[row]) == []
    # the same word with a seller's contact beside it is spam
    assert [w for w, _, _ in find_sensitive("代开发票 联系电话13812345678")] == ["代开发票"]
    assert [w for w, _, _ in find_sensitive("各类代开发票，请加微信 kaipiao888")] == ["代开发票"]
    # in hidden text the word is reported whatever stands around it
    hidden = find_dark_links((("display:none 隐藏", "代开发票", ""),))
    assert hidden and hidden[0]["matched"] == "代开发票"


def test_court_cases_and_police_warnings_on_gambling_are_legitimate() -> None:
    # a court's case study (时时彩 in 开设赌场罪 case) and police warnings whose questions and headings are short lines
    for row in ("16q12", "20w04", "20w06"):
        assert find_sensitive(ROWS[row]["text"]) == [], row
    # a gambling site's "guide" that discusses 陷阱 still offers 在线赌场 bonuses to new players
    assert find_sensitive(ROWS["20w03"]["text"])


@pytest.mark.parametrize(("row", "word"), [("18t01", "派彩"), ("18t02", "荷官"), ("20w03", "赌场")])
def test_a_betting_sites_bonus_terms(row: str, word: str) -> None:
    found = find_sensitive(ROWS[row]["text"])
    assert {c for _, c, _ in found} == {"赌博"} and any(word in w for w, _, _ in found)


@pytest.mark.parametrize("row", ["17r02", "17r07", "19v02", "19v07", "19v08"])
def test_a_casinos_channel_menu(row: str) -> None:
    assert {c for _, c, _ in judge(ROWS[row])} == {"赌博"}


def test_leisure_complexes_and_sports_lotteries_are_no_casino_menu() -> None:
    for row in ("17r11", "17r12"):  # 娱乐城 among a map's points of interest, a game hub's 休闲娱乐城
        assert judge(ROWS[row]) == [], row
    # government pages name 体育彩票, 电子, 棋牌 without a casino's channel names
    assert find_sensitive("市体育局 体育彩票 电子竞技 棋牌协会 全民健身") == []
    assert find_sensitive("体育彩票管理中心会员单位注册免费培训") == []


def test_sex_service_leads_and_porn_titles_without_a_call_to_watch() -> None:
    assert {c for _, c, _ in find_sensitive(ROWS["18t03"]["text"])} == {"色情"}  # 美女过夜约 … 夜约伴游
    assert {c for _, c, _ in find_sensitive(ROWS["18t05"]["text"])} == {"色情"}  # 日韩无码…毛片…色图
    # a police warning on such leads (冒充美女, 上门服务) in running prose is legitimate
    warning = ("民警提醒：近期有不法分子在网上冒充美女发布包夜、上门服务等信息，以交保证金为名实施诈骗，"
               "受害人转账后即被拉黑，请广大群众提高警惕，遇到此类情况及时报警。")
    assert find_sensitive(warning) == []


@pytest.mark.parametrize(("row", "matched"), [("16q04", "天天開好彩"), ("20w02", "澳门网站登录入口"),
                                              ("17r03", "分分彩")])
def test_macau_lottery_and_private_lottery_leads(row: str, matched: str) -> None:
    assert matched in [w for w, _, _ in judge(ROWS[row])]
    # the Macau government's "入口網站" is no login entrance of a casino
    assert find_sensitive("澳門特別行政區政府入口網站 www.gov.mo") == []


def test_hidden_links_with_english_spam_words() -> None:
    # display:none links "louis vuitton … sale", "… gucci handbags for less": a farm into one outside site, and spam words that
    # count even where the target is the site's own domain (the farm test leaves that out)
    hidden = tuple(h[:3] for h in page_text(ROWS["17r01"]["html"]).hidden)
    found = find_dark_links(hidden, own_sites(["http://www.cuasia.org/"]))
    assert [x["matched"] for x in found] == ["louis vuitton", "gucci"]
    assert {x["technique"] for x in found} == {"display:none 隐藏（同一外站 2 条隐藏链接）"}
    assert found[0]["href"].startswith("http://www.cuasia.org/")
    found = _links(ROWS["17r06"])  # "Finding Neverland buy"
    assert [x["matched"] for x in found] == ["buy"] and found[0]["href"] == "http://www.baserinstincts.com/?finding_neverland"
    # hidden credit links of templates carry no such words (blind17 r13, r14) and a visible "buy" link is no dark link
    assert _links(ROWS["17r13"]) == [] and _links(ROWS["17r14"]) == []
    assert find_dark_links((("", "Buy tickets", "https://tickets.example.com/"),)) == []
    assert find_dark_links((("display:none 隐藏", "buyer guide", "https://x.example.com/a"),)) == []  # whole words


def test_a_transparent_overlay_over_the_whole_page_is_clickjacking() -> None:
    found = _links(ROWS["19v01"])
    assert found and {x["category"] for x in found} == {"点击劫持"}
    assert found[0]["technique"] == "全屏透明覆盖层" and found[0]["href"].startswith("http://vigoroussolidjitter.com/")
    # a modal's backdrop is half opaque and links nowhere; an overlay of the site's own link is no stranger's
    assert hiding_technique("position:fixed;inset:0;background:#000;opacity:0.5") is None
    own = '<div style="position:fixed;inset:0;opacity:0"><a href="https://forums.iobit.com/x">x</a></div>'
    assert find_dark_links(tuple(h[:3] for h in page_text(own).hidden), own_sites(["https://forums.iobit.com/"])) == []


@pytest.mark.parametrize(("row", "word"), [("21x02", "新开传奇"), ("21x03", "传奇私服"), ("21x04", "代怀")])
def test_private_game_server_and_surrogacy_leads(row: str, word: str) -> None:
    assert word in [w for w, _, _ in find_sensitive(ROWS[row]["text"])]


def test_crackdowns_on_private_servers_are_legitimate() -> None:
    for row in ("21x06", "21x07", "21x08", "21x09", "21x10", "21x11"):  # 打击网络游戏“私服”、“外挂”
        assert find_sensitive(ROWS[row]["text"]) == [], row
    assert find_sensitive("公安机关查处一批传奇私服网站，抓获犯罪嫌疑人5名") == []
    assert find_sensitive("这一代怀揣梦想的青年") == []  # 代|怀揣: no 代怀


def test_a_casinos_mirror_lines_and_bonus() -> None:
    found = find_sensitive(ROWS["21x05"]["text"])  # VIP客户专用线路 … 彩金/活动信息线路 … 博彩
    assert found and {c for _, c, _ in found} == {"赌博"}
    assert find_sensitive("城乡公交专用线路调整公告") == []


@pytest.mark.parametrize(("row", "word"), [("22y03", "现金网"), ("22y04", "现金网"), ("22y07", "开元棋牌")])
def test_an_online_casinos_name_for_itself(row: str, word: str) -> None:
    assert word in [w for w, _, _ in judge(ROWS[row])]
    assert find_sensitive("各银行现金网点营业时间调整") == []  # 现金|网点


def test_near_zero_opacity_hides() -> None:
    assert hiding_technique("opacity:0.01") == "opacity:0 透明"
    assert hiding_technique("opacity:.05;") == "opacity:0 透明"
    assert hiding_technique("opacity:0.1") is None and hiding_technique("opacity:1") is None
    assert hiding_technique("position:fixed;top:0;left:0;width:100%;height:100%;opacity:0") == "全屏透明覆盖层"
    assert hiding_technique("position:fixed;bottom:0;width:100%;height:50px;opacity:0") == "opacity:0 透明"
