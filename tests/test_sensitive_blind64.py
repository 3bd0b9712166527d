"""text.sensitive on the blind64 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys), and run once on round 26's final code
(9f9aa8b): recall 7/12, one decoy reported (benchmarks/results/sensitive_real-2026-12-05-blind64.txt). Not taught: this
pins the first run of the code the round leaves, so that a later change to it shows here.

Missed: 英国正版365官方网站 and 太阳集团欢迎您 standing in for a college's words, 《22彩票878官方版app下载》 inside the word
卫生站, an escort ad (外围女上门 with a WeChat id) in a reworded Xinhua story, a DNF private server's 公告. Reported: a
reposted 三联生活周刊 investigation of surrogacy (a decoy)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome

ROWS = load_rows()


def test_the_blind64_rows() -> None:
    assert outcome(ROWS, "blind64") == ({"64s04", "64s05", "64s08", "64s10", "64s14"}, {"64s06"})
