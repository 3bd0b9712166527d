"""text.typo on the legitimate pages of the sensitive-word benchmark: a precision sample the typo check was never tuned on.

    .venv/bin/python -m benchmarks.typos_on_decoys

benchmarks/data/sensitive_real.jsonl holds ~2,100 real legitimate pages (crackdown news, court reports, laws, Macau
gazettes, novels, forum posts; mainland and Hong Kong/Macau/Taiwan, simplified and traditional) collected as decoys
for text.sensitive (a page stored as html is read as the crawl reads it: its main text). Their text never taught
text.typo, so every typo hit on them is worth reading: prints each hit
with its context, then the count per class ("variant": a traditional or variant character, an error on a mainland
portal, not on the Hong Kong or Macau pages some of these come from). Review the list by hand.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.sensitive_real import load_rows
from checks.text import page_text
from checks.typos import find_typo_hits

ON = date(2026, 1, 1)  # after every page's date: a leader's past title is judged as of that day (see the listing)


def main() -> None:
    hits, size, kinds = 0, 0, Counter()
    for row_id, row in load_rows().items():
        if row["label"] != "legit":
            continue
        text = row.get("text") or (page_text(row["html"]).main if row.get("html") else "")
        size += len(text.encode())
        for hit in find_typo_hits(text, ON):
            hits += 1
            kinds["variant" if "繁体字或异体字" in str(hit["why"]) else str(hit["class"])] += 1
            print(f"{row_id}\t{hit['matched']} → {hit['suggestion']}\t{hit['class']}\t{hit['context']}")
    print(f"{hits} hits on {size / 1e6:.2f} MB of legitimate pages: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
