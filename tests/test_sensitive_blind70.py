"""text.sensitive on the blind70 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind70.txt.
Taught afterwards in round 28; what is still missed is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind70_rows() -> None:
    # first run on round 27's final code: 4/12, one decoy reported (a fact-check of a "迷药" story). Still missed: soft
    # articles whose words are all ordinary (a detective agency's story, a loan broker's, a "劝退小三" service, a degree
    # fixer's, a warning-style page under a drug's search words, a blog with SEO anchor words)
    missed = {"70s07", "70s09", "70s11", "70s13", "70s15", "70s17", "70s19"}
    assert outcome(ROWS, "blind70") == (missed, set())


def test_a_casino_brand_with_live_dealers() -> None:
    assert find_sensitive("男子网售火柴枪涉非法买卖枪支被公诉，二审维持原判-九游会真人第一品牌游戏合营")
    assert find_sensitive("九游手机游戏平台上线新版本。") == []


def test_a_victim_story_that_names_a_drug() -> None:
    story = ("小翠被迷药迷倒的说法哪里来的？小翠说只是晕眩。\n"
             "东新派出所证实已接到小翠的报案，案件正在侦查中。")
    assert find_sensitive(story) == []
