"""The seeds' worked examples rebuilt by hand with the pure scoring core (assessment.scoring)."""

from datetime import date
from decimal import Decimal as D

import pytest

from assessment.schemes import load_scheme
from assessment.scoring import BonusIn, EventIn, Quarter, UnitIn, compute_sheet

Q3, Q4 = Quarter(2024, 3), Quarter(2024, 4)
_ids = iter(range(1, 100_000))


def ev(unit: str, check: str, points, category: str, subject: str = "", period: str = "2024Q3", **kw) -> EventIn:
    n = next(_ids)
    return EventIn(id=n, unit=unit, period=period, check=check, category=category, points=D(points),
                   subject_key=subject or f"s{n}", subject=subject or f"s{n}", **kw)


def units(*slugs: str, kind: str = "department") -> list[UnitIn]:
    return [UnitIn(s, s, kind) for s in slugs]


def test_quarter_parse_and_bounds() -> None:
    q = Quarter.parse("2024q3")
    assert (str(q), q.start, q.end) == ("2024Q3", date(2024, 7, 1), date(2024, 9, 30))
    assert Quarter(2024, 4).end == date(2024, 12, 31)
    assert [str(x) for x in q.year_so_far()] == ["2024Q1", "2024Q2", "2024Q3"]
    with pytest.raises(ValueError, match="2024Q3"):
        Quarter.parse("2024-3")


# --- seed 004 云和 -------------------------------------------------------------------------------

def test_yunhe_category_cap_and_no_double_deduction() -> None:
    """13 columns reported by the province (3 points each = 39) stop at 平台建设's cap of 35; the same
    column stale and blank is deducted once."""
    scheme = load_scheme("yunhe-2022")
    events = [ev("a", "column.stale", 3, "platform", f"column:{i}") for i in range(13)]
    events.append(ev("a", "column.blank", 3, "platform", "column:0"))  # same column as a stale one
    events += [ev("b", "column.stale", 1, "platform", "column:x"), ev("b", "column.blank", 1, "platform", "column:x"),
               ev("b", "annual_report.format", 2, "oversight"), ev("b", "annual_report.format", 2, "oversight")]
    sheet = compute_sheet(scheme, Q3, units("a", "b"), events)
    a, b = sheet.unit("a"), sheet.unit("b")
    assert a.categories == {"active": 0, "request": 0, "platform": 35, "oversight": 0}
    assert a.total == 65
    assert [line.kind for line in a.lines].count("duplicate") == 1
    assert any(line.kind == "category_cap" and "39" in line.text for line in a.lines)
    assert b.categories["platform"] == 1 and b.categories["oversight"] == 4
    assert b.total == 95
    assert (b.rank, a.rank) == (1, 2)
    assert a.grade is None  # 云和 sets no grade bands


def test_yunhe_bonus_caps_and_ceiling() -> None:
    """工作亮点: 中国政府网 10 + 省门户 5 (同时录用取最高10) + 2 种解读方式 × 2 → bonus cap 10; 0 deducted
    + 10 bonus = 110 → 100; a unit with 4 deducted and 10 bonus gets 100 too (104 → 100)."""
    scheme = load_scheme("yunhe-2022")
    bonuses = [BonusIn("a", "gov-cn", D(10)), BonusIn("a", "zj-portal", D(5)), BonusIn("a", "zj-portal", D(5)),
               BonusIn("a", "zj-portal", D(5)), BonusIn("a", "interpretation-forms", D(4)),
               BonusIn("b", "interpretation-forms", D(2)), BonusIn("c", "gov-cn", D(10))]
    events = [ev("b", "column.stale", 1, "platform"), ev("c", "annual_report.late", 5, "oversight")]
    sheet = compute_sheet(scheme, Q3, units("a", "b", "c"), events, bonuses=bonuses)
    a, b, c = sheet.unit("a"), sheet.unit("b"), sheet.unit("c")
    # zj-portal 15 → its own cap 10; 10 + 10 + 4 = 24 → bonus cap 10
    assert a.bonus == 10 and a.uncapped == 110 and a.total == 100
    assert [line.kind for line in a.lines].count("bonus_cap") == 2
    assert any(line.kind == "ceiling" for line in a.lines)
    assert (b.bonus, b.uncapped, b.total) == (2, 101, 100)
    assert (c.total, c.uncapped) == (100, 105)


