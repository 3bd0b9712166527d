"""scripts/build_known_typos.py: which published misspellings correct text really uses."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_known_typos import used_as_word, word_cuts


def _uses(texts: list[str], wrong: str, right: str) -> bool:
    text = "\n".join(texts)
    return used_as_word(text, word_cuts(texts), wrong, text.count(right))


def test_a_form_inside_a_longer_word_is_no_use_of_it():
    # 不能自已 holds 自已, 二〇二三年经济 holds 年经: correct text, but neither uses the misspelling
    assert not _uses(["他激动得不能自已。", "二〇二三年经济运行平稳。"] * 5, "自已", "自己")
    assert not _uses(["二〇二三年经济运行平稳。"] * 5, "年经", "年轻")


def test_one_misprint_against_a_common_right_form_does_not_veto_a_published_pair():
    texts = ["发展城市煤气、天燃气、液化气。"] + ["加快天然气管网建设。"] * 40
    assert not _uses(texts, "天燃气", "天然气")


def test_a_form_correct_text_uses_often_enough_is_a_wording():
    assert _uses(["提供票据、帐号、虚假证明。"] * 3, "帐号", "账号")  # more than a misprint or two
    texts = ["提供票据、帐号、虚假证明。"] + ["提供账号。"] * 10  # one use, and the right form not 20 times as common
    assert _uses(texts, "帐号", "账号")


def test_word_cuts_mark_every_token_start_across_texts():
    texts = ["加快天然气管网建设", "不能自已"]
    cuts = word_cuts(texts)
    joined = "\n".join(texts)
    assert len(cuts) == len(joined) + 1 and cuts[0] and cuts[len(texts[0])] and cuts[len(texts[0]) + 1] and cuts[-1]
