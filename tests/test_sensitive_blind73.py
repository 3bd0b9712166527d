"""text.sensitive on the blind73 rows of benchmarks/data/sensitive_real.jsonl (real page texts and one page's markup,
each with its source), collected by a helper that did not see the checks and ran out of searches early (9 spam rows,
12 decoys). First run: see benchmarks/results/sensitive_real-2026-12-05-blind73.txt. Taught afterwards in round 28;
what is still missed, and the decoy still reported, are pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import judge_html, load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind73_rows() -> None:
    # first run on round 28's code at 4586fb6: 2/9, one decoy reported. Still missed: tipsters' Asian-handicap picks (no
    # word of theirs is banned); a 皇冠网 score page; a fake 高唐信息港 page titled with a casino. Still reported: a big
    # portal's lottery results page that lists the 时时彩 of its time beside 双色球 and 大乐透
    missed = {"73s04", "73s05", "73s06", "73s07", "73s09"}
    assert outcome(ROWS, "blind73") == (missed, {"73s17"})


def test_a_betting_company_as_a_pages_title() -> None:
    assert find_sensitive("【sbobet】_欧洲杯_重庆论坛\n设为首页 | 加入收藏")


def test_a_title_for_spiders_and_another_for_visitors() -> None:
    page = ("<html><head><title>&#x6c5f;&#x82cf;&#x5feb;&#x0033;&#x8d70;&#x52bf;&#x56fe;</title>"
            '<script>if(navigator.userAgent.toLocaleLowerCase().indexOf("baidu") == -1){document.title ="泾县新闻网"}'
            "</script></head><body><p>泾县新闻网首页</p></body></html>")
    assert [category for _, category, _ in judge_html(page)] == ["标题劫持"]
    # a site that sends phones to its mobile pages and keeps its title
    mobile = ("<html><head><title>泾县新闻网</title><script>if(/Android|iPhone/i.test(navigator.userAgent))"
              '{document.title = "泾县新闻网"; location.href = "/m/";}</script></head><body><p>首页</p></body></html>')
    assert judge_html(mobile) == []
