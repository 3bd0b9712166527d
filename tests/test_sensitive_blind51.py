"""text.sensitive on the blind51 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks, asked for spam inside otherwise normal pages other than the kinds of
the batches before, and run once after the blind50 rules: recall 4/15 (two of the four by blind50's 注单异常), no decoy
reported (benchmarks/results/sensitive_real-2026-12-04-blind51.txt).

Misses then, taught: betting brands as a company site's name or byline (爱游戏ayx官网app手机版, 金沙手机网投app), a
chess-and-card site inserted between table rows (开元棋app官网进入), a one-to-three-letter sports site before "sports" or
"网页版" (战术安b体育sports排, OD体育网页版), a casino's name with digits at a line's end, before the next line's year
(澳门新葡萄新京6663 / 2024年…), a private lottery's predicted Mark Six numbers with the special number (021期10-03-40-
06-39-20 T:39), the gamblers' plea that a site "被黑" and will not "出款", and a 传奇 private-server portal dressed as a
paper. Still missed: a fertility article that steers readers to back-street egg donors without any word of the trade,
and a generic page on withheld payouts that never names gambling."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"51s10", "51s15"}


def test_the_blind51_rows() -> None:
    assert outcome(ROWS, "blind51") == (STILL_MISSED, set())


def test_betting_brands_in_a_byline_and_a_table() -> None:
    assert find_sensitive("专栏号作者 坤鹏论\n金沙手机网投app\n2019-04-24 11:20")
    assert find_sensitive("英雄联盟职业联赛 | 腾竞体育 | 2013年\n开元棋app官网进入\n王者荣耀职业联赛 | 腾竞体育 | 2016年")
    assert find_sensitive("文章摘要:足球赛事直播中,首发名单体现了主教练的战术安b体育sports排。")
    assert find_sensitive("澳门新葡萄新京6663\n\n2024年闰年,“数九”时间表来了")
    # a sports video platform and a year after a casino's name are news
    assert find_sensitive("PP体育网页版直播中超联赛。") == []
    assert find_sensitive("威尼斯2023双年展开幕。") == []


def test_mark_six_predictions_but_not_lottery_draws() -> None:
    assert find_sensitive("澳门最精准真正精准大金021期10-03-40-06-39-20 T:39")
    assert find_sensitive("双色球第2023001期开奖号码：03-07-12-18-25-33+09，一等奖5注。") == []


def test_withheld_payout_pleas() -> None:
    assert find_sensitive("遇到网络游戏平台被黑或资金无法出款的情况，应该怎么办呢？")
    assert find_sensitive("公安机关提醒：警惕网络赌博平台被黑不给出款的骗局，切勿参赌。") == []
