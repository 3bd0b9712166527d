"""text.sensitive on the blind75 and blind76 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its
source), collected by helpers that did not see the checks. First runs: see benchmarks/results/sensitive_real-2026-12-05-
blind75.txt and -blind76.txt. Taught afterwards in round 29; what is still wrong is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind75_rows() -> None:
    # first run on 807df2a: 8/12, no decoy reported
    assert outcome(ROWS, "blind75") == (set(), set())


def test_the_blind76_rows() -> None:
    # first run on 807df2a: 10/12, one decoy reported. Still reported: a travel guide to Macau that describes the
    # casinos' 百家乐 and warns visitors off in another sentence (its 傾家蕩産 is written with the variant 産)
    assert outcome(ROWS, "blind76") == (set(), {"76l07"})


def test_brands_and_their_new_make_up() -> None:
    assert find_sensitive("作者:mile米乐集团    日期:2026-02-09    浏览:    来源:mile官网")
    assert find_sensitive("亚博足彩\n\n首页/ 专题专栏 / 政府网站管理")
    assert find_sensitive("根据英国威廉希尔公司_威廉希尔中文网站:2019年信息化建设计划")
    assert find_sensitive("城关村菜市场M6体育正规平台入口，提示令人印象深刻")
    # a sports news item quoting a bookmaker's odds, and a fan site of a football club, stay quiet
    assert find_sensitive("据英国博彩公司威廉希尔开出的赔率，主队胜出的可能性更大。") == []
    assert find_sensitive("国际米兰中文网报道，球队今日完成赛前训练。") == []


def test_a_brand_written_where_a_word_stood_three_times() -> None:
    page = "在校杏盛:\n请到杏盛教育院培养办公室。\n所有在校杏盛均可使用自助设备。\n杏盛教育院"
    assert find_sensitive(page)
    assert find_sensitive("杏盛村召开村民大会。") == []


def test_a_solicitation_search_phrase() -> None:
    assert find_sensitive("福州哪里找鸡?当然是在美丽的福州市街道办事处")
    # a farmer's question about chicks
    assert find_sensitive("养殖户想知道哪里找鸡苗，技术员给出了建议。") == []
