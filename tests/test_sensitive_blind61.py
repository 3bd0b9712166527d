"""text.sensitive on the blind61 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (11 spam pages, 12 decoys), and run once on round 25's final code:
recall 6/11, no decoy reported (benchmarks/results/sensitive_real-2026-12-05-blind61.txt).

Misses then, taught: a college renamed 澳门新莆京游戏大厅 (游戏大厅 after a casino brand). Still missed: 九游 glued twice into
a scrambled school notice (九游 alone is a legitimate game platform), a site renamed 米乐 and a breadcrumb renamed
开云(中国) (both names of real companies too), and a BT magnet-search ad under a reposted 扫黄打非 bulletin."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind61_rows() -> None:
    assert outcome(ROWS, "blind61") == ({"61s12", "61s14", "61s17", "61s22"}, set())


def test_a_casino_brand_before_game_hall() -> None:
    assert find_sensitive("会后，澳门新莆京游戏大厅高度重视，召开党委会。")
    assert find_sensitive("社区活动中心的游戏大厅今日开放。") == []
