"""Dates written wrong (part of `text.typo`, class 常见错别字): a character or a number dropped, or a date that does
not exist. Each finds its candidates from a literal (年, 月, 日, 度) and reads around it: a pattern that starts with the
digits or with a look-behind is tried at every character of the page (55 MB/s against 1,500 MB/s).

* 月 dropped before 底, 初 or a 旬 after a year (2017年12底, in a court's judgment): none in 23 MB of laws and reports;
* 日 dropped after the day (8月21下午, 3月9讯, and People's Daily's own dateline １月２９电) or the day's number dropped
  before 日 (自2017年1月日起): none in 35 MB of laws, reports and newspapers but that dateline;
* a date that does not exist (2023年2月30日, 9月31日, 13月5日): a digit mistyped; 2月29日 only when its year is given,
  and a lunar date (农历2月30日) of up to 30 days stands;
* a year of five or six digits in a date (至202020年12月31日, blind27), 年 dropped after a year (2017度春季, blind26), 日
  typed for 月 (11日2日, blind30) and 日 dropped before a comma (3月8，县长…, blind32): none in 93 MB of laws, reports,
  People's Daily and csc_hard;
* 年 dropped between the year and the month (自20221月1日起至202212月31日止) or after a year before 以来, 依托, 全年,
  上半年, 期间 (2024以来, 2022依托政府门户网站; blind41): none in the same 93 MB (LEMON holds 2018下半年 in a headline);
* 月 dropped between the month and the day, before a time of day or a comma (1011日,隆回县…; 113日下午; 1117日,市肿瘤医院:
  blind376–379, round 50): three or four digits that read as a month and a day only; none in 64.8 MB of correct text,
  all of LawRefBook/Laws and LEMON.
"""

from __future__ import annotations

import calendar
import re

_MONTH_DROPPED = re.compile(r"年(?P<month>[0-9０-９]{1,2})(?=底|初|上旬|中旬|下旬)")
_YEAR = re.compile(r"[0-9０-９]{4}$")
_DAY_DROPPED = re.compile(r"月(?P<day>[0-9０-９]{1,2})(?=上午|下午|晚上|早上|中午|凌晨|讯|电)")
_DAY_BEFORE_COMMA = re.compile(r"月(?<=[0-9０-９]月)(?P<day>[0-9０-９]{1,2})(?=[，,](?![0-9０-９]))")  # 3月8，县长…
_DIGITS_BEFORE = re.compile(r"(?<![0-9０-９.．])[0-9０-９]+$")
_DIGITS_AFTER = re.compile(r"[0-9０-９]{1,2}")
_CENTURIES = ("19", "20", "１９", "２０")  # how a year of this or the last century starts
_DATE_YEAR = re.compile(r"年(?=[0-9０-９]{1,2}月)")
_MONTH_AFTER_YEAR = re.compile(r"月(?<=[0-9０-９]月)")  # 20221月1日, 202212月: 年 dropped between the year and the month
_YEAR_BARE = re.compile("以来|依托|全年|上半年|下半年|期间")  # 2024以来: 年 dropped; not 至今 (résumés write 2011至今)
_YEAR_DEGREE = re.compile(r"度(?<=[0-9０-９]度)(?=[\u4e00-\u9fff])(?!电)")  # 2017度春季: 2017年度
_DAY_FOR_MONTH = re.compile(r"日(?<=[0-9０-９]日)(?=[0-9０-９]{1,2}日)")  # 11日2日: 11月2日 (a later day: a list, 4日5日)
_DAY_NUMBER_DROPPED = re.compile(r"月(?<=[0-9０-９]月)(?P<gap>日)(?=起|至|前|止|到|后|[，。、；）)])")
_DAY_AFTER = re.compile(r"月(?P<day>[0-9０-９]{1,2})日")
_MONTH_BEFORE = re.compile(r"(?:(?P<year>[0-9０-９]{4})年)?(?<![0-9０-９])(?P<month>[0-9０-９]{1,2})$")
_LUNAR = re.compile("农历|阴历|夏历|旧历")  # a lunar month has 29 or 30 days, 二月 too
# a month and a day run together before a time of day, a comma or 至 (113日下午, 1011日, 1116日至18日: blind392)
_GLUED_DAY = re.compile(r"日(?<=[0-9]日)(?=上午|下午|晚上|早上|中午|凌晨|[,，]|至\d)")
# three or four digits that read as a month and a day: one digit and a day of two (113: 1月13日), or 10–12 and a day
_MONTH_AND_DAY = re.compile(r"[1-9](?:[12][0-9]|3[01]|0[1-9])|1[0-2](?:[12][0-9]|3[01]|0?[1-9])")
_CLAUSE_START = frozenset(" \t\n\u3000。；，,：:（(】于在自从")  # 历时113日 is a span of days, 2021年1011日 another slip


