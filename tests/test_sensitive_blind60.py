"""text.sensitive on the blind60 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys), and run once on round 25's final code:
recall 4/12, no decoy reported (benchmarks/results/sensitive_real-2026-12-05-blind60.txt).

Misses then, taught: Fun88app官网 and 亚博全站app官网 in reposted news, a college renamed 雷火竞技官网/雷火电竞平台, private
game server sites (天龙sf, 魔域SF), a fertility agency's 全球试管孕助, Mark Six SEO text (2024澳门四不像图). Still missed:
草榴 inserted in a sentence that also warns of fake diplomas (its 防止 excuses the sentence), and a private-server site
built on a prosecutor's news story (the page's crackdown cues excuse it)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind60_rows() -> None:
    assert outcome(ROWS, "blind60") == ({"60s01", "60s12"}, set())


def test_betting_brands_private_servers_and_mark_six_terms() -> None:
    assert find_sensitive("案例推荐工作将经过案例征集初选Fun88app官网、专家评审等过程。")
    assert find_sensitive("10月11日，我校雷火竞技官网处长到兄弟院校学习考察。")
    assert find_sensitive("深夜登录天龙sf，找回当年的江湖。")
    assert find_sensitive("本文为您解读2024澳门四不像图的最新内容。")
    assert find_sensitive("草榴最新地址发布。")
    # a game's official server; the elk called 四不像; a fire drill
    assert find_sensitive("《天龙八部》官方服务器今日开放新区。") == []
    assert find_sensitive("南海子麋鹿苑的四不像迎来新生幼崽。") == []
    assert find_sensitive("消防队员在雷火中完成救援演练。") == []
