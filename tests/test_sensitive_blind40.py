"""text.sensitive on the blind40 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; five as markup), collected by a helper that did not see the checks after the blind38 and blind39 changes of the
twenty-first session, and run once before the rules below existed: recall 10/15, one decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind40.txt). Two of the ten found, Korean and Japanese casino SEO, were
found by the foreign-language families written for blind38 before this batch was seen.

Misses then: hidden links in a 1-pixel-wide <marquee> scrolling 10,000 pixels a step, a casino brand printed with its
pinyin (开云kaiyun.平台(中国)官方网站), casino-agent search links pasted into a comment as percent-encoded UTF-8, and
a reposted WeChat article of a health-supervision office (its sentences broken into short lines) reported for 代孕.
Both later found (twenty-second session): a site's name before a graduate school's title (乐竞首页博士生…) and a listed
brand with 体育 where the school's name stands (乐鱼体育党委书记)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.hosts import own_sites
from checks.sensitive import find_dark_links, find_sensitive
from checks.text import page_text

ROWS = load_rows()
STILL_MISSED: set[str] = set()


def test_the_blind40_rows() -> None:
    assert outcome(ROWS, "blind40") == (STILL_MISSED, set())


def _techniques(html: str) -> set[str]:
    return {x["technique"] for x in find_dark_links(tuple(h[:3] for h in page_text(html).hidden), own_sites([None]))}


def test_a_marquee_one_pixel_wide_or_too_fast_to_read_hides_its_links() -> None:
    links = "".join(f'<a href="http://www.shoeshop.example/">cheap shoes {i}</a>' for i in range(3))
    page = '<html><body><p>正文</p><marquee scrollAmount={speed} width="{w}" height="6">{links}</marquee></body></html>'
    assert any("尺寸极小" in t for t in _techniques(page.format(speed=10000, w=1, links=links)))
    assert any("过快" in t for t in _techniques(page.format(speed=10000, w=300, links=links)))
    # a news ticker scrolls slowly at a readable size
    assert not any("marquee" in t for t in _techniques(page.format(speed=3, w=300, links=links)))


def test_percent_encoded_casino_ads_are_read_decoded() -> None:
    pasted = ("https://github.com/search?q=%E8%B1%AA%E5%BD%A9%E5%A8%B1%E4%B9%90%E4%BB%A3%E7%90%86%E5%BC%80%E6%88%B7"
              "%E3%80%90Q632144%E3%80%91")  # 豪彩娱乐代理开户【Q632144】
    assert find_sensitive(pasted)
    assert find_sensitive("全市娱乐场所一律不得为未成年人办理会员注册，文化执法支队开展专项检查。") == []


def test_a_casino_brand_with_its_pinyin() -> None:
    assert find_sensitive("开云kaiyun.平台(中国)官方网站")
    assert find_sensitive("当前位置: kaiyun开云平台(中国)官方网站 >> 新闻和公告")


def test_sentences_broken_into_short_lines_are_prose() -> None:
    [row] = [r for r in ROWS.values() if r["id"] == "40s01"]
    assert find_sensitive(row["text"]) == []
    # a page of whole lines is judged line by line: a short line with the word and no cue is still reported
    assert find_sensitive("代孕咨询热线\n本中心位于市区，交通便利，环境优雅，欢迎各界朋友前来参观指导，我们将竭诚为您服务。")
