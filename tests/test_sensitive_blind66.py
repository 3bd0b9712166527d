"""text.sensitive on the blind66 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys). First run: see
benchmarks/results/sensitive_real-2026-12-05-blind66.txt. Taught afterwards in round 27; what is still missed is pinned
here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind66_rows() -> None:
    # first run on round 27's code before blind66 was read (79bb248 + blind65's rows): 7/12, one decoy reported.
    # Still missed: a POS seller's 养卡 article that never says 套现, a fake "egg donation compensation policy", a
    # phone-number database's SEO post: nothing in their words is banned, only what they sell
    assert outcome(ROWS, "blind66") == ({"66s13", "66s15", "66s17"}, set())


def test_private_servers_and_hotel_record_lookups() -> None:
    assert find_sensitive("在众多网络游戏私服中，《魔神降临》脱颖而出。这个私服不仅保留了经典传奇游戏的核心魅力。")
    assert find_sensitive("本文将深入剖析如何使用全国宾馆查询系统，帮助您有效地查看酒店开房记录。")
    # a police report on the same trades
    assert find_sensitive("警方依法查处一个架设私服的犯罪团伙，这款私服已被关停。") == []
    assert find_sensitive("警方提醒：网上所谓开房记录查询均涉嫌违法，切勿轻信。") == []


def test_a_law_essay_on_the_surrogacy_black_market() -> None:
    essay = ("2001年卫生部颁布的部门规章严格禁止任何形式的代孕。然而社会中的代孕非但未能绝迹，反而催生出一个异常繁荣的地下市场。"
             "一条看不见的“黑色产业链”已悄然形成。"
             "部分中介机构甚至以提供医疗咨询服务为名，将高端客户引向美国、印度、泰国等海外代孕市场。")
    assert find_sensitive(essay) == []
