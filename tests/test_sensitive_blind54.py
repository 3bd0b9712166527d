"""text.sensitive on the blind54 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after the blind53 rules (8 spam pages, 8 decoys: the session's search
allowance ran out), and run once on the round's final code: recall 3/8, one decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind54.txt). Not taught: the rows pin what the check does with them
today. Missed: a state-owned group renamed 龙8控股集团, a porn title over a news agency's interview, a college renamed
after a lottery forum (华人策略综合讨论大厅), two soft ads for cashing out credit cards through POS terminals. Reported:
a newspaper's exposé of surrogacy ads in hospital toilets, whose subheading 代孕妈妈的心声 stands on a short line of a page
with one crackdown cue (非法) only."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome

ROWS = load_rows()
MISSED = {"54s04", "54s05", "54s06", "54s07", "54s08"}
FALSE_ALARMS = {"54s18"}


def test_the_blind54_rows_as_measured() -> None:
    assert outcome(ROWS, "blind54") == (MISSED, FALSE_ALARMS)
