"""Everyday words typed with one wrong character (发辉, 步署, 按装, 泄秘): a noisy-channel test.

The 常见错别字 of real portals are mostly one-character IME slips of ordinary words, and no published list
holds them all. Candidates are generated from jieba's dictionary (word frequencies counted on a large
general corpus, shipped with jieba): every word of two to four characters seen at least `_MIN_FREQ` times,
with one character replaced by a same-sounding (toneless pinyin: an IME ignores tones) or similar-looking
common character, where the result is not a word itself (jieba counts it at most 1/`_RATIO` as often) and
correct government text does not use it (lexicons/attested.txt, counted on ~40 MB of laws and regulations:
设区, 保函, 驻场 are terms, not slips).

A candidate is reported only when four independent signs agree, because a wrong deduction is worse than a
missed one:
1. the clause reads much better corrected: the best segmentation of the clause around it under jieba's
   unigram word model gains at least `_MIN_GAIN` in log probability, with the corrected word one token of
   it ("出发辉煌" holds 发辉, but 出发/辉煌 beats 出/发挥/煌);
2. the corrected word sits among neighbours it is seen with in real government text, on both sides
   (lexicons/word_contexts.npz): "应当发辉投资" has 当发挥 and 发挥投 in the corpus (so a word at a
   clause's edge is not judged);
3. the odd character is a word of its own in the clause as written, not part of a neighbouring word
   ("重力梯度仪及为其": 仪 belongs to 梯度仪, so 仪及 is no slip of 以及);
4. it does not look like a name, a unit or a term: not right after a common surname or a digit (20千帕),
   not before a place or road suffix, not repeated in the same text (names and terms repeat, slips seldom
   do); the check also leaves out what recurs in other documents of the night (`recurring`). Nor is it set
   beside the corrected word on purpose (开展中期和终期评估), or the head character of a list's items
   (重力仪、重力梯度仪及为其…: not 以及).

Scanning is one compiled pass (checks.run_probes): every run of 2, 3 and 4 characters of the text, packed into
a key, is probed through a Bloom filter and a hash table of the candidates' keys, so the model is consulted only
where a candidate sits.
Measured in benchmarks/text_real.py.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable

import numpy as np

from checks.compiled_cache import array_data, cached, data_array
from checks.confusables import homophones
from checks.lexicon import CHINESE_NUMERALS, LEXICONS, PERSON_TAGS, tagged_words, tokenizer, typo_lexicon, word_list
from checks.run_probes import BucketTable, bucket_table

ATTESTED = LEXICONS / "attested.txt"
CONTEXTS = LEXICONS / "word_contexts.npz"
TRIGRAMS = LEXICONS / "trigrams.npz"
_MIN_FREQ = 30  # a word jieba saw fewer times is too rare to correct towards
_MIN_FREQ_FOUR = 5  # four-character set phrases (警钟长鸣 9, 玲珑叠翠): rare in jieba's corpus, yet fixed
_RATIO = 10  # the candidate is not a word: jieba saw it at most 1/10 as often as the word it slips from (秸杆 5, 秸秆 131)
_MIN_GAIN = 8.0  # log-probability gain of the clause when corrected (e^8 ≈ 3,000 times likelier)
_MIN_GAIN_LOOKS = 9.0  # a similar-looking character: the groups are wide (走/起, 丁/小), so ask for more
_WINDOW = 6  # characters of the clause each side that the model reads
_LONGEST_WORD = 8
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                      "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_NUMBER_OPEN = frozenset("〔［[【")  # 人薪发［1995］32号: the abbreviation of an issuing office
_NAME_SUFFIX = frozenset("村镇乡街路巷桥山河湖江溪岭坡湾屯寨庄园厂店楼苑府堂寺庙馆队组区县市州省")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def codes_of(text: str) -> np.ndarray:
    """The code points of `text`; beyond the BMP as 0 (never part of a candidate: all are common characters)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes[codes > 0xFFFF] = 0
    return codes


