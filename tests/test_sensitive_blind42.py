"""text.sensitive on the blind42 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks after all of the twenty-first session's
changes up to the blind41 ones, and run once before the rules below existed: recall 6/15, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind42.txt).

Misses then, taught: a casino brand before 集团官网 (云顶集团官网), 博彩娱乐平台 and 彩票开户 as injected titles, a fake Macau
"official document" announcing tonight's private-lottery draw (新澳今晚上9点30开奖), diplomas sold (毕业证购买, 微/Q),
a knock-out drug ad (迷催药). Still missed: a fake-invoice ad that writes no listed word (哪里有开增值税普通发票 with a
disguised QQ number), a surrogacy ad with the word itself removed, a spider-pool page's lottery-site prefix."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
# 42s04 (an invoice ad whose mobile is split by 电 and 嶶, its 3s written as Cyrillic З) is found since round 41
STILL_MISSED = {"42s14", "42s22"}


def test_the_blind42_rows() -> None:
    assert outcome(ROWS, "blind42") == (STILL_MISSED, set())


def test_private_lottery_and_lottery_accounts_but_not_the_welfare_lottery() -> None:
    assert find_sensitive("主 题:新澳今晚上9点30开奖结果查询 | 正确解答落实")
    assert find_sensitive("9号彩票开户\n关注微信 | 微博 | RSS订阅")
    assert find_sensitive("双色球第2024001期今晚开奖，中国福利彩票发行管理中心公布开奖结果。") == []
    assert find_sensitive("新澳两国领导人今天举行会谈，就经贸合作交换意见。") == []
