"""Confusables wrong only in context (截止/截至, 权利/权力, 形式/形势, 期间/其间): both forms are words.

No list of wrong forms can catch them: "截止日期" and "截至年底" are both right, "截止年底" and "截至日期"
both wrong. The words around them decide. lexicons/context_pairs.tsv names the sourced pairs;
lexicons/context_counts.tsv (built by scripts/build_context_data.py from public correct government text,
~13 M characters of laws and regulations) holds, for every word of a pair, how often each character and
each pair of characters was seen right before it and right after it, and each character on both sides at
once. Digits are counted as one class and
punctuation and line breaks as one clause boundary, so that "截至2023年" and "截至6月" teach the same thing.

A word W of a pair (W, V) is reported as V only when the corpus is clear about it, because a wrong
deduction is worse than a missed one:
1. for each side the model reads the two neighbouring characters, or the one when the two were seen too
   seldom with either word; P(x | left, right) ∝ n(left, x) · n(x, right) / n(x) must favour V over W by
   `_MIN_RATIO` or more;
2. V was seen with the neighbours on both sides and W not more often than V on either; on at least one side
   W was never seen with its two neighbouring characters while V was seen with them `_MIN_SEEN` times or
   more (`_MIN_SEEN_MINED` for the pairs mined from a set of slips): "国家权利机关" → 国家权力 (45 times),
   国家权利 never;
Or, for a usage pair (not one mined from a set of slips): V forms a word of jieba's dictionary (seen
`_COMPOUND_MIN` times or more) with a neighbour or two that W was never seen with, and W forms no such
word with them (过度期 → 过渡期, 世界记录 → 世界纪录).
Or, when neither of these speaks (one side says nothing, or each side was seen with both words): correct text
put the alternative between the same two neighbouring characters `_MIN_SEEN_JOINT` times or more, and the word
at most 1/`_JOINT_RATIO` of what the two words' totals lead one to expect, and neither side favours the word
("学所必须的。" → 必需: 所必需的 114 times in 297, 所必须的 5 times in 2,900). This is the only rule for the
same-sounding pairs generated from jieba's dictionary (行使/行驶): one side alone misleads on them (工程勘察 111
times, 工程勘查 never, both right).
Either way,
3. the word stands as a word of the clause (jieba), not as part of a longer one (学期间, 反应堆), and with
   one or two of its neighbours it is not a word of jieba's dictionary (示范学校 is a term, not 师范学校).

By part of speech, for the pairs of `POS_PAIRS` only (an adverb and a word that is no adverb, 必须/必需): the
word that is no adverb is reported as the adverb when the word right after it (jieba) followed the adverb
`_MIN_NEXT` times or more in correct text and never followed it ("儿童必需接受教育" → 必须: 必须接受 13 times,
必需接受 never; "必需经费" and "必需品" stay: 经费 and 品 follow 必需). The counts are keys "N" + word.

A pair mined from a set of real slips (ECSpell's odw.train: 自治 typed for 资质) is judged one way only, from
the typed word to the meant one; usage pairs both ways. Measured in benchmarks/text_real.py. Ops add pairs
(and counts from their own text) under the `ZWGK_LEXICON_DIR` setting, in files of the same names and formats.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ahocorasick_rs import AhoCorasick, MatchKind

from checks.lexicon import lexicon_paths, noted_list, on_word_boundaries, small_automaton, tokenizer

PAIRS = "context_pairs.tsv"
KEPT = "context_kept.txt"
COUNTS = "context_counts.tsv"
_MIN_RATIO = 200.0  # the alternative is at least this many times likelier in these surroundings
_MIN_SEEN = 5  # ... and seen at least this often with the neighbour where the written word never was
_MIN_SEEN_MINED = 20  # pairs mined from a training set of slips (示范/师范) are no usage pairs: ask for more
_MINED = "ECSpell"  # the source column of mined pairs starts with this
# the source column of the pairs generated from jieba's dictionary and pypinyin (two common words one same-sounding
# character apart: 公证/公正): no usage pairs either, judged as strictly as mined pairs, but both ways
_HOMOPHONE = "同音词对（自动生成：jieba 词典中一字同音同调的两个常用词，两词在语料中各见20次以上）"
_COMPOUND_MIN = 20  # jieba's dictionary holds the word the alternative forms here at least this often ...
_COMPOUND_RATIO = 10  # ... and this many times as often as what is written (创纪录 69, 创记录 3)
_MIN_SEEN_JOINT = 20  # _significant: the alternative between these two neighbours at least this often ...
_JOINT_RATIO = 50.0  # ... and the word there at most 1/this of what the two words' totals lead one to expect
_MIN_LEVEL = 3  # two-character neighbours seen fewer times with either word: read the single character
_ALPHA = 0.5
_BOUNDARY = "，"
_DIGIT = "0"
_LATIN = "a"
_ALL_CJK = re.compile("[\u4e00-\u9fff]{4}$")
# (adverb, the word that is no adverb, why): the dictionary's parts of speech tell them apart, so the word that
# follows decides; scripts/build_context_data.py counts the word after each (keys "N" + word)
POS_PAIRS = (("必须", "必需", "“必须”是副词（一定要），用在动词前；“必需”是形容词/动词（不可缺少的），修饰或带名词"
              "（《现代汉语词典》第7版）"),)
_MIN_NEXT = 10  # the word after it followed the adverb at least this often in correct text, the other word never
_NEXT_WINDOW = 8


def norm_char(ch: str) -> str:
    """A neighbour as counted: digits one class, Latin letters one class, any non-CJK symbol a boundary."""
    if ch.isdigit():
        return _DIGIT
    if ch.isascii() and ch.isalpha() or "ａ" <= ch <= "ｚ" or "Ａ" <= ch <= "Ｚ":
        return _LATIN
    if "\u4e00" <= ch <= "\u9fff" or ch in "〇":
        return ch
    return _BOUNDARY


def neighbours(text: str, start: int, end: int) -> tuple[str, str, str, str]:
    """(two left, one left, one right, two right) normalised neighbours of text[start:end]."""
    left, right = text[max(0, start - 2):start], text[end:end + 2]
    if _ALL_CJK.match(left + right) and len(left) == len(right) == 2:  # the common case, quickly
        return left, left[1], right[0], right
    left = "".join(norm_char(c) for c in text[max(0, start - 2):start]).rjust(2, _BOUNDARY)
    right = "".join(norm_char(c) for c in text[end:end + 2]).ljust(2, _BOUNDARY)
    if _BOUNDARY in left[1:]:  # nothing is read across a clause boundary
        left = _BOUNDARY * 2
    elif left[0] == _BOUNDARY:
        left = _BOUNDARY + left[1]
    if right[0] == _BOUNDARY:
        right = _BOUNDARY * 2
    return left, left[1], right[0], right


@dataclass(frozen=True)
class ContextModel:
    alternatives: dict[str, tuple[str, ...]]  # word → the words it is confused with
    sources: dict[frozenset[str], str]
    counts: dict[str, dict[str, int]]  # word → {"L" + neighbour or "R" + neighbour: count}
    totals: dict[str, int]
    automaton: AhoCorasick | None
    words: tuple[str, ...]
    telling: dict[str, frozenset[str]]  # word → the neighbours ("L" or "R" and two characters, "B" and one either
    # side) that can speak against it
    usage: frozenset[str]  # words of usage pairs (not mined from a set of slips): the dictionary test applies
    next_words: dict[str, dict[str, int]]  # word of `POS_PAIRS` → {the word right after it: count}
    # what `_verdict` said of each word with its two neighbours either side (the texts repeat them often)
    verdicts: dict[tuple[str, int, int], tuple[str, str] | None] = field(default_factory=dict, compare=False,
                                                                         repr=False)


def _strict(source: str) -> bool:
    """A pair mined from slips or generated from sounds, not one that style guides discuss."""
    return source.startswith((_MINED, _HOMOPHONE))


@functools.lru_cache(maxsize=1)
def context_model() -> ContextModel:
    alternatives: dict[str, set[str]] = defaultdict(set)
    sources: dict[frozenset[str], str] = {}
    for path in lexicon_paths(PAIRS):
        for line in path.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 2 or parts[0] == parts[1] or not parts[0] or not parts[1]:
                continue
            a, b = parts[0].strip(), parts[1].strip()
            source = parts[2].strip() if len(parts) > 2 else ""
            alternatives[b].add(a)
            if not source.startswith(_MINED):  # a mined pair goes one way: what was typed (b) → the word meant (a)
                alternatives[a].add(b)
            sources.setdefault(frozenset((a, b)), source)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    next_words: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for path in lexicon_paths(COUNTS):
        for line in path.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) != 3:
                continue
            word, key, n = parts[0], parts[1], int(parts[2])
            if key == "*":
                totals[word] += n
            elif key[0] == "N":
                next_words[word][key[1:]] = next_words[word].get(key[1:], 0) + n
            else:
                counts[word][key] = counts[word].get(key, 0) + n
    words = tuple(sorted(alternatives))
    automaton = small_automaton(words, MatchKind.LeftmostLongest) if words else None
    telling = {w: frozenset(key for o in alternatives[w] for key, n in counts.get(o, {}).items()
                            if len(key) == 3 and key[0] in "LRB" and n >= _MIN_SEEN and not counts.get(w, {}).get(key))
               for w in words}
    usage = frozenset(w for pair, source in sources.items() if not _strict(source) for w in pair)
    return ContextModel({w: tuple(sorted(v)) for w, v in alternatives.items()}, sources, dict(counts),
                        dict(totals), automaton, words, telling, usage, dict(next_words))


def _side(model: ContextModel, words: tuple[str, ...], side: str, two: str, one: str) -> tuple[str, dict[str, int]]:
    """The neighbour read on one side (two characters, or one when two were seen too seldom) and its counts."""
    seen = {w: model.counts.get(w, {}).get(side + two, 0) for w in words}
    if sum(seen.values()) >= _MIN_LEVEL:
        return two, seen
    return one, {w: model.counts.get(w, {}).get(side + one, 0) for w in words}


def _compound(text: str, start: int, end: int, word: str, other: str, seen: dict[str, int],
              near: tuple[str, str, str, str] | None = None) -> tuple[str, int] | None:
    """A word of jieba's dictionary that `other` forms with a neighbour or two, where `word` forms none (or one
    at least `_COMPOUND_RATIO` times rarer) and correct text never put `word` next to them (火山暴发 → 火山爆发,
    频创记录 → 创纪录). `near`: neighbours(text, start, end) when the caller has them."""
    freq = tokenizer().FREQ
    l2, l1, r1, r2 = near or neighbours(text, start, end)
    for a, b, key in ((start - 2, end, "L" + l2), (start - 1, end, "L" + l1), (start, end + 1, "R" + r1),
                      (start, end + 2, "R" + r2)):
        if a < 0 or b > len(text) or seen.get(key) or _BOUNDARY in key:
            continue
        written, wanted = text[a:b], text[a:start] + other + text[end:b]
        if freq.get(wanted, 0) >= _COMPOUND_MIN and freq.get(wanted, 0) >= _COMPOUND_RATIO * freq.get(written, 0):
            # the one borrowed neighbour begins (or ends) a commoner word with the next character: "反映物价" is
            # 反映 + 物价, not 反应物 (within the two characters either side that the verdicts are kept by)
            own = text[end:end + 2] if b == end + 1 else text[start - 2:start] if a == start - 1 and a >= 1 else ""
            if len(own) == 2 and freq.get(own, 0) > freq[wanted]:
                continue
            return wanted, freq[wanted]
    return None


def judge(text: str, start: int, end: int, near: tuple[str, str, str, str] | None = None) -> tuple[str, str] | None:
    """(suggestion, reason) when the word text[start:end] of a pair reads as its alternative here.
    `near`: neighbours(text, start, end) when the caller has them."""
    model = context_model()
    word = text[start:end]
    others = tuple(o for o in model.alternatives.get(word, ()) if model.totals.get(o, 0))
    if not others or not model.totals.get(word):
        return None
    near = near or neighbours(text, start, end)
    l2, l1, r1, r2 = near
    words = (word, *others)
    left, n_left = _side(model, words, "L", l2, l1)
    right, n_right = _side(model, words, "R", r2, r1)
    for other in others:  # a usage pair whose other form makes a dictionary word here, never seen as written
        source = model.sources.get(frozenset((word, other)), "")
        if _strict(source):
            continue
        compound = _compound(text, start, end, word, other, model.counts.get(word, {}), near)
        if compound:
            return other, (f"“{word}”与“{other}”易混：此处应构成词语“{compound[0]}”（分词词典词频{compound[1]}），"
                           f"正确文本中未见“{word}”用于此语境；易混词来源：{source}")

    def score(w: str) -> float:
        return (math.log(n_left[w] + _ALPHA) + math.log(n_right[w] + _ALPHA)
                - math.log(model.totals[w] + _ALPHA))

    best = max(others, key=score)
    if model.sources.get(frozenset((word, best)), "").startswith(_HOMOPHONE) or \
            score(best) - score(word) < math.log(_MIN_RATIO) or min(n_left[best], n_right[best]) == 0 or \
            n_left[word] > n_left[best] or n_right[word] > n_right[best]:
        # each side must have been seen with the alternative, and neither side may favour the word; else only
        # a neighbourhood that correct text gives the alternative many times more often than chance can speak
        return _significant(model, word, others, (("L", left, n_left), ("R", right, n_right)), l1, r1)
    source = model.sources.get(frozenset((word, best)), "")
    least = _MIN_SEEN_MINED if _strict(source) else _MIN_SEEN
    strong = [(side, ctx, n[best]) for side, ctx, n in (("L", left, n_left), ("R", right, n_right))
              if n[word] == 0 and n[best] >= least and len(ctx.strip(_BOUNDARY)) == 2]
    if not strong:
        return _significant(model, word, others, (("L", left, n_left), ("R", right, n_right)), l1, r1)
    side, ctx, seen = strong[0]
    shown = ctx.replace(_DIGIT, "数字")
    where = f"“{shown}{best}”" if side == "L" else f"“{best}{shown}”"
    why = (f"“{word}”与“{best}”易混：此处语境中正确文本写作{where}（{seen}次），未见“{word}”"
           + (f"；易混词来源：{source}" if source else ""))
    return best, why


def _significant(model: ContextModel, word: str, others: tuple[str, ...],
                 sides: tuple[tuple[str, str, dict[str, int]], ...], l1: str, r1: str) -> tuple[str, str] | None:
    """(suggestion, reason) from both neighbouring characters at once: correct text put the alternative between
    them at least `_MIN_SEEN_JOINT` times, and the word at most 1/`_JOINT_RATIO` of the times that the two words'
    totals lead one to expect, and no side favours the word (each count relative to its word's total):
    "学所必须的。" → 必需 (所必需的 114 times in 297 of 必需; 所必须的 5 times in 2,900 of 必须, ~1,100 expected).
    One side alone, even two characters of it, is not enough: "邀请议案领衔代表" and "写明终止或者解除" are right
    although correct text wrote 邀请提案 47 times and 写明中止 5 times, never 邀请议案 or 写明终止. Only at a clause's
    edge, where there is no other side, do two characters of the one side speak alone, for a usage pair, on the
    same terms with the word never seen there: "任何异常反映。" → 反应 (异常反应 32 times, ~190 异常反映 expected)."""
    joint = "B" + l1 + r1
    (_, left, _), (_, right, _) = sides
    if _BOUNDARY in joint:  # at a clause's edge the one side there is has to speak alone, two characters of it
        edge = [("L" + left, left)] if not right.strip(_BOUNDARY) and len(left.strip(_BOUNDARY)) == 2 else \
            [("R" + right, right)] if not left.strip(_BOUNDARY) and len(right.strip(_BOUNDARY)) == 2 else []
        if not edge:
            return None
    for other in others:
        source = model.sources.get(frozenset((word, other)), "")
        if source.startswith(_MINED):
            continue
        scale = model.totals[word] / model.totals[other]
        if any(n[word] > n[other] * scale for _, _, n in sides):
            continue
        if _BOUNDARY in joint:
            if _strict(source):  # 工程勘查、 is right although correct text wrote 工程勘察 111 times, never 工程勘查
                continue
            key, ctx = edge[0]
            seen, mine = model.counts.get(other, {}).get(key, 0), model.counts.get(word, {}).get(key, 0)
            if not mine and seen >= _MIN_SEEN_JOINT and seen * scale >= _JOINT_RATIO:
                shown = ctx.replace(_DIGIT, "数字")
                where = f"“{shown}{other}”" if key[0] == "L" else f"“{other}{shown}”"
                return other, (f"“{word}”与“{other}”易混：此处（句读处）语境中正确文本写作{where}（{seen}次），未见“{word}”"
                               f"（按两词总次数，应见约{seen * scale:.0f}次）" + (f"；易混词来源：{source}" if source else ""))
            continue
        seen, mine = model.counts.get(other, {}).get(joint, 0), model.counts.get(word, {}).get(joint, 0)
        if seen >= _MIN_SEEN_JOINT and seen * scale >= _JOINT_RATIO * max(mine, 1):
            a, b = (c.replace(_DIGIT, "数字").replace(_LATIN, "字母") for c in (l1, r1))
            why = (f"“{word}”与“{other}”易混：此处语境中正确文本写作“{a}{other}{b}”（{seen}次）"
                   + (f"，写作“{a}{word}{b}”仅{mine}次" if mine else f"，未见“{a}{word}{b}”")
                   + f"（按两词总次数，应见约{seen * scale:.0f}次）" + (f"；易混词来源：{source}" if source else ""))
            return other, why
    return None


def _in_compound(text: str, start: int, end: int) -> bool:
    """The word with a neighbour or two is itself a word of jieba's dictionary (示范学校, 反应堆): a term."""
    freq = tokenizer().FREQ
    spans = ((start - 2, end), (start - 1, end), (start, end + 1), (start, end + 2))
    return any(a >= 0 and b <= len(text) and freq.get(text[a:b], 0) > 0 for a, b in spans)


_MAX_VERDICTS = 200_000


def _verdict(model: ContextModel, word: str, text: str, start: int, end: int) -> tuple[str, str] | None:
    """(suggestion, reason) when the word text[start:end] reads as its alternative here and is not part of a
    term; it depends on the two characters either side only, so `find_context_confusables` keeps it."""
    seen, telling = model.counts.get(word, {}), model.telling[word]
    near = neighbours(text, start, end)
    l2, l1, r1, r2 = near
    if "L" + l2 not in telling and "R" + r2 not in telling and "B" + l1 + r1 not in telling and \
            (word not in model.usage or (seen.get("L" + l2) and seen.get("R" + r2))):
        return None  # no neighbour speaks against the word: the quick way out for nearly every occurrence
    verdict = judge(text, start, end, near)
    return verdict if verdict and not _in_compound(text, start, end) else None


_NOT_ADVERB = {other: (adverb, why) for adverb, other, why in POS_PAIRS}


def _by_next_word(model: ContextModel, word: str, text: str, start: int, end: int) -> tuple[str, str] | None:
    """(suggestion, reason) for the word of `POS_PAIRS` that is no adverb, written where the adverb belongs: the
    word after it (jieba) followed the adverb `_MIN_NEXT` times or more in correct text and never followed it."""
    adverb, why = _NOT_ADVERB[word]
    following = next(iter(tokenizer().cut(text[end:end + _NEXT_WINDOW], HMM=False)), "")
    if not following or not "\u4e00" <= following[0] <= "\u9fff":
        return None
    seen, mine = model.next_words.get(adverb, {}).get(following, 0), model.next_words.get(word, {}).get(following, 0)
    if seen < _MIN_NEXT or mine or _in_compound(text, start, end):
        return None
    return adverb, (f"“{word}”后接“{following}”：正确文本写作“{adverb}{following}”（{seen}次），未见“{word}{following}”；"
                    f"{why}")


_KEPT_REACH = 10  # characters before the word in which a keeping word counts


@functools.lru_cache(maxsize=1)
def _kept_by() -> dict[str, tuple[str, ...]]:
    """word → the words that keep it as written when one stands shortly before it, whatever its two neighbours say
    (context_kept.txt, shipped and ops' own: 观察 … 反应 in 密切观察接种者反应情况, where the counts of 者反 and 应情
    favour 反映)."""
    return {word: tuple(note.split()[0].split("、")) for word, note in noted_list(KEPT).items() if note}


def _kept(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _KEPT_REACH):start]
    return any(cue in before for cue in _kept_by().get(text[start:end], ()))


