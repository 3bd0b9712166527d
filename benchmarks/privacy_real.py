"""`text.privacy` on real government text: how many numbers that are not personal data it reads, and how many
it reports.

    .venv/bin/python -m benchmarks.privacy_real --clean <sources …> [--megabytes 24] [--raw policy.json]

The clean sources are those of benchmarks/text_real.py (the same clean_lines and pages_of): real regulations,
State Council policy pages, Guangdong service guides (policy.json: consulting and complaint lines such as
020-12345, 020-34121084, task codes built on an organ's 统一社会信用代码 such as 11440000006939756B2440101007000,
postcodes) and provincial work reports (sums, dates, statistics). None of their numbers is a person's ID,
mobile or bank card number, so every finding is a false alarm. The kinds below are counted with simple
patterns to show what the check had to pass over; a number may be counted under two kinds.

--raw FILE: the whole file as it is, cut into 2,000-character pages, repeated lines kept (clean_lines keeps each
distinct line once, so policy.json's 3,350 landlines and 2,262 task codes shrink to a few dozen).

Prints the counts, the findings (kind, masked number, the line around it) and the alarm rate per MB.
Recall is not measured here: real pages that expose a person's numbers cannot be copied into the repository
(tests/test_privacy_real.py puts the GB 11643 example number where a real decision has a masked one).
"""

from __future__ import annotations

import argparse
import re

from benchmarks.text_real import clean_lines, pages_of
from checks.privacy import find_personal_data, mask

KINDS = {
    "landline with area code (020-34121084)": re.compile(r"(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)"),
    "hotline 12345 (020-12345)": re.compile(r"(?<!\d)12345(?!\d)"),
    "credit-code-like 18 characters (11440000006939756B …)": re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}"
                                                                      r"[0-9A-HJ-NPQRTUWXY]{10}"),
    "postcode after its label": re.compile(r"(?:邮编|邮政编码)[:：]?\s*\d{6}(?!\d)"),
    "document number (〔2019〕29号)": re.compile(r"〔\d{4}〕\d+号"),
    "run of 11+ digits": re.compile(r"(?<!\d)\d{11,}(?!\d)"),
    "masked number (138****5678, 3206…****)": re.compile(r"\d{2,}\*{3,}\d*"),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--megabytes", type=float, default=24)
    parser.add_argument("--raw", nargs="*", default=[])
    args = parser.parse_args()
    report(pages_of(clean_lines(args.clean, args.megabytes)))
    for path in args.raw:
        with open(path, encoding="utf-8", errors="replace") as f:
            whole = f.read()
        print(f"-- {path} as it is")
        report([whole[i:i + 2000] for i in range(0, len(whole), 2000)])


def report(pages: list[str]) -> None:
    mb = sum(len(p.encode()) for p in pages) / 1e6
    print(f"== {mb:.2f} MB of correct government text, {len(pages)} pages")
    for name, rx in KINDS.items():
        print(f"  {sum(len(rx.findall(p)) for p in pages):7d}  {name}")
    alarms = [(p, hit) for p in pages for hit in find_personal_data(p)]
    print(f"text.privacy findings: {len(alarms)} ({len(alarms) / mb:.2f} per MB), every one a false alarm")
    for page, (kind, number, start, end) in alarms:
        around = " ".join(page[max(0, start - 20):end + 20].split()).replace(number, mask(number))
        print(f"  {kind} {mask(number)}: {around}")


if __name__ == "__main__":
    main()
