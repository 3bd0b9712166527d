"""text.sensitive on the blind39 rows of benchmarks/data/sensitive_real.jsonl (Chinese pages only, each with its
source), collected by a helper that did not see the checks after the blind37 and blind38 changes, and run once:
recall 10/15, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind39.txt). The misses are
online-casino brands standing alone as a page's title or header (高德娱乐新闻, Bet365亚洲官方网站, 开云网…,
jinnianhui今年会…; 开云, 高德 and 今年会 are also ordinary words) and a lottery tip page's slang (内部资料免费公开).
One was taught later: 亚洲 between a listed brand and 官方 (Bet365亚洲官方网站). Two more in the twenty-second session: a
graduate school's document title that starts with a site's name (开云网博士…, jinnianhui今年会2026年博士…)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome

ROWS = load_rows()
STILL_MISSED = {"39s03", "39s13"}


def test_the_blind39_rows() -> None:
    assert outcome(ROWS, "blind39") == (STILL_MISSED, set())
