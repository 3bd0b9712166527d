"""Scheme files: the five shipped ones load, bad ones are refused with line numbers, and every setting a
source document left open is written down in docs/考核方案说明.md."""

from pathlib import Path

import pytest

from assessment.schemes import load_scheme, scheme_names
from core.sourcefile import SourceFileError

ROOT = Path(__file__).resolve().parent.parent
SEED_SCHEMES = {"yunhe-2022", "jinchang-2022", "wuwei-2022", "suzhou-2020", "shanwei-2024"}


def test_every_seed_has_a_scheme_and_its_open_settings_are_documented() -> None:
    assert scheme_names() >= SEED_SCHEMES
    doc = (ROOT / "docs" / "考核方案说明.md").read_text(encoding="utf-8")
    for name in SEED_SCHEMES:
        scheme = load_scheme(name)
        assert scheme.notes, name
        for key, text in scheme.notes.items():
            assert f"**{key}**：{text}" in doc, (name, key)


def test_seed_numbers() -> None:
    yunhe = load_scheme("yunhe-2022")
    caps = [(c.name, c.cap) for c in yunhe.categories]
    assert caps == [("主动公开", 30), ("依申请公开", 25), ("平台建设", 35), ("监督保障", 10)]
    assert (yunhe.bonus_cap, yunhe.total_cap) == (10, 100)
    assert yunhe.points_for("column.stale", "province")[1] == 3 and yunhe.points_for("column.stale", "county")[1] == 1
    jinchang = load_scheme("jinchang-2022")
    assert [(g.name, g.min) for g in jinchang.grades] == [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
    privacy = jinchang.deductions["text.privacy"]  # self-detected: ordinary item; notified: 第十四条 5–10
    assert (privacy.points["city"], privacy.escalation.points, privacy.escalation.points_max) == (1, 5, 10)
    wuwei = load_scheme("wuwei-2022")
    assert [(s.name, s.weight) for s in wuwei.stages] == [("日常考评", 30), ("年度测评", 50), ("双向互评", 20)]
    assert [p.weight for p in wuwei.county_parts] == [5, 2, 2, 1]
    assert [p.weight for p in load_scheme("suzhou-2020").county_parts] == [2, 1, 1]
    shanwei = load_scheme("shanwei-2024")
    assert [g.name for g in shanwei.grades] == ["优秀", "良好", "一般"] and shanwei.appeal_window_days == 7


BASE = """name: bad
title: t
source: s
categories:
  - {key: a, name: A, cap: 10}
deductions:
  column.stale:
    category: a
    clause: c
    points: {county: 1}
"""


@pytest.mark.parametrize(("extra", "line", "message"), [
    ("stages:\n  - {key: d, name: D, weight: 30, source: events}\n  - {key: y, name: Y, weight: 60, source: import}\n",
     11, "权重之和应为 100"),
    ("grades:\n  - {name: 合格, min: 60}\n  - {name: 优秀, min: 90}\n", 11, "从高到低"),
    ("vetoes:\n  - {key: v, name: V, clause: c, checks: [column.old]}\n", 12, "未知的检查代码 “column.old”"),
    ("rank_deductions:\n  - {key: r, name: R, category: zz, clause: c, checks: [column.stale], points: [3]}\n", 11,
     "类别 “zz” 未在 categories 中定义"),
    ("county_parts:\n  - {key: g, name: G, weight: 1, kinds: [town]}\n", 12, "单位类型 “town” 无效"),
    ("appeal_window: 7\n", 11, "未知的键 “appeal_window”"),
    ("check_settings:\n  newmedia.stale.days: 7\n", 12, "未知的键 “newmedia.stale.days”"),
    ("check_settings:\n  interpretation_late_working_days: three\n", 12, "interpretation_late_working_days"),
    ("check_settings:\n  column_stale_windows: {news: 2 weeks}\n", 12, "时长应写作"),
    ("check_settings:\n  annual_report_deadline: {department: 1月20日}\n", 12, "MM-DD"),
])
def test_bad_schemes_are_refused_with_line_numbers(tmp_path: Path, extra: str, line: int, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(BASE + extra, encoding="utf-8")
    with pytest.raises(SourceFileError) as err:
        load_scheme("bad", tmp_path)
    assert any(message in text for _, text in err.value.problems), err.value.render()
    assert err.value.problems[0][0] == line, err.value.render()
