"""Rebuild the data of checks/context_confusables.py (see checks/lexicons/SOURCES.md).

    git clone https://github.com/LawRefBook/Laws /tmp/Laws && git -C /tmp/Laws checkout 2f4c5c2
    # ECSpell's official-document training split (github aopolin-lv/ECSpell @025bf43, MIT):
    #   Data/domains_data/odw.train
    .venv/bin/python scripts/build_context_data.py /tmp/Laws odw.train --homophones [--mine-odw]

Writes
* checks/lexicons/context_pairs.tsv: the confusable pairs, both forms words, each with its source: the
  context rows of benchmarks/data/reported_typos.tsv whose two forms are words of jieba's dictionary (one
  pair per row: the word that differs; rows after the first "# blind…" comment line are blind batches, which
  teach once measured, and then only their slips of the keyboard or the eye: `typed_alike`), the usage pairs
  that style guides for official documents discuss
  (`_USAGE`), less the pairs of `_LEFT_OUT`. With --homophones (the shipped build) also every pair of two-character
  words of jieba's dictionary (100+) one same-sounding character apart (first reading, same tone, pypinyin),
  both seen 20+ times in the corpus: 78 pairs (行使/行驶, 公正/公证, 执业/职业 …); the check judges them only by
  both neighbouring characters at once, because one side misleads on them (工程勘察 111 times, 工程勘查 never, and
  both are right). With --mine-odw also the real-word errors of ECSpell's
  official-document training split: a corrected sentence's word where the erroneous sentence has another
  word of jieba's dictionary (both seen 50+ times there), the same length, at the same place. They are off by
  default: on the benchmark's 23 MB of held-out text they raised 5 false alarms (指定实施, 指定并公布 → 制定;
  违犯本办法 → 违反) against 2 finds in ECSpell's odw test set;
* checks/lexicons/context_counts.tsv: for every word of a pair, how often each normalised neighbour (one
  or two characters, left "L" and right "R"; one character either side at once, "B") was seen in the corpus,
  and its total ("*"); for the words of generated pairs only the counts of 2 or more; for the words of
  `POS_PAIRS` (必须/必需) also the word right after each (jieba, "N" + word), which tells the adverb from the
  word that is no adverb.

The corpus is odw.train's corrected sentences and every .md file of LawRefBook/Laws except 行政法规/,
部门规章/ and the local regulations of 浙江, 广东 and 重庆: benchmarks/text_real.py measures false alarms on
them (and on policy documents and work reports, not read here either), so they must not teach the check.
Pairs left out on purpose are in `_LEFT_OUT`, with the reason. Laws and regulations are
not subject to copyright in China (Copyright Law art. 5); only the derived counts are committed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.context_confusables import _HOMOPHONE, _NEXT_WINDOW, COUNTS, PAIRS, POS_PAIRS, neighbours
from checks.lexicon import LEXICONS

_HELD_OUT = ("行政法规", "部门规章", "浙江地方法规", "广东地方法规", "重庆地方法规")
_REPORTED = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "reported_typos.tsv"
_MIN_JIEBA = 50
_BLIND = "# blind"  # reported_typos.tsv: the rows from the first such comment on are a blind batch
_HOMOPHONE_JIEBA = 100  # --homophones: both words at least this frequent in jieba's dictionary ...
_HOMOPHONE_SEEN = 20  # ... and each seen at least this often in the corpus
_MIN_KEPT = 2  # counts of the words of generated pairs below this are not written (the file stays small)
_GUIDE = "《现代汉语词典》（第7版）用法区分，公文写作易混词辨析常列"
# Pairs that guides for official writing discuss as used in each other's place; the issue names the first ones.
_USAGE = [
    ("截至", "截止", "《现代汉语词典》（第7版）；公文易错项：截止/截至 http://ealradioshow.com/NewsStd_383.html"),
    ("制定", "制订", _GUIDE), ("权利", "权力", _GUIDE), ("必须", "必需", _GUIDE), ("反映", "反应", _GUIDE),
    ("期间", "其间", _GUIDE), ("以至", "以致", _GUIDE), ("分辨", "分辩", _GUIDE), ("启用", "起用", _GUIDE),
    ("法制", "法治", _GUIDE), ("实行", "施行", _GUIDE), ("考察", "考查", _GUIDE), ("过度", "过渡", _GUIDE),
    ("交代", "交待", _GUIDE), ("声明", "申明", _GUIDE), ("界限", "界线", _GUIDE), ("定金", "订金", _GUIDE),
    ("度过", "渡过", _GUIDE), ("需要", "须要", _GUIDE), ("终止", "中止", _GUIDE), ("形势", "形式", _GUIDE),
    ("纪录", "记录", _GUIDE), ("爆发", "暴发", _GUIDE), ("途经", "途径", _GUIDE), ("泄漏", "泄露", _GUIDE),
    ("营利", "盈利", _GUIDE), ("审定", "审订", _GUIDE), ("拟定", "拟订", _GUIDE),
    ("督查", "督察", _GUIDE), ("检查", "检察", _GUIDE),
]
# Pairs of the sources above where both words are right in most of the same surroundings, so that a corpus of
# correct text cannot tell a slip from a choice: 其它 is an accepted variant of 其他 (《现代汉语词典》), 即时采取
# and 及时采取 are both right, and 国家/国际 and 以上/以下 are antonyms or near-synonyms before any noun or number.
# Left out after reading every alarm on all 23 MB of the benchmark's held-out text: older regulations in force
# say "自发布之日起实行" and "本条例实行前" (实行/施行), and 制订 is the dictionary's word for drawing up plans and
# lists ("委员会制订的目录"), so neither is an error a neighbour can prove. Of the generated same-sounding pairs,
# 作出/做出 and 当作/当做 are both accepted (《现代汉语词典》 lists both; the corpus prefers one by habit).
# 指定/制定 (a blind batch's 指定 → 制定): regulations write both before the same words ("指定并公布", "其制定的"),
# 7 false alarms on the 23 MB.
_LEFT_OUT = {frozenset(p) for p in (("其他", "其它"), ("国家", "国际"), ("以上", "以下"), ("及时", "即时"),
                                    ("实行", "施行"), ("制定", "制订"), ("作出", "做出"), ("当作", "当做"),
                                    ("指定", "制定"))}


def corpus(root: Path) -> list[str]:
    files = sorted(f for f in root.rglob("*.md") if not set(_HELD_OUT) & set(f.parts))
    return [f.read_text("utf-8", errors="replace") for f in files]


def jieba_freq() -> dict[str, int]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return dict(jieba.dt.FREQ)


def word_pair(wrong: str, right: str, freq: dict[str, int]) -> tuple[str, str] | None:
    """The differing part of a row as two words of 2–4 characters, both in jieba (带口罩 → None)."""
    if len(wrong) != len(right):
        return None
    diff = [i for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b]
    if not diff:
        return None
    for length in (2, 3, 4):
        for s in range(max(0, diff[-1] - length + 1), diff[0] + 1):
            a, b = wrong[s:s + length], right[s:s + length]
            if len(a) == length and freq.get(a, 0) >= _MIN_JIEBA and freq.get(b, 0) >= _MIN_JIEBA:
                return a, b
    return None


def reported_pairs(freq: dict[str, int]) -> list[tuple[str, str, str]]:
    pairs, blind = [], False
    for line in _REPORTED.read_text("utf-8").splitlines():
        # the blind batches teach once measured, their slips of the keyboard or the eye only
        blind = blind or line.startswith(_BLIND)
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 5 or parts[2] != "context":
            continue
        pair = word_pair(parts[0], parts[1], freq)
        if pair and (not blind or typed_alike(*pair)):
            pairs.append((pair[1], pair[0], parts[4]))
    return pairs


def typed_alike(wrong: str, right: str) -> bool:
    """Every changed character sounds (any reading, tone ignored) or looks (shapes.txt) like the right one: a slip
    of the keyboard or the eye. A reported word put for another by meaning (中国/中央, 诞辰/逝世, 学习/教育) is an
    error of one sentence, not a pair whose neighbours tell the two apart."""
    from checks.names import confusable

    return all(a == b or confusable(b, a) for a, b in zip(wrong, right, strict=True))


def odw_pairs(path: Path, freq: dict[str, int]) -> list[tuple[str, str, str]]:
    import jieba

    seen: Counter[tuple[str, str]] = Counter()
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] == parts[2] or len(parts[1]) != len(parts[2]):
            continue
        wrong, right = parts[1], parts[2]
        diff = [i for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b]
        pos = 0
        for token in jieba.cut(right, HMM=False):
            start, pos = pos, pos + len(token)
            if len(token) >= 2 and any(start <= i < pos for i in diff):
                typed = wrong[start:pos]
                if freq.get(typed, 0) >= _MIN_JIEBA and freq.get(token, 0) >= _MIN_JIEBA:
                    seen[(token, typed)] += 1
    return [(right, typed, f"ECSpell odw.train（公文写作真实词错误，{n}例）") for (right, typed), n in sorted(seen.items())]


def homophone_pairs(freq: dict[str, int], texts: list[str]) -> list[tuple[str, str, str]]:
    """Two-character words of jieba's dictionary one same-sounding character apart (same tone, pypinyin's
    readings: 公证/公正, 散布/散步, 侦查/侦察), both common in jieba and in the corpus: real-word slips of a
    pinyin IME. Judged both ways, and more strictly than the pairs of style guides (checks/context_confusables.py)."""
    from pypinyin.pinyin_dict import pinyin_dict

    from checks.confusables import _toned

    def sound(ch: str) -> str:  # the character's first (main) reading, with its tone: 万 is wàn, not the mò of 万俟
        first = pinyin_dict.get(ord(ch), "").split(",")[0]
        return _toned(first) if first else ""

    words = {w for w, n in freq.items() if len(w) == 2 and n >= _HOMOPHONE_JIEBA and all("\u4e00" <= c <= "\u9fff" for c in w)}
    by_frame: dict[tuple[int, str, str], list[str]] = {}
    for w in words:
        for i in range(2):
            if sound(w[i]):
                by_frame.setdefault((i, w[1 - i], sound(w[i])), []).append(w)
    found = {(min(a, b), max(a, b)) for group in by_frame.values() for a in group for b in group if a != b}
    seen: Counter[str] = Counter()
    rx = re.compile("|".join(sorted({w for p in found for w in p})))
    for text in texts:
        seen.update(rx.findall(text))
    return [(a, b, _HOMOPHONE) for a, b in sorted(found) if seen[a] >= _HOMOPHONE_SEEN and seen[b] >= _HOMOPHONE_SEEN]


def main() -> None:
    mine = "--mine-odw" in sys.argv  # pairs mined from odw.train's slips: off by default (see the docstring)
    if mine:
        sys.argv.remove("--mine-odw")
    same_sound = "--homophones" in sys.argv
    if same_sound:
        sys.argv.remove("--homophones")
    if len(sys.argv) not in (2, 3) or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if len(sys.argv) > 1 else 2)
    freq = jieba_freq()
    texts = corpus(Path(sys.argv[1]))
    if len(sys.argv) == 3:  # the corrected sentences of the official-document training split are correct text too
        texts.append("\n".join(line.split("\t")[2] for line in Path(sys.argv[2]).read_text("utf-8").splitlines()
                               if line.count("\t") >= 2))
    pairs: dict[frozenset[str], tuple[str, str, str]] = {}
    for a, b, source in [*reported_pairs(freq), *_USAGE, *(odw_pairs(Path(sys.argv[2]), freq) if mine else []),
                         *(homophone_pairs(freq, texts) if same_sound else [])]:
        if frozenset((a, b)) not in _LEFT_OUT:
            pairs.setdefault(frozenset((a, b)), (a, b, source))
    words = sorted({w for a, b, _ in pairs.values() for w in (a, b)}, key=lambda w: (-len(w), w))
    generated = {w for a, b, source in pairs.values() if source == _HOMOPHONE for w in (a, b)} - \
        {w for a, b, source in pairs.values() if source != _HOMOPHONE for w in (a, b)}
    print(f"{len(texts)} files, {sum(map(len, texts)) / 1e6:.1f} M characters, {len(pairs)} pairs, {len(words)} words")
    rx = re.compile("|".join(map(re.escape, words)))
    counts: dict[str, Counter[str]] = {w: Counter() for w in words}
    by_pos = {w for adverb, other, _ in POS_PAIRS for w in (adverb, other)}
    import jieba  # jieba_freq() initialised it
    for text in texts:
        for m in rx.finditer(text):
            l2, l1, r1, r2 = neighbours(text, m.start(), m.end())
            c = counts[m.group()]
            c.update(("*", "L" + l1, "R" + r1))
            if len(l2.strip("，")) == 2:
                c["L" + l2] += 1
            if len(r2.strip("，")) == 2:
                c["R" + r2] += 1
            if l1 != "，" and r1 != "，":  # both neighbours at once: "所必需的", never "所必须的"
                c["B" + l1 + r1] += 1
            if m.group() in by_pos:  # the word after it: 必须接受, 必需经费
                following = next(iter(jieba.cut(text[m.end():m.end() + _NEXT_WINDOW], HMM=False)), "")
                if following and "\u4e00" <= following[0] <= "\u9fff":
                    c["N" + following] += 1
    (LEXICONS / PAIRS).write_text(
        "# 语境易混词对（两种写法都是词，只在语境中才有对错）：词甲<TAB>词乙<TAB>来源。\n"
        "# 来源以 ECSpell 开头的词对只单向判断：词乙（误输入）→ 词甲（原意）；其余词对双向判断。\n"
        "# 生成文件：scripts/build_context_data.py；运维可在 ZWGK_LEXICON_DIR 下同名文件补充。\n"
        + "".join(f"{a}\t{b}\t{source}\n" for a, b, source in sorted(pairs.values())), "utf-8")
    lines = [f"{w}\t{key}\t{n}\n" for w in sorted(counts) for key, n in sorted(counts[w].items())
             if w not in generated or key == "*" or n >= _MIN_KEPT]
    (LEXICONS / COUNTS).write_text(
        "# 生成文件，勿手改：scripts/build_context_data.py 从公开法规文本统计（来源见 SOURCES.md）。\n"
        "# 词<TAB>邻字（L 左、R 右，一或两字；B 左右各一字；数字记作 0，标点与换行记作“，”；* 为总次数；"
        "N 为其后的词，只记必须/必需）<TAB>次数\n"
        + "".join(lines), "utf-8")
    print(f"{len(pairs)} pairs → {PAIRS}; {len(lines)} counts → {COUNTS}")


if __name__ == "__main__":
    main()
