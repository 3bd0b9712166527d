"""Four-character phrases of government text with a character replaced (checks/lexicons/corpus_phrases.txt).

The phrases come from jieba's keyword vocabulary, kept where public laws and regulations use them ten times or
more (scripts/build_corpus_phrases.py); a same-sounding or look-alike replacement is reported unless correct
text writes it too. The slip below was published on a government site and reported by the press
(https://www.cna.com.tw/news/acn/201902280094.aspx: 领导小组 printed as 领导小姐); it is planted into real
sentences of the State Council's 全国污染源普查条例 and a State Council notice's title. The correct sentences are
real sentences of regulations (LawRefBook/Laws @2f4c5c2) that hold a variant correct text writes itself.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.typos import CLASS_FORMULATION, corpus_phrases, find_typo_hits

ON = date(2024, 9, 30)

PLANTED = [
    ("第二十七条 污染源普查领导小姐办公室应当按照全国污染源普查方案和有关标准、技术要求进行数据审核。", "领导小姐", "领导小组"),
    ("国务院办公厅关于调整国务院第二次全国污染源普查领导小姐组成人员的通知", "领导小姐", "领导小组"),
]
CORRECT = [
    # 共用设施 beside 公用设施, 检测数据 beside 监测数据, 监察人员 beside 检察人员: each as correct text writes it
    "（二）擅自占用、损坏物业的共用部位、共用设施设备或者改变其使用功能的；",
    "检测机构不得出具虚假的检测数据和检测报告。",
    "第三十条 煤矿安全监察人员履行安全监察职责，有权进入煤矿作业场所进行检查。",
    "第二十七条 污染源普查领导小组办公室应当按照全国污染源普查方案和有关标准、技术要求进行数据审核。",
]


def test_the_phrases_are_government_phrases() -> None:
    phrases = set(corpus_phrases())
    assert {"领导小组", "指挥中心"} <= phrases
    assert "中华人民" not in phrases  # a piece of 中华人民共和国 (typos.yaml canonical), not a phrase of its own


@pytest.mark.parametrize(("text", "wrong", "right"), PLANTED)
def test_a_replaced_character_in_a_phrase_is_found(text: str, wrong: str, right: str) -> None:
    hits = [h for h in find_typo_hits(text, ON) if h["matched"] == wrong]
    assert hits, find_typo_hits(text, ON)
    assert hits[0]["suggestion"] == right
    assert hits[0]["class"] == CLASS_FORMULATION


@pytest.mark.parametrize("text", CORRECT)
def test_variants_that_correct_text_writes_are_not_reported(text: str) -> None:
    assert find_typo_hits(text, ON) == []
