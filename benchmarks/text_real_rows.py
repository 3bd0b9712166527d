"""Per-row recall on one batch of benchmarks/data/reported_typos.tsv, planted as benchmarks/text_real.py plants them.

    .venv/bin/python -m benchmarks.text_real_rows --after "# blind6" --clean DIR_OR_FILE ... [--megabytes 40]

--after: the rows from the first comment line that starts with this text to the next comment line (a blind batch,
  collected after the check was written: measure it before changing anything). --clean: as text_real.py (the
  sentences that hold the right form are taken from it). Prints each row with its cases: +f/-f found or missed in a
  sentence that holds the right form (or in the published sentence), +u/-u after a comma of an unrelated sentence.
"""

from __future__ import annotations

import argparse
import random

from benchmarks.text_real import DATA, clean_lines, detected, planted_cases


def batch(marker: str) -> list[tuple[str, str, str]]:
    """(wrong, right, sentence) of the rows after the comment line that starts with `marker`."""
    rows, inside = [], False
    for line in (DATA / "reported_typos.tsv").read_text("utf-8").splitlines():
        if line.startswith("#"):
            inside = line.startswith(marker)
            continue
        parts = line.split("\t")
        if inside and len(parts) >= 5:
            rows.append((parts[0], parts[1], parts[5] if len(parts) > 5 else ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--after", required=True)
    parser.add_argument("--clean", nargs="+", required=True)
    parser.add_argument("--megabytes", type=float, default=40.0)
    args = parser.parse_args()
    lines = clean_lines(args.clean, args.megabytes)
    rnd = random.Random(11)
    with_comma = [line for line in lines if "，" in line and len(line) < 200]
    found = total = 0
    for wrong, right, sentence in batch(args.after):
        marks = []
        for text, at, setting in planted_cases(wrong, right, sentence, lines, with_comma, rnd):
            hit = detected(text, at, wrong)
            found += hit
            total += 1
            marks.append(("+" if hit else "-") + setting[0])  # f: fits, u: unrelated
        print(f"{wrong}→{right}\t{' '.join(marks)}")
    print(f"recall on the batch: {found}/{total} = {found / max(1, total):.2f}")


if __name__ == "__main__":
    main()
