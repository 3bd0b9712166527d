"""Rebuild checks/lexicons/corpus_phrases.txt: four-character phrases of government text (see SOURCES.md).

    git clone https://github.com/LawRefBook/Laws /tmp/Laws && git -C /tmp/Laws checkout 2f4c5c2
    .venv/bin/python scripts/build_corpus_phrases.py /tmp/Laws

A phrase is kept when
* it is a word of the vocabulary of jieba's keyword extractor (jieba/analyse/idf.txt, shipped with jieba, MIT:
  ~270,000 words counted on a large general corpus), of four Chinese characters;
* jieba's segmentation dictionary does not hold it, or counts it fewer than 30 times (the word-frequency model
  of checks/word_slips.py already corrects towards the words it counts more often);
* public correct government text uses it `_MIN_SEEN` times or more: the laws, judicial interpretations and local
  regulations of LawRefBook/Laws that scripts/build_slip_data.py reads (12.8 M characters; 行政法规/, 部门规章/
  and the local regulations of 浙江, 广东 and 重庆 are left out: the benchmark counts false alarms on them);
* it is not a piece of a longer formulation of typos.yaml `canonical` (中华人民 of 中华人民共和国);
* it holds no run of two Chinese numerals: 第三十七, 二十六条 and 二百零六 are article and item numbers, and a
  character changed there reads as another number or counter (第三十期, 二十六名, 二百零八 in People's Daily, 1998).

checks/typos.py reports a same-sounding or look-alike one-character replacement of such a phrase (领导小姐 for
领导小组) unless correct text reads so itself. Laws and regulations are not subject to copyright in China
(Copyright Law art. 5); only the phrases are committed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_slip_data import corpus

from checks.lexicon import LEXICONS

OUT = LEXICONS / "corpus_phrases.txt"
_MIN_SEEN = 10
_MAX_DICT = 30
_PHRASE = re.compile("^[\u4e00-\u9fff]{4}$")
_NUMBER = re.compile("[〇零一二三四五六七八九十百千万亿两]{2}")


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if len(sys.argv) == 2 else 2)
    import jieba
    import jieba.analyse

    tk = jieba.Tokenizer()
    tk.initialize()
    idf = Path(jieba.analyse.__file__).with_name("idf.txt")
    vocabulary = [line.split(" ")[0] for line in idf.read_text("utf-8").splitlines()]
    wanted = {w for w in vocabulary if _PHRASE.match(w) and tk.FREQ.get(w, 0) < _MAX_DICT}
    seen: Counter[str] = Counter()
    for text in corpus(Path(sys.argv[1])):
        for i in range(len(text) - 3):
            if text[i:i + 4] in wanted:
                seen[text[i:i + 4]] += 1
    canonical = [str(c) for c in yaml.safe_load((LEXICONS / "typos.yaml").read_text("utf-8")).get("canonical") or []]
    phrases = sorted(w for w, n in seen.items()
                     if n >= _MIN_SEEN and not _NUMBER.search(w) and not any(w in c and w != c for c in canonical))
    OUT.write_text("# 生成文件，勿手改：scripts/build_corpus_phrases.py 从 jieba 关键词词表和公开法规文本统计，"
                   "来源见 SOURCES.md。\n"
                   "# 政务文本常用的四字短语（每行一个）；运维可在 ZWGK_LEXICON_DIR 下同名文件补充。\n"
                   + "\n".join(phrases) + "\n", "utf-8")
    print(f"{len(wanted)} four-character words of jieba's keyword vocabulary; {len(phrases)} used {_MIN_SEEN}+ times "
          f"→ {OUT.name}")


if __name__ == "__main__":
    main()
