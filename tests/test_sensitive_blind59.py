"""text.sensitive on the blind59 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks until the search allowance ran out (12 spam pages, 13 decoys), and
run once on round 24's final code: recall 8/12, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind59.txt).

Misses then, taught: a state-owned group renamed 永利首页(上海)集团有限公司网站, a college renamed 新浦京澳官网游戏最新版
(新浦京 for 新葡京), Mark Six SEO text (新澳門2025年正版免費公開). Still missed: a block of forty county names glued to a
mirrored news page, an SEO list with no spam word in it."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind59_rows() -> None:
    assert outcome(ROWS, "blind59") == ({"59s11"}, set())


def test_casino_homepages_a_look_alike_brand_and_mark_six_seo() -> None:
    assert find_sensitive("7月25日下午，永利首页(上海)集团有限公司网站召开党委理论学习中心组学习会。")
    assert find_sensitive("5月11日至12日，新浦京澳官网游戏最新版第45届田径运动会隆重举行。")
    assert find_sensitive("如何获取新澳门2025年正版免费公开资料？本文为您详细解读。")
    # a company's homepage; Macau's new look
    assert find_sensitive("欢迎访问永利电子有限公司首页。") == []
    assert find_sensitive("回归以来，新澳门展现新气象。") == []