def code_point_set(chars: Iterable[str]) -> np.ndarray:
    """Whether each code point of the BMP is one of `chars`: a table to index with codes_of's output (whose 0, a
    character beyond the BMP, is never one of them)."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars if c <= "\uffff"]] = True
    table[0] = False
    return table


def packed(codes: np.ndarray, length: int) -> np.ndarray:
    """Key of every run of `length` characters (at most 4): the code points, 16 bits each, in one uint64."""
    n = len(codes) - length + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    key = np.zeros(n, dtype=np.uint64)
    for k in range(length):
        key = (key << np.uint64(16)) | codes[k:k + n]
    return key


def _keys_of(words: list[str], length: int) -> np.ndarray:
    return packed(codes_of("".join(words)), length)[::length] if words else np.empty(0, np.uint64)


def lookup(keys: np.ndarray, probe: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position in `keys`, found) for every key of `probe`; `keys` sorted."""
    if not len(keys):
        return np.zeros(len(probe), dtype=np.int64), np.zeros(len(probe), dtype=bool)
    order = np.argsort(probe)  # sorted needles walk the same paths of the search: far fewer cache misses
    at = np.empty(len(probe), dtype=np.int64)
    at[order] = np.searchsorted(keys, probe[order])
    at[at == len(keys)] = 0
    return at, keys[at] == probe


@functools.lru_cache(maxsize=1)
def _confusables() -> dict[str, tuple[str, str]]:
    """char → (same-sounding common characters, similar-looking ones)."""
    sounds, shapes = homophones(False), typo_lexicon().shapes
    return {ch: (sounds.get(ch, ""), shapes.get(ch, "")) for ch in set(sounds) | set(shapes)}


def _everyday_words(length: int) -> list[str]:
    """Words a slip is corrected to; ordinals (第十三届) are left out: 第十三节 and 第十三条 are as right. So are
    words of three or more characters jieba tags as people's names (贾亚辛格, 达特茅斯): a transliteration or a name
    written otherwise is another, not a slip. Its shorter names and its idioms are often mis-tagged (陶醉, 顾客,
    石沉大海), and are kept."""
    freq = tokenizer().FREQ
    floor = _MIN_FREQ_FOUR if length == 4 else _MIN_FREQ
    names = tagged_words(PERSON_TAGS).difference(typo_lexicon().idioms) if length >= 3 else frozenset()
    return sorted(w for w, f in freq.items() if len(w) == length and f >= floor and _CJK.match(w)
                  and not w.startswith("第") and w not in names)


@functools.lru_cache(maxsize=4)
def word_keys(length: int) -> np.ndarray:
    """Sorted keys of the everyday words of `length` characters (what a slip is corrected to)."""
    return np.sort(_keys_of(_everyday_words(length), length))


def context_keys(codes: np.ndarray) -> np.ndarray:
    """Keys of (neighbour + word) and (word + neighbour) for every everyday word of two or three characters in
    a corpus (`codes_of` its text): what lexicons/word_contexts.npz holds (five characters do not fit a key;
    four-character words are specific enough)."""
    keys = [np.empty(0, np.uint64)]
    for length in (2, 3):
        run = packed(codes, length)
        where = np.nonzero(lookup(word_keys(length), run)[1])[0]
        longer = packed(codes, length + 1)
        keys += [longer[where[where > 0] - 1], longer[where[where < len(longer)]]]
    return np.unique(np.concatenate(keys))


def candidates_fingerprint() -> str:
    """A digest of the candidates counted into lexicons/attested.txt (variant_index without the corpus): the
    file's header records it, and a change to how candidates are generated makes the file stale until
    scripts/build_slip_data.py counts them again."""
    digest = hashlib.sha256()
    for length, (keys, _, _) in sorted(variant_index(use_corpus=False).items()):
        digest.update(length.to_bytes(1, "big") + keys.tobytes())
    return digest.hexdigest()[:16]


def attested_fingerprint() -> str | None:
    """The fingerprint the shipped lexicons/attested.txt was counted with (its header), if any."""
    with ATTESTED.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                return None
            if match := re.match(r"#\s*candidates:\s*([0-9a-f]+)", line):
                return match.group(1)
    return None


@functools.lru_cache(maxsize=1)
def attested() -> frozenset[str]:
    """Candidates correct government text uses, shipped and ops' own (ZWGK_LEXICON_DIR/attested.txt)."""
    return frozenset(word_list(ATTESTED.name))


@functools.lru_cache(maxsize=1)
def _contexts() -> frozenset[int]:
    """Keys of (neighbour + word) and (word + neighbour) seen in real text: a set, probed a few at a time."""
    if not CONTEXTS.is_file():
        return frozenset()
    with np.load(CONTEXTS) as data:
        return frozenset(data["keys"].tolist())


