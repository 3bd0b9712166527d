"""A person named twice or more in a text and once with a same-sounding or look-alike character (name_variants.py)."""

from datetime import date

from checks.name_variants import find_name_variants
from checks.typos import find_typo_hits

REPORT = ("县委书记王建华主持会议。王建华强调，要压实防汛责任。县长刘德明通报了汛情。王建化指出，各乡镇要立即行动。"
          "刘德明要求，各部门要密切配合。")


def test_the_once_written_variant_is_reported_with_the_repeated_name() -> None:
    hits = find_typo_hits(REPORT, date(2024, 6, 1))
    assert [(h["matched"], h["suggestion"]) for h in hits] == [("王建化", "王建华")]
    assert "出现2次" in str(hits[0]["why"]) and "同音字" in str(hits[0]["why"])


def test_a_look_alike_character_is_reported_too() -> None:
    text = "镇长李建军主持会议。李建军强调，要做好秋粮收购。李建车要求，各村要落实责任。"
    assert [(text[s:e], right) for s, e, right, _ in find_name_variants(text)] == [("李建车", "李建军")]


def test_names_that_are_not_slips_are_left_alone() -> None:
    # two people in a list (each named once), a two-character name before a word, a name written once each way
    assert find_name_variants("拟录用人员名单：王海燕、王海艳、张伟、张维。") == []
    assert find_name_variants("县长张明德主持会议。张明德强调，要抓好落实。张明得到了表彰。") == []
    assert find_name_variants("杨梅岭同志全票当选镇长。当选镇长杨梅玲同志作表态发言。") == []
    # the repeated form is a word, not a name (高质量); the variant is a word of its own (王建设)
    assert find_name_variants("书记王建华主持。王建华强调。王建设工作") == []
