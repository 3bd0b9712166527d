"""Probe (not a check): would a general-domain word language model judge typo candidates better?

    apt-get install libime-data-language-model && .venv/bin/pip install kenlm
    .venv/bin/python -m benchmarks.language_model_probe --clean DIR_OR_FILE ... [--megabytes 24]
        [--model /usr/lib/x86_64-linux-gnu/libime/zh_CN.lm]

The model is fcitx's libime word trigram model (Debian package libime-data-language-model, LGPL-2.1+, a KenLM
binary), read with the `kenlm` package from PyPI; neither is a dependency of zwgk. Two questions:

1. Context confusables (issue 10 class 4): every context row of benchmarks/data/reported_typos.tsv is planted
   as benchmarks/text_real.py plants it, and the clause around it is scored written and corrected (jieba cuts,
   log10). Recall at a threshold T is the share of cases where the corrected clause scores T or more higher;
   false alarms are the lines of the clean text that hold the row's wrong form (a word too, used rightly
   there), where the row's right form would score T or more higher. Only the rows' own pairs are candidates,
   so this measures the judge, not the generation of pairs (blind rows' pairs are in no shipped list).
2. Word slips (checks/word_slips.py): for every candidate that passes the check's other signs, the gain of
   the model when corrected, against the check's rule that the corrected word is seen beside both
   neighbours in correct government text.
Result 2026-12-03: docs/benchmarks.md (语言模型探测).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from benchmarks.text_real import BATCHES, clean_lines, pages_of, planted_cases, read_pairs
from checks import word_slips as ws
from checks.lexicon import tokenizer

_CLAUSE_END = re.compile(r"[，。；：！？、,.;:!?\s（）()“”《》【】]")
_REACH = 10  # characters each side of the word that the model reads, within the clause
THRESHOLDS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)


class Judge:
    def __init__(self, model: str) -> None:
        import kenlm  # an optional tool of this probe only

        self.lm = kenlm.Model(model)
        self.tk = tokenizer()

    def score(self, text: str) -> float:
        return self.lm.score(" ".join(self.tk.cut(text, HMM=False)), bos=False, eos=False)

    def gain(self, text: str, at: int, wrong: str, right: str) -> float:
        """log10 gain of the clause around text[at:at+len(wrong)] when `right` replaces it."""
        left = at
        while left > 0 and at - left < _REACH and not _CLAUSE_END.match(text[left - 1]):
            left -= 1
        end = at + len(wrong)
        stop = end
        while stop < len(text) and stop - end < _REACH and not _CLAUSE_END.match(text[stop]):
            stop += 1
        return self.score(text[left:at] + right + text[end:stop]) - self.score(text[left:stop])


def confusables(judge: Judge, lines: list[str]) -> None:
    rows = [p for p in read_pairs([]) if p[2] == "context"]
    rnd = random.Random(11)
    with_comma = [line for line in lines if "，" in line and len(line) < 200]
    planted = [(BATCHES.get((w, r), ""), judge.gain(text, at, w, r))
               for w, r, _, _, _, sentence in rows
               for text, at, _ in planted_cases(w, r, sentence, lines, with_comma, rnd)]
    rightly = []
    for w, r, *_ in rows:
        uses = [line for line in lines if w in line and len(line) < 400][:200]
        rightly += [judge.gain(line, line.index(w), w, r) for line in uses]
    print(f"== context confusables: {len(rows)} rows planted {len(planted)} times; {len(rightly)} right uses in clean text")
    blind = [g for b, g in planted if b]
    for t in THRESHOLDS:
        print(f"  T={t}: found {sum(g >= t for _, g in planted)}/{len(planted)} "
              f"(blind rows {sum(g >= t for g in blind)}/{len(blind)}); "
              f"right uses flagged {sum(g >= t for g in rightly)}/{len(rightly)}")


def word_slips(judge: Judge, lines: list[str]) -> None:
    kept = seen = 0
    gains = []
    for page in pages_of(lines):
        for start, (length, word) in sorted(ws.candidates(page).items()):
            end = start + length
            i = next(k for k in range(length) if page[start + k] != word[k])
            if ws._looks_like_a_name(page, start, end) or ws._contrasted(page, start, end, word) \
                    or ws._list_head(page, start, i) or ws._rare_but_read(page, start, end, word, i):
                continue
            same = page[start + i] in ws._confusables().get(word[i], ("", ""))[0]
            if ws._reads_better(page, start, end, word, same) is None:
                continue
            kept += 1
            if ws._neighbours_seen(page, start, end, word):
                seen += 1
            else:
                gains.append(judge.gain(page, start, page[start:end], word))
    print(f"== word slips on the clean text: {kept} candidates pass the other signs, {seen} also the neighbours rule")
    for t in THRESHOLDS:
        print(f"  T={t}: the model would let {sum(g >= t for g in gains)} more through (on correct text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--megabytes", type=float, default=24.0)
    parser.add_argument("--model", default=next(iter(sorted(Path("/usr/lib").glob("*/libime/zh_CN.lm"))), ""))
    args = parser.parse_args()
    if not args.model or not Path(args.model).is_file():
        parser.error("no libime zh_CN.lm: apt-get install libime-data-language-model, or give --model")
    judge = Judge(str(args.model))
    lines = clean_lines(args.clean, args.megabytes)
    confusables(judge, lines)
    word_slips(judge, lines)


if __name__ == "__main__":
    main()