@functools.lru_cache(maxsize=1)
def _trigrams() -> np.ndarray:
    """Sorted keys of every run of three characters in the corpus of correct text (scripts/build_slip_data.py)."""
    if not TRIGRAMS.is_file():
        return np.empty(0, dtype=np.uint64)
    with np.load(TRIGRAMS) as data:
        return data["keys"]


def pair_uses(pair: str) -> int:
    """How many different characters follow the two characters `pair` in the corpus of correct text (runs of
    three characters): 0 or 1 for a pair correct government text does not write (小姐), hundreds for 有关."""
    trigrams = _trigrams()
    if len(pair) != 2 or not len(trigrams):
        return 0
    low = _key(pair) << 16
    return int(np.searchsorted(trigrams, np.uint64(low + 0xFFFF), side="right")
               - np.searchsorted(trigrams, np.uint64(low), side="left"))


def reads_as_attested(text: str, lo: int, hi: int) -> bool:
    """Every run of three characters of `text` that overlaps text[lo:hi] occurs in correct text.

    A variant that reads so at its edit (可依法申请 for 可以依法申请, 采取有力措施 for 采取有效措施) is
    another way of saying it, not a slip; a slip leaves a run no correct text has (黑险恶, 责的的, 万元下).
    For an edit that dropped a character, text[lo:hi] is the two characters on either side of the gap.
    """
    probe = packed(codes_of(text[max(0, lo - 2):hi + 2]), 3)  # the runs that start before `hi`
    return bool(len(probe)) and bool(lookup(_trigrams(), probe)[1].all())


def seen_trigrams(text: str) -> np.ndarray:
    """For each run of three characters of `text`, whether correct text has it (the corpus of build_slip_data)."""
    probe = packed(codes_of(text), 3)
    return lookup(_trigrams(), probe)[1] if len(probe) else np.zeros(0, dtype=bool)


_SELF = "己"
_FREE_WORD = 1000  # jieba's count of a character that stands as a word by itself (您 14737); 悦 (289) binds to 己
_ALREADY = "已"


_SPACES = " \t\u3000"
_SPACED_REACH = 16  # characters looked back over for the one before the spaces (not the page's whole prefix per 己)


def find_self_for_already(text: str) -> list[dict[str, str | int]]:
    """己 typed for 已 (您己进入, 早己): the single most common look-alike slip of official text, which the
    word model cannot see (已 is a word of one character). 己 is a slip when it is in no word of jieba's
    dictionary (自己, 知己, 据为己有, 严于律己 …), the character before it is a word by itself (您己, not the
    new word 悦己), and correct text has a run of three characters around it with 已 (已进入) but none
    with 己."""
    words = tokenizer().FREQ
    hits: list[dict[str, str | int]] = []
    at = text.find(_SELF)
    while at >= 0:
        window = text[max(0, at - 3):at + 4]
        i = at - max(0, at - 3)
        in_word = any(words.get(window[a:b]) for a in range(i + 1) for b in range(i + 1, len(window) + 1)
                      if 2 <= b - a <= 4)
        before = text[at - 1:at] if at else ""
        free = not before or not _is_cjk(before) or words.get(before, 0) >= _FREE_WORD  # 您|己, not 悦己 (a new word)
        if before and before in _SPACES:  # 自 己: a word cut by spaces in the extracted text (a short look back only)
            spaced = text[max(0, at - _SPACED_REACH):at].rstrip(_SPACES)[-1:]
            in_word = in_word or bool(spaced and words.get(spaced + _SELF))
        if not in_word and free and _is_cjk(text[at + 1:at + 2] or "a"):
            near = text[max(0, at - 1):at + 3]  # the runs of three that hold the character: left and right
            k = at - max(0, at - 1)
            fixed = near[:k] + _ALREADY + near[k + 1:]
            if seen_trigrams(fixed).any() and not seen_trigrams(near).any() or _before_a_verb(text, at, before):
                hits.append({"start": at, "end": at + 1, "matched": _SELF, "suggestion": _ALREADY})
        at = text.find(_SELF, at + 1)
    at = text.find(_SNAKE)
    while at >= 0:  # 巳, the sixth earthly branch, for 已 (清算退费工作巳结束: blind401, round 52)
        if text[at - 1:at] not in _BRANCHES_AND_STEMS and text[at + 1:at + 2] not in _BRANCHES_AND_STEMS + _SNAKE_AFTER \
                and text[at - 1:at] != "上" and _before_a_verb(text, at, text[at - 1:at]):
            hits.append({"start": at, "end": at + 1, "matched": _SNAKE, "suggestion": _ALREADY})
        at = text.find(_SNAKE, at + 1)
    return sorted(hits, key=lambda h: int(h["start"]))


