"""text.sensitive on the blind67 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind67.txt.
Taught afterwards in round 27; what is still missed is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind67_rows() -> None:
    # first run on round 27's code with blind65-66 taught (eb975f3): 5/13, one decoy reported
    assert outcome(ROWS, "blind67") == (set(), set())


def test_brand_names_and_lottery_words_put_into_official_pages() -> None:
    assert find_sensitive("2020年12月19日，澳门新浦新京娱乐党总支组织全院师生党员前往红色收藏馆参观。")
    assert find_sensitive("岑巩县平庄镇：以篮球运动场建设为抓手\n来源:欧宝直播 发布时间:2025-06-28")
    assert find_sensitive("积极拓展农民体育文化多元功能，引导bbin宝盈国际农民参与到“健康海安”建设中。")
    assert find_sensitive("原创 岑浩2023澳门今晚开辉冀本地传媒向世界讲好中国故事")
    assert find_sensitive("持续稳定推进“扫黄打非”工作，365有没有反水的_365bet娱乐网站_365万博首页多措并举，形成“护苗”组合拳。")
    # a fund company, Macau's own offices, a PDF's name
    assert find_sensitive("宝盈基金发布公告。澳门特别行政区政府旅游局党委（澳门没有党委，但句子无妨）。下载pdf宝盈年报。") == []


def test_a_regulator_names_the_sites_it_closed() -> None:
    report = "严厉查处一批网站。关闭“牛竞技”“新葡京”“金沙娱乐城”等一批聚众赌博违法网站。"
    assert find_sensitive(report) == []
