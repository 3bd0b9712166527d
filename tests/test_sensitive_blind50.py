"""text.sensitive on the blind50 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks and was asked for spam other than a school's name replaced by a
casino's, and run once before the rules below existed: recall 4/11, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind50.txt).

Misses then, taught: a porn search string without any "watch online" word (精品人妻在线无码, 午夜成人福利剧院), a single
porn search phrase at a page's end (处破女), a private-lottery game's name alone above an invoice page (pc蛋蛋), the jargon
of articles that lure gamblers whose winnings a casino withholds (注单异常, 不给出款), and a surrogacy agency's euphemism
(助孕妈妈). Still missed: links to certificate sellers hidden in a forum post's BBCode ([COLOR=#000000][URL=…]), which is
markup the page text keeps as letters."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"50s05"}


def test_the_blind50_rows() -> None:
    assert outcome(ROWS, "blind50") == (STILL_MISSED, set())


def test_a_porn_search_string_without_a_watch_word() -> None:
    assert find_sensitive("国产精品亚洲综合久久,久久6久久66热这里只是精品,日本免费午夜成人福利剧院,精品人妻在线无码")
    # 久久为功 and a car market's 国产、日本、欧美 are no such string
    assert find_sensitive("坚持久久为功，国产、日本、欧美、日韩品牌同台竞争，午间发布会上公布了新车型。") == []


def test_lures_of_withheld_casino_winnings_and_a_surrogacy_euphemism() -> None:
    assert find_sensitive("永利皇宫注单异常审核不给提现怎么解决？5步维权指南助你快速拿回资金")
    assert find_sensitive("1、配对助孕妈妈。找助孕妈妈也要看好时机，大多数准父母根本不知道什么时候开始找。")
    # a police warning names the jargon to warn against it
    assert find_sensitive("公安机关提醒：警惕网络赌博平台以“注单异常”为由拒付，参与网络赌博违法。") == []