# 己 or 巳 right before a verb (or 无, 过, 被, 在, 于, 为), after a character that is no verb and no classical binding
# of 己 (为己有, 正己修身, 尽己所能, 不顾己安): 时间己过2年, 指挥部己无资金, 紫金户籍、己报到的 (round 52, where the
# three-character runs decide nothing: 已报到 is rare in the laws). On the 70 MB of correct text (text_real's 23 MB,
# all other LawRefBook/Laws, People's Daily 1998, LEMON, csc_hard) it adds no hit; the 11 published 己-for-已 rows:
# 3 → 9 found. 巳 is written in the 70 MB twice, both times among the branches (寅巳申三刑) or in a name
_AFTER_ALREADY = frozenset(("无", "过", "被", "在", "于", "为"))
_BINDS_SELF = frozenset("为正尽顾修推舍克律利损")
_SNAKE = "巳"
_BRANCHES_AND_STEMS = "子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸"
_SNAKE_AFTER = "时年月日刻蛇节"  # 巳时, 巳年, 巳蛇


def _before_a_verb(text: str, at: int, before: str) -> bool:
    if before in _BINDS_SELF or before in _verb_words():
        return False
    after = tokenizer().lcut(text[at + 1:at + 6], HMM=False)
    return bool(after) and (after[0] in _verb_words() or after[0] in _AFTER_ALREADY or text[at + 1:at + 3] in _verb_words())


@functools.lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    return tagged_words(frozenset({"v"}))


def _key(chars: str) -> int:
    encoded = chars.encode("utf-16-be", "surrogatepass")
    if len(encoded) == 2 * len(chars):  # every character in the BMP: its 16 bits as they stand
        return int.from_bytes(encoded, "big")
    key = 0
    for ch in chars:
        key = (key << 16) | (ord(ch) if ord(ch) <= 0xFFFF else 0)
    return key


@functools.lru_cache(maxsize=1)
def _confusion_table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, end) per code point into (code points of its confusables, same-sounding flags): CSR arrays."""
    starts, ends = np.zeros(0x10000, dtype=np.int64), np.zeros(0x10000, dtype=np.int64)
    others: list[int] = []
    sounds: list[bool] = []
    for ch, (same, looks) in sorted(_confusables().items()):
        if ord(ch) > 0xFFFF:
            continue
        starts[ord(ch)] = len(others)
        alike = [(c, True) for c in same] + [(c, False) for c in looks if c not in same]
        others += [ord(c) for c, _ in alike if ord(c) <= 0xFFFF]
        sounds += [flag for c, flag in alike if ord(c) <= 0xFFFF]
        ends[ord(ch)] = len(others)
    return np.stack([starts, ends]), np.array(others, dtype=np.uint64), np.array(sounds, dtype=bool)


def _words_freq(length: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted keys of every jieba word of `length` characters, and their frequencies."""
    freq = tokenizer().FREQ
    words = [w for w, f in freq.items() if len(w) == length and f > 0 and all(ord(c) <= 0xFFFF for c in w)]
    keys = _keys_of(words, length)
    order = np.argsort(keys)
    return keys[order], np.array([freq[w] for w in words], dtype=np.int64)[order]


@functools.lru_cache(maxsize=1)
def _seen_words() -> np.ndarray:
    """Sorted keys of every run of characters that the context keys begin or end with (a superset of the
    everyday words seen in the corpus beside another character)."""
    with np.load(CONTEXTS) as data:
        keys = data["keys"]
    return np.unique(np.concatenate([keys >> np.uint64(16), keys & np.uint64((1 << 32) - 1),
                                     keys & np.uint64((1 << 48) - 1)]))


@functools.lru_cache(maxsize=1)
def _seen_pairs() -> np.ndarray:
    """Sorted keys of every pair of characters that begins a run of three in the corpus of correct text."""
    return np.unique(_trigrams() >> np.uint64(16))


