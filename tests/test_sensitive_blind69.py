"""text.sensitive on the blind69 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind69.txt.
Taught afterwards in round 28; what is still missed is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind69_rows() -> None:
    # first run on round 27's final code: 3/12, no decoy reported. Still missed: 百利宫 written twice into a school's
    # news, "yabo 11选5" before a notice's title, "PP电子大学" in a washed copy
    assert outcome(ROWS, "blind69") == ({"69s05", "69s11", "69s12"}, set())


def test_a_site_holds_a_meeting() -> None:
    assert find_sensitive("4月23日上午，新普京澳官网在行政楼一号会议室召开2024年党建工作会。")
    assert find_sensitive("2018年5月8日，英国上市公司官网365在东门篮球场举行了学生篮球联赛的开幕式。")
    # a school's own site is not a brand, and a site that publishes a meeting does not hold it
    assert find_sensitive("学校官网在行政楼会议室召开的会议上发布了新版。") == []
    assert find_sensitive("市政府官网发布通知，将在会议中心举行听证会。") == []


def test_a_made_up_name_where_the_school_stands() -> None:
    assert find_sensitive("华体(中国)2023级新生开学典礼隆重举行")
    assert find_sensitive("6月28日，24848威尼斯2018届毕业生毕业典礼举行。")
    assert find_sensitive("会议就科教党委系统及欧洲杯竞猜平台纪检系统党风廉政建设作了部署。")
    page = "外国语开元(中国)党委书记金武州代表开元(中国)汇报工作。"
    assert find_sensitive(page)
    # a company's China branch named once before its party committee, counts before a cohort, a year before a school
    assert find_sensitive("沃尔玛(中国)党委组织党员参观。") == []
    assert find_sensitive("为全校1200余名师生带来一堂禁毒课，480余名2023级新生参加。") == []
    assert find_sensitive("2023浙江大学2023届毕业典礼举行。") == []
