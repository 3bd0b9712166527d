"""text.sensitive on the blind71 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind71.txt.
Taught afterwards in round 28; what is still missed, and the one decoy still reported, are pinned here so that a change
shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind71_rows() -> None:
    # first run on round 28's code at f7ac570: 5/12, two decoys reported. Still missed: Taiwanese SEO pages for
    # prescription sex drugs written as a doctor's advice (艾力達, 必利勁, 犀利士, 夢巴黎), a private server's sponsorship
    # page (私人伺服器), a 传奇 article with a QQ number. Still reported: a Taiwan court's ruling dated 中華民國112年 (the
    # calendar of the Republic after 1949, which a mainland portal must not use; kept on purpose)
    missed = {"71s01", "71s10", "71s11", "71s18", "71s23", "71s24"}
    assert outcome(ROWS, "blind71") == (missed, {"71s15"})


def test_a_casino_brand_holds_the_schools_meeting() -> None:
    assert find_sensitive("3月8日下午，皇冠体育生殖医学国家重点实验室举办了研讨会。")
    assert find_sensitive("皇冠体育举办中国出生队列联盟筹备研讨会")
    assert find_sensitive("皇冠体育馆举办全市乒乓球比赛。") == []


def test_a_reporter_visits_the_agencies() -> None:
    story = "并开展从借卵到代孕的一条龙中文服务。《报导者》团队前往加州，采访生殖诊所与捐卵、代孕机构。"
    assert find_sensitive(story) == []
