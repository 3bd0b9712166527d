"""Rebuild checks/lexicons/known_typos.tsv: the published lists of misspellings, vetted against correct text.

    .venv/bin/python scripts/build_known_typos.py benchmarks/data/reported_typos.tsv /tmp/Laws

Takes the rows of benchmarks/data/reported_typos.tsv that come from published lists (origin `yaowenjiaozi`:
《咬文嚼字》's yearly lists and its list of the 100 most common wrong characters; `published_list`: editors'
and teachers' published lists of easily confused words), each with its source. The rows reported on
government sites, in party papers and news sites are left out: benchmarks/text_real.py measures recall on
them as errors no list taught the check.

A pair is left out when its wrong form is correct somewhere: when it occurs in correct legal text (the
corpus of scripts/build_slip_data.py: LawRefBook/Laws @2f4c5c2 without the parts the benchmark reads), when
jieba counts it more than 4 times and more than a tenth as often as the right form (a variant spelling), or
when it is a
single character or a context error (those need a rule, typos.yaml context_rules).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from build_slip_data import corpus  # noqa: E402

from checks.lexicon import LEXICONS, tokenizer  # noqa: E402

OUT = LEXICONS / "known_typos.tsv"
LABELS = {"yaowenjiaozi": "《咬文嚼字》公布的差错", "published_list": "公开的易错字词清单"}
_WORD_RATIO = 10  # as checks/typos.py: jieba counts many published slips a few times (悬梁刺骨 3)
_WORD_FLOOR = 4


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
    text = "\n".join(corpus(Path(sys.argv[2])))
    freq = tokenizer().FREQ
    kept: dict[str, tuple[str, str, str]] = {}
    dropped: dict[str, list[str]] = {"in correct text": [], "a word": [], "context or too short": []}
    for wrong, right, kind, origin, source, *_ in rows(Path(sys.argv[1])):
        if origin not in LABELS or wrong in kept:
            continue
        if kind == "context" or len(wrong) < 2:
            dropped["context or too short"].append(wrong)
        elif wrong in text:
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


if __name__ == "__main__":
    main()
