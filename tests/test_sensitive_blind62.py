"""text.sensitive on the blind62 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys), and run once on round 26's code at
f787a9a: recall 5/12, one decoy reported (benchmarks/results/sensitive_real-2026-12-05-blind62.txt).

Misses then, taught: KU酷游, caopron, 真人棋牌, 澳门人威尼斯 (威尼斯人 turned round), 麻豆劇傳媒, Kaiyun控股. The decoy, an
English lesson on a news item about surrogacy (代孕在国内不合法, 违规行为, 一经查实), is no longer reported: 不合法, 违规 and
查实 are legitimate cues. Still missed: a source line signed 爱游戏最新平台."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind62_rows() -> None:
    assert outcome(ROWS, "blind62") == ({"62s21"}, set())


def test_brands_and_porn_site_names() -> None:
    assert find_sensitive("KU酷游·(中文版)官方网站")
    assert find_sensitive("公司地址：江西省澳门人威尼斯官网")
    assert find_sensitive("Kaiyun控股·官方网站-(中国大陆)登录入口")
    assert find_sensitive("我国麻豆劇傳媒體育健兒在北京冬奧會上取得佳績。")
    # the Venetian named the right way round in Macau news; a card game club's chess
    assert find_sensitive("澳门威尼斯人度假村今年接待旅客增长。") == []
    assert find_sensitive("社区举办象棋、围棋等棋牌比赛。") == []
