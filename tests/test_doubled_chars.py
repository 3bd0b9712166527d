"""A function word typed twice is reported once, as 多字; reduplications, words and a word beside a character are not."""

from datetime import date

import pytest

from checks.doubled_chars import find_doubled_function_words
from checks.typos import CLASS_COMMON, find_typo_hits

# the two hits on the benchmark's 35.5 MB of correct text, real errors of the source: 宁波市全民健身条例 (2021) art. 43
# and 宁波市城市房屋使用安全管理条例 (2015) art. 41, as github LawRefBook/Laws @2f4c5c2 prints them
REAL = [
    ("逾期未改正的，对直接负责的的主管人员和其他直接责任人员依法给予处分。", "的的"),
    ("也可以委托建设单位负责危险房屋解危的的具体工作。", "的的"),
    # blind27 and blind25 (real pages, errors published and never corrected): an annual report, a township's news
    ("切实加强政府网站相关模块管理,按照省市县相关要求,对对需要主动公开的政府文件、财政预决算、收费清单、政府", "对对"),
    ("会上由重点村进行表态发言,大家纷纷表示要要知耻而后勇,不获全胜、决不收兵。", "要要"),
]
CORRECT = [
    "以弘扬优秀畲族文化为目的的各类文化创作、表演。",  # 目的 + 的
    "同一物业管理区域，可以以楼（幢）为单位各推举代表。",  # 可以 + 以
    "市卫生健康部门和市市场监管部门在各自职责范围内负责。",  # 市 + 市场: not a function word anyway
    "由商会会长主持会议。",  # 会 + 会长
    "这的的确确是一件好事。",  # AABB reduplication
    "不能是是非非不分。",
    "他说了等等很多事情。",  # 等等 is a word
    "而化之之谓圣，圣而不可知之之谓神。",  # classical 之之 (People's Daily 2023–24, quoting 孟子)
    "实现市市通高铁、县县通高速。",  # distributive reduplication of content characters (2026 work reports)
    "证券公司与客户对对账单送交时间另有约定的，从其约定。",  # 对 + 对账单 (证券公司监督管理条例)
    "明天我去会会他。",  # colloquial 会会 (meet)
    "“不不不，我当然愿意了。”",  # three in a row: emphasis (LEMON's novel sentences)
]


@pytest.mark.parametrize(("sentence", "doubled"), REAL)
def test_a_function_word_typed_twice_is_reported(sentence: str, doubled: str) -> None:
    hits = [h for h in find_typo_hits(sentence, date(2026, 1, 1)) if h["matched"] == doubled]
    assert len(hits) == 1
    assert hits[0]["suggestion"] == doubled[0] and hits[0]["class"] == CLASS_COMMON
    assert "多字" in str(hits[0]["why"])


def test_a_canonical_phrase_after_the_second_copy_does_not_hide_it() -> None:
    assert [h["matched"] for h in find_typo_hits("我们在在工作中发现问题。", date(2026, 1, 1))] == ["在在"]


@pytest.mark.parametrize("sentence", CORRECT)
def test_reduplications_words_and_a_word_beside_a_character_are_left_alone(sentence: str) -> None:
    assert find_doubled_function_words(sentence) == []
