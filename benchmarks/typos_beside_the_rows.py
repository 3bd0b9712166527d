"""text.typo on the collected rows' own sentences, away from the error each row names: a second precision sample.

    .venv/bin/python -m benchmarks.typos_beside_the_rows

benchmarks/data/reported_typos.tsv quotes, for most rows, the whole published sentence around the error. A hit of
the check elsewhere in that sentence is either another real error of the page (portals that publish one slip often
publish two) or a false alarm, so every such hit is worth reading. Prints each with its context and the count per
class; all rows' errors in a sentence are left out, not only the first row's. Review the list by hand.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.typos import find_typo_hits

ROWS = Path(__file__).resolve().parent / "data" / "reported_typos.tsv"
ON = date(2026, 1, 1)  # after every sentence's date: a leader's past title is judged as of that day (see the listing)


def errors_by_sentence() -> dict[str, list[tuple[int, int]]]:
    """Each quoted sentence and the spans of every row's error in it."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in ROWS.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 6 or not fields[5] or fields[0] not in fields[5]:
            continue
        sentence, wrong, at = fields[5], fields[0], fields[5].find(fields[0])
        while at >= 0:
            spans[sentence].append((at, at + len(wrong)))
            at = sentence.find(wrong, at + 1)
    return spans


def main() -> None:
    spans = errors_by_sentence()
    hits, kinds = 0, Counter()
    for sentence, errors in spans.items():
        for hit in find_typo_hits(sentence, ON):
            a, b = int(hit["start"]), int(hit["end"])
            if any(a < y and x < b for x, y in errors):
                continue
            hits += 1
            kinds[str(hit["class"])] += 1
            print(f"{hit['matched']} → {hit['suggestion']}\t{hit['class']}\t{hit['context']}")
    size = sum(len(s.encode()) for s in spans) / 1e6
    print(f"{hits} hits away from the rows' errors in {len(spans)} sentences ({size:.2f} MB): "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
