"""Provincial leaders' names slipped right after their titles (checks/regional_leaders.py, `text.typo` 名称错误)."""

from __future__ import annotations

from datetime import date

import pytest

from checks.lexicon import typo_lexicon
from checks.regional_leaders import GOVERNOR, SECRETARY, regional_leaders, titled_forms
from checks.typos import CLASS_NAME, find_typo_hits, typo_matcher
from core.settings import get_settings
from core.sourcefile import SourceFileError

ON = date(2019, 6, 30)


def _names(text: str) -> list[tuple[str, str]]:
    return [(str(h["matched"]), str(h["suggestion"])) for h in find_typo_hits(text, ON) if h["class"] == CLASS_NAME]


def test_the_shipped_table_covers_every_division_and_both_posts() -> None:
    rows = regional_leaders()
    divisions = {(r.province, r.post) for r in rows}
    assert len({p for p, _ in divisions}) == 31
    assert all((p, post) in divisions for p, _ in divisions for post in (SECRETARY, GOVERNOR))
    assert all(r.end is None or r.start <= r.end for r in rows)


@pytest.mark.parametrize(("text", "wrong", "right"), [
    # 衡阳市政府办公室 2018 年第一季度政府网站抽查情况通报: 市水利局网站把“杜家毫”写成“杜家豪”
    # (https://zh.hk01.com/即时中国/299865); the title as county pages write it
    ("3月15日，湖南省委书记杜家豪到衡阳调研水利工作。", "湖南省委书记杜家豪", "湖南省委书记杜家毫"),
    ("省委书记杜家豪同志强调", "省委书记杜家豪", "省委书记杜家毫"),
    # a same-sounding character, a swap, after the forms of the titles
    ("湖南省省长许达折出席会议", "湖南省省长许达折", "湖南省省长许达哲"),
    ("许哲达省长指出", "许哲达省长", "许达哲省长"),
    ("省委副书记、省长毛伟民出席", "、省长毛伟民", "、省长毛伟明"),
    ("广西壮族自治区党委书记鹿新社主持会议", "广西壮族自治区党委书记鹿新社", "广西壮族自治区党委书记鹿心社"),
])
def test_a_slipped_name_after_its_title_is_a_name_error(text: str, wrong: str, right: str) -> None:
    assert (wrong, right) in _names(text)


@pytest.mark.parametrize("text", [
    "3月15日，湖南省委书记杜家毫到衡阳调研水利工作。",
    "湖南省省长许达哲出席会议，许达哲省长指出",
    # 副省长 ends in 省长: a vice-governor one character away from the governor is another person
    "副省长许达喆出席会议，省委副书记、副省长毛伟民陪同",
    # a name alone is anybody's: 杜家豪 is a common given name
    "村民杜家豪家中的危房已改造完毕。",
    # a two-character name after a title without the province: 省委书记王凝 may be another time's secretary
    "省委书记王凝同志",
])
def test_right_names_and_other_people_stay_quiet(text: str) -> None:
    assert _names(text) == []


def test_no_slip_is_another_leaders_name() -> None:
    """A variant that is another row's name (or a national leader's) is that person, never a slip."""
    words, values = typo_matcher(())[0].words, typo_matcher(())[1]
    rights = {w: right for w, (right, _) in zip(words, values, strict=True) if right}
    people = {r.name for r in regional_leaders()} | set(typo_lexicon().leaders)
    for leader in regional_leaders():
        for form in titled_forms(leader):
            for other in people - {leader.name}:
                assert rights.get(form.format(other)) is None, (form, other)


@pytest.fixture
def extra_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(tmp_path))
    get_settings.cache_clear()
    regional_leaders.cache_clear()
    yield tmp_path
    monkeypatch.delenv("ZWGK_LEXICON_DIR")
    get_settings.cache_clear()
    regional_leaders.cache_clear()


def test_ops_rows_are_added_and_bad_rows_name_their_lines(extra_dir) -> None:
    (extra_dir / "regional_leaders.tsv").write_text(
        "province\tpost\tname\tfrom\tto\n湖南省\t书记\t某某某\t2030-01-01\t\n", "utf-8")
    assert regional_leaders()[-1].name == "某某某"
    regional_leaders.cache_clear()
    (extra_dir / "regional_leaders.tsv").write_text(
        "province\tpost\tname\tfrom\tto\n"
        "湖南\t书记\t某某某\t2030-01-01\t\n"  # 2: not the division's full name
        "湖南省\t副书记\t某某某\t2030-01-01\t\n"  # 3: no such post here
        "湖南省\t书记\t某\t2030-01-01\t\n"  # 4: one character
        "湖南省\t书记\t某某某\t2030年1月\t\n"  # 5: date format
        "湖南省\t书记\t某某某\t2030-02-30\t\n"  # 6: no such day
        "湖南省\t书记\n", "utf-8")  # 7: too few columns
    with pytest.raises(SourceFileError) as caught:
        regional_leaders()
    assert [line for line, _ in caught.value.problems] == [2, 3, 4, 5, 6, 7]
    assert "全称" in caught.value.problems[0][1] and "日期" in caught.value.problems[3][1]
