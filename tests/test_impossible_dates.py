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
