"""text.sensitive on the blind74 rows of benchmarks/data/sensitive_real.jsonl (real pages' markup, each with its source),
collected by a helper that did not see the checks and ran out of searches early (9 spam rows, 12 decoys that hide
legitimate content: report dialogs listing "色情低俗" and "赌博诈骗", tab panels, share fields, submenus). First run:
see benchmarks/results/sensitive_real-2026-12-05-blind74.txt; nothing was taught from it."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome

ROWS = load_rows()


def test_the_blind74_rows() -> None:
    # first run on round 28's code at 4c73b63: 8/9, no decoy reported. Missed: a script (no page around it) that
    # hides a car site's own ad slots and inserts a betting banner for visitors of some provinces
    assert outcome(ROWS, "blind74") == ({"74s17"}, set())
