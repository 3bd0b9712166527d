"""Probe (not a check): an any-character slip inside a frequent four-character phrase, found by a hole lookup.

    git -C /tmp clone https://github.com/LawRefBook/Laws && git -C /tmp/Laws checkout 2f4c5c2
    .venv/bin/python -m benchmarks.phrase_holes_probe /tmp/Laws --clean DIR_OR_FILE ... [--megabytes 40]

Half the misses of the blind batches replace a character by one that neither sounds nor looks like the right
one (宠/宅, 忘/牢), so no candidate is generated. The idea measured here: a four-character run of the text that
differs in one position from a phrase the corpus of correct text (the laws scripts/build_slip_data.py reads,
12.8 M characters) writes at least `--min-seen` times, where that phrase fills at least `--dominance` of
every use of the hole (the phrase with that position open), and the run itself is not correct text. Filters
are added one after another, and the false alarms on the clean text (--clean, as benchmarks/text_real.py
reads it) are counted after each; the last stage is also planted as text_real.py plants the blind batches.
A run counts as "not correct text" when the runs of three characters around its odd character never occur
in the corpus; the later stages ask for more (see STAGES). Result 2026-12-02: docs/benchmarks.md (blind9).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks.text_real import clean_lines, planted_cases
from benchmarks.text_real_rows import batch
from checks.lexicon import on_word_boundaries, token_cuts, tokenizer
from checks.word_slips import pair_uses, seen_trigrams

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from build_slip_data import corpus

_RUN = re.compile("[\u4e00-\u9fff]{4,}")
_NUMERALS = frozenset("〇一二三四五六七八九十百千万两零")
_ALIEN = 2  # pair_uses at most this: correct text (nearly) never writes the pair


def holes(root: Path, min_seen: int, dominance: float) -> dict[str, str]:
    """hole (the phrase with one position as "?") → the phrase, for the dominant frequent phrases."""
    counts: Counter[str] = Counter()
    for text in corpus(root):
        for m in _RUN.finditer(text):
            s = m.group()
            counts.update(s[i:i + 4] for i in range(len(s) - 3))
    frequent = {p: n for p, n in counts.items() if n >= min_seen and not set(p) & _NUMERALS}
    totals = {p[:i] + "?" + p[i + 1:]: 0 for p in frequent for i in range(4)}
    for gram, n in counts.items():
        for i in range(4):
            key = gram[:i] + "?" + gram[i + 1:]
            if key in totals:
                totals[key] += n
    return {key: p for p, n in frequent.items() for i in range(4)
            if n >= dominance * totals[(key := p[:i] + "?" + p[i + 1:])]}


Stage = Callable[[str, int, int, str], bool]  # text, start of the run, open position, phrase → keep


def _unseen(text: str, a: int, i: int, phrase: str) -> bool:
    w = text[a:a + 4]
    return not tokenizer().FREQ.get(w) and not any(seen_trigrams(w[j:j + 3]).any() for j in (0, 1) if j <= i <= j + 2)


def _alien_pairs(text: str, a: int, i: int, phrase: str) -> bool:
    w = text[a:a + 4]
    return all(pair_uses(w[j:j + 2]) <= _ALIEN for j in (i - 1, i) if 0 <= j <= 2)


def _on_boundaries(text: str, a: int, i: int, phrase: str) -> bool:
    return on_word_boundaries(text, a, a + 4)


def _lone_character(text: str, a: int, i: int, phrase: str) -> bool:
    left = max(0, a - 12)
    cuts = token_cuts(text[left:a + 16])
    w = text[a:a + 4]
    return a + i - left in cuts and a + i + 1 - left in cuts and \
        not any(tokenizer().FREQ.get(w[j:j + 2]) for j in (i - 1, i) if 0 <= j <= 2)


STAGES: list[tuple[str, Stage]] = [
    ("the run and its three-character runs at the open position unseen in the corpus, not a jieba word", _unseen),
    ("+ the pairs holding the odd character (nearly) never written by correct text", _alien_pairs),
    ("+ the run on jieba word boundaries", _on_boundaries),
    ("+ the odd character a word of its own, in no two-character jieba word of the run", _lone_character),
]


def find(text: str, table: dict[str, str], stages: list[Stage]) -> list[tuple[int, str, str]]:
    """(start, run as written, phrase) for each run that every stage keeps."""
    out = []
    for m in _RUN.finditer(text):
        s = m.group()
        for k in range(len(s) - 3):
            w, a = s[k:k + 4], m.start() + k
            for i in range(4):
                phrase = table.get(w[:i] + "?" + w[i + 1:])
                if phrase and phrase != w and w[i] not in _NUMERALS and all(f(text, a, i, phrase) for f in stages):
                    out.append((a, w, phrase))
                    break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--megabytes", type=float, default=40.0)
    parser.add_argument("--min-seen", type=int, default=30)
    parser.add_argument("--dominance", type=float, default=0.97)
    parser.add_argument("--batches", nargs="+", default=["# blind6", "# blind7", "# blind8", "# blind9"])
    args = parser.parse_args()
    table = holes(Path(args.corpus), args.min_seen, args.dominance)
    lines = clean_lines(args.clean, args.megabytes)
    size = sum(len(line.encode()) for line in lines) / 1e6
    for n in range(1, len(STAGES) + 1):
        alarms = [(h, line) for line in lines for h in find(line, table, [f for _, f in STAGES[:n]])]
        print(f"{STAGES[n - 1][0]}: {len(alarms)} alarms on {size:.2f} MB")
    for (a, w, phrase), line in alarms[:40]:
        print(f"  {w} → {phrase} | {line[max(0, a - 10):a + 14]}")
    rnd, found, total = random.Random(11), 0, 0
    with_comma = [line for line in lines if "，" in line and len(line) < 200]
    for marker in args.batches:
        for wrong, right, sentence in batch(marker):
            for text, at, _ in planted_cases(wrong, right, sentence, lines, with_comma, rnd):
                hits = [h for h in find(text, table, [f for _, f in STAGES]) if h[0] < at + len(wrong) and at < h[0] + 4]
                found += bool(hits)
                total += 1
                if hits:
                    print(f"  found {wrong}→{right}: {hits}")
    print(f"recall of the last stage on {' '.join(args.batches)}: {found}/{total}")


if __name__ == "__main__":
    main()
