"""scripts/build_de_pairs.py: which word + 地 + verb pairs correct text never writes with 的."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_de_pairs import count_pairs, kept_pairs


def _pairs(texts: list[str]) -> set[tuple[str, str]]:
    return {(word, verb) for word, verb, _ in kept_pairs(count_pairs(texts))}


def test_a_pair_written_with_di_and_never_with_de_is_kept():
    assert ("激动", "说") in _pairs(["他激动地说：“谢谢。”"] * 2)


def test_a_pair_seen_once_or_also_with_de_is_not():
    assert ("激动", "说") not in _pairs(["他激动地说：“谢谢。”"])
    assert ("激动", "说") not in _pairs(["他激动地说：“谢谢。”"] * 3 + ["她激动的说：“好。”"])


def test_a_verb_that_heads_noun_phrases_after_de_is_left_out():
    # 更好地服务 twice, but 的服务 far more often: 提供更好的服务 is right
    texts = ["要更好地服务群众。"] * 2 + ["提供优质的服务。", "良好的服务。", "周到的服务。", "贴心的服务。", "一流的服务。"]
    assert ("更好", "服务") not in _pairs(texts)


def test_a_place_before_di_is_no_manner():
    # 案发地 is a place: 案发 is a verb in jieba's dictionary
    assert not {pair for pair in _pairs(["民警赶到案发地了解情况。"] * 3) if pair[0] == "案发"}