def find_context_confusables(text: str) -> list[dict[str, str | int]]:
    """Every word of a sourced pair that its surroundings say should be the other word."""
    model = context_model()
    if model.automaton is None:
        return []
    hits: list[dict[str, str | int]] = []
    verdicts = model.verdicts
    for index, start, end in model.automaton.find_matches_as_indexes(text):
        if model.words[index] in _NOT_ADVERB:  # the word after it decides, which may reach past the window
            verdict = _by_next_word(model, model.words[index], text, start, end) or \
                _verdict(model, model.words[index], text, start, end)
            if verdict and on_word_boundaries(text, start, end):
                hits.append({"start": start, "end": end, "matched": text[start:end], "suggestion": verdict[0],
                             "why": verdict[1]})
            continue
        # everything `_verdict` reads is in text[start - 2:end + 2], and whether that window is cut by an end
        # of the text: the window and where the word sits in it stand for the whole text
        lo = start - 2 if start > 2 else 0
        key = (text[lo:end + 2], start - lo, end - lo)
        if key in verdicts:
            verdict = verdicts[key]
        else:
            verdict = _verdict(model, model.words[index], key[0], key[1], key[2])
            if len(verdicts) >= _MAX_VERDICTS:
                verdicts.clear()
            verdicts[key] = verdict
        if verdict and on_word_boundaries(text, start, end) and not _kept(text, start, end):
            hits.append({"start": start, "end": end, "matched": text[start:end], "suggestion": verdict[0],
                         "why": verdict[1]})
    return hits
