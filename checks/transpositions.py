"""Two neighbouring characters of a common word or a place name typed the other way round: 火站车 for 火车站,
宁市波 for 宁波市, 共党产宣言 for 共产党宣言, and 常务委会员 for 常务委员会 (in a published regulation).

Candidates (built once per fingerprint, kept on disk by checks.compiled_cache): every swap of two neighbouring
characters of a well-known word of three or four characters (jieba's dictionary, `_FLOOR`) or of
a division's name (county level and up, townships) that

* is no word of jieba's dictionary, no place and no form correct text uses (attested.txt);
* leaves a run of three characters the corpus of correct text never has (trigrams.npz): 驱动电机 holds 动电机
  and 士兵服役 兵服役, so neither is a candidate;
* holds no numeral: 二十届 and 十二届, 一九五四 and 一九四五 are other numbers, not a swap; moves no 的 or 了.

Two-character words are left out: their swaps are new terms as often as slips (集采, 以进促稳, 育繁推一体化
gave 21 false alarms on 23 MB of correct government text and no true one).

A candidate is reported only where the word model agrees (word_slips' sign 1, with a higher bar): the clause
reads much better with the word, the word is one token of that reading, and as written the two characters are not the edges of
two words of the clause. Not where it looks like a name (word_slips' sign 3, and a 社区 or 居委会 after it:
尤勒滚布格拉村 is no 布拉格, 环南路社区 no 南环路), nor where a division's suffix in it ends a place written just
before (南独乐河镇北独乐河村). Names jieba tags as people's or places' are not corrected towards at all.
"""

from __future__ import annotations

import functools

import numpy as np

from checks.compiled_cache import array_data, cached, data_array
from checks.lexicon import CHINESE_NUMERALS, PERSON_TAGS, tagged_words, tokenizer
from checks.names import PLACE_TAIL, real_places
from checks.run_probes import RUN, bloom_filter, hashes, sorted_hits
from checks.word_slips import (
    _CJK,
    _best_path,
    _clause,
    _keys_of,
    _looks_like_a_name,
    _trigrams,
    attested,
    codes_of,
    lookup,
    packed,
    text_codes,
)

_PARTICLES = frozenset("的了")  # 短短的 written 短的短 is a phrase of its own (如此之短的短视频)
_LENGTHS = (3, 4)
# higher than word_slips' floors: a swap is corrected towards well-known words only (火车站 1,117, 委员会
# 24,831); at 30 and 5, 8分多钟 (多分钟 32), 西大街道魏武社区 (魏道武 36), 感动天感动地 (感天动地 11) were reported
_FLOOR = {3: 100, 4: 20}
# the gain a swap must bring to its clause: the published and reported swaps bring 12.1 (电光火石) to 16.5
# (村民员委会); word_slips' 8 let through swaps of correct text that read nearly as well, 8.3 to 10 (发奋努力,
# 枝叶繁茂, 市县区, 金剪奖大赛: People's Daily, January 1998)
_MIN_SWAP_GAIN = 12.0
# after these, the form is itself a name: 环南路社区, 长岗岭居委会, 尤勒滚布格拉村
_NAME_AFTER = PLACE_TAIL | frozenset("社居")


def _swaps(word: str) -> list[str]:
    return [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)
            if word[i] != word[i + 1] and not _PARTICLES.intersection(word[i:i + 2])]