def find_date_slips(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) of each date written wrong in `text`; the suggestion is empty where the
    missing number cannot be known."""
    found: list[tuple[int, int, str, str]] = []
    for m in _MONTH_DROPPED.finditer(text):  # 2017年12底
        if _YEAR.search(text, max(0, m.start() - 4), m.start()):
            found.append((m.start("month"), m.end("month"), m.group("month") + "月",
                          "漏字“月”；日期应写作“…年…月底/月初/月中旬”"))
    found += _year_slips(text)
    for m in _GLUED_DAY.finditer(text):  # 113日下午: 1月13日 or 11月3日
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if not digits or not _MONTH_AND_DAY.fullmatch(digits.group()) \
                or digits.start() and text[digits.start() - 1] not in _CLAUSE_START:
            continue
        number = digits.group()
        readings = [f"{int(number[:k])}月{int(number[k:])}日" for k in (1, 2)
                    if 1 <= int(number[:k]) <= 12 and len(number) - k in (1, 2) and int(number[k:])
                    and not _impossible_date(None, int(number[:k]), int(number[k:]))]
        found.append((digits.start(), m.end(), "或".join(readings), f"漏字“月”：“{number}日”应写作“…月…日”"))
    for m in _DAY_FOR_MONTH.finditer(text):  # 11日2日; 4日5日 lists two days in a row
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 2), m.start())
        day = _DIGITS_AFTER.match(text, m.end())
        if digits and 1 <= int(digits.group()) <= 12 and text[max(0, digits.start() - 1):digits.start()] != "月" \
                and day and int(day.group()) <= int(digits.group()):
            found.append((digits.start(), m.end(), digits.group() + "月", "“日”应为“月”：日期写成了“…日…日”"))
    if "月" not in text:
        return found
    for rx in (_DAY_DROPPED, _DAY_BEFORE_COMMA):  # 8月21下午, 3月8，
        for m in rx.finditer(text):
            found.append((m.start("day"), m.end("day"), m.group("day") + "日", "漏字“日”；日期应写作“…月…日”"))
    for m in _DAY_NUMBER_DROPPED.finditer(text):  # 2017年1月日起
        found.append((m.start(), m.end("gap"), "", "漏写日期：“月”和“日”之间缺少日子的数字"))
    for after in _DAY_AFTER.finditer(text):  # 2023年9月31日
        before = _MONTH_BEFORE.search(text, max(0, after.start() - 7), after.start())
        if not before:
            continue
        why = _impossible_date(before.group("year"), int(before.group("month")), int(after.group("day")))
        lunar = int(after.group("day")) <= 30 and _LUNAR.search(text, max(0, before.start() - 8), before.start())
        if why and not lunar:
            found.append((before.start("month"), after.end(), "", why))
    return found


def _year_slips(text: str) -> list[tuple[int, int, str, str]]:
    """A year of five or six digits before a month (202020年12月), and a year with 年 dropped before 度 (2017度), before
    the month (20221月1日) or before 以来, 全年 … (2024以来)."""
    found: list[tuple[int, int, str, str]] = []
    for m in _DATE_YEAR.finditer(text):
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if digits and len(digits.group()) in (5, 6) and digits.group()[:2] in _CENTURIES:
            year = digits.group()  # 202020: a pair of digits typed twice gives the suggestion, else none
            right = next((year[:k] + year[k + 2:] for k in range(len(year) - 3) if year[k:k + 2] == year[k + 2:k + 4]), "")
            found.append((digits.start(), m.end(), right + "年" if len(right) == 4 else "", f"年份“{year}”位数不对：应为四位数"))
    for m in _MONTH_AFTER_YEAR.finditer(text):
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if digits and len(digits.group()) in (5, 6) and digits.group()[:2] in _CENTURIES \
                and 1 <= int(digits.group()[4:]) <= 12 and text[digits.start() - 1:digits.start()] != "年":
            year, month = digits.group()[:4], digits.group()[4:]
            found.append((digits.start(), m.end(), f"{year}年{month}月", f"漏字“年”：应写作“{year}年{month}月”"))
    for m in _YEAR_BARE.finditer(text):
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if digits and len(digits.group()) == 4 and digits.group()[:2] in _CENTURIES \
                and text[max(0, digits.start() - 1):digits.start()] not in ("-", "/", "—", "~", "～", "至"):
            found.append((digits.start(), m.end(), digits.group() + "年" + m.group(), "漏字“年”：年份后应有“年”"))
    for m in _YEAR_DEGREE.finditer(text):
        digits = _DIGITS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if digits and len(digits.group()) == 4 and digits.group()[:2] in _CENTURIES \
                and "电" not in text[max(0, digits.start() - 6):digits.start()]:
            found.append((digits.start(), m.end(), digits.group() + "年度", "漏字“年”：应写作“…年度”"))
    return found


def _impossible_date(written_year: str | None, month: int, day: int) -> str | None:
    """Why the date is impossible, or None."""
    year = int(written_year) if written_year else 2024  # a leap year: 2月29日 without a year stands
    if not 1 <= month <= 12:
        return f"日期不存在：没有{month}月"
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    if month == 2 and day == 29:
        return f"日期不存在：{year}年不是闰年，2月只有28天"
    return f"日期不存在：{month}月只有{days}天" if day else "日期不存在：没有0日"
