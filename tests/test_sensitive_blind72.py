"""text.sensitive on the blind72 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind72.txt.
Taught afterwards in round 28; what is still missed is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind72_rows() -> None:
    # first run on round 28's code at f7ac570: 9/12, one decoy reported. Still missed: a 六合彩 forum's page written as a
    # guide against false publicity, whose brand (尊龙凯时) the page's warning words excuse
    assert outcome(ROWS, "blind72") == ({"72s05"}, set())


def test_a_site_number_before_a_listed_brand() -> None:
    assert find_sensitive("K8凯发国际 > 新闻 >时政新闻")
    assert find_sensitive("当前位置: 九州(中国)> 新闻中心> 校园动态> 正文")
    # a company's own breadcrumb, not a school's
    assert find_sensitive("当前位置: 西门子(中国)> 新闻中心> 企业动态") == []


def test_a_quitting_gamblers_story() -> None:
    story = ("这是我在戒赌吧潜水的第731天。点进楼主的动态，看到的是从晒澳门赌场筹码到卖血缴费单。\n"
             "有人把输光积蓄那天称为上岸纪念日，背着几十万赌债。老陈在订婚前夜被工友拉进地下赌场。")
    assert find_sensitive(story) == []