def _seen_pair_at(variant: np.ndarray, length: int, i: int) -> np.ndarray:
    """For each key of `length` characters, whether a pair holding its character `i` is seen in correct text."""
    pairs, seen = _seen_pairs(), np.zeros(len(variant), dtype=bool)
    for j in (i - 1, i):
        if 0 <= j <= length - 2:
            seen |= lookup(pairs, (variant >> np.uint64(16 * (length - 2 - j))) & np.uint64(0xFFFFFFFF))[1]
    return seen


@functools.lru_cache(maxsize=2)
def variant_index(use_corpus: bool = True) -> dict[int, tuple[np.ndarray, np.ndarray, tuple[str, ...]]]:
    """length → (sorted candidate keys, index of the word each slips from, the words).

    A candidate close to several words slips from the same-sounding one first (分岐 → 分歧, not 分支),
    then from the more frequent one. Built with numpy (~4.8 million candidates, ~8 CPU seconds) once per
    fingerprint and kept on disk (checks.compiled_cache).
    """
    def dump(index: dict) -> dict:
        return {n: (array_data(keys), array_data(words_at), words) for n, (keys, words_at, words) in index.items()}

    def load(raw: dict) -> dict:
        return {n: (data_array(keys), data_array(words_at), words) for n, (keys, words_at, words) in raw.items()}

    return cached("word-variants", [use_corpus], lambda: _variant_index(use_corpus), dump, load)