def test_yunhe_rank_deductions_in_q4() -> None:
    """全年日常预警通报问题总数排名前三的，从高到低依次扣3分、2分、1分: counts 6, 4, 4, 1, 0 over the
    year → 3, 2, 2 (tied), nothing for the fourth (its position is 4th); ranked only on the Q4 sheet."""
    scheme = load_scheme("yunhe-2022")
    counts = {"a": 6, "b": 4, "c": 4, "d": 1, "e": 0}
    year = [ev(u, "link.broken", 1, "platform", period=f"2024Q{1 + i % 4}") for u, n in counts.items() for i in range(n)]
    q4 = [e for e in year if e.period == "2024Q4"]
    sheet = compute_sheet(scheme, Q4, units(*counts), q4, year_events=year)
    rank_points = {s.unit.slug: sum(line.points for line in s.lines if line.kind == "rank") for s in sheet.units}
    assert rank_points == {"a": 3, "b": 2, "c": 2, "d": 0, "e": 0}
    a = sheet.unit("a")
    assert a.categories["platform"] == len([e for e in q4 if e.unit == "a"]) + 3
    q3 = [e for e in year if e.period == "2024Q3"]
    sheet_q3 = compute_sheet(scheme, Q3, units(*counts), q3, year_events=[e for e in year if e.period <= "2024Q3"])
    assert not any(line.kind == "rank" for s in sheet_q3.units for line in s.lines)


def test_yunhe_late_rectification() -> None:
    """整改不及时的，每次扣1分: deadline 15 days after the finding (a scheme setting)."""
    scheme = load_scheme("yunhe-2022")
    found = date(2024, 7, 1)
    events = [
        ev("a", "column.stale", 1, "platform", first_as_of=found, rectified_on=date(2024, 7, 16)),  # on the deadline
        ev("a", "column.stale", 1, "platform", first_as_of=found, rectified_on=date(2024, 7, 17)),  # a day late
        ev("a", "column.stale", 1, "platform", first_as_of=date(2024, 9, 20)),  # open, deadline after quarter end
        ev("a", "column.stale", 1, "platform", first_as_of=found),  # still open at quarter end
        ev("a", "annual_report.format", 2, "oversight", first_as_of=found),  # not a rectification check
    ]
    sheet = compute_sheet(scheme, Q3, units("a"), events)
    late = [line for line in sheet.unit("a").lines if line.kind == "late"]
    assert [line.event_id for line in late] == [events[1].id, events[3].id]
    assert sheet.unit("a").categories["platform"] == 4 + 2
    # judged mid-quarter, the open one is not late yet
    mid = compute_sheet(scheme, Q3, units("a"), events, as_of=date(2024, 7, 10))
    assert [line.kind for line in mid.unit("a").lines].count("late") == 1


def test_yunhe_units_without_new_media_get_the_average() -> None:
    scheme = load_scheme("yunhe-2022")
    us = [UnitIn("a", "a", "department"), UnitIn("b", "b", "department"), UnitIn("c", "c", "department", False)]
    events = [ev("a", "newmedia.stale", 1, "platform"), ev("a", "newmedia.stale", 1, "platform"),
              ev("b", "newmedia.stale", 1, "platform")]
    c = compute_sheet(scheme, Q3, us, events).unit("c")
    assert [(line.kind, line.points) for line in c.lines] == [("average", D("1.50"))]
    assert c.total == D("98.50")


def test_yunhe_typo_veto_over_the_year() -> None:
    """一票否决4: 年度新增严重低级表述错误累计超过3处 — the fourth typo of the year vetoes."""
    scheme = load_scheme("yunhe-2022")
    year = [ev("a", "text.typo", 1, "platform", period=p) for p in ("2024Q1", "2024Q2", "2024Q3")]
    three = compute_sheet(scheme, Q3, units("a", "b"), year[2:], year_events=year).unit("a")
    assert three.vetoes == []
    year.append(ev("a", "text.typo", 1, "platform"))
    sheet = compute_sheet(scheme, Q3, units("a", "b"), year[2:], year_events=year)
    four = sheet.unit("a")
    assert four.vetoes == ["年度新增严重低级表述错误累计超过3处"]
    assert four.total == 98  # veto_total: keep — the score stays, the veto is marked
    assert (four.rank, sheet.unit("b").rank) == (2, 1)


# --- seed 002 金昌 -------------------------------------------------------------------------------

@pytest.mark.parametrize(("deducted", "grade"), [
    ("0", "优秀"), ("10", "优秀"), ("10.01", "良好"), ("20", "良好"), ("20.5", "合格"), ("40", "合格"), ("40.01", "不合格"),
])
def test_jinchang_grade_bands(deducted: str, grade: str) -> None:
    """优秀 ≥90, 良好 80–90 (不含90), 合格 60–80 (不含80), 不合格 <60."""
    scheme = load_scheme("jinchang-2022")
    sheet = compute_sheet(scheme, Q3, units("a"), [ev("a", "text.typo", deducted, "incident")] if deducted != "0" else [])
    assert sheet.unit("a").grade == grade


