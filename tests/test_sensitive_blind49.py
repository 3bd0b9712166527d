"""text.sensitive on the blind49 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after the blind48 rules, and run once before the rules below existed:
recall 3/15, two decoys reported (benchmarks/results/sensitive_real-2026-12-04-blind49.txt).

Misses then, taught: school and university names replaced by betting sites written in new ways: a lower-case or numbered
Latin name before a meeting's place (william威廉中文在海滨校区礼堂, 伟德国际victor1946在学院325学术报告厅), digits before a
casino's name (9728太阳集团), a casino's name before letters and digits (银河yh8858com), 新葡的京, 294俄罗斯登陆官方,
MK体育官網, 欢乐娱人城, 十大菠菜台子, 欧博官网. The decoys, a radio site's rebuttal of the "drugged soap" rumour and a court
report on a void surrogacy contract, now have the cues of their category (谣言, 辟谣; 法院, 公序良俗). bwin必赢, put for a
college's name with no make-up after it, was missed until round 25's bare brands (three times on a page, once where an
institution acts)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED: set[str] = set()


def test_the_blind49_rows() -> None:
    assert outcome(ROWS, "blind49") == (STILL_MISSED, set())


def test_a_site_name_before_a_meeting_place_but_not_a_guest_speaker() -> None:
    assert find_sensitive("3月10日下午，william威廉中文在海滨校区礼堂举行“悦动青春”师生运动启动仪式。")
    assert find_sensitive("3月18日上午，伟德国际victor1946在学院325学术报告厅召开教职工大会。")
    # a foreign expert's name before the lecture hall is a person, not a site
    assert find_sensitive("3月18日上午，外籍专家Smith在学术报告厅作了题为“海洋工程前沿”的报告。") == []


def test_numbered_casino_names() -> None:
    assert find_sensitive("9月20日上午，9728太阳集团于我校东校区清源楼会议室召开党政联席会议。")
    assert find_sensitive("11月11日中午，银河yh8858com工商第三学生党支部于博苑广场举办主题党日活动。")
    assert find_sensitive("金秋送爽，9月4日，294俄罗斯登陆官方迎来了新学期的开学典礼。")
    # a year before a resort's name is news (the 2019 MGM results), not a site number
    assert find_sensitive("美高梅中国公布2019年业绩，美高梅路氹收入增长。") == []
