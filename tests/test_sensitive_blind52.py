"""text.sensitive on the blind52 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after the blind51 rules (5 spam pages: it found no more in its time,
15 decoys), and run once before the rules below existed: recall 2/5, one decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind52.txt).

Misses then, taught: state-owned groups' and firms' news with their name replaced by a betting brand (亚星游戏官网集团,
710公海赌赌船, 贵州九游会). The decoy, a Ministry of Culture crackdown on gambling arcades converted to traditional script
with the pinyin of every character left in brackets (場(chǎng)), was read as a repeated Latin-letter site name (ng游藝娛樂);
a toned pinyin letter now ends such a name."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED: set[str] = set()


def test_the_blind52_rows() -> None:
    assert outcome(ROWS, "blind52") == (STILL_MISSED, set())


def test_betting_brands_for_a_company_name() -> None:
    assert find_sensitive("根据《亚星游戏官网集团安全生产大检查实施方案》，集团公司副总经理带队开展节前安全生产大检查。")
    assert find_sensitive("连日来，710公海赌赌船安委会组织对集团各重点项目进行了“全覆盖”安全检查。")
    assert find_sensitive("10月28日，贵州九游会积极响应高新区创业服务中心号召，参与精准扶贫工作。")
    # a bus maker, a game platform's members
    assert find_sensitive("亚星客车集团召开安全生产工作会议。") == []
    assert find_sensitive("九游会员中心上线新版本。") == []


def test_pinyin_left_after_each_character_is_no_site_name() -> None:
    text = ("為嚴(yán)厲打擊游藝娛樂(lè)場(chǎng)所賭博行為，文化部將整治涉賭游藝娛樂(lè)場(chǎng)所，"
            "嚴(yán)查游藝娛樂(lè)場(chǎng)所違規(guī)游戲游藝設(shè)備。")
    assert find_sensitive(text) == []
