"""checks/lexicons/reported_typos.tsv: errors reported on portals and in the press, vetted by
scripts/build_reported_typos.py.

The sentences are real sentences of laws (LawRefBook/Laws @2f4c5c2) with the right form replaced by a wrong form
that benchmarks/data/reported_typos.tsv cites from a report; the correct sentences are the same as written.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_reported_typos import holds_a_known_slip, of_common_characters, punctuation_free, reported

from checks.lexicon import tokenizer, typo_lexicon
from checks.typos import find_typo_hits

ON = date(2024, 9, 30)

SENTENCES = [
    ("审定合格的，颁发型号合格证。", "颁发", "颂发"),
    ("根据《中华人民共和国动物防疫法》等法律、行政法规，结合本省实际，制定本条例。", "中华人民共和国动物防疫法",
     "中华人民共物防疫法"),
]


def test_the_reported_slips_are_read_with_their_origin_and_kept_apart_from_jieba():
    known = typo_lexicon().known
    assert known["驰聘"] == ("驰骋", "党报、通讯社稿件中被指出的差错")
    assert "驰聘" in typo_lexicon().listed
    assert known["中华人民共物防疫法"][0] == "中华人民共和国动物防疫法"


@pytest.mark.parametrize(("sentence", "right", "wrong"), SENTENCES)
def test_a_reported_slip_is_found_and_the_sentence_as_written_is_not(sentence, right, wrong):
    typo = sentence.replace(right, wrong)
    hits = [h for h in find_typo_hits(typo, ON) if h["matched"] == wrong]
    assert hits and hits[0]["suggestion"] == right
    assert not find_typo_hits(sentence, ON)


@pytest.mark.parametrize("sentence", ["市政府办公室印发了通知，这比钱更重要。", "黄全同志参加了会议。",
                                      "本人长期在外打工。", "汪峰同志任办公室主任。"])
def test_reported_slips_that_correct_text_also_writes_are_not_patterns(sentence):
    # 这比钱 (for 这笔钱) and 黄全 (for 黄金) are common characters side by side, 外打工 (for 外加工) is in
    # People's Daily, 汪峰 (for 王峰) a short name: another person's real one
    assert not find_typo_hits(sentence, ON)


def test_the_build_leaves_out_context_rows_short_names_and_leaders(tmp_path):
    tsv = tmp_path / "reported.tsv"
    tsv.write_text(
        "wrong\tright\tclass\torigin\tsource\tsentence\n"
        "驰聘\t驰骋\tcommon\tparty_media\thttps://a.example/1\t\n"
        "权力\t权利\tcontext\tgov_site\thttps://a.example/2\t\n"
        "汪峰\t王峰\tname\tother\thttps://a.example/3\t\n"
        "李克勤拉美行\t李克强拉美行\tname\tparty_media\thttps://a.example/4\t\n"
        "一如继往\t一如既往\tcommon\tyaowenjiaozi\thttps://a.example/5\t\n"
        # reviewed (benchmarks/data/reported_typos_reviewed.txt): never right as written, so neither test holds it back
        "新加坡总书记\t习近平总书记\tname\tparty_media\thttps://a.example/6\t\n"
        "国子蓝\t国子监\tname\tother\thttps://a.example/7\t\n", "utf-8")
    pairs, about, leaders, short, variants = reported(tsv)
    assert pairs == [("驰聘", "驰骋", "reported"), ("新加坡总书记", "习近平总书记", "reported"), ("国子蓝", "国子监", "reported")]
    assert about["驰聘"] == ("党报、通讯社稿件中被指出的差错", "https://a.example/1", "common")
    assert leaders == ["李克勤拉美行→李克强拉美行"] and short == ["汪峰→王峰"] and variants == []


def test_a_slip_that_a_rule_of_its_kind_explains_is_reported_by_that_rule():
    # 会当临绝顶 is in the press reports and is a misquoted classical line: classic_lines says so
    [hit] = find_typo_hits("会当临绝顶，一览众山小。", ON)
    assert hit["suggestion"] == "会当凌绝顶" and "名句应为" in str(hit["why"])
    assert "会当临绝顶" in typo_lexicon().reported


def test_short_forms_of_common_characters_are_phrases_as_often_as_slips():
    assert of_common_characters("这比钱") and of_common_characters("黄全")
    assert not of_common_characters("驰聘") and not of_common_characters("先躯")
    assert not of_common_characters("下我一跳")  # four characters: no phrase of common words reads so
    assert tokenizer().FREQ.get("驰骋")  # the right form is a word already; the file adds none


def test_a_known_slip_quoted_with_its_context_is_left_to_the_known_slip():
    known = {"布署": ("部署", "")}
    assert holds_a_known_slip("布署明年农村工作", "部署明年农村工作", known)
    assert not holds_a_known_slip("驰聘", "驰骋", known)


def test_a_quoted_row_is_cut_to_its_chinese_run_unless_that_is_three_characters_with_one_dropped():
    de = ("有条理、有步骤的制定方案", "有条理、有步骤地制定方案")  # 的 for 地: wrong only in its whole context
    assert punctuation_free(*de) == de
    assert punctuation_free("全面落实信息发布“三校三审”制度", "全面落实信息发布“三审三校”制度") == ("三校三审", "三审三校")
    # 外输入 alone is also 市外输入 (from outside the city), in Zhejiang's regulations on animal epidemics (round 48)
    assert punctuation_free("“外输入、内防反弹", "“外防输入、内防反弹") == ("“外输入、内防反弹", "“外防输入、内防反弹")
