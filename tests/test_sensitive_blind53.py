"""text.sensitive on the blind53 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after the blind52 rules, and run once before the rules below existed:
recall 4/15, one decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind53.txt).

Misses then, taught: betting brands glued to a news lead or put for a department (oety欧亿体育, 必一体育, 必一·运动,
球王會(huì)體育 with a converter's pinyin after each character, now read without it), digits and letters before a
casino's name (6165cc金沙总站), private-lottery slang in a headline or a fake policy explainer (澳门今晚开什么,
新澳门免费大全), surrogate-mother recruiting (招聘代妈) and loan-channel ads (秒批口子). The decoy, 南风窗's report on an
underground surrogacy lab, was read as an SEO keyword list: an interviewee's parallel clauses in quotation marks
("“该机构分工明确,专人…,专人…,专人…"); a quoted run is no such list now. Reading the pinyin-split words made j01 (a
newspaper exposing a gambling soft ad) a false alarm; 营销软文 and 获刑 are cues of the gambling category now. Still missed:
a sports department's news whose page carries three crackdown cues, a private-detective SEO text dressed as legal
advice (私人侦探 is also a film's title in People's Daily, so it is no word of the list), and a lure article on withheld
payouts written as a lawyer's analysis."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"53s10", "53s13", "53s14"}


def test_the_blind53_rows() -> None:
    assert outcome(ROWS, "blind53") == (STILL_MISSED, set())


def test_brands_slang_and_ads() -> None:
    assert find_sensitive("oety欧亿体育据江西修水县融媒体中心消息，澳门金沙中国有限公司捐建的小学举行落成仪式。")
    assert find_sensitive("11月11日中午，由校团委主办、6165cc金沙总站各学院承办的社团文化节开幕。")
    assert find_sensitive("原创 中国外交部2023澳门今晚开什么新任发言人亮相")
    assert find_sensitive("2025年新澳门免费大全实用释义、解释与落实")
    assert find_sensitive("首页 > 招聘代妈官网 > 文化评论")
    assert find_sensitive("2020年新出的知道的人少的秒批口子")


def test_a_converters_pinyin_does_not_split_words() -> None:
    assert find_sensitive("创新创业基地(球王會(huì)體育思政教育基地)和“一村一名大學(xué)生计划”")
    assert find_sensitive("為嚴(yán)厲打擊游藝娛樂(lè)場(chǎng)所賭博行為，文化部整治涉賭場(chǎng)所。") == []


def test_quoted_parallel_clauses_are_no_keyword_list() -> None:
    text = ("上官正义表示，丛某超名义上是做试管婴儿咨询服务，暗地里涵盖了代孕产业的全链条。\n"
            "“该机构分工明确,专人通过网络物色卵妹,专人寻找代孕客户,专人陪产,专人对接与开发国内医疗机构。”"
            "公安机关已依法立案，卫健部门揭露其非法行医。")
    assert find_sensitive(text) == []
