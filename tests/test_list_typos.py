"""checks/lexicons/list_typos.tsv: public lists of common misspellings, vetted by scripts/build_list_typos.py.

The sentences are real sentences of laws and regulations (LawRefBook/Laws @2f4c5c2) with the right form
replaced by a wrong form of houbb/word-checker's list; the correct sentences are the same sentences as written.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_list_typos import made_of_words, real_wording, reworded, vet

from checks.lexicon import tokenizer, typo_lexicon
from checks.typos import CLASS_COMMON, find_typo_hits

ON = date(2024, 9, 30)

SENTENCES = [
    ("常委会组成人员要清正廉洁，克己奉公，勇于向腐败现象作斗争。", "克己奉公", "刻己奉公"),
    ("家庭应当注重用良好家教家风涵育道德品行，家长以身作则、言传身教。", "以身作则", "以身作责"),
    ("承建方不得偷工减料或者使用不合格的建筑材料、建筑构（配）件和设备。", "偷工减料", "偷工简料"),
    ("依法从严惩处囤积居奇、哄抬物价、制假售假等扰乱市场秩序的行为。", "囤积居奇", "屯积居奇"),
    ("教育教学工作应当符合教育规律和学生身心发展特点，面向全体学生，因材施教。", "因材施教", "因才施教"),
]


def test_the_lists_are_read_and_kept_apart_from_jieba():
    lexicon = typo_lexicon()
    assert len(lexicon.listed) > 3000
    assert all(wrong in lexicon.listed and wrong in lexicon.known for _, _, wrong in SENTENCES)
    # the right forms of the lists are not added to the segmenter: its cuts stay those of the other checks
    assert "到外面溜达" not in tokenizer().FREQ


@pytest.mark.parametrize(("sentence", "right", "wrong"), SENTENCES)
def test_a_listed_misspelling_is_found_and_the_sentence_as_written_is_not(sentence, right, wrong):
    typo = sentence.replace(right, wrong)
    hits = [h for h in find_typo_hits(typo, ON) if h["matched"] == wrong]
    assert hits and hits[0]["suggestion"] == right and hits[0]["class"] == CLASS_COMMON
    assert "公开的常见错别字表" in str(hits[0]["why"])
    assert not find_typo_hits(sentence, ON)


def test_short_fragments_of_the_confusion_dictionary_are_not_patterns():
    # macro-correct maps 包里 to 包裹 (from 包里紧); 书包里 is correct, and so is a bag's 包里
    assert "包里" not in typo_lexicon().known
    assert not find_typo_hits("请将申请材料放入档案包里。", ON)


def test_vetting_drops_disputed_pairs_short_fragments_and_corrections_that_are_no_words():
    pairs = [
        ("悬梁刺骨", "悬梁刺股", "word_checker"), ("悬梁刺股", "悬梁刺骨", "word_checker"),  # both ways: disputed
        ("包里", "包裹", "macro_correct"),  # a short key of the confusion dictionary
        ("雕彻", "砌彻", "macro_correct"),  # too short, and its correction is no word either
        ("偷工简料", "偷工减料", "word_checker"),
        ("自已", "自己", "word_checker"),  # correct text writes 不能自已: jieba cuts it, so the law corpus decides
    ]
    kept, dropped = vet(pairs, ["承建方不得偷工减料。", "他激动得不能自已。"] * 3)
    assert kept == {"偷工简料": ("偷工减料", "word_checker")}
    assert "悬梁刺骨→悬梁刺股" in dropped["disputed"] and "包里→包裹" in dropped["not Chinese or too short"]


def test_a_reported_slip_may_be_the_corpus_s_own_misprint_when_the_right_form_dominates():
    # a corpus that misprints 秸杆 three times against 秸秆 seventy: a list's short pair stays out (the corpus writes
    # it), a slip reported as published is kept; 转帐 against 转账 four times as common is a variant either way
    texts = ["禁止露天焚烧秸秆。"] * 70 + ["禁止露天焚烧秸杆。"] * 3 + ["办理转账。"] * 8 + ["办理转帐。"] * 2
    for source, kept_here in (("word_checker", False), ("reported", True)):
        kept, _ = vet([("秸杆", "秸秆", source), ("转帐", "转账", source)], texts)
        assert ("秸杆" in kept) == kept_here and "转帐" not in kept


def test_a_right_form_must_be_a_wording():
    freq, idioms = tokenizer().FREQ, frozenset(typo_lexicon().idioms)
    assert real_wording("偷工简料", "偷工减料", freq, idioms)
    assert not real_wording("亵赎", "渎赎", freq, idioms)  # the list's own slip: 亵渎 is meant


def test_a_run_of_dictionary_words_is_a_confusable_not_a_listed_slip():
    # 为共产主义奋斗终身 is the Party's oath, though a list gives 奋斗终身 → 奋斗终生; 互相推委 holds the variant 推委
    freq = tokenizer().FREQ
    assert made_of_words("奋斗终身", freq) and made_of_words("水利发电", freq) and made_of_words("绝不罢休", freq)
    assert not made_of_words("按步就班", freq) and not made_of_words("偷工简料", freq)
    assert "奋斗终身" not in typo_lexicon().known
    assert not find_typo_hits("随时准备为党和人民牺牲一切，为共产主义奋斗终身。", ON)


def test_an_editors_rewording_is_no_slip():
    # macro-correct's pairs come from proofreaders' edits: 地区 → 地域 is style, 狡免 → 狡兔 and 饭莱 → 饭菜 are slips
    freq, shapes = tokenizer().FREQ, typo_lexicon().shapes
    assert reworded("大多数地区处于荒漠", "大多数地域处于荒漠", freq, shapes)
    assert reworded("大概有几十公分", "大概有几十厘米", freq, shapes)
    assert not reworded("一只狡免", "一只狡兔", freq, shapes)  # 狡免 is no word
    assert not reworded("原部队记录保持者", "原部队纪录保持者", freq, shapes)  # 记 and 纪 sound alike
