"""text.sensitive on the blind58 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (13 spam pages, 13 decoys), and run once on round 24's final code:
recall 8/13, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind58.txt).

Misses then, taught: a city government's meeting column with the city renamed after bet365 look-alikes (best365网页版登录
_Bets365), a paper's author affiliation renamed after the brand 尊龙凯时. Still missed: offshore-company registration
ads spliced into a reposted article (注冊盧森堡公司), a state-owned group's news reworded on a gambling-style domain with
no spam word in it, and one porn term (亚洲无码一二) after a CDC news item's footer."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"58s02", "58s04"}  # 58s10 (亚洲无码 at a page's foot) found since round 30's porn-menu words


def test_the_blind58_rows() -> None:
    assert outcome(ROWS, "blind58") == (STILL_MISSED, set())


def test_bet365_look_alikes_and_a_brand_in_an_affiliation() -> None:
    assert find_sensitive("会议地点:best365网页版登录_Bets365_36365快速检测中心人民政府")
    assert find_sensitive("作者程永宏，北京尊龙凯时AG娱乐平台招商官方网站公共管理学院副教授。")
    # the actor 尊龙; a best-practice phrase in English
    assert find_sensitive("演员尊龙主演的《末代皇帝》在京重映。") == []
    assert find_sensitive("The best 365 days of the year, said the mayor.") == []
