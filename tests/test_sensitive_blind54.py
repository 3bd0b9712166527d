"""text.sensitive on the blind54 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after the blind53 rules (8 spam pages, 8 decoys: the session's search
allowance ran out), and run once on the round's final code: recall 3/8, one decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind54.txt).

Misses then, taught: a state-owned group renamed 龙8控股集团 whose report calls the General Secretary 席大大, a porn title
(女王调教) over a news agency's interview, a college renamed after a lottery forum (华人策略综合讨论大厅). Still missed: two
soft ads for cashing out credit cards through POS terminals, written as a risk warning and as a service guide. Reported
until round 55: a newspaper's exposé of surrogacy ads in hospital toilets, whose subheading 代孕妈妈的心声 stands on a short
line of a page with one crackdown cue (非法) only; its 陷阱 became a cue of the 违法 category in round 55 (blind454's loan
explainers), and with 小广告 and 非法 the page now holds three."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"54s07", "54s08"}
FALSE_ALARMS: set[str] = set()


def test_the_blind54_rows() -> None:
    assert outcome(ROWS, "blind54") == (STILL_MISSED, FALSE_ALARMS)


def test_a_renamed_group_a_porn_title_and_a_lottery_forum() -> None:
    assert find_sensitive("龙8控股集团党委认真组织党员干部职工收看党的二十大开幕盛况。")
    assert find_sensitive("首页\n\n女王调教女m视频\n\n时间:2025-05-29 16:01:21")
    assert find_sensitive("3月27日，由我院学生会承办的“华人策略综合讨论大厅2015级新生运动会”正式拉开帷幕。")
    # 主席 + 大大方方, a dragon boat numbered 8
    assert find_sensitive("毛主席大大方方地接见了来访的客人。") == []
    assert find_sensitive("龙舟赛上，8号龙8名队员奋力划桨。") == []
