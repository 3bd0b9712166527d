"""Rebuild checks/lexicons/known_typos.tsv: the published lists of misspellings, vetted against correct text.

    .venv/bin/python scripts/build_known_typos.py benchmarks/data/reported_typos.tsv /tmp/Laws

Takes the rows of benchmarks/data/reported_typos.tsv that come from published lists (origin `yaowenjiaozi`:
《咬文嚼字》's yearly lists and its list of the 100 most common wrong characters; `published_list`: editors'
and teachers' published lists of easily confused words), each with its source. The rows reported on
government sites, in party papers and news sites are left out, and so are the list rows collected after the
checks were written (origin `heldout_list`): benchmarks/text_real.py measures recall on them as errors no
list taught the check.

A pair is left out when its wrong form is correct somewhere: when correct legal text (the corpus of
scripts/build_slip_data.py: LawRefBook/Laws @2f4c5c2 without the parts the benchmark reads) uses it as a word
of its own (jieba's cuts: 年经济 and 不能自已 are no use of 年经 or 自已) more than twice, or at all when the
right form is not 20 times as common there (one 天燃气 against 159 天然气 is the corpus's own misprint); when
jieba counts it more than 4 times and more than a tenth as often as the right form (a variant spelling); when
it is the right form cut short (有限公: list pages cut long titles); when it is a single character or a
context error (those need a rule, typos.yaml context_rules); or when it is right in a sense or a time of its own
(`RIGHT_ELSEWHERE`: 打黑除恶专项斗争 was the campaign's name until 2017).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

import numpy as np  # noqa: E402
from build_slip_data import corpus  # noqa: E402

from checks.lexicon import LEXICONS, tokenizer  # noqa: E402

OUT = LEXICONS / "known_typos.tsv"
LABELS = {"yaowenjiaozi": "《咬文嚼字》公布的差错", "published_list": "公开的易错字词清单"}
_WORD_RATIO = 10  # as checks/typos.py: jieba counts many published slips a few times (悬梁刺骨 3)
_WORD_FLOOR = 4
_MISPRINT_USES = 2  # at most this many uses in correct text …
_MISPRINT_RATIO = 20  # … against a right form this many times as common: the corpus's own misprint
# wrong forms that are right in a sense or a time of their own: a pair would report them there too (read by
# build_reported_typos.py as well)
RIGHT_ELSEWHERE = {
    "打黑除恶专项斗争": "2006–2017 年专项斗争的正式名称（2018 年起为扫黑除恶）：较早的页面上是对的",
    "不学武术": "字面意思：不学习武术",
    "刨开": "刨（páo）开，挖开：施工单位刨开路面",
    "撅嘴": "《现代汉语词典》第7版“撅”①翘起：撅嘴",
    "屈原日": "端午节的别称之一（纪念屈原之日）：一些地方把端午叫作屈原日",
    "贵旅": "贵州旅游投资控股（集团）的简称：贵旅集团（2026 年贵州省政府工作报告）",
    "国内统一刊号": "期刊版权页的通行说法（CN 刊号），与“国内统一连续出版物号”并用",
    "太恨了": "“恨”本身成句：“我太恨了”（春晚字幕把“太狠了”打成“太恨了”，别处“太恨了”是对的）",
    "中国共产党领导下的多党合作": "句中常见说法（“在中国共产党领导下的多党合作中”），制度的规范名称才须写作“领导的”",
    "宣传有广度": "工作总结的常见排比（“三是社会宣传有广度”“宣传有广度、有深度”）：原报告缺的是“要”字所在的句式，不是这几个字",
}


def rows(tsv: Path) -> list[list[str]]:
    out = []
    for line in tsv.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 5 and not line.startswith("#") and parts[0] != "wrong":
            out.append(parts)
    return out


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if sys.argv[1:2] in (["-h"], ["--help"]) else 2)
    texts = corpus(Path(sys.argv[2]))
    text, cuts = "\n".join(texts), word_cuts(texts)
    freq = tokenizer().FREQ
    kept: dict[str, tuple[str, str, str]] = {}
    dropped: dict[str, list[str]] = {"in correct text": [], "a word": [], "context or too short": [],
                                     "cut short": [], "right elsewhere": []}
    for wrong, right, kind, origin, source, *_ in rows(Path(sys.argv[1])):
        if origin not in LABELS or wrong in kept:
            continue
        if wrong in RIGHT_ELSEWHERE:
            dropped["right elsewhere"].append(wrong)
        elif kind == "context" or len(wrong) < 2:
            dropped["context or too short"].append(wrong)
        elif right.startswith(wrong) or right.endswith(wrong):
            dropped["cut short"].append(wrong)
        elif used_as_word(text, cuts, wrong, text.count(right)):
            dropped["in correct text"].append(wrong)
        elif (freq.get(wrong) or 0) > max((freq.get(right) or 0) / _WORD_RATIO, _WORD_FLOOR):
            dropped["a word"].append(wrong)
        else:
            kept[wrong] = (right, LABELS[origin], source)
    OUT.write_text("# 生成文件，勿手改：scripts/build_known_typos.py 从 benchmarks/data/reported_typos.tsv"
                   "中公开出版的差错清单生成。\n"
                   "# 错误写法<TAB>正确写法<TAB>依据<TAB>出处。运维可在 ZWGK_LEXICON_DIR 下放同名文件补充（同一格式）。\n"
                   + "".join(f"{w}\t{r}\t{label}\t{src}\n" for w, (r, label, src) in sorted(kept.items())), "utf-8")
    print(f"{len(kept)} pairs → {OUT.name}")
    for why, words in dropped.items():
        print(f"left out, {why}: {len(words)}: {'、'.join(words)}")


def word_cuts(texts: list[str]) -> np.ndarray:
    """For each position of "\n".join(texts) (and one past the end): does a jieba word start there?"""
    cuts = np.zeros(sum(len(t) + 1 for t in texts), dtype=bool)
    pos = 0
    for text in texts:
        for token in tokenizer().cut(text, HMM=False):
            cuts[pos] = True
            pos += len(token)
        cuts[pos] = True  # the end of the text: the "\n" after it, or the end of them all
        pos += 1
    return cuts


def used_as_word(text: str, cuts: np.ndarray, wrong: str, right_uses: int,
                 misprints: int | None = _MISPRINT_USES) -> bool:
    """Correct text uses `wrong` as a word of its own, more often than a misprint would (at most `misprints` uses,
    None: any number, against a right form _MISPRINT_RATIO times as common)."""
    uses = word_uses(text, cuts, wrong)
    return uses > 0 and ((misprints is not None and uses > misprints) or uses * _MISPRINT_RATIO >= right_uses)


def word_uses(text: str, cuts: np.ndarray, wrong: str) -> int:
    """How often `wrong` stands in `text` as a word of its own (jieba's cuts on both sides)."""
    uses, at = 0, text.find(wrong)
    while at >= 0:
        uses += bool(cuts[at] and cuts[at + len(wrong)])
        at = text.find(wrong, at + 1)
    return uses


if __name__ == "__main__":
    main()