def test_jinchang_serious_incidents_bonus_and_tie_break() -> None:
    """Two serious incidents (5 and 8 points, 第十四条) from 100; +2 +1 bonus; 100-point ceiling with
    相同得分下排名靠前 for the unit whose uncapped total is higher."""
    scheme = load_scheme("jinchang-2022")
    events = [ev("a", "text.privacy", 5, "incident"), ev("a", "text.sensitive", 8, "incident"),
              ev("c", "column.stale", 1, "platform")]
    bonuses = [BonusIn("a", "commended", D(2)), BonusIn("a", "media-report", D(1)),
               BonusIn("b", "commended", D(2)), BonusIn("c", "commended", D(2)), BonusIn("c", "commended", D(2))]
    sheet = compute_sheet(scheme, Q3, units("a", "b", "c"), events, bonuses=bonuses)
    a, b, c = sheet.unit("a"), sheet.unit("b"), sheet.unit("c")
    assert (a.categories["incident"], a.bonus, a.total, a.grade) == (13, 3, 90, "优秀")
    assert (b.uncapped, b.total, c.uncapped, c.total) == (102, 100, 103, 100)
    assert (c.rank, b.rank, a.rank) == (1, 2, 3)


def test_jinchang_vetoes_force_fail() -> None:
    """新媒体 2 weeks silent ⇒ 不合格; ≥5 stale news/notice/policy columns (or ≥10 of any kind); ≥5 blank;
    unreachable on ≥5% of probes."""
    scheme = load_scheme("jinchang-2022")
    events = [ev("media", "newmedia.stale", 1, "platform")]
    kinds = ["news", "notice", "policy", "personnel", "planning"]
    events += [ev("stale4", "column.stale", 1, "platform", f"column:{i}", column_category=kinds[i]) for i in range(5)]
    events += [ev("stale5", "column.stale", 1, "platform", f"column:{i}", column_category=kinds[i % 3])
               for i in range(5)]
    events += [ev("stale10", "column.stale", 1, "platform", f"column:{i}", column_category="planning")
               for i in range(10)]
    events += [ev("blank5", "column.blank", 1, "platform", f"column:{i}") for i in range(5)]
    events += [ev("down4", "site.unreachable", 1, "platform", evidence={"share": 0.049})]
    events += [ev("down5", "site.unreachable", 1, "platform", evidence={"share": 0.05})]
    sheet = compute_sheet(scheme, Q3, units("media", "stale4", "stale5", "stale10", "blank5", "down4", "down5"), events)
    vetoed = {s.unit.slug: s.vetoes for s in sheet.units}
    assert vetoed == {"media": ["政务新媒体内容不更新"], "stale4": [], "stale5": ["栏目不更新"],
                      "stale10": ["应更新但长期未更新栏目"], "blank5": ["空白栏目"], "down4": [], "down5": ["站点无法访问"]}
    media = sheet.unit("media")
    assert (media.total, media.grade) == (99, "不合格")
    assert sheet.unit("stale4").grade == "优秀"  # 3 news/notice/policy + 2 others: under both thresholds
    assert sheet.unit("stale4").rank < min(sheet.unit(s).rank for s in ("media", "stale5", "blank5", "down5"))


# --- seed 000 武威 -------------------------------------------------------------------------------

def test_wuwei_stage_weights_and_county_parts() -> None:
    """日常考评 30% + 年度测评 50% + 双向互评 20%; county total 5:2:2:1 over 本级/部门/乡镇/村."""
    scheme = load_scheme("wuwei-2022")
    us = [UnitIn("gov", "gov", "government"), UnitIn("d1", "d1", "department"), UnitIn("d2", "d2", "department"),
          UnitIn("t1", "t1", "township"), UnitIn("v1", "v1", "village")]
    events = [ev("gov", "column.stale", 10, "basic")]
    imported = {(u.slug, stage): D(score) for u, score in zip(us, [80, 70, 90, 60, 50]) for stage in ("annual", "mutual")}
    sheet = compute_sheet(scheme, Q3, us, events, stage_scores=imported)
    gov = sheet.unit("gov")
    assert gov.total == 90 and gov.stages == {"daily": 90, "annual": 80, "mutual": 80}
    assert gov.weighted == D("83.00")  # 27 + 40 + 16
    assert sheet.unit("d1").weighted == D("79.00")  # 30 + 35 + 14
    c = sheet.composite
    assert c is not None and c.basis == "weighted"
    assert [(name, n, mean) for name, _, n, mean in c.parts] == [
        ("县区政府本级", 1, D("83.00")), ("政府部门（单位）", 2, D("86.00")), ("乡镇（街道）", 1, D("72.00")),
        ("村（居）", 1, D("65.00"))]
    assert c.value == D("79.60")  # (5×83 + 2×86 + 2×72 + 1×65) / 10
    # a stage not imported yet: no weighted total, composite falls back to the daily scores
    partial = compute_sheet(scheme, Q3, us, events, stage_scores={k: v for k, v in imported.items() if k[1] == "annual"})
    assert partial.unit("gov").weighted is None
    assert partial.composite.basis == "daily"
    assert partial.composite.value == D("95.00")  # (5×90 + 2×100 + 2×100 + 100) / 10


