"""text.sensitive on the blind8-blind14 rows of benchmarks/data/sensitive_real.jsonl (real pages, each with its
source) and the misses that were left before them: scripts from hijacked CDNs (polyfill.io, bootcss, staticfile,
a re-registered "CDN" domain), lottery spam inside mirrored news, a porn site's menu in traditional
characters, a betting-score brand inserted into a news line, porn phrases with emoji between their
characters; and the decoys that fired: a shop's own lottery channel (no spam domain), a musician's hidden
references (no link farm), Hong Kong Mark Six news (金多寶, 攪珠: cues read in simplified characters). Every
row named here was missed (or, for the decoys, reported) on main. Later splits add statements against 台独
and anti-cult education (category cues), crackdowns on 代孕 and police warnings on 裸聊 extortion."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import load_rows
from checks.hosts import compromised, is_known_service, is_stranger, own_sites
from checks.sensitive import find_dark_links, find_sensitive, spam_domain
from checks.text import page_text

ROWS = load_rows()


def _links(row: dict) -> list[dict[str, str]]:
    return find_dark_links(tuple(h[:3] for h in page_text(row["html"]).hidden), own_sites([row.get("url")]))


@pytest.mark.parametrize(("row", "target"), [
    ("b10", "https://cdn.polyfill.io/v2/polyfill.min.js?features=fetch&flags=gated"),
    ("b11", "https://cdn.polyfill.io/v2/polyfill.min.js?features=es2015,es2016"),
    ("b12", "https://cdn.polyfill.io/v2/polyfill.min.js?features=requestAnimationFrame,Element.prototype.classList,URL"),
    ("v03", "//netdna.getkickstrap.com/1.3/Kickstrap/js/kickstrap.min.js"),  # re-registered, redirects to ads
])
def test_a_script_from_a_hijacked_cdn_is_reported_in_an_ordinary_place(row: str, target: str) -> None:
    found = _links(ROWS[row])
    assert found and {x["category"] for x in found} == {"被劫持的公共库"}
    first = found[0]
    assert (first["technique"], first["href"]) == ("外站脚本", target)
    assert "已被劫持" in first["reason"] and first["matched"] in target


def test_compromised_hosts_win_over_the_public_service_list() -> None:
    assert compromised("cdn.polyfill.io") and compromised("polyfill.com")
    assert compromised("polyfill.io.example.com") is None and compromised("cdnjs.cloudflare.com") is None
    assert not is_known_service("cdn.polyfill.io") and is_known_service("cdn.jsdelivr.net")
    assert is_stranger("cdn.polyfill.io", frozenset({"example.gov.cn"}))
    # the CDN's own pages are its own site: nothing to report about itself
    page = {"html": '<html><body><script src="https://cdn.polyfill.io/v3/polyfill.min.js"></script></body></html>',
            "url": "https://polyfill.io/"}
    assert _links(page) == []


@pytest.mark.parametrize("row", ["b13", "b14"])
def test_a_library_from_a_cdn_only_said_to_share_polyfills_operator_is_no_finding(row: str) -> None:
    """bootcss.com and staticfile.org were reported in 2024 to belong to polyfill.io's operator, but they
    still serve their files and many government templates include jQuery from them: reporting every such
    page would flood the queue with findings the page itself gives no reason for."""
    assert not compromised("cdn.bootcss.com") and not compromised("cdn.staticfile.org")
    assert is_known_service("cdn.bootcss.com") and is_known_service("cdn.staticfile.org")
    assert _links(ROWS[row]) == []
    page = page_text(ROWS[row]["html"])
    assert find_sensitive(page.main) + find_sensitive(page.chrome) == []
    # Cloudflare's mirror that replaced polyfill.io stays a public library
    page = {"html": '<html><body><script src="https://cdnjs.cloudflare.com/polyfill/v3/polyfill.min.js"></script>'
                    "</body></html>"}
    assert _links(page) == []


@pytest.mark.parametrize(("row", "matched"), [
    ("b08", "加拿大28"),  # a "28" lottery's menu and title prefix on a mirrored news page
    ("b09", "香港开奖结果"),  # a Mark Six lead inserted into a mirrored news title
    ("s24", "球探体育比分"),  # a betting-score brand inserted into a news line
])
def test_lottery_and_betting_leads_inside_mirrored_news(row: str, matched: str) -> None:
    hits = find_sensitive(ROWS[row]["text"])
    assert ("赌博" in {c for _, c, _ in hits}) and any(matched in w.lower() for w, _, _ in hits)


def test_a_porn_sites_menu_in_traditional_characters() -> None:
    hits = find_sensitive(ROWS["s29"]["text"])  # 亞娃美圖 激情誘惑 明星寫真 偷拍走光
    assert [(w, c) for w, c, _ in hits] == [("美圖 激情誘惑 明星寫真 偷拍走光", "色情")]
    # one or two of these words in running prose are no menu
    assert find_sensitive("他以饱满的激情投入工作，抵制各种诱惑，并为老人拍摄写真留念。") == []
    assert find_sensitive("严禁在考场偷拍。") == []


@pytest.mark.parametrize("row", [r for r, x in ROWS.items() if x["split"] == "blind8" and x["label"] == "legit"])
def test_blind8_decoys_stay_quiet(row: str) -> None:
    # crackdown news in traditional characters naming the gambling sites it shut down (“777真人娛樂場”, 皇冠,
    # 永利), police warnings, WeChat SDK, Baidu statistics and map scripts, a shop's hidden lottery menu
    r = ROWS[row]
    assert (_links(r) if "html" in r else find_sensitive(r["text"])) == []


def test_a_spam_looking_sub_domain_of_the_site_itself_is_no_spam_domain() -> None:
    own = own_sites(["http://m.jd.com/"])
    assert spam_domain("http://caipiao.m.jd.com/") and not spam_domain("http://caipiao.m.jd.com/", own)
    assert spam_domain("http://www.caipiao-win.com/", own)
    assert not spam_domain("http://caipiao.sports.gov.cn/", frozenset())
    # k05 reported caipiao.m.jd.com as a gambling link before
    assert _links(ROWS["k05"]) == []


def test_blind10_macau_lottery_article_and_a_musicians_hidden_references() -> None:
    # t01: "新澳门每天免费开奖" and "查询正版资料" in an SEO article dressed as a fraud warning
    hits = find_sensitive(ROWS["t01"]["text"])
    assert {c for _, c, _ in hits} == {"赌博"} and any("免费开奖" in w for w, _, _ in hits)
    # m01: two hidden Yahoo! pages among nine hidden references to nine sites are no link farm; u04's three
    # hidden links all into one stranger's site still are
    assert _links(ROWS["m01"]) == []
    assert {x["category"] for x in _links(ROWS["u04"])} == {"隐藏外链"}
    assert _links(ROWS["t02"])  # the sold friend-links beside it are still reported


@pytest.mark.parametrize(("row", "phrase"), [
    ("n02", "免费🔞美女❌❌❌涂抹网站"),
    ("n03", "花花公子无码⛹🏽\u200d♀️裸体🇲🇬写真"),
    ("n04", "动漫贞子被❎黄漫在线观看"),
])
def test_porn_phrases_with_emoji_between_the_characters(row: str, phrase: str) -> None:
    hits = find_sensitive(ROWS[row]["text"])
    assert (phrase, "色情") in [(w, c) for w, c, _ in hits]


def test_emoji_as_decoration_are_no_evasion() -> None:
    assert find_sensitive("👉点击查看办事指南 1️⃣无码人员请主动向社区报告 🔥重磅！★重点工作★") == []


def test_cues_on_pages_in_traditional_characters() -> None:
    # the same crackdown line, simplified and traditional: the cue 打击 is 打擊 there
    assert find_sensitive("本报讯 全市打击六合彩活动取得成效。") == []
    assert find_sensitive("本報訊 全市打擊六合彩活動取得成效。") == []
    assert find_sensitive("謹防網絡賭博陷阱") == []
    # Hong Kong's own lottery news: 六合彩 beside 金多寶 and 攪珠 in the same sentence (blind11 p01, p02)
    assert find_sensitive(ROWS["p01"]["text"]) == [] and find_sensitive(ROWS["p02"]["text"]) == []
    # a lone 六合彩 in an injected title still counts; so does a Mark Six lead beside 马会
    assert find_sensitive("六合彩\n区政府办公室关于开展安全检查的通知")
    assert find_sensitive("香港马会六合彩开奖结果")


def test_tax_pages_and_online_casinos() -> None:
    # blind12 r01: a tax agreement's list item "1、代开发票。" on a page that is about taxes throughout
    assert find_sensitive(ROWS["r01"]["text"]) == []
    # the same page with an advertiser's contact beside the word is spam again
    spam = find_sensitive(ROWS["r01"]["text"] + "\n代开发票 微信13800138000")
    assert spam and "【代开发票】 微信13800138000" in spam[-1][2]
    # blind12 q03: an online casino's licence blurb (网络博彩, a synonym of 网络赌博)
    assert ("网络博彩", "赌博") in [(w, c) for w, c, _ in find_sensitive(ROWS["q03"]["text"])]
    # Macau landmarks are no casino advertising (blind12 r04)
    assert find_sensitive(ROWS["r04"]["text"]) == []


@pytest.mark.parametrize("row", ["z01", "z02", "z03", "z04", "z05", "z06", "z07", "z08", "z09", "z10"])
def test_statements_against_taiwan_independence_and_cults_are_legitimate(row: str) -> None:
    # blind13: 国台办 statements (坚决反对、遏制“台独”), anti-cult education naming 法轮功 and other cults
    assert find_sensitive(ROWS[row]["text"]) == []


def test_cult_propaganda_is_reported() -> None:
    # the group's own slogans on a line of their own, whatever the page; its propaganda without any stance
    # against it
    assert {c for _, c, _ in find_sensitive(ROWS["f03"]["text"])} == {"邪教"}  # 你“三退”了吗
    assert "李洪志大師" in [w for w, _, _ in find_sensitive(ROWS["f02"]["text"])]
    assert find_sensitive(ROWS["f01"]["text"])
    # a slogan injected into an anti-cult page is still reported
    assert find_sensitive(ROWS["z09"]["text"] + "\n法轮大法好")
    # 支持“台独” on a page without any stance against it is still reported
    assert find_sensitive("支持台独，台湾是一个国家")


def test_a_police_report_may_quote_the_cults_slogan_in_its_prose() -> None:
    # decoys16: a police report on leaflets that quotes 诚念法轮大法好 next to 歪理邪说 (found on merge; the
    # slogans were reported wherever they stood)
    assert find_sensitive(ROWS["d16a"]["text"]) == []
    # the same slogan as a line of its own on that page is injected
    assert {w for w, _, _ in find_sensitive(ROWS["d16a"]["text"] + "\n法轮大法好")} == {"法轮大法好"}


@pytest.mark.parametrize("row", ["i01", "i02", "i03", "i04", "i05", "i06", "i07"])
def test_crackdowns_on_surrogacy_and_warnings_on_extortion_are_legitimate(row: str) -> None:
    # blind14: 打击代孕 in simplified and traditional characters; police warnings on 裸聊 extortion in short lines
    assert find_sensitive(ROWS[row]["text"]) == []


def test_an_advert_for_the_same_thing_is_still_reported() -> None:
    assert find_sensitive(ROWS["i06"]["text"] + "\n美女裸聊 加微信 abc12345")