def _build() -> dict[int, tuple[np.ndarray, tuple[str, ...], np.ndarray]]:
    freq = tokenizer().FREQ
    places = real_places()
    never = places | attested()
    # swaps of one transliteration or place name are another (诺尔贝希村, 乌兰克日木村, 西大洋社区), not a slip of
    # it; divisions are corrected towards from the division lists instead
    names = tagged_words(PERSON_TAGS | {"ns"})
    out = {}
    for length in _LENGTHS:
        words = {w for w, f in freq.items()
                 if len(w) == length and f >= _FLOOR[length] and _CJK.match(w) and w not in names}
        words |= {p for p in places if len(p) == length and _CJK.match(p)}
        swapped: dict[str, str] = {}
        clashes: set[str] = set()  # a swap of two different words: no suggestion to make
        for word in words:
            if CHINESE_NUMERALS.intersection(word):
                continue
            for form in _swaps(word):
                if freq.get(form) or form in never:
                    continue
                if swapped.setdefault(form, word) != word:
                    clashes.add(form)
        forms = sorted(f for f in swapped if f not in clashes)
        if forms:  # keep the forms with a run of three characters correct text never has
            runs = packed(codes_of("".join(forms)), 3)
            runs = np.stack([runs[k::length] for k in range(length - 2)], axis=1)
            seen = np.asarray(lookup(_trigrams(), runs.reshape(-1))[1].reshape(runs.shape).all(axis=1))
            forms = [f for f, s in zip(forms, seen.tolist(), strict=True) if not s]
        keys = _keys_of(forms, length)
        order = np.argsort(keys)
        out[length] = (keys[order], tuple(swapped[forms[k]] for k in order.tolist()), bloom_filter(hashes(keys)))
    return out


@functools.lru_cache(maxsize=1)
def swap_index() -> dict[int, tuple[np.ndarray, tuple[str, ...], np.ndarray]]:
    """length → (sorted keys of the swapped forms, the word each is a swap of, a Bloom filter of the keys: a
    text's runs are probed through it first, as word_slips probes its candidates, three times faster than
    searching every run)."""
    def dump(index: dict) -> dict:
        return {n: (array_data(keys), words, array_data(bloom)) for n, (keys, words, bloom) in index.items()}

    def load(raw: dict) -> dict:
        return {n: (data_array(keys), words, data_array(bloom)) for n, (keys, words, bloom) in raw.items()}

    return cached("word-swaps", [], _build, dump, load)


def _reads_better(text: str, start: int, end: int, word: str) -> bool:
    left, right = _clause(text, start, end)
    before, pieces = _best_path(text[left:right])
    a, b = start - left, end - left
    if a not in pieces or b not in pieces:
        return False  # as written, a word of the clause runs across an edge: 驱动|电机, 产生|队伍
    after, cuts = _best_path(text[left:start] + word + text[end:right])
    return after - before >= _MIN_SWAP_GAIN and any(x <= a and y >= b for x, y in zip(cuts, cuts[1:], strict=False))


def find_transpositions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the word) for every swap of two neighbouring characters of a common word or a place in `text`,
    judged by the word model; a form written more than once is a term of the text, not a slip."""
    found = []
    codes = text_codes(text)
    for length, (keys, words, bloom) in swap_index().items():
        for start, k in zip(*(a.tolist() for a in sorted_hits(codes, RUN[length], bloom, keys)), strict=True):
            end, word = start + length, words[k]
            if start and (text[start - 1].isdigit() or text[start - 1] in CHINESE_NUMERALS):
                continue  # 8分多钟, 三十多分钟: a quantity, not 多分钟
            if text.count(text[start:end]) > 1 or _looks_like_a_name(text, start, end) or \
                    text[end:end + 1] in _NAME_AFTER or _ends_a_place(text, start, end):
                continue
            if _reads_better(text, start, end, word):
                found.append((start, end, word))
    return sorted(found)


_DIVISION_TAIL = frozenset("省市县区乡镇村")


def _ends_a_place(text: str, start: int, end: int) -> bool:
    """A division's suffix inside the form ends a real place written before it: 南独乐河镇|北独乐河村 and
    埠河镇|北闸 hold 河镇北, which is no 河北镇 the other way round (宁市波 is: no place ends in 省宁市)."""
    places = real_places()
    for at in range(start, end - 1):
        if text[at] in _DIVISION_TAIL and any(text[a:at + 1] in places for a in range(max(0, at - 8), at)):
            return True
    return False