def test_wuwei_daily_stage_is_the_mean_of_the_quarters() -> None:
    scheme = load_scheme("wuwei-2022")
    sheet = compute_sheet(scheme, Q3, units("a"), [], stage_scores={("a", "annual"): D(90), ("a", "mutual"): D(90)},
                          daily_scores={"a": D("96.67")})
    assert sheet.unit("a").stages["daily"] == D("96.67")
    assert sheet.unit("a").weighted == D("92.00")  # 29.001 + 45 + 18 = 92.001


# --- seed 001 宿州 -------------------------------------------------------------------------------

def test_suzhou_content_area_and_indicator_caps() -> None:
    """Content-area weights are the category caps; the 年报质量 sub-item (3%) caps its checks."""
    scheme = load_scheme("suzhou-2020")
    assert sum(c.cap for c in scheme.categories) == 100
    events = [ev("a", "annual_report.format", 1, "platform") for _ in range(5)]
    events += [ev("a", "column.stale", 1, "platform") for _ in range(3)]
    events += [ev("a", "text.privacy", 1, "oversight") for _ in range(2)]
    a = compute_sheet(scheme, Q3, units("a"), events).unit("a")
    assert a.categories["platform"] == 3 + 2  # 5 → 3 (年报 3%), 3 → 2 (平台建设 2%)
    assert a.categories["oversight"] == 2
    assert a.total == 93
    assert [line.kind for line in a.lines].count("rule_cap") == 2


def test_suzhou_four_stages_and_county_2_1_1() -> None:
    scheme = load_scheme("suzhou-2020")
    assert [(s.key, s.weight) for s in scheme.stages] == [("expert", 10), ("third-party", 30), ("process", 20), ("mutual", 40)]
    us = [UnitIn("gov", "gov", "government"), UnitIn("d", "d", "department"), UnitIn("t", "t", "township")]
    imported = {(u, s): D(v) for u, v in (("gov", 80), ("d", 60), ("t", 70)) for s in ("expert", "third-party", "mutual")}
    sheet = compute_sheet(scheme, Q3, us, [ev("t", "column.stale", 1, "platform")], stage_scores=imported)
    assert sheet.unit("gov").weighted == D("84.00")  # 80×0.8 + 100×0.2
    assert sheet.unit("t").weighted == D("75.80")  # 70×0.8 + 99×0.2
    assert sheet.composite.value == D("77.95")  # (2×84 + 68 + 75.8) / 4


# --- seed 003 汕尾 -------------------------------------------------------------------------------

@pytest.mark.parametrize(("deducted", "grade"), [(0, "优秀"), (10, "优秀"), (11, "良好"), (20, "良好"), (21, "一般")])
def test_shanwei_grades(deducted: int, grade: str) -> None:
    scheme = load_scheme("shanwei-2024")
    assert scheme.appeal_window_days == 7
    events = [ev("a", "link.broken", 1, "platform") for _ in range(deducted)]
    assert compute_sheet(scheme, Q3, units("a"), events).unit("a").grade == grade


def test_veto_total_zero_and_the_explanation() -> None:
    """A scheme may zero a vetoed unit's score; the explanation lists every step with its points."""
    from assessment.explain import explain_lines

    scheme = load_scheme("jinchang-2022").model_copy(update={"veto_total": "zero"})
    events = [ev("a", "newmedia.stale", 1, "platform"), ev("b", "column.stale", 1, "platform", "column:1"),
              ev("b", "column.blank", 1, "platform", "column:1")]
    sheet = compute_sheet(scheme, Q3, units("a", "b"), events, bonuses=[BonusIn("b", "commended", D(2))])
    assert (sheet.unit("a").total, sheet.unit("a").grade, sheet.unit("a").rank) == (0, "不合格", 2)
    text = "\n".join(explain_lines(sheet, "b"))
    assert "不计" in text and "不重复扣分" in text and "+     2 " in text and "得分：100" in text
    assert "单项否决：政务新媒体内容不更新" in "\n".join(explain_lines(sheet, "a"))
    assert explain_lines(sheet, "nobody") is None