def _variant_index(use_corpus: bool) -> dict[int, tuple[np.ndarray, np.ndarray, tuple[str, ...]]]:
    freq = tokenizer().FREQ
    (starts, ends), others, sounds = _confusion_table()
    lexicon = typo_lexicon()
    out = {}
    for length in (2, 3, 4):
        words = _everyday_words(length)
        never = [w for w in (*lexicon.places, *lexicon.idioms, *(attested() if use_corpus else ())) if len(w) == length]
        never_keys = np.sort(_keys_of(never, length))
        known_keys, known_freq = _words_freq(length)
        word_keys_ = _keys_of(words, length)
        word_freq = np.array([freq[w] for w in words], dtype=np.int64)
        codes = codes_of("".join(words)).reshape(len(words), length) if words else np.zeros((0, length), np.uint64)
        parts = []
        for i in range(length):
            ch = codes[:, i].astype(np.int64)
            count = ends[ch] - starts[ch]
            word_at = np.repeat(np.arange(len(words)), count)
            slot = np.repeat(starts[ch] - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
            shift = np.uint64(16 * (length - 1 - i))
            variant = word_keys_[word_at] - (codes[word_at, i] << shift) + (others[slot] << shift)
            if use_corpus and length == 4:  # a rare set phrase: only slips that leave pairs correct text never has
                rare = word_freq[word_at] < _MIN_FREQ
                fine = ~rare | ~_seen_pair_at(variant, length, i)
                variant, word_at, slot = variant[fine], word_at[fine], slot[fine]
            parts.append((variant, word_at, sounds[slot]))
        variant = np.concatenate([p[0] for p in parts])
        word_at = np.concatenate([p[1] for p in parts])
        same_sound = np.concatenate([p[2] for p in parts])
        at, is_word = lookup(known_keys, variant)
        keep = ~(is_word & (known_freq[at] * _RATIO > word_freq[word_at])) & ~lookup(never_keys, variant)[1]
        if use_corpus and length <= 3:
            # a word never seen beside another character in the corpus fails sign 2 wherever it is: drop early
            keep &= lookup(_seen_words(), word_keys_)[1][word_at]
        variant, word_at, same_sound = variant[keep], word_at[keep], same_sound[keep]
        # best first within each key: same-sounding, then the more frequent word
        order = np.lexsort((-word_freq[word_at], ~same_sound, variant))
        variant, word_at = variant[order], word_at[order]
        first = np.ones(len(variant), dtype=bool)
        first[1:] = variant[1:] != variant[:-1]
        out[length] = (variant[first], word_at[first].astype(np.int32), tuple(words))
    return out


@functools.lru_cache(maxsize=1)
def _bloom_filters() -> dict[int, BucketTable]:
    """The probing table of the candidates of each length, compiled once per fingerprint and kept on disk
    (checks.compiled_cache)."""
    return cached("word-probes", [], _build_bloom_filters, lambda index: {n: t.dump() for n, t in index.items()},
                  lambda raw: {n: BucketTable.load(table) for n, table in raw.items()})


def _build_bloom_filters() -> dict[int, BucketTable]:
    return {n: bucket_table(keys, word_of) for n, (keys, word_of, _) in variant_index().items()}


_PATHS: dict[str, tuple[float, tuple[int, ...]]] = {}  # clause → _best_path, for the tokenizer in _PATHS_OF
_PATHS_OF: list[object] = [None]
_MAX_PATHS = 100_000


def _best_path(text: str) -> tuple[float, list[int]]:
    """Log probability of the best segmentation of `text` under jieba's unigram model, and its cuts.
    Remembered per clause: government texts repeat their clauses, and this runs in Python."""
    tk = tokenizer()
    if _PATHS_OF[0] is not tk:
        _PATHS.clear()
        _PATHS_OF[0] = tk
    known = _PATHS.get(text)
    if known is not None:
        return known[0], list(known[1])
    freq, log_total = tk.FREQ, math.log(tk.total)
    n = len(text)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice = (-math.inf, i + 1)
        for j in range(i + 1, min(n, i + _LONGEST_WORD) + 1):
            f = freq.get(text[i:j])
            if j == i + 1 or f:
                choice = max(choice, (math.log(f or 1) - log_total + best[j][0], j))
        best[i] = choice
    cuts, i = [0], 0
    while i < n:
        i = best[i][1]
        cuts.append(i)
    if len(_PATHS) >= _MAX_PATHS:
        _PATHS.clear()
    _PATHS[text] = (best[0][0], tuple(cuts))
    return best[0][0], cuts


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and start - left < _WINDOW and _is_cjk(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and right - end < _WINDOW and _is_cjk(text[right]):
        right += 1
    return left, right


def _reads_better(text: str, start: int, end: int, word: str, same_sound: bool) -> float | None:
    """Sign 1: the gain of the correction, or None when the clause does not read much better with `word`."""
    left, right = _clause(text, start, end)
    before, pieces = _best_path(text[left:right])
    after, cuts = _best_path(text[left:start] + word + text[end:right])
    gain = after - before
    # the corrected word is one token of the better reading, or inside one (烈士陵园)
    token = next(k for k in range(len(cuts) - 1) if cuts[k + 1] > start - left)
    if gain < (_MIN_GAIN if same_sound else _MIN_GAIN_LOOKS) or cuts[token] > start - left or cuts[token + 1] < end - left:
        return None
    changed = start - left + next(k for k, (a, b) in enumerate(zip(text[start:end], word, strict=True)) if a != b)
    if changed not in pieces or changed + 1 not in pieces:
        # the odd character belongs to a word of the clause as written (梯度仪及, 自备): no slip; but inside a
        # four-character phrase the slip is what makes that word (西冷印社, 黄浦军校, 致胜之道): a word that stays
        # within the phrase does not speak against it
        lo, hi = max(c for c in pieces if c <= changed), min(c for c in pieces if c > changed)
        if len(word) < 4 or lo < start - left or hi > end - left:
            return None
    return gain


def _neighbours_seen(text: str, start: int, end: int, word: str) -> bool:
    """Sign 2: the corrected word is seen in real text beside both its neighbours here (a word at a clause's
    edge, in a heading or a table cell, has too little context to judge; 4-character words: their length is
    evidence enough, and five characters do not fit a key; so is a common longer word the correction forms)."""
    if len(word) > 3:
        return True
    left, right = text[start - 1:start], text[end:end + 1]
    if left and right and _is_cjk(left) and _is_cjk(right):
        contexts = _contexts()
        if _key(left + word) in contexts and _key(word + right) in contexts:
            return True
    return _in_longer_word(text, start, end, word)  # after the two set lookups: it probes up to ~30 strings


def _in_longer_word(text: str, start: int, end: int, word: str) -> bool:
    """Corrected, the word is part of a common longer word with its neighbours (烈土陵园 → 烈士陵园): as good a
    context as a four-character word's."""
    left, right = text[start - 1:start], text[end:end + 1]
    pieces = _longer_word_pieces()
    if not ((left and left + word in pieces) or (right and word + right in pieces)):
        return False  # a longer word holding the correction holds it with one of its neighbours
    freq = tokenizer().FREQ
    for size in range(max(4, len(word) + 1), _LONGEST_WORD + 1):
        for first in range(max(0, end - size), start + 1):
            if first + size > len(text):
                break
            longer = text[first:start] + word + text[end:first + size]  # `size` characters: the word replaces its slip
            # ordinals (第十三届) are no target: 第十三节 is another ordinal
            if not longer.startswith("第") and freq.get(longer, 0) >= _MIN_FREQ:
                return True
    return False


@functools.lru_cache(maxsize=1)
def _longer_word_pieces() -> frozenset[str]:
    """Every run of three or four characters inside a common word of four or more (what `_in_longer_word` accepts):
    one set lookup rules out most candidates before it slices the text some thirty ways."""
    return frozenset(w[k:k + n] for w, f in tokenizer().FREQ.items()
                     if len(w) >= 4 and f >= _MIN_FREQ and not w.startswith("第")
                     for n in (3, 4) for k in range(len(w) - n + 1))


_NAME_DOTS = "·•‧・"  # between the parts of a transliterated name (克丽斯塔·谢富勒)
_PERSON_AFTER = frozenset(("同志", "先生", "女士"))  # "单伟同志在电话中告诉…" (People's Daily, 1998): a name, no 单位
# a role or an era before a surname: what follows is a name ("教导员陈立的提醒", "清人陈舒的《天中佳卉图》": People's
# Daily, 2023–24, as zejunwang1/csc_hard quotes it; no 成立, no 陈述)
_ROLES = ("记者", "通讯员", "主任", "书记", "局长", "处长", "科长", "县长", "市长", "镇长", "乡长", "村长", "厂长", "校长",
          "院长", "所长", "站长", "队长", "组长", "部长", "厅长", "教授", "院士", "医生", "老师", "教导员", "指导员",
          "民警", "警官", "律师", "法官", "总经理", "董事长", "经理", "委员", "代表", "清人", "明人", "宋人", "唐人")


def _looks_like_a_name(text: str, start: int, end: int) -> bool:
    """Sign 3, negated: a given name after a surname, a village, road or firm named with the characters, a part
    of a transliterated name, a household named by its surname ("在郭家和闫家", People's Daily 1998: no 国家), a
    person before 同志, 先生 or 女士 or after a role (教导员陈立)."""
    before, after = text[start - 1] if start else "", text[end] if end < len(text) else ""
    return bool(before in SURNAMES or before.isdigit() or after in _NAME_SUFFIX or after in _NUMBER_OPEN
                or text[end:end + 2] in _PERSON_AFTER
                or (text[start] in SURNAMES and text[max(0, start - 4):start].endswith(_ROLES))
                or (end - start == 2 and text[start] in SURNAMES and text[start + 1] == "家")
                or (before and before in _NAME_DOTS) or (after and after in _NAME_DOTS)
                or text.count(text[start:end]) > 1)


_LIST_MARKS = "、，,；;：: \u3000"
_ROLL = 3  # items of two or three characters in a row: a roll of names (谢国良、谢德财、裴九洲、管德)


def given_name(text: str, start: int, end: int) -> bool:
    """A two-character slip that is someone's given name: right after a common surname that starts an item of a
    list (、董九洲为省人大常委会副主任; not 工程峻工, 于禁鱼区), or the last two characters of an item in a roll of
    short names (、裴九洲、)."""
    if end - start != 2:
        return False
    if start and text[start - 1] in SURNAMES and (start == 1 or text[start - 2] in _LIST_MARKS):
        return True
    offset = max(0, start - 30)
    items = re.split(f"[{_LIST_MARKS}]", text[offset:end + 30])
    pos = 0
    for k, item in enumerate(items):
        if pos + len(item) == end - offset and len(item) == 3:
            short = [len(x) in (2, 3) and all(_is_cjk(c) for c in x) for x in items[max(0, k - 2):k + 3]]
            return sum(short) >= _ROLL
        pos += len(item) + 1
    return False


_UNNAMED = "某"  # a placeholder written on purpose (总参某部, 张某, 某村): never a slip of 谋 or 亩


def _another_number(text: str, start: int, i: int, word: str) -> bool:
    """The slip is a number or a counter after one: a numeral for another (合三为一 is three merged into one), or
    the character after a number of two numerals or more (七十二巷 are seventy-two lanes, not 七十二项; People's
    Daily, 1998). A lone 一 before it is no number (一针见血, 一触即发, 偏安一隅)."""
    return (text[start + i] in CHINESE_NUMERALS and word[i] in CHINESE_NUMERALS) or \
        (i > 1 and word[i - 1] in CHINESE_NUMERALS and word[i - 2] in CHINESE_NUMERALS)


_NEAR = 8  # characters each side in which the corrected word itself stands for a contrast (中期和终期)


_JOINS = ("和", "与", "及", "或", "、", "至", "到", "跟", "同", "以及", "或者", "还是", "和/或", "/")


def _contrasted(text: str, start: int, end: int, word: str) -> bool:
    """The corrected word stands right beside the candidate: the two are set side by side on purpose
    (开展中期和终期评估), a typist who slipped would have slipped the same way, or not at all. A candidate that
    is a word of jieba's dictionary counts so with the word anywhere near; one that is no word (车俩) only when
    a conjunction joins the two (中期和终期): near its right form, a non-word is the slip of a text that
    otherwise writes it right (向通行收费公路的车俩收取车辆通行费)."""
    if tokenizer().FREQ.get(text[start:end], 0):
        return word in text[max(0, start - _NEAR - len(word)):start] or word in text[end:end + _NEAR + len(word)]
    before, after = text[max(0, start - len(word) - 3):start], text[end:end + len(word) + 3]
    return any(before.endswith(word + join) or after.startswith(join + word) for join in _JOINS)


def _list_head(text: str, start: int, i: int) -> bool:
    """The odd character ends the items of a list just before (重力仪、重力梯度仪及为其专门设计的部件): it is
    the head of this item too, not a slip of the word it begins (以及)."""
    odd = text[start + i]
    before = text[max(0, start - _NEAR - 4):start]
    return i == 0 and any(odd + mark in before for mark in "、，,")


def _rare_but_read(text: str, start: int, end: int, word: str, i: int) -> bool:
    """A set phrase jieba saw fewer than `_MIN_FREQ` times (警钟长鸣 9) is corrected towards only where the slip
    leaves character pairs correct text never writes (钟常, 常鸣): 主辅食品 has 主辅, a term, not 主副食品."""
    if tokenizer().FREQ.get(word, 0) >= _MIN_FREQ:
        return False
    written = text[start:end]
    pairs = [written[k:k + 2] for k in (i - 1, i) if k >= 0 and k + 2 <= len(written)]
    return any(pair_uses(pair) for pair in pairs)


Candidates = dict[int, tuple[int, str]]  # start → (length, the word the text there may slip from)


@functools.lru_cache(maxsize=2)
def text_codes(text: str) -> np.ndarray:
    """The code points of `text` (`codes_of`): what the candidate slips, the swaps (checks.transpositions) and
    the classical lines (checks.classic_lines) of one text are probed with (checks.run_probes), computed once
    for all three."""
    return codes_of(text)


def candidates(text: str) -> Candidates:
    """Every candidate slip in `text`, judged or not: the first (longest-listed) candidate at each start."""
    found: Candidates = {}
    codes, probes = text_codes(text), _bloom_filters()
    for length, (_, _, words) in variant_index().items():  # 2, 3, 4
        starts, word = probes[length].find(codes, length)
        for start, k in zip(starts.tolist(), word.tolist(), strict=True):
            found.setdefault(start, (length, words[k]))
    return found


def candidate_strings(text: str, found: Candidates) -> set[str]:
    """The candidate slips of `text` as written (to count in how many documents each recurs)."""
    return {text[start:start + length] for start, (length, _) in found.items()}


def find_word_slips(text: str, found: Candidates | None = None) -> list[dict[str, str | int | float]]:
    """Every one-character slip of an everyday word in `text`: start, end, matched, suggestion, gain.
    `found`: the candidates of `text` when the caller has them already."""
    found = candidates(text) if found is None else found
    hits: list[dict[str, str | int | float]] = []
    taken = -1
    for start in sorted(found):
        length, word = found[start]
        end = start + length
        if start < taken or not _neighbours_seen(text, start, end, word) or _looks_like_a_name(text, start, end):
            continue
        i = next(k for k in range(length) if text[start + k] != word[k])
        if _contrasted(text, start, end, word) or _list_head(text, start, i) or _rare_but_read(text, start, end, word, i):
            continue
        if _another_number(text, start, i, word) or text[start + i] == _UNNAMED:
            continue
        same_sound = text[start + i] in _confusables().get(word[i], ("", ""))[0]
        gain = _reads_better(text, start, end, word, same_sound)
        if gain is None:
            continue
        hits.append({"start": start, "end": end, "matched": text[start:end], "suggestion": word, "gain": round(gain, 1)})
        taken = end
    return hits
