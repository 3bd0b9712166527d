"""Probe (not a check): would the night's own corpus widen the word-slip neighbour rule without false alarms?

    .venv/bin/python -m benchmarks.night_neighbours_probe --clean DIR_OR_FILE ... [--lists ...] [--megabytes 40]

Sign 2 of checks/word_slips.py asks that the corrected word be seen beside both its neighbours in correct
government text; today that text is ~40 MB of laws, where everyday words (周末, 辛苦, 隧道) are rare. A night's
crawl of a county is tens of MB of modern government text. The clean text is split in two halves by line: half A
stands for the night's other documents (its runs of 3 and 4 characters are the extra neighbour evidence), half
B is where false alarms are counted and where errors are planted (benchmarks/text_real.py's recall), so no host
sentence is its own evidence. Each half is run with the rule as shipped and with "laws or the night".
"""

from __future__ import annotations

import argparse
import random

import numpy as np

from benchmarks import text_real
from checks import word_slips as ws


def night_keys(lines: list[str]) -> dict[int, np.ndarray]:
    out = {}
    for n in (3, 4):
        parts = [ws.packed(ws.codes_of(line), n) for line in lines]
        out[n] = np.unique(np.concatenate([p for p in parts if len(p)]))
    return out


def patched(keys: dict[int, np.ndarray]):
    shipped = ws._neighbours_seen

    def seen(text: str, start: int, end: int, word: str) -> bool:
        if shipped(text, start, end, word):
            return True
        left, right = text[start - 1:start], text[end:end + 1]
        if not (left and right and ws._is_cjk(left) and ws._is_cjk(right)):
            return False
        n = len(word) + 1
        probe = ws.packed(ws.codes_of(left + word + right), n)
        return bool(ws.lookup(keys[n], probe)[1].all())
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--lists", nargs="*", default=[])
    parser.add_argument("--megabytes", type=float, default=40.0)
    parser.add_argument("--show", type=int, default=80)
    args = parser.parse_args()
    lines = text_real.clean_lines(args.clean, args.megabytes)
    rnd = random.Random(5)
    night = [line for line in lines if rnd.random() < 0.5]
    kept = set(night)
    measured = [line for line in lines if line not in kept]
    print(f"night corpus (half A): {sum(len(x.encode()) for x in night) / 1e6:.2f} MB; "
          f"measured (half B): {sum(len(x.encode()) for x in measured) / 1e6:.2f} MB")
    keys = night_keys(night)
    pairs = text_real.read_pairs(args.lists)
    pages = text_real.pages_of(measured)
    shipped = ws._neighbours_seen
    for name, rule in (("shipped", shipped), ("laws or the night", patched(keys))):
        ws._neighbours_seen = rule
        print(f"\n######## neighbour rule: {name}")
        text_real.false_alarms(pages, args.show)
        text_real.recall(measured, pairs)
    ws._neighbours_seen = shipped


if __name__ == "__main__":
    main()
