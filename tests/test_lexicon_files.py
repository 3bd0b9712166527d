"""Ops' own lexicon files (ZWGK_LEXICON_DIR) fail with the file's lines, never a traceback or a silent loss."""

from __future__ import annotations

import pytest

from checks.lexicon import sensitive_context, typo_lexicon
from core.settings import get_settings
from core.sourcefile import SourceFileError


@pytest.fixture
def extra_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(tmp_path))
    for cache in (get_settings, typo_lexicon, sensitive_context):
        cache.cache_clear()
    yield tmp_path
    monkeypatch.delenv("ZWGK_LEXICON_DIR")
    for cache in (get_settings, typo_lexicon, sensitive_context):
        cache.cache_clear()


def _problems(extra_dir, name: str, text: str, load) -> list[tuple[int | None, str]]:
    (extra_dir / name).write_text(text, "utf-8")
    with pytest.raises(SourceFileError) as caught:
        load()
    assert str(extra_dir / name) in caught.value.render()
    return caught.value.problems


def test_a_duplicate_section_is_an_error_with_its_line_not_half_a_file_dropped(extra_dir) -> None:
    text = "known:\n  按步就般: 按部就班\ncanonical:\n  - 某某县人民政府\nknown:\n  迫不急待: 迫不及待\n"
    assert _problems(extra_dir, "typos.yaml", text, typo_lexicon) == [(5, "键 “known” 重复")]


def test_a_context_rule_that_cannot_work_names_its_line(extra_dir) -> None:
    text = ("context_rules:\n"
            "  - pattern: '(?P<wrong>截止'\n    wrong: 截止\n    right: 截至\n    why: 统计时点\n"
            "  - pattern: '截止(?=目前)'\n    wrong: 截止\n    right: 截至\n    why: 统计时点\n"
            "  - pattern: '(?P<wrong>必需)(?=坚持)'\n    wrong: 必需\n")
    problems = _problems(extra_dir, "typos.yaml", text, typo_lexicon)
    assert [line for line, _ in problems] == [2, 6, 10]
    assert "正则" in problems[0][1] and "(?P<wrong>" in problems[1][1] and "right" in problems[2][1]


def test_a_yaml_error_in_the_sensitive_context_file_names_its_line(extra_dir) -> None:
    problems = _problems(extra_dir, "sensitive_context.yaml", "legitimate_cues:\n  - 打击\n  - 严禁: 赌博: 多余\n",
                         sensitive_context)
    assert problems[0][0] == 3 and "YAML" in problems[0][1]


def test_a_valid_extra_file_adds_its_rules_to_the_shipped_ones(extra_dir) -> None:
    shipped = len(typo_lexicon().context_rules)
    (extra_dir / "typos.yaml").write_text(
        "context_rules:\n  - pattern: '(?P<wrong>抱送)(?=报表)'\n    wrong: 抱送\n    right: 报送\n    why: 本地通报\n", "utf-8")
    typo_lexicon.cache_clear()
    rules = typo_lexicon().context_rules
    assert len(rules) == shipped + 1 and rules[-1].right == "报送"


def test_a_rule_whose_other_alternative_matches_reports_nothing_there(extra_dir) -> None:
    from datetime import date

    from checks.typos import find_typo_hits

    (extra_dir / "typos.yaml").write_text(
        "context_rules:\n  - pattern: '(?P<wrong>抱送)(?=报表)|报表(?=按月)'\n"
        "    wrong: 抱送\n    right: 报送\n    why: 本地通报\n", "utf-8")
    typo_lexicon.cache_clear()
    assert [h["matched"] for h in find_typo_hits("按时抱送报表。报表按月汇总。", date(2026, 1, 1))] == ["抱送"]


def test_the_page_rules_of_sensitive_context_report_a_duplicate_key(extra_dir) -> None:
    from checks.sensitive import page_rules

    page_rules.cache_clear()
    try:
        problems = _problems(extra_dir, "sensitive_context.yaml", "advertised_only:\n  - 代开发票\nadvertised_only:\n  - 办证\n",
                             page_rules)
    finally:
        page_rules.cache_clear()
    assert problems == [(3, "键 “advertised_only” 重复")]


def test_a_word_list_changed_between_two_nights_is_read_again(extra_dir) -> None:
    """The scheduler checks night after night in one process: a known wrong form ops add to their typos.yaml
    must count from the next check run on, and one they take out must stop counting, without a restart."""
    from datetime import date

    from checks.memo import loaded_fingerprint, refresh_lexicons
    from checks.typos import find_typo_hits

    text = "本单位认真落实工作要求，完成了年度考评工作。"
    first = refresh_lexicons(extra_dir)
    assert find_typo_hits(text, date(2024, 9, 30)) == []
    (extra_dir / "typos.yaml").write_text("known:\n  考评工作: 考核工作\n", "utf-8")
    assert find_typo_hits(text, date(2024, 9, 30)) == []  # within a run the lists stay as they were read
    second = refresh_lexicons(extra_dir)
    assert second != first and loaded_fingerprint(extra_dir) == second
    assert [h["matched"] for h in find_typo_hits(text, date(2024, 9, 30))] == ["考评工作"]
    (extra_dir / "typos.yaml").unlink()
    assert refresh_lexicons(extra_dir) == first
    assert find_typo_hits(text, date(2024, 9, 30)) == []


def test_a_rule_may_take_its_suggestion_from_a_named_group_and_a_missing_group_names_its_line(extra_dir) -> None:
    from datetime import date

    from checks.typos import find_typo_hits

    hits = find_typo_hits("全县近300余家企业和近2000多名职工参加。", date(2026, 1, 1))
    assert [(h["matched"], h["suggestion"]) for h in hits] == [("余家", "家"), ("多名", "名")]
    typo_lexicon.cache_clear()
    text = ("context_rules:\n  - pattern: '近\\d+(?P<wrong>余(?P<unit>[名人]))'\n"
            "    wrong: 余名\n    right: '\\g<units>'\n    why: 矛盾\n")
    problems = _problems(extra_dir, "typos.yaml", text, typo_lexicon)
    assert problems == [(4, "right 引用了 pattern 里没有的命名分组：units")]
