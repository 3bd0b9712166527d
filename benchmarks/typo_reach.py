"""Which real errors the word-slip model of text.typo can reach at all: the ceiling of its recall, per class.

    .venv/bin/python -m benchmarks.typo_reach [--all]

Reads the rows of benchmarks/data/reported_typos.tsv (by default only the blind batches: rows collected after
the checks were written) and sorts each by the first reason `checks/word_slips.py` cannot propose its
correction, whatever the sentence (the other parts of text.typo, the lexicons of known errors, canonical
formulations, places and context pairs, still may find it; benchmarks/text_real.py measures what is found):

  length differs   a character dropped or added (二十大报告精神)
  several          more than one character differs (挤出实践 → 挤出时间)
  not confusable   the wrong character neither sounds (pypinyin) nor looks (lexicons/shapes.txt) like the right one
                   (损款 → 捐款, 惨道 → 惨遭)
  no common word   no word of two to four characters around the error is common enough in jieba's dictionary to
                   correct towards (names: 顾维钓 → 顾维钧, 黉门街)
  real word        the wrong form is a word itself (at least 1/10 as frequent): a context error (散步/散布)
  attested         correct legal text uses the wrong form (lexicons/attested.txt: 史建 in 历史建筑)
  unseen word      the right word never stands beside another character in the corpus of correct text, so the
                   model drops it before judging (化身, 淡泊: everyday and literary words the laws lack)
  other correction the model's index maps the wrong form to another word (周未 → 周围, not 周末)
  candidate        the model's index proposes this correction; its four signs then judge it in context

Only looks at the rows; prints counts per class and the rows of each reason.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from benchmarks.text_real import BATCHES, read_pairs
from checks import word_slips
from checks.lexicon import tokenizer

REASONS = ("length differs", "several", "not confusable", "no common word", "real word", "attested", "unseen word",
           "other correction", "candidate")


def proposed(wrong: str, right: str) -> bool:
    """The check's own candidate index (word_slips.variant_index) maps a part of `wrong` to that part of `right`."""
    for length, (keys, word_of, words) in word_slips.variant_index().items():
        for a in range(len(wrong) - length + 1):
            written, meant = wrong[a:a + length], right[a:a + length]
            at, hit = word_slips.lookup(keys, word_slips._keys_of([written], length))
            if written != meant and hit[0] and words[word_of[at[0]]] == meant:
                return True
    return False


def reason(wrong: str, right: str) -> str:
    """The first reason the word-slip model cannot propose `right` for `wrong` (or "candidate": its index does)."""
    if len(wrong) != len(right):
        return "length differs"
    diff = [k for k in range(len(wrong)) if wrong[k] != right[k]]
    if len(diff) != 1:
        return "several"
    i = diff[0]
    same, looks = word_slips._confusables().get(right[i], ("", ""))
    if wrong[i] not in same + looks:
        return "not confusable"
    if proposed(wrong, right):
        return "candidate"
    freq = tokenizer().FREQ
    found = []
    for a in range(i + 1):
        for b in range(i + 1, min(len(right), a + 4) + 1):
            word, written = right[a:b], wrong[a:b]
            floor = word_slips._MIN_FREQ_FOUR if len(word) == 4 else word_slips._MIN_FREQ
            if len(word) < 2 or freq.get(word, 0) < floor or word.startswith("第"):
                continue
            if freq.get(written, 0) * word_slips._RATIO > freq[word]:
                found.append("real word")
            elif written in word_slips.attested():
                found.append("attested")
            elif len(word) <= 3 and not word_slips.lookup(word_slips._seen_words(),
                                                          word_slips._keys_of([word], len(word)))[1][0]:
                found.append("unseen word")
            else:
                found.append("other correction")  # passes the filters, yet the index proposes another word
    return max(found, key=REASONS.index) if found else "no common word"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="every row, not only the blind batches")
    args = parser.parse_args()
    rows = [(wrong, right, kind) for wrong, right, kind, *_ in read_pairs([])
            if args.all or (wrong, right) in BATCHES]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for wrong, right, kind in rows:
        why = reason(wrong, right)
        table[kind][why] += 1
        table["all"][why] += 1
        examples[why].append(f"{wrong}→{right}")
    kinds = sorted(k for k in table if k != "all") + ["all"]
    print(f"{len(rows)} rows ({'all' if args.all else 'blind batches only'})")
    print(f"{'':16}" + "".join(f"{k:>13}" for k in kinds))
    for why in REASONS:
        print(f"{why:16}" + "".join(f"{table[k][why]:>13}" for k in kinds))
    for why in REASONS:
        print(f"\n{why} ({len(examples[why])}): {'、'.join(examples[why])}")


if __name__ == "__main__":
    main()
